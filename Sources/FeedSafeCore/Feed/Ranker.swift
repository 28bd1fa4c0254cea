/// Who scores a feed's candidates (DESIGN "Feed algorithms", step 2): the built-in weighted rule,
/// or a ranker outside FeedSafe. Either way the platform's policy (harm filters, down-ranking,
/// "not interested", page caps and the profiling rules) applies to the scores afterwards.
public enum RankerChoice: Sendable, Equatable {
  /// The feed's `scoring:` weights over ``ScoringFeature``s.
  case weighted
  /// A program that speaks the ranker protocol (`docs/ranker-protocol.md`).
  case external(ExternalRankerCommand)
}

/// How to start an external ranker: the command and how long it may take to answer.
public struct ExternalRankerCommand: Sendable, Equatable {
  /// The program and its arguments (`[python3, examples/rankers/engagement.py]`), run from the
  /// working directory.
  public var arguments: [String]
  /// Seconds the ranker may take to answer the handshake or one request; above 0.
  public var timeoutSeconds: Double

  /// A command with its timeout.
  public init(arguments: [String], timeoutSeconds: Double = 10) {
    self.arguments = arguments
    self.timeoutSeconds = timeoutSeconds
  }
}

/// One page to score: what the platform may use about the person (their settings decide), the
/// session, and the candidates with their features. Never the items' true harm labels.
public struct RankingRequest: Sendable {
  /// Names the request in messages: `d<day>.p<person>.<page of the person's day>`.
  public var id: String
  /// The simulated day (burn-in included), from 0.
  public var day: Int
  /// The person's assessed age band (its name in the scenario).
  public var band: String
  /// Declared interests, as topic dimensions.
  public var declaredInterests: [Int]
  /// The inferred profile per dimension; `nil` where profiling is not allowed.
  public var profile: [Float]?
  /// Behavioural events observed so far; `nil` where profiling is not allowed.
  public var observedEvents: Int?
  /// The item viewed just before this page in the session; `nil` on a session's first page.
  public var lastItem: Int?
  /// 1 ÷ the largest popularity of any item yesterday (0 when none had any): the built-in
  /// `popularity` feature is `popularity × weight × this`.
  public var inverseMaximumPopularity: Float
  /// The candidates, in the order their sources drew them.
  public var candidates: [RankingCandidate]
}

/// A candidate of a ``RankingRequest`` with its features, computed as the weighted rule does.
public struct RankingCandidate: Sendable {
  /// The item row.
  public var item: Int
  /// The source that drew it.
  public var source: CandidateSource
  /// Its primary topic.
  public var topic: Int
  /// The classifier's harm category (index in the taxonomy); `nil` when predicted benign.
  public var predictedHarm: Int?
  /// Days since it was published.
  public var ageDays: Int
  /// Yesterday's engagements with it.
  public var popularity: Int
  /// ``ScoringFeature/freshness``, ``ScoringFeature/appeal`` and
  /// ``ScoringFeature/declaredInterest``.
  public var freshness: Float, appeal: Float, declaredInterest: Float
  /// ``ScoringFeature/affinity``, ``ScoringFeature/predictedWatch`` and
  /// ``ScoringFeature/predictedEngagement``; `nil` where profiling is not allowed.
  public var affinity: Float?, predictedWatch: Float?, predictedEngagement: Float?
  /// ``ScoringFeature/context``; `nil` on a session's first page.
  public var context: Float?
}

/// A ranker outside FeedSafe, as one worker thread talks to it.
///
/// A protocol because the implementation needs I/O, which Core has none of (`STYLE.md` §2): the
/// subprocess ranker lives in `FeedSafeRanker`. Each worker has its own instance and calls it
/// from one thread at a time, in the worker's person order, so a pure ranker gives results that
/// do not depend on the thread count.
public protocol PageRanker: AnyObject, Sendable {
  /// One score per candidate of `request`, in candidate order, each finite.
  /// - Throws: ``RankerFailure`` naming the request when the ranker cannot answer it.
  func scores(for request: RankingRequest) throws(RankerFailure) -> [Float]
}

/// Starts the external rankers of an arm: one per worker and external feed.
public protocol RankerProvider: Sendable {
  /// A ranker for `feed` (whose `ranker` is `.external(command)`), for worker `worker` of `arm`
  /// on `seed`.
  func ranker(
    for feed: FeedDefinition, command: ExternalRankerCommand, arm: String, seed: UInt64,
    worker: Int
  ) throws(RankerFailure) -> any PageRanker
}

/// An external ranker that failed: crashed, hung, or answered what the protocol does not allow.
/// The run fails with it (exit 3); its results are not stored as complete.
public struct RankerFailure: Error, Sendable, CustomStringConvertible {
  /// What went wrong, naming the feed and the request.
  public var message: String
  /// A failure with its message.
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

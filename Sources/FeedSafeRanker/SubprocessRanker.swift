import FeedSafeCore
import Foundation

/// An external ranker run as a child process speaking `docs/ranker-protocol.md`: a handshake
/// that picks protocol 1 (candidates as objects) or 2 (candidates as columns), then one `rank`
/// request per page, each answered before the next is sent.
///
/// A class: it owns the process (and, when verifying, a twin) and counts the time spent in the
/// protocol. `@unchecked Sendable` because exactly one worker thread uses an instance, and
/// only while that worker simulates a day (`PageRanker`).
final class SubprocessRanker: PageRanker, @unchecked Sendable {
  /// The protocol versions FeedSafe speaks; the ranker's handshake picks one.
  static let protocolVersions = [1, 2]

  private let process: RankerProcess
  /// A second process that answers every `verifyEvery`-th request again (`--verify-ranker`).
  private let twin: RankerProcess?
  /// The version the ranker's handshake chose.
  private let version: Int
  private let verifyEvery = 7
  private var sent = 0
  private let clock: ProtocolClock

  init(
    feed: FeedDefinition, command: ExternalRankerCommand, arm: String, seed: UInt64,
    verifies: Bool, clock: ProtocolClock
  ) throws(RankerFailure) {
    let label =
      "ranker of feed '\(feed.name)' (\(command.arguments.joined(separator: " ")); "
      + "arm '\(arm)', seed \(seed))"
    let versions = Self.spoken(joinedBy: ",")
    let features = ScoringFeature.allCases.map { RankerJSON.quoted($0.rawValue) }
    let hello =
      "{\"type\":\"hello\",\"protocol\":1,\"protocols\":[\(versions)],\"feed\":"
      + RankerJSON.quoted(feed.name)
      + ",\"arm\":" + RankerJSON.quoted(arm) + ",\"seed\":\(seed),\"features\":["
      + features.joined(separator: ",") + "]}"
    (process, version) = try Self.start(command, label: label, hello: hello)
    if verifies {
      let (twin, twinVersion) = try Self.start(command, label: label + " (twin)", hello: hello)
      guard twinVersion == version else {
        throw RankerFailure(
          "\(label): is not deterministic: its twin chose protocol \(twinVersion) in the same "
            + "handshake, the first process \(version)")
      }
      self.twin = twin
    } else {
      twin = nil
    }
    self.clock = clock
  }

  private static func start(
    _ command: ExternalRankerCommand, label: String, hello: String
  ) throws(RankerFailure) -> (RankerProcess, version: Int) {
    let process = try RankerProcess(
      arguments: command.arguments, timeoutSeconds: command.timeoutSeconds, label: label)
    let line = try process.exchange(hello, request: "hello")
    guard let reply = RankerJSON.parse(line), reply["type"] == .string("hello") else {
      throw RankerFailure(
        "\(label): answered the handshake with \(excerpt(line)); expected "
          + "{\"type\": \"hello\", \"protocol\": \(spoken(joinedBy: " or "))}")
    }
    guard case .number(let number) = reply["protocol"], let version = Int(exactly: number),
      protocolVersions.contains(version)
    else {
      throw RankerFailure(
        "\(label): speaks protocol \(reply["protocol"].map(describe) ?? "(none)"); "
          + "FeedSafe speaks \(spoken(joinedBy: " and "))")
    }
    return (process, version)
  }

  /// The versions FeedSafe speaks, for messages: `1 or 2`, `1 and 2`.
  private static func spoken(joinedBy separator: String) -> String {
    protocolVersions.map(String.init).joined(separator: separator)
  }

  func scores(for request: RankingRequest) throws(RankerFailure) -> [Float] {
    let started = DispatchTime.now().uptimeNanoseconds
    defer { clock.add(pages: 1, nanoseconds: DispatchTime.now().uptimeNanoseconds - started) }
    let line = RankingRequestJSON.line(request, protocol: version)
    let scores = try Self.scores(
      try process.exchange(line, request: request.id), of: request, protocol: version,
      label: process.label)
    sent += 1
    if let twin, sent % verifyEvery == 1 {
      let again = try Self.scores(
        try twin.exchange(line, request: request.id), of: request, protocol: version,
        label: twin.label)
      for (position, (first, second)) in zip(scores, again).enumerated()
      where first.bitPattern != second.bitPattern {
        throw RankerFailure(
          "\(process.label): is not deterministic: request '\(request.id)' scored item "
            + "\(request.candidates[position].item) \(first) the first time and \(second) the "
            + "second (a ranker must be a pure function of each request)")
      }
    }
    return scores
  }

  /// The scores of `reply`, one per candidate in candidate order, after checking that it answers
  /// `request`, scores each candidate exactly once and every score is a finite `Float`. Protocol
  /// 1 answers `[item, score]` pairs in any order, protocol 2 a list in candidate order.
  static func scores(
    _ line: ArraySlice<UInt8>, of request: RankingRequest, protocol version: Int, label: String
  ) throws(RankerFailure) -> [Float] {
    let expected =
      "{\"id\": \"\(request.id)\", \"scores\": "
      + (version == 1 ? "[[item, score], ...]}" : "[score, ...] (one per candidate, in order)}")
    func failure(_ problem: String) -> RankerFailure {
      RankerFailure("\(label): request '\(request.id)': \(problem)")
    }
    guard let reply = RankerJSON.parse(line) else {
      throw failure("the answer is not JSON: \(excerpt(line)); expected \(expected)")
    }
    guard reply["id"] == .string(request.id) else {
      throw failure(
        "the answer's id is \(reply["id"].map(describe) ?? "missing"); expected \(expected)")
    }
    guard case .array(let answers) = reply["scores"] else {
      throw failure("the answer has no 'scores' list; expected \(expected)")
    }
    func finite(_ value: RankerJSON, item: Int) throws(RankerFailure) -> Float {
      let score: Float
      switch value {
      case .number(let number): score = Float(number)
      case .nonFinite(let text):
        throw failure("item \(item) has a non-finite score (\(text)); scores must be finite")
      default:
        throw failure("item \(item)'s score \(describe(value)) is not a number")
      }
      guard score.isFinite else {
        throw failure(
          "item \(item) has a non-finite score (\(score) as a 32-bit float); scores must be finite")
      }
      return score
    }
    if version != 1 {
      guard answers.count == request.candidates.count else {
        throw failure(
          "\(answers.count) scores for \(request.candidates.count) candidates; expected \(expected)"
        )
      }
      var scores: [Float] = []
      scores.reserveCapacity(answers.count)
      for (answer, candidate) in zip(answers, request.candidates) {
        scores.append(try finite(answer, item: candidate.item))
      }
      return scores
    }
    var position: [Int: Int] = [:]
    for (index, candidate) in request.candidates.enumerated() { position[candidate.item] = index }
    var scores = [Float](repeating: 0, count: request.candidates.count)
    var scored = [Bool](repeating: false, count: request.candidates.count)
    for pair in answers {
      guard case .array(let parts) = pair, parts.count == 2, case .number(let id) = parts[0],
        let item = Int(exactly: id)
      else {
        throw failure("\(describe(pair)) is not an [item, score] pair; expected \(expected)")
      }
      guard let index = position[item] else {
        throw failure("item \(item) is not a candidate of this request (unknown id)")
      }
      guard !scored[index] else { throw failure("item \(item) is scored twice") }
      scores[index] = try finite(parts[1], item: item)
      scored[index] = true
    }
    if let missing = scored.firstIndex(of: false) {
      throw failure("candidate item \(request.candidates[missing].item) has no score")
    }
    return scores
  }

  /// At most 80 characters of a line, for messages.
  static func excerpt(_ line: ArraySlice<UInt8>) -> String {
    let text = String(decoding: line.prefix(80), as: UTF8.self)
    return "'" + text + (line.count > 80 ? "…" : "") + "'"
  }

  static func describe(_ value: RankerJSON) -> String {
    switch value {
    case .number(let x): x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    case .string(let s): RankerJSON.quoted(s)
    case .nonFinite(let s): s
    case .bool(let b): "\(b)"
    case .null: "null"
    case .array: "a list"
    case .object: "an object"
    }
  }
}

/// Pages scored by external rankers and the time spent doing it, summed over worker threads.
///
/// A class shared by every ranker of a run, behind a lock.
public final class ProtocolClock: @unchecked Sendable {
  private let lock = NSLock()
  private var pageCount = 0
  private var nanoseconds: UInt64 = 0

  /// A clock at zero.
  public init() {}

  func add(pages: Int, nanoseconds: UInt64) {
    lock.lock()
    pageCount += pages
    self.nanoseconds += nanoseconds
    lock.unlock()
  }

  /// Pages scored so far.
  public var pages: Int {
    lock.lock()
    defer { lock.unlock() }
    return pageCount
  }

  /// Seconds spent in requests so far (encoding, the ranker's work, reading and checking).
  public var seconds: Double {
    lock.lock()
    defer { lock.unlock() }
    return Double(nanoseconds) / 1e9
  }
}

/// Starts every external ranker of a run as a subprocess (`docs/ranker-protocol.md`).
public struct SubprocessRankers: RankerProvider {
  /// Whether each ranker gets a twin process that answers a sample of requests again, to check
  /// that it is deterministic (`--verify-ranker`).
  public var verifies: Bool
  /// Where the rankers count their pages and time.
  public let clock = ProtocolClock()

  /// Rankers started as subprocesses.
  public init(verifies: Bool = false) { self.verifies = verifies }

  public func ranker(
    for feed: FeedDefinition, command: ExternalRankerCommand, arm: String, seed: UInt64,
    worker: Int
  ) throws(RankerFailure) -> any PageRanker {
    try SubprocessRanker(
      feed: feed, command: command, arm: arm, seed: seed, verifies: verifies, clock: clock)
  }
}

/// The sizes and constants of the peers' reference workload.
///
/// Mirrors `Params` in `shared/peers/workload.py` field by field (names spelled out); the
/// defaults are that file's. One *user-step* is one page of `pageSize` items served to one user.
public struct WorkloadParameters: Sendable, Equatable {
  /// Users; the first `childCount` are children.
  public var users = 1_000
  /// Catalogue size.
  public var items = 10_000
  /// Topics; the last `harmTopics` are harm categories.
  public var topics = 20
  /// Harm categories (the last topics).
  public var harmTopics = 4
  /// Steps: pages served to every user.
  public var steps = 100
  /// Items per page (k).
  public var pageSize = 10
  /// Uniformly drawn candidates scored per page; 0 scores the whole catalogue.
  public var candidates = 0
  /// Share of users who are children.
  public var childShare = 0.3
  /// Share of items whose primary topic is a harm category.
  public var harmShare = 0.08
  /// Moderation classifier recall on harmful items.
  public var recall = 0.85
  /// Moderation false-positive rate on benign items.
  public var falsePositiveRate = 0.01
  /// Engagement model: intercept, interest, appeal and harm-susceptibility coefficients.
  public var engagementIntercept: Float = -3
  public var interestWeight: Float = 3
  public var appealWeight: Float = 1
  public var harmWeight: Float = 0.8
  /// Interest drift toward the engaged items per page (eta).
  public var interestDrift: Float = 0.05
  /// Platform-profile update toward the engaged items per page (lambda).
  public var profileDrift: Float = 0.2
  /// Ranking weights on popularity and appeal.
  public var rankingPopularityWeight: Float = 0.1
  public var rankingAppealWeight: Float = 0.2
  /// Share of users with a latent interest in one harm topic.
  public var harmInterestShare = 0.2
  /// The run's seed.
  public var seed: UInt64 = 42

  /// The peers' defaults (scale A, whole catalogue, seed 42) with the sizes the peers' flags set.
  public init(
    users: Int = 1_000, items: Int = 10_000, topics: Int = 20, steps: Int = 100, pageSize: Int = 10,
    candidates: Int = 0, seed: UInt64 = 42
  ) {
    self.users = users
    self.items = items
    self.topics = topics
    self.steps = steps
    self.pageSize = pageSize
    self.candidates = candidates
    self.seed = seed
  }

  /// Scale A of the peers README: 1,000 users × 10,000 items × 100 steps.
  public static var scaleA: WorkloadParameters { WorkloadParameters() }

  /// Scale B of the peers README: 10,000 users × 50,000 items × 30 steps.
  public static var scaleB: WorkloadParameters {
    WorkloadParameters(users: 10_000, items: 50_000, steps: 30)
  }

  /// Children: `round(users × childShare)`, rounding halves to even as Python does.
  public var childCount: Int { Int((Double(users) * childShare).rounded(.toNearestOrEven)) }

  /// Benign topics (the first ones).
  public var benignTopics: Int { topics - harmTopics }

  /// Whether the page comes from `candidates` random items rather than the whole catalogue.
  public var usesCandidates: Bool { candidates > 0 }

  /// Problems with the sizes, as sentences; empty when the parameters can run.
  public var problems: [String] {
    var problems: [String] = []
    if users < 1 { problems.append("--U must be at least 1, got \(users)") }
    if topics < 2 || harmTopics < 1 || harmTopics >= topics {
      problems.append("--T must exceed the \(harmTopics) harm topics, got \(topics)")
    }
    if steps < 1 { problems.append("--S must be at least 1, got \(steps)") }
    if pageSize < 1 { problems.append("--k must be at least 1, got \(pageSize)") }
    if items < pageSize { problems.append("--I must be at least --k (\(pageSize)), got \(items)") }
    if candidates < 0 {
      problems.append("--C must be 0 (whole catalogue) or positive, got \(candidates)")
    }
    if candidates > 0 && candidates < pageSize {
      problems.append("--C must be at least --k (\(pageSize)) when set, got \(candidates)")
    }
    return problems
  }
}

/// The built-in feeds a scenario can name (`feed: engagement`). Quotas and weights are
/// assumptions chosen to be typical of each design; `docs/feeds.md` explains each.
public enum FeedPreset: String, Sendable, CaseIterable {
  /// Newest items from followed creators, newest first.
  case chronological
  /// What was most engaged with yesterday.
  case trending
  /// Items near the inferred profile, ranked by affinity.
  case interest
  /// The usual "for you" feed: profile and trending candidates ranked by the platform's learned
  /// predictions of watch time and engagement, with exploration slots.
  case engagement
  /// Items near the item just viewed.
  case contextual
  /// Items on the person's declared interests, ranked by popularity and freshness.
  case declaredInterests = "declared_interests"

  /// The preset's feed definition.
  public var definition: FeedDefinition {
    switch self {
    case .chronological:
      FeedDefinition(
        name: rawValue,
        sources: [SourceQuota(.following, quota: 30), SourceQuota(.random, quota: 5)],
        weights: [.freshness: 1])
    case .trending:
      FeedDefinition(
        name: rawValue,
        sources: [SourceQuota(.trending, quota: 40), SourceQuota(.random, quota: 5)],
        weights: [.popularity: 1, .freshness: 0.2])
    case .interest:
      FeedDefinition(
        name: rawValue,
        sources: [
          SourceQuota(.personalised, quota: 40), SourceQuota(.following, quota: 10),
          SourceQuota(.random, quota: 10),
        ],
        weights: [.affinity: 1, .freshness: 0.2], fallback: FeedPreset.declaredInterests.rawValue,
        exploration: 0.1)
    case .engagement:
      FeedDefinition(
        name: rawValue,
        sources: [
          SourceQuota(.personalised, quota: 40), SourceQuota(.trending, quota: 15),
          SourceQuota(.following, quota: 10), SourceQuota(.random, quota: 5),
        ],
        weights: [
          .predictedWatch: 1, .predictedEngagement: 0.5, .popularity: 0.3, .freshness: 0.1,
        ],
        fallback: FeedPreset.declaredInterests.rawValue, exploration: 0.1)
    case .contextual:
      FeedDefinition(
        name: rawValue,
        sources: [SourceQuota(.contextual, quota: 30), SourceQuota(.trending, quota: 10)],
        weights: [.context: 1, .popularity: 0.3, .appeal: 0.2])
    case .declaredInterests:
      FeedDefinition(
        name: rawValue,
        sources: [
          SourceQuota(.declaredInterests, quota: 30), SourceQuota(.trending, quota: 15),
          SourceQuota(.random, quota: 5),
        ],
        weights: [.declaredInterest: 1, .popularity: 0.5, .freshness: 0.2])
    }
  }
}

/// Where a feed finds candidate items (DESIGN "Feed algorithms", step 1).
public enum CandidateSource: String, Sendable, CaseIterable {
  /// Recent items from creators the person follows (provided data).
  case following
  /// Items most engaged with on earlier days (by appeal on day 0).
  case trending
  /// Items near the inferred profile. Needs profiling.
  case personalised
  /// Items on the person's declared interests (provided data).
  case declaredInterests = "declared_interests"
  /// Items near the item just viewed (session memory only).
  case contextual
  /// Uniformly random published items: the pool the feed's exploration slots draw from.
  case random

  /// Whether the source reads the inferred profile, and so is unavailable without profiling.
  public var needsProfile: Bool { self == .personalised }
}

/// A named feature of the scoring rule (DESIGN "Feed algorithms", step 2). Every feature is in
/// [0, 1], so a weighted sum with non-negative weights is non-negative and down-ranking by a factor
/// is meaningful.
public enum ScoringFeature: String, Sendable, CaseIterable {
  /// Dot product of the inferred profile and the item's embedding. Needs profiling.
  case affinity
  /// The platform's learned engagement prediction for the person's audience segment, as a lift
  /// over the global rate (``EngagementStatistics``). Needs profiling.
  case predictedEngagement = "predicted_engagement"
  /// Yesterday's engagements with the item ÷ the most any item had.
  case popularity
  /// exp(−age in days ÷ 7).
  case freshness
  /// The item's appeal (an item-level engagement estimate that needs no profile).
  case appeal
  /// Largest weight of the item on a declared interest.
  case declaredInterest = "declared_interest"
  /// Dot product with the item just viewed (session memory only).
  case context
  /// The platform's learned prediction that the person's audience segment watches the item to
  /// the end (watch time), as a lift over the global rate. Needs profiling.
  case predictedWatch = "predicted_watch"

  /// Whether the feature reads the inferred profile.
  public var needsProfile: Bool {
    self == .affinity || self == .predictedEngagement || self == .predictedWatch
  }
}

/// One candidate source with its quota: how many candidates it draws for each page.
public struct SourceQuota: Sendable, Equatable {
  /// The source.
  public var source: CandidateSource
  /// Candidates drawn from it per page.
  public var quota: Int
  /// A source with a quota.
  public init(_ source: CandidateSource, quota: Int) {
    self.source = source
    self.quota = quota
  }
}

/// A rule-based feed: candidate sources, a scoring rule and a page size. Policy filters come from
/// the arm (``BandPolicy``), not from the feed, so one feed can be run under many policies.
public struct FeedDefinition: Sendable, Equatable {
  /// The feed's name (a preset name or the scenario's own).
  public var name: String
  /// Candidate sources with quotas.
  public var sources: [SourceQuota]
  /// Weight of each scoring feature, in `ScoringFeature.allCases` order; non-negative.
  public var weights: [Double]
  /// Items per page.
  public var pageSize: Int
  /// Items in the trending list the trending source draws from.
  public var trendingSize: Int
  /// The feed served instead when this one needs a profile and profiling is off; `nil` when the
  /// feed needs none.
  public var fallback: String?
  /// Share of page slots that show the best-scored candidate of the `random` source instead of
  /// the best-scored candidate overall (exploration), in [0, 1].
  public var exploration: Double
  /// Who scores the candidates: the weights above, or an external ranker (policy applies after
  /// either).
  public var ranker: RankerChoice

  /// A feed with every attribute given.
  public init(
    name: String, sources: [SourceQuota], weights: [ScoringFeature: Double], pageSize: Int = 10,
    trendingSize: Int = 200, fallback: String? = nil, exploration: Double = 0,
    ranker: RankerChoice = .weighted
  ) {
    self.name = name
    self.sources = sources
    self.weights = ScoringFeature.allCases.map { weights[$0] ?? 0 }
    self.pageSize = pageSize
    self.trendingSize = trendingSize
    self.fallback = fallback
    self.exploration = exploration
    self.ranker = ranker
  }

  /// The weight of one feature.
  public func weight(of feature: ScoringFeature) -> Double {
    weights[ScoringFeature.allCases.firstIndex(of: feature) ?? 0]
  }

  /// Whether any source or weighted feature reads the inferred profile.
  public var needsProfile: Bool {
    sources.contains { $0.source.needsProfile && $0.quota > 0 }
      || ScoringFeature.allCases.contains { $0.needsProfile && weight(of: $0) > 0 }
  }
}

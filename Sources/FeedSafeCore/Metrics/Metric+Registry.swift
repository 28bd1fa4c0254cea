/// What each metric is measured in, which group it belongs to and where reports put it: the one
/// registry every renderer reads (`docs/metrics.md` shows it as a table, checked by a test).
extension Metric {
  /// The part of a child's experience a metric is about.
  public enum Group: String, Sendable, CaseIterable {
    /// Harmful content in the feed.
    case exposure
    /// How much the feed is used (neither better nor worse in itself).
    case use
    /// The data the platform holds to personalise the feed.
    case profiling
    /// What moderation removes that it should not.
    case moderation
    /// The data held by kind: provided, observed, inferred.
    case data
    /// Ads and commercial content.
    case ads
    /// Contact from unknown adults and location.
    case contact
    /// Settings and access to the platform.
    case settings
  }

  /// The metric's group.
  public var group: Group {
    switch self {
    case .exposurePerThousand, .exposuresPerHour, .reach, .minutesToFirst, .amplification, .drift,
      .streakP95:
      .exposure
    case .minutesPerDay, .engagementsPerThousand, .completionShare: .use
    case .dataPoints: .profiling
    case .overblockingPerThousand: .moderation
    case .dataPointsProvided, .dataPointsObserved, .dataPointsInferred: .data
    case .adsPerHour, .restrictedAdsPerThousandAds, .profiledAdsShare,
      .commercialContentPerThousand,
      .adInterestAlignment, .commercialInterestAlignment:
      .ads
    case .strangerRequestsPer30Days, .acceptedStrangerRequestsPer30Days, .contactedByUnknownAdult,
      .badActorContact, .locationVisibleToStrangers, .locatedContact, .strangerMessagesExchanged,
      .privateChannelRequested, .metStrangerOffline:
      .contact
    case .settingsOnDefault, .onPlatform: .settings
    }
  }

  /// The unit of its values, as reports and `docs/metrics.md` print it.
  public var unit: String {
    switch self {
    case .exposurePerThousand, .engagementsPerThousand, .overblockingPerThousand:
      "per 1,000 impressions"
    case .exposuresPerHour: "per hour of feed time"
    case .minutesToFirst: "minutes"
    case .amplification, .drift: "ratio"
    case .streakP95: "impressions"
    case .minutesPerDay: "minutes per person per day"
    case .dataPoints, .dataPointsProvided, .dataPointsObserved, .dataPointsInferred:
      "data points per person"
    case .adsPerHour: "ads per hour of feed time"
    case .restrictedAdsPerThousandAds: "per 1,000 ads"
    case .commercialContentPerThousand: "per 1,000 organic impressions"
    case .strangerRequestsPer30Days, .acceptedStrangerRequestsPer30Days:
      "requests per person per 30 days"
    case .adInterestAlignment, .commercialInterestAlignment: "dot product (0–1)"
    case .profiledAdsShare: "share of ads (0–1)"
    case .reach, .completionShare, .contactedByUnknownAdult, .badActorContact,
      .locationVisibleToStrangers, .locatedContact, .strangerMessagesExchanged,
      .privateChannelRequested, .metStrangerOffline, .settingsOnDefault, .onPlatform:
      "share (0–1)"
    }
  }

  /// Every metric in the order readers look for them: children's exposure first, then contact,
  /// ads and data, then use. Compare, check and the report list rows in this order.
  public static let reportOrder: [Metric] = {
    let first: [Metric] = [
      .exposurePerThousand, .reach, .minutesToFirst, .streakP95, .amplification,
      .exposuresPerHour, .drift, .overblockingPerThousand, .contactedByUnknownAdult,
      .badActorContact, .acceptedStrangerRequestsPer30Days, .strangerRequestsPer30Days,
      .locationVisibleToStrangers, .locatedContact, .strangerMessagesExchanged,
      .privateChannelRequested, .metStrangerOffline, .restrictedAdsPerThousandAds,
      .profiledAdsShare, .adsPerHour, .commercialContentPerThousand, .adInterestAlignment,
      .commercialInterestAlignment, .dataPoints, .dataPointsProvided, .dataPointsObserved,
      .dataPointsInferred, .settingsOnDefault, .onPlatform, .minutesPerDay,
      .engagementsPerThousand, .completionShare,
    ]
    return first + allCases.filter { !first.contains($0) }
  }()

  /// The metric's place in ``reportOrder``.
  public var reportRank: Int { Self.reportOrder.firstIndex(of: self) ?? Self.allCases.count }

  /// Whether the metric is about ads, contact, location, data or consent rather than the feed.
  public var isBeyondFeed: Bool {
    switch group {
    case .exposure, .use, .profiling, .moderation: false
    case .data, .ads, .contact, .settings: true
    }
  }
}

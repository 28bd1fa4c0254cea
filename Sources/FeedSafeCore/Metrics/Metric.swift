/// The metrics FeedSafe reports. Names are frozen once released: a redefined metric gets a new
/// name. Units, groups and report order are in `Metric+Registry.swift`; definitions and sources
/// in `docs/metrics.md`.
public enum Metric: String, Sendable, CaseIterable, Comparable {
  /// Harmful impressions per 1,000 impressions.
  case exposurePerThousand = "exposure_per_1k"
  /// Harmful impressions per hour of feed time.
  case exposuresPerHour = "exposures_per_hour"
  /// Share of people with at least one harmful impression.
  case reach
  /// Kaplan–Meier median feed minutes until the first harmful impression.
  case minutesToFirst = "minutes_to_first"
  /// Harmful share of the feed ÷ harmful share of the eligible catalogue.
  case amplification
  /// Harmful share on the last day ÷ on the first day.
  case drift
  /// 95th percentile over people of the longest run of consecutive harmful impressions.
  case streakP95 = "streak_p95"
  /// Mean feed minutes per person per day.
  case minutesPerDay = "minutes_per_day"
  /// Engagements (likes, shares, comments) per 1,000 impressions.
  case engagementsPerThousand = "engagements_per_1k"
  /// Share of impressions watched to the end.
  case completionShare = "completion_share"
  /// Observed + inferred data points held per person at the end of the run.
  case dataPoints = "data_points"
  /// Benign items removed by harm filters per 1,000 impressions.
  case overblockingPerThousand = "overblocking_per_1k"
  /// Data points the person provided (declared age, declared interests, follows).
  case dataPointsProvided = "data_points_provided"
  /// Observed data points held: engagement events while profiling, plus third-party tracking
  /// data collected with consent.
  case dataPointsObserved = "data_points_observed"
  /// Inferred data points held (non-zero dimensions of the inferred profile).
  case dataPointsInferred = "data_points_inferred"
  /// Ads per hour of organic feed time.
  case adsPerHour = "ads_per_hour"
  /// Age-restricted ads per 1,000 ads.
  case restrictedAdsPerThousandAds = "restricted_ads_per_1k_ads"
  /// Share of ads chosen on the profile.
  case profiledAdsShare = "profiled_ads_share"
  /// Unlabelled commercial items per 1,000 organic impressions.
  case commercialContentPerThousand = "commercial_content_per_1k"
  /// Requests from unknown adults per person per 30 days.
  case strangerRequestsPer30Days = "stranger_requests_per_30d"
  /// Accepted requests from unknown adults per person per 30 days.
  case acceptedStrangerRequestsPer30Days = "accepted_stranger_requests_per_30d"
  /// Share of people contacted (request or message) by an unknown adult.
  case contactedByUnknownAdult = "contacted_by_unknown_adult"
  /// Share of people contacted by a bad actor.
  case badActorContact = "bad_actor_contact"
  /// Share of people whose precise location strangers can see.
  case locationVisibleToStrangers = "location_visible_to_strangers"
  /// Share of people contacted by an unknown adult who can see their location.
  case locatedContact = "located_contact"
  /// Share of people who exchanged messages with an unknown adult whose request they accepted.
  case strangerMessagesExchanged = "stranger_messages_exchanged"
  /// Share of people an unknown adult asked to move to a private channel.
  case privateChannelRequested = "private_channel_requested"
  /// Share of people who met offline an unknown adult they had only spoken to online.
  case metStrangerOffline = "met_stranger_offline"
  /// Mean alignment of the ads a person sees with their interests (dot product, 0–1).
  case adInterestAlignment = "ad_interest_alignment"
  /// Mean alignment of the unlabelled commercial content a person sees with their interests.
  case commercialInterestAlignment = "commercial_interest_alignment"
  /// Share of people whose profile and location settings are all still at their defaults at the
  /// end of the horizon.
  case settingsOnDefault = "settings_on_default"
  /// Share of the cohort on the platform (under-13s may be refused without consent).
  case onPlatform = "on_platform"

  public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
  private var order: Int { Metric.allCases.firstIndex(of: self) ?? 0 }

  /// Whether the metric is per harm measure (otherwise its category is ``Metric/allCategories``).
  public var isPerCategory: Bool {
    switch self {
    case .exposurePerThousand, .exposuresPerHour, .reach, .minutesToFirst, .amplification, .drift,
      .streakP95:
      true
    default: false
    }
  }

  /// Whether a larger value means more harm to the cohort (for "worse" in compare and check).
  public var higherIsWorse: Bool {
    switch self {
    case .minutesToFirst: false
    default: true
    }
  }

  /// Whether a change is neither better nor worse in itself (feed time, being on the platform).
  public var isNeutral: Bool {
    switch self {
    case .minutesPerDay, .engagementsPerThousand, .completionShare, .onPlatform: true
    default: false
    }
  }

  /// The category label of metrics that are not per harm measure.
  public static let allCategories = "all"
}

/// One metric value of one arm, seed, cohort and category.
public struct MetricValue: Sendable, Equatable {
  /// The arm.
  public var arm: String
  /// The seed.
  public var seed: UInt64
  /// The cohort name.
  public var cohort: String
  /// The harm measure name, or `all`.
  public var category: String
  /// The metric.
  public var metric: Metric
  /// The value.
  public var value: Double

  /// A metric value.
  public init(
    arm: String, seed: UInt64, cohort: String, category: String, metric: Metric, value: Double
  ) {
    self.arm = arm
    self.seed = seed
    self.cohort = cohort
    self.category = category
    self.metric = metric
    self.value = value
  }
}

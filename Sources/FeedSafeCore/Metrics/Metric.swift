/// The metrics FeedSafe reports. Names are frozen once released: a redefined metric gets a new
/// name. Definitions, units and sources are in `docs/metrics.md`.
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
  /// Observed + inferred data points held per person at the end of the run.
  case dataPoints = "data_points"
  /// Benign items removed by harm filters per 1,000 impressions.
  case overblockingPerThousand = "overblocking_per_1k"

  public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
  private var order: Int { Metric.allCases.firstIndex(of: self) ?? 0 }

  /// Whether the metric is per harm measure (otherwise its category is ``Metric/allCategories``).
  public var isPerCategory: Bool {
    switch self {
    case .minutesPerDay, .dataPoints, .overblockingPerThousand: false
    default: true
    }
  }

  /// Whether a larger value means more harm to the cohort (for "worse" in compare and check).
  public var higherIsWorse: Bool {
    switch self {
    case .minutesToFirst: false
    default: true
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

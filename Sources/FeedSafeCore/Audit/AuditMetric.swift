/// The metrics of audit accounts, per persona, phase (or the whole script, phase `all`) and harm
/// measure. Definitions are in `docs/audits.md`; names are frozen once released.
public enum AuditMetric: String, Sendable, CaseIterable, Comparable {
  /// Items viewed per account.
  case impressions
  /// Feed minutes per account.
  case minutes
  /// Harmful impressions ÷ impressions, pooled over replicas.
  case harmfulShare = "harmful_share"
  /// Harmful impressions per feed minute, pooled over replicas.
  case harmfulPerMinute = "harmful_per_minute"
  /// Kaplan–Meier median, over replicas, of the items viewed before the first harmful one.
  case itemsToFirst = "items_to_first"
  /// Kaplan–Meier median, over replicas, of the feed minutes before the first harmful item.
  case minutesToFirst = "minutes_to_first"
  /// Mean over replicas of the longest run of consecutive harmful items.
  case longestStreak = "longest_streak"
  /// Kaplan–Meier median, over replicas, of the items after a phase change until the harmful share
  /// of the last 50 items viewed is half what it was at the change.
  case recoveryImpressions = "recovery_impressions"

  public static func < (a: Self, b: Self) -> Bool {
    (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
  }

  /// Whether the metric is per harm measure (otherwise its category is `all`).
  public var isPerCategory: Bool { self != .impressions && self != .minutes }

  /// Items in the trailing window `recovery_impressions` reads the harmful share over.
  public static let recoveryWindow = 50
  /// Feed minutes per window of the harmful-share series.
  public static let windowMinutes = 10
  /// Items per window of the harmful-share series.
  public static let windowImpressions = 50
  /// The phase label of metrics over a persona's whole script.
  public static let wholeScript = "all"
}

/// One audit metric value of one arm and seed.
public struct AuditValue: Sendable, Equatable {
  public var arm: String
  public var seed: UInt64
  public var persona: String
  /// A phase name, or ``AuditMetric/wholeScript``.
  public var phase: String
  /// A harm measure, or `all`.
  public var category: String
  public var metric: AuditMetric
  public var value: Double

  /// A value.
  public init(
    arm: String, seed: UInt64, persona: String, phase: String, category: String,
    metric: AuditMetric, value: Double
  ) {
    self.arm = arm
    self.seed = seed
    self.persona = persona
    self.phase = phase
    self.category = category
    self.metric = metric
    self.value = value
  }
}

/// Items and harmful items of one persona in one window of its feed time or item count, pooled
/// over replicas: the series the report's persona chart draws.
public struct AuditWindow: Sendable, Equatable {
  /// How windows are counted.
  public enum Unit: String, Sendable, CaseIterable {
    /// Every ``AuditMetric/windowMinutes`` feed minutes.
    case minutes
    /// Every ``AuditMetric/windowImpressions`` items.
    case impressions
  }
  public var arm: String
  public var seed: UInt64
  public var persona: String
  public var unit: Unit
  /// Window position from the account's first item (0-based).
  public var index: Int
  /// Items viewed in the window, over replicas.
  public var impressions: Int
  /// Harmful items per measure, in measure order.
  public var harmful: [Int]
}

/// One row of an audit account's exposure trace, with names resolved for reading.
public struct AuditTraceRow: Sendable, Equatable {
  public var arm: String
  public var seed: UInt64
  public var persona: String
  public var replica: Int
  /// Position in the account's trace (0-based).
  public var sequence: Int
  public var day: Int
  /// Feed minutes of the account before the item.
  public var minute: Double
  public var phase: String
  public var item: Int
  public var topic: String
  /// True harm category (`nil`: benign).
  public var harm: String?
  /// The classifier's label (`nil`: predicted benign).
  public var predictedHarm: String?
  public var position: Int
  public var source: String
  public var watched: Bool
  public var engaged: Bool
  public var seconds: Int
}

/// What the audit accounts of one arm and seed were shown and how it measured.
public struct AuditResult: Sendable {
  public var values: [AuditValue] = []
  public var windows: [AuditWindow] = []
  public var traces: [AuditTraceRow] = []

  /// No audit accounts.
  public static let empty = AuditResult()
}

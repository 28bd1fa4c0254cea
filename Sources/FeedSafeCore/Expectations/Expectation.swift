/// Which metric an expectation or gate looks at.
public struct MetricSelector: Sendable, Equatable, Hashable {
  /// The cohort (a band, `children`, `all`, …).
  public var cohort: String
  /// The harm category or group, or `all`.
  public var category: String
  /// The metric.
  public var metric: Metric

  /// A selector.
  public init(cohort: String, category: String, metric: Metric) {
    self.cohort = cohort
    self.category = category
    self.metric = metric
  }

  /// `cohort/category/metric`.
  public var label: String { "\(cohort)/\(category)/\(metric.rawValue)" }
}

/// A rule a scenario's results must satisfy (`expect:`), decided with uncertainty over seeds.
public enum ExpectationRule: Sendable, Equatable {
  /// The arm's metric lies within `[minimum, maximum]` (either may be absent).
  case bound(arm: String, selector: MetricSelector, minimum: Double?, maximum: Double?)
  /// `arm` is lower than `baseline` by at least `atLeast` (a share: 0.3 = 30% lower).
  case reduction(arm: String, baseline: String, selector: MetricSelector, atLeast: Double)
  /// Over a sweep of `parameter` on `arm`, the metric moves only in `direction`.
  case monotonic(arm: String, parameter: String, selector: MetricSelector, direction: Direction)

  /// A sweep direction.
  public enum Direction: String, Sendable, CaseIterable {
    case increasing, decreasing
  }
}

/// One named rule.
public struct Expectation: Sendable, Equatable {
  /// How reports name it (given in the scenario, or made from the rule).
  public var name: String
  /// The rule.
  public var rule: ExpectationRule

  /// A named rule.
  public init(name: String, rule: ExpectationRule) {
    self.name = name
    self.rule = rule
  }
}

/// How much worse than a baseline run a metric may get before a gate fails: the larger of
/// `absolute` and `relative × |baseline|`.
public struct Tolerance: Sendable, Equatable {
  /// Share of the baseline value.
  public var relative: Double
  /// In the metric's own unit.
  public var absolute: Double

  /// A tolerance.
  public init(relative: Double, absolute: Double) {
    self.relative = relative
    self.absolute = absolute
  }

  /// The allowed worsening from `baseline`.
  public func allowance(from baseline: Double) -> Double { max(absolute, relative * abs(baseline)) }
}

/// Everything `feedsafe check` reads from a scenario: the rules, the tolerances for baseline
/// comparisons, and which metrics a baseline comparison gates.
public struct GateSpec: Sendable, Equatable {
  /// The `expect:` rules.
  public var expectations: [Expectation]
  /// Default tolerance (assumption: 10% or 0.5 units; `docs/regression-testing.md`).
  public var tolerance: Tolerance
  /// Per-metric tolerances.
  public var metricTolerances: [Metric: Tolerance]
  /// Cohorts a baseline comparison gates.
  public var baselineCohorts: [String]
  /// Categories a baseline comparison gates.
  public var baselineCategories: [String]
  /// Metrics a baseline comparison gates.
  public var baselineMetrics: [Metric]

  /// The default gate: no rules; baseline comparisons of all children's exposure to any harm and
  /// to primary priority content. Few decisions keep the gate powerful: every extra metric gated
  /// widens every interval (Bonferroni), so gate what the team cares about (`baseline_gate:`).
  public static let standard = GateSpec(
    expectations: [], tolerance: Tolerance(relative: 0.1, absolute: 0.5), metricTolerances: [:],
    baselineCohorts: [Cohorts.children],
    baselineCategories: [HarmMeasures.anyHarm, HarmMeasures.primaryPriority],
    baselineMetrics: [.exposurePerThousand])

  /// A gate with every part given.
  public init(
    expectations: [Expectation], tolerance: Tolerance, metricTolerances: [Metric: Tolerance],
    baselineCohorts: [String], baselineCategories: [String], baselineMetrics: [Metric]
  ) {
    self.expectations = expectations
    self.tolerance = tolerance
    self.metricTolerances = metricTolerances
    self.baselineCohorts = baselineCohorts
    self.baselineCategories = baselineCategories
    self.baselineMetrics = baselineMetrics
  }

  /// The tolerance for `metric`.
  public func tolerance(for metric: Metric) -> Tolerance { metricTolerances[metric] ?? tolerance }
}

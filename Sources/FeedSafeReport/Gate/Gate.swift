import FeedSafeCore
import Foundation

/// Decides a scenario's `expect:` rules, and a comparison with a baseline run, from per-seed
/// values, so that noise never decides a rule: every decision uses a confidence interval over
/// seeds at a Bonferroni-adjusted level, so that all decisions of one check together are wrong
/// with probability at most 1 − `familyLevel`. A rule whose interval straddles its bound is
/// `undetermined`, with an estimate of the seeds that would decide it.
public struct Gate {
  /// Per-seed values of the new run.
  public var values: [MetricValue]
  /// Sweep points of the new run's arms.
  public var sweeps: [String: SweepPoint]
  /// The scenario's gate.
  public var spec: GateSpec

  /// A gate over a run's values.
  public init(values: [MetricValue], sweeps: [String: SweepPoint], spec: GateSpec) {
    self.values = values
    self.sweeps = sweeps
    self.spec = spec
  }

  /// The stored baseline a new run is compared with.
  public struct Baseline: Sendable {
    /// Its label (run id).
    public var label: String
    /// Its per-seed values.
    public var values: [MetricValue]
    /// Arms to compare (present in both runs).
    public var arms: [String]
    /// Cohorts gated.
    public var cohorts: [String]
    /// Tolerance overrides from the command line (replace the scenario's).
    public var tolerance: Tolerance?

    /// A baseline.
    public init(
      label: String, values: [MetricValue], arms: [String], cohorts: [String], tolerance: Tolerance?
    ) {
      self.label = label
      self.values = values
      self.arms = arms
      self.cohorts = cohorts
      self.tolerance = tolerance
    }
  }

  /// Every decision of the check.
  public func evaluate(baseline: Baseline?, familyLevel: Double = 0.95) -> GateReport {
    let grouped = Comparison.group(values)
    let baselineKeys = baseline.map { baselineComparisons($0) } ?? []
    let decisions = spec.expectations.reduce(0) { $0 + decisionCount($1.rule) } + baselineKeys.count
    let alpha = (1 - familyLevel) / Double(max(1, decisions))
    var results = spec.expectations.map { evaluate($0, grouped: grouped, alpha: alpha) }
    if let baseline {
      let old = Comparison.group(baseline.values)
      results += baselineKeys.map {
        compare($0, new: grouped, old: old, baseline: baseline, alpha: alpha)
      }
    }
    return GateReport(results: results, perDecisionLevel: 1 - alpha, familyLevel: familyLevel)
  }

  func decisionCount(_ rule: ExpectationRule) -> Int {
    guard case .monotonic(let arm, let parameter, _, _) = rule else { return 1 }
    return max(1, sweepArms(arm, parameter).count)  // (points − 1) steps + the end-to-end change
  }

  func sweepArms(_ arm: String, _ parameter: String) -> [String] {
    sweeps.filter { $0.value.baseArm == arm && $0.value.parameter == parameter }
      .sorted { ($0.value.value, $0.key) < ($1.value.value, $1.key) }.map(\.key)
  }

  /// A mean and half-width of its interval at two-sided level 1 − `alpha` (`nil` with < 2 values).
  static func interval(_ samples: [Double], alpha: Double) -> (mean: Double, halfWidth: Double?) {
    samples.isEmpty ? (0, nil) : SeedSummary.meanAndHalfWidth(samples, alpha: alpha)
  }

  /// About how many seeds would make an interval of half-width `halfWidth` at `n` seeds clear a
  /// bound `distance` away (the interval shrinks as 1/√n).
  static func seedsNeeded(n: Int, halfWidth: Double, distance: Double) -> String {
    guard distance > 0 else {
      return "the value sits on the bound: no number of seeds will decide it"
    }
    let needed = Double(n) * (halfWidth / distance) * (halfWidth / distance)
    guard needed.isFinite, needed < 1e6 else { return "far more seeds would be needed" }
    return "about \(Int(needed.rounded(.up)) + 1) seeds would likely decide it (this run has \(n))"
  }

  static func text(_ mean: Double, _ halfWidth: Double?) -> String {
    let f = ResultsRenderer.format
    return halfWidth.map { "\(f(mean)) [\(f(mean - $0)), \(f(mean + $0))]" } ?? f(mean)
  }
}

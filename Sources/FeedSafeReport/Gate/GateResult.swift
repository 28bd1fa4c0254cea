import FeedSafeCore

/// The outcome of one rule of a gate.
public enum Verdict: String, Sendable, CaseIterable {
  /// The rule holds, beyond noise.
  case pass
  /// The rule is broken, beyond noise.
  case fail
  /// The seeds run cannot tell; more seeds might.
  case undetermined
  /// Worse than the baseline by more than the tolerance, but the interval of the worsening
  /// includes 0: the gate passes (it never fails on noise) but says so, with the seeds that
  /// would decide it. Fails under `--strict`, like `undetermined`.
  case worseNotCredible = "worse, not credible"

  /// Whether the verdict fails a check (`strict`: one that cannot tell fails too).
  public func fails(strict: Bool) -> Bool {
    switch self {
    case .pass: false
    case .fail: true
    case .undetermined, .worseNotCredible: strict
    }
  }

  /// The verdict in a tally: `3 passed`, `1 worse, not credible`.
  var tallyText: String {
    switch self {
    case .pass: "passed"
    case .fail: "failed"
    case .undetermined: "undetermined"
    case .worseNotCredible: "worse, not credible"
    }
  }
}

/// One rule's result, as `check` prints it and JUnit XML records it.
public struct GateResult: Sendable, Equatable {
  /// The rule's name.
  public var name: String
  /// `bound`, `reduction`, `monotonic` or `baseline`.
  public var kind: String
  /// The measured value (with its interval).
  public var value: String
  /// What it was held against (a bound, a required reduction, a baseline value).
  public var reference: String
  /// The verdict.
  public var verdict: Verdict
  /// Why, in a sentence (and, when undetermined, about how many seeds would decide it).
  public var detail: String
}

/// All results of one check, with the confidence level each decision used.
public struct GateReport: Sendable {
  /// The results, rules first, then baseline comparisons.
  public var results: [GateResult]
  /// The two-sided confidence level of each single decision (Bonferroni over all of them, so
  /// that all decisions together hold at the family level).
  public var perDecisionLevel: Double
  /// The family-wise confidence level.
  public var familyLevel: Double

  /// Whether any rule failed (or, when `strict`, any was undetermined).
  public func failed(strict: Bool) -> Bool {
    results.contains { $0.verdict.fails(strict: strict) }
  }
}

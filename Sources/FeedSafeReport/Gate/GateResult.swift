import FeedSafeCore

/// The outcome of one rule of a gate.
public enum Verdict: String, Sendable, CaseIterable {
  /// The rule holds, beyond noise.
  case pass
  /// The rule is broken, beyond noise.
  case fail
  /// The seeds run cannot tell; more seeds might.
  case undetermined
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
    results.contains { $0.verdict == .fail || (strict && $0.verdict == .undetermined) }
  }
}

import FeedSafeCore
import Foundation

/// The sensitivity analysis as text: the question and its base effect, the factors ranked by how
/// far each alone moves the effect, and what the joint samples say.
public enum SensitivityRenderer {
  /// The whole report.
  public static func render(_ analysis: SensitivityAnalysis, seeds: Int) -> String {
    let plan = analysis.plan
    let oneAtATime = plan.points.filter { $0.role == "low" || $0.role == "high" }.count
    var text = "sensitivity of \(plan.question.description)\n"
    text +=
      "one at a time: \(plan.factors.count) factors × 2 ends + base = \(oneAtATime + 1) points; "
      + "joint check: \(analysis.samples.count) Latin-hypercube points; \(seeds) seeds each, "
      + "common random numbers\n"
    text += "base effect: \(cell(analysis.base))\n\n"
    text += TextTable.render(header: header, rows: rows(analysis), rightAligned: [5, 8])
    text += "\n" + verdict(analysis)
    return text
  }

  static let header = [
    "rank", "factor", "range", "effect at low", "effect at high", "swing", "sign flips",
    "CI excludes 0", "joint ρ",
  ]

  /// One row per factor, ranked.
  static func rows(_ analysis: SensitivityAnalysis) -> [[String]] {
    analysis.factors.enumerated().map { rank, row in
      [
        "\(rank + 1)", row.factor.path, range(row.factor), cell(row.atLow), cell(row.atHigh),
        ResultsRenderer.format(row.swing), row.flipsSign ? "yes" : "no",
        row.staysCredible ? "yes" : "no", row.sampleCorrelation.map(format2) ?? "–",
      ]
    }
  }

  /// The ranked factors as CSV, numbers unrounded: one row per factor, then the base effect.
  public static func csv(_ analysis: SensitivityAnalysis) -> String {
    func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
    func estimate(_ estimate: SensitivityAnalysis.Estimate?) -> [String] {
      [number(estimate?.mean), number(estimate?.low), number(estimate?.high)]
    }
    var lines = [
      "rank,factor,low,high,mode,effect_at_low,low_ci_low,low_ci_high,effect_at_high,high_ci_low,high_ci_high,swing,sign_flips,ci_excludes_zero,joint_rho"
    ]
    for (rank, row) in analysis.factors.enumerated() {
      let cells =
        [
          "\(rank + 1)", row.factor.path, "\(row.factor.low)", "\(row.factor.high)",
          row.factor.mode,
        ]
        + estimate(row.atLow) + estimate(row.atHigh)
        + [
          number(row.swing), "\(row.flipsSign)", "\(row.staysCredible)",
          number(row.sampleCorrelation),
        ]
      lines.append(cells.joined(separator: ","))
    }
    lines.append(
      (["0", "base", "", "", ""] + estimate(analysis.base) + estimate(analysis.base) + [
        "0", "", "", "",
      ]).joined(separator: ","))
    return lines.joined(separator: "\n") + "\n"
  }

  /// What the joint samples say, in words.
  static func verdict(_ analysis: SensitivityAnalysis) -> String {
    guard let base = analysis.base else { return "no base effect: the run holds no values\n" }
    var lines: [String] = []
    let flipping = analysis.factors.filter(\.flipsSign).map(\.factor.path)
    lines.append(
      flipping.isEmpty
        ? "no single factor flips the sign of the base effect (\(ResultsRenderer.format(base.mean)))"
        : "the sign flips when one of these moves alone: \(flipping.joined(separator: ", "))")
    if let same = analysis.sameSignShare, let credible = analysis.credibleShare {
      let effects = analysis.samples.map(\.mean).sorted()
      lines.append(
        "joint samples: effect from \(ResultsRenderer.format(effects.first ?? .nan)) to "
          + "\(ResultsRenderer.format(effects.last ?? .nan)); \(percent(same)) keep the base sign, "
          + "\(percent(credible)) with a CI that excludes 0")
    }
    if let ratio = analysis.interactionRatio {
      lines.append(
        "joint variance ÷ one-at-a-time prediction: \(format2(ratio))"
          + (ratio > 2 ? " (the factors interact: trust the joint samples over the ranking)" : ""))
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// `mean [low, high]`, or `–`.
  static func cell(_ estimate: SensitivityAnalysis.Estimate?) -> String {
    guard let estimate else { return "–" }
    return ResultsRenderer.estimate(estimate.mean, estimate.low, estimate.high)
  }

  static func range(_ factor: SensitivityPlan.Factor) -> String {
    let ends = "\(ResultsFormatting.compact(factor.low))–\(ResultsFormatting.compact(factor.high))"
    return factor.mode == ParameterValue.Mode.scale.rawValue ? "×" + ends : ends
  }

  static func format2(_ value: Double) -> String { String(format: "%.2f", value) }

  static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}

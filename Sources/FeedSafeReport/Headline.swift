import FeedSafeCore

/// The answer to a scenario's question, printed before any long table: children's exposure to
/// any harm (harmful items per 1,000 impressions), each arm against the first — or each arm of a
/// second run against the same arm of the first — with the 95% CI of the difference. `run`,
/// `compare` and the HTML report open with the same numbers.
public enum Headline {
  /// The cohort, category and metric the headline answers for.
  public static let cohort = Cohorts.children
  /// The harm group of the headline.
  public static let category = "any_harm"
  /// The headline's metric.
  public static let metric = Metric.exposurePerThousand

  /// The headline's effects among `effects` (one per compared arm, in their order).
  public static func effects(_ effects: [ComparisonRow]) -> [ComparisonRow] {
    effects.filter {
      $0.cohort == cohort && $0.category == category && $0.metric == metric && $0.hasOther
    }
  }

  /// The headline as text lines: a title naming how the difference was estimated (`paired
  /// over seeds`, `paired by seed`, `Welch (unpaired)`), then one line per compared arm. Empty
  /// when nothing is compared (one arm, or no value for children).
  public static func text(_ effects: [ComparisonRow], method: String) -> String {
    let rows = self.effects(effects)
    guard let first = rows.first else { return "" }
    let f = ResultsRenderer.format
    var lines = [
      "Children's exposure to any harm (harmful items per 1,000 impressions), \(first.n) seeds;",
      "\(method); the difference Δ with its 95% CI:",
    ]
    for row in rows {
      var line =
        "  \(row.other) vs \(row.baseline): \(f(row.otherMean)) vs \(f(row.baselineMean))"
      if let relative = row.relativeDifference {
        line += ", \(change(relative))"
      }
      line += " (Δ \(row.difference > 0 ? "+" : "")\(f(row.difference))"
      if let low = row.ciLow, let high = row.ciHigh {
        line += ", \(f(low)) to \(f(high))"
        line += row.isCredible ? ")" : "; within noise)"
      } else {
        line += "; one seed, no interval)"
      }
      lines.append(TerminalText.sanitised(line))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Whether `value` is one the headline reads (keep only these when collecting a run's values).
  public static func isHeadline(_ value: MetricValue) -> Bool {
    value.cohort == cohort && value.category == category && value.metric == metric
  }

  /// The headline of one run: each arm against the first, paired over seeds (arms share random
  /// numbers), followed by a blank line; empty with one arm.
  public static func withinRun(_ values: [MetricValue], arms: [String]) -> String {
    guard let first = arms.first, arms.count > 1 else { return "" }
    let text = text(
      Comparison.withinRun(values.filter(isHeadline), arms: arms, baseline: first),
      method: "each arm against the first, paired over seeds")
    return text.isEmpty ? "" : text + "\n"
  }

  /// `79% fewer`, `12% more`, `no change`.
  public static func change(_ relative: Double) -> String {
    relative == 0 ? "no change" : "\(percent(relative)) \(relative < 0 ? "fewer" : "more")"
  }

  /// `|relative|` as a percentage rounded to `minimum` decimals (whole percent by default), with more digits where whole percent
  /// would misstate it: never `100%` unless it is exactly 100%, never `0%` unless it is 0
  /// (0.0129 vs 2.759 is `99.5%` fewer, not `100%`).
  public static func percent(_ relative: Double, decimals minimum: Int = 0) -> String {
    let value = abs(relative) * 100
    guard value != 0, value != 100 else {
      return String(format: "%.\(minimum)f%%", value)
    }
    for decimals in minimum...max(minimum, 3) {
      let text = String(format: "%.\(decimals)f", value)
      let rounded = Double(text) ?? value
      if rounded != 0 && rounded != 100 { return text + "%" }
    }
    return value < 1 ? "< 0.001%" : "> 99.999%"
  }
}

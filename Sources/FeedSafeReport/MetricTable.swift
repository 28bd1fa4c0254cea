import FeedSafeCore

/// The metric registry (``Metric``'s group, unit and report order) as the Markdown table of
/// `docs/metrics.md`, tested to match, so the documented units cannot drift from the code.
public enum MetricTable {
  /// One row per metric, in report order: name, group, unit, and which way is worse.
  public static func markdown() -> String {
    var table = "| metric | group | unit | worse when |\n|---|---|---|---|\n"
    for metric in Metric.reportOrder {
      let worse = metric.isNeutral ? "neither" : metric.higherIsWorse ? "higher" : "lower"
      table += "| `\(metric.rawValue)` | \(metric.group.rawValue) | \(metric.unit) | \(worse) |\n"
    }
    return table
  }
}

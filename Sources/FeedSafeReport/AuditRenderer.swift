import FeedSafeCore

/// The audit accounts' table: per persona and phase, each audit metric for any harm, one column
/// per arm (mean [95% CI] over seeds).
public enum AuditRenderer {
  /// The metrics in the table, in order.
  static let shown: [AuditMetric] = [
    .impressions, .minutes, .harmfulShare, .harmfulPerMinute, .itemsToFirst, .minutesToFirst,
    .longestStreak, .recoveryImpressions,
  ]

  /// The table, or `""` when the run has no audit accounts. `detail` shows every harm measure.
  public static func table(
    _ rows: [AuditSummaryRow], arms: [String], categories: [String], detail: Bool
  ) -> String {
    guard !rows.isEmpty else { return "" }
    let sections = sections(rows, arms: arms, measures: detail ? categories : ["any_harm"]).map {
      (title: "\($0.persona) · \($0.phase)", rows: $0.rows)
    }
    let header = ["metric · category"] + arms
    return
      "\naudit accounts by persona · phase: mean [95% CI] over seeds, each seed's value over its\n"
      + "replicas (–: undefined, e.g. fewer than half were ever exposed)\n"
      + TextTable.sections(
        header: header, sections: sections, fixedColumns: 1, rightAligned: Set(1..<header.count))
  }

  /// Per persona and phase (in the order of `rows`), one line per metric and measure of
  /// `measures`: its label, then one cell per arm. Recovery, which exists only after a phase
  /// change, is left out where no arm has it. The text table and the HTML report both show these.
  static func sections(_ rows: [AuditSummaryRow], arms: [String], measures: [String]) -> [(
    persona: String, phase: String, rows: [[String]]
  )] {
    var lookup: [String: AuditSummaryRow] = [:]
    var order: [(persona: String, phase: String)] = []
    for row in rows {
      lookup[key(row.arm, row.persona, row.phase, row.category, row.metric)] = row
      if !order.contains(where: { $0.persona == row.persona && $0.phase == row.phase }) {
        order.append((row.persona, row.phase))
      }
    }
    return order.map { persona, phase in
      var lines: [[String]] = []
      for metric in shown {
        for category in metric.isPerCategory ? measures : [Metric.allCategories] {
          let cells = arms.map { arm in
            lookup[key(arm, persona, phase, category, metric)].map {
              ResultsRenderer.estimate($0.mean, $0.ciLow, $0.ciHigh)
            } ?? "–"
          }
          if metric == .recoveryImpressions && cells.allSatisfy({ $0 == "–" }) { continue }
          lines.append(
            [metric.isPerCategory ? "\(metric.rawValue) · \(category)" : metric.rawValue] + cells)
        }
      }
      return (persona, phase, lines)
    }
  }

  private static func key(
    _ arm: String, _ persona: String, _ phase: String, _ category: String, _ metric: AuditMetric
  ) -> String {
    [arm, persona, phase, category, metric.rawValue].joined(separator: "\u{1F}")
  }
}

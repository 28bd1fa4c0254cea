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
  )
    -> String
  {
    guard !rows.isEmpty else { return "" }
    var lookup: [String: AuditSummaryRow] = [:]
    var personas: [String] = []
    var phases: [String: [String]] = [:]
    for row in rows {
      lookup[key(row.arm, row.persona, row.phase, row.category, row.metric)] = row
      if !personas.contains(row.persona) { personas.append(row.persona) }
      if !(phases[row.persona]?.contains(row.phase) ?? false) {
        phases[row.persona, default: []].append(row.phase)
      }
    }
    let measures = detail ? categories : ["any_harm"]
    var sections: [(title: String, rows: [[String]])] = []
    for persona in personas {
      for phase in phases[persona] ?? [] {
        var lines: [[String]] = []
        for metric in shown {
          for category in metric.isPerCategory ? measures : [Metric.allCategories] {
            let cells = arms.map { arm -> String in
              guard let row = lookup[key(arm, persona, phase, category, metric)] else { return "–" }
              let mean = ResultsRenderer.format(row.mean)
              guard let low = row.ciLow, let high = row.ciHigh else { return mean }
              return "\(mean) [\(ResultsRenderer.format(low)), \(ResultsRenderer.format(high))]"
            }
            // Recovery exists only after a phase change.
            if metric == .recoveryImpressions && cells.allSatisfy({ $0 == "–" }) { continue }
            lines.append(
              [metric.isPerCategory ? "\(metric.rawValue) · \(category)" : metric.rawValue] + cells)
          }
        }
        sections.append(("\(persona) · \(phase)", lines))
      }
    }
    let header = ["metric · category"] + arms
    return
      "\naudit accounts by persona · phase: mean [95% CI] over seeds, each seed's value over its\n"
      + "replicas (–: undefined, e.g. fewer than half were ever exposed)\n"
      + TextTable.sections(
        header: header, sections: sections, fixedColumns: 1, rightAligned: Set(1..<header.count))
  }

  private static func key(
    _ arm: String, _ persona: String, _ phase: String, _ category: String, _ metric: AuditMetric
  ) -> String {
    [arm, persona, phase, category, metric.rawValue].joined(separator: "\u{1F}")
  }
}

import FeedSafeCore
import Foundation

/// How results are printed.
public enum OutputFormat: String, CaseIterable, Sendable {
  /// Aligned text, arms as columns, children first.
  case table
  /// One JSON object: `scenario`, `arms`, `metrics`.
  case json
  /// One row per arm × cohort × category × metric.
  case csv
}

/// Renders a ``ResultsDocument`` as text.
public enum ResultsRenderer {
  /// The document in `format`. `detail` lists every category for every metric in the table;
  /// otherwise the table shows exposure per category and the other metrics for the groups.
  public static func render(
    _ document: ResultsDocument, as format: OutputFormat, detail: Bool = false
  ) -> String {
    switch format {
    case .table:
      table(document, detail: detail)
        + AuditRenderer.table(
          document.audit, arms: document.arms, categories: document.categories, detail: detail)
    case .json: json(document)
    case .csv: csv(document)
    }
  }

  /// A mean with its interval as tables print it, `mean [low, high]`, or the mean alone without
  /// one.
  public static func estimate(_ mean: Double, _ low: Double?, _ high: Double?) -> String {
    guard let low, let high else { return format(mean) }
    return "\(format(mean)) [\(format(low)), \(format(high))]"
  }

  /// A number as printed in tables and CSV: up to 4 significant decimals, no exponent.
  public static func format(_ value: Double) -> String {
    if value == 0 { return "0" }
    let magnitude = abs(value)
    let decimals = magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : magnitude >= 1 ? 3 : 4
    return String(format: "%.\(decimals)f", value)
  }

  static func table(_ document: ResultsDocument, detail: Bool) -> String {
    var lookup: [String: SummaryRow] = [:]
    for row in document.rows { lookup[key(row.arm, row.cohort, row.category, row.metric)] = row }
    let cohorts =
      document.cohorts.filter { document.childCohorts.contains($0) }
      + document.cohorts.filter { !document.childCohorts.contains($0) && $0 != Cohorts.everyone }
    let groups = HarmMeasures.groupNames
    let adultBands = Cohorts.adultBands(document.cohorts, childCohorts: document.childCohorts)
    var sections: [(title: String, rows: [[String]])] = []
    for cohort in cohorts {
      var rows: [[String]] = []
      // Beyond-the-feed metrics are shown for all children and adults; --detail shows every band.
      for metric in Metric.allCases
      where detail || !metric.isBeyondFeed || cohort == Cohorts.children
        || adultBands.contains(cohort)
      {
        let categories: [String]
        if !metric.isPerCategory {
          categories = [Metric.allCategories]
        } else if detail || metric == .exposurePerThousand {
          categories = groups.reversed() + document.categories.filter { !groups.contains($0) }
        } else {
          categories = [HarmMeasures.anyHarm]
        }
        for category in categories {
          let cells = document.arms.map { arm in
            lookup[key(arm, cohort, category, metric)].map {
              estimate($0.mean, $0.ciLow, $0.ciHigh)
            }
              ?? "–"
          }
          rows.append([label(metric, category)] + cells)
        }
      }
      sections.append((cohort, rows))
    }
    let seeds = document.scenario.seeds.count
    let summary =
      "\(TerminalText.sanitised(document.scenario.name)): \(document.scenario.people) people, \(document.scenario.items) items, "
      + "\(document.scenario.horizonDays) days, \(seeds) seed\(seeds == 1 ? "" : "s"); "
      + (seeds > 1
        ? "mean [95% CI] over seeds, by cohort\n" : "one seed, no confidence intervals\n")
    let header = ["metric · category"] + document.arms
    return summary
      + TextTable.sections(
        header: header, sections: sections, fixedColumns: 1,
        rightAligned: Set(1..<header.count))
  }

  /// `exposure_per_1k · any_harm`, or the metric alone when it is not per category.
  public static func label(_ metric: Metric, _ category: String) -> String {
    category == Metric.allCategories ? metric.rawValue : "\(metric.rawValue) · \(category)"
  }

  static func json(_ document: ResultsDocument) -> String {
    struct Row: Encodable {
      let arm, cohort, category, metric: String
      let mean: Double
      let ci_low, ci_high: Double?
      let n: Int
      func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(arm, forKey: .arm)
        try container.encode(cohort, forKey: .cohort)
        try container.encode(category, forKey: .category)
        try container.encode(metric, forKey: .metric)
        try container.encode(mean, forKey: .mean)
        try container.encode(ci_low, forKey: .ci_low)
        try container.encode(ci_high, forKey: .ci_high)
        try container.encode(n, forKey: .n)
      }
      enum Keys: String, CodingKey { case arm, cohort, category, metric, mean, ci_low, ci_high, n }
    }
    struct AuditRow: Encodable {
      let arm, persona, phase, category, metric: String
      let mean: Double
      let ci_low, ci_high: Double?
      let n: Int
    }
    struct Body: Encodable {
      let run_id: String?
      let scenario: ResultsDocument.ScenarioSummary
      let arms: [String]
      let metrics: [Row]
      let audit: [AuditRow]
      func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(run_id, forKey: .run_id)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(arms, forKey: .arms)
        try container.encode(metrics, forKey: .metrics)
        if !audit.isEmpty { try container.encode(audit, forKey: .audit) }
      }
      enum Keys: String, CodingKey { case run_id, scenario, arms, metrics, audit }
    }
    let body = Body(
      run_id: document.runID, scenario: document.scenario, arms: document.arms,
      metrics: document.rows.map {
        Row(
          arm: $0.arm, cohort: $0.cohort, category: $0.category, metric: $0.metric.rawValue,
          mean: $0.mean, ci_low: $0.ciLow, ci_high: $0.ciHigh, n: $0.n)
      },
      audit: document.audit.map {
        AuditRow(
          arm: $0.arm, persona: $0.persona, phase: $0.phase, category: $0.category,
          metric: $0.metric.rawValue, mean: $0.mean, ci_low: $0.ciLow, ci_high: $0.ciHigh, n: $0.n)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(body), let text = String(data: data, encoding: .utf8)
    else {
      preconditionFailure("results always encode as JSON: every number is finite")
    }
    return text + "\n"
  }

  static func csv(_ document: ResultsDocument) -> String {
    var output = "arm,cohort,category,metric,mean,ci_low,ci_high,n\n"
    for row in document.rows {
      let fields = [
        row.arm, row.cohort, row.category, row.metric.rawValue, "\(row.mean)",
        row.ciLow.map { "\($0)" } ?? "", row.ciHigh.map { "\($0)" } ?? "", "\(row.n)",
      ]
      output += fields.map(csvField).joined(separator: ",") + "\n"
    }
    return output
  }

  /// A CSV field, quoted when it holds a comma, quote or newline (RFC 4180).
  public static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func key(_ arm: String, _ cohort: String, _ category: String, _ metric: Metric)
    -> String
  {
    "\(arm)\u{1F}\(cohort)\u{1F}\(category)\u{1F}\(metric.rawValue)"
  }
}

import FeedSafeCore
import Foundation

/// How a comparison is printed.
public enum ComparisonFormat: String, CaseIterable, Sendable {
  /// Aligned text for a terminal.
  case table
  /// A Markdown table to paste into a pull request.
  case markdown
  /// One row per effect.
  case csv
  /// An array of effect objects.
  case json
}

/// Orders and renders comparison rows: children first, the most important metrics first.
public enum ComparisonRenderer {
  /// `rows` in reading order, keeping every category only for `exposure_per_1k` unless `detail`.
  public static func arrange(
    _ rows: [ComparisonRow], arms: [String], cohorts: [String], childCohorts: Set<String>,
    categories: [String],
    detail: Bool
  ) -> [ComparisonRow] {
    let groups = [HarmMeasures.anyHarm, HarmMeasures.primaryPriority, HarmMeasures.priority]
    let cohortOrder =
      cohorts.filter { childCohorts.contains($0) } + cohorts.filter { !childCohorts.contains($0) }
    let categoryOrder = groups + categories.filter { !groups.contains($0) } + [Metric.allCategories]
    func rank(_ list: [String], _ name: String) -> Int { list.firstIndex(of: name) ?? list.count }
    // Across runs an effect is labelled `run/arm`: order by the arm's place in the scenario.
    func armRank(_ label: String) -> Int {
      arms.firstIndex { label == $0 || label.hasSuffix("/" + $0) } ?? arms.count
    }
    return rows.filter { row in
      detail
        || (row.cohort != Cohorts.everyone
          && (row.metric == .exposurePerThousand || !row.metric.isPerCategory
            || groups.contains(row.category)))
    }.sorted {
      (
        rank(cohortOrder, $0.cohort), $0.metric.reportRank,
        rank(categoryOrder, $0.category), armRank($0.other)
      )
        < (
          rank(cohortOrder, $1.cohort), $1.metric.reportRank,
          rank(categoryOrder, $1.category), armRank($1.other)
        )
    }
  }

  /// The rows in `format`. `colour` marks credible changes with ANSI colours (terminal only):
  /// red where harm got worse, green where it got better.
  public static func render(
    _ rows: [ComparisonRow], as format: ComparisonFormat, colour: Bool = false
  ) -> String {
    switch format {
    case .table: table(rows, colour: colour)
    case .markdown: markdown(rows)
    case .csv: csv(rows)
    case .json: json(rows)
    }
  }

  static let header = [
    "cohort", "metric", "category", "baseline", "other", "baseline mean", "other mean", "Δ", "Δ %",
    "95% CI of Δ", "n", "",
  ]

  static func cells(_ row: ComparisonRow) -> [String] {
    // `–` where a side has no value (no seed of the other arm reached a median).
    func f(_ value: Double) -> String { value.isFinite ? ResultsRenderer.format(value) : "–" }
    let interval = row.ciLow.flatMap { low in row.ciHigh.map { "[\(f(low)), \(f($0))]" } } ?? "–"
    let relative =
      row.relativeDifference.map {
        ($0 > 0 ? "+" : $0 < 0 ? "-" : "") + Headline.percent($0, decimals: 1)
      } ?? "–"
    return [
      row.cohort, row.metric.rawValue, row.category, row.baseline, row.other, f(row.baselineMean),
      f(row.otherMean),
      (row.difference > 0 ? "+" : "") + f(row.difference), relative, interval,
      row.hasOther ? "\(row.n)" : "0",
      verdict(row),
    ]
  }

  /// `worse`, `better` or (for feed time, which is neither) `changed` where the CI excludes 0;
  /// empty within noise. More data held about a person counts as worse.
  public static func verdict(_ row: ComparisonRow) -> String {
    guard row.isCredible else { return "" }
    if row.metric.isNeutral { return "changed" }
    let increased = row.difference > 0
    return increased == row.metric.higherIsWorse ? "worse" : "better"
  }

  /// The terminal table: one section per cohort and compared arm (`children: childrens_code vs
  /// no_protections`), so the long names are said once and lines fit 120 columns.
  static func table(_ rows: [ComparisonRow], colour: Bool) -> String {
    var sections: [(title: String, rows: [ComparisonRow])] = []
    var index: [String: Int] = [:]
    for row in rows {
      let title = "\(row.cohort): \(row.other) vs \(row.baseline)"
      if let at = index[title] {
        sections[at].rows.append(row)
      } else {
        index[title] = sections.count
        sections.append((title, [row]))
      }
    }
    // Sections of one cohort stay together, in the order the rows came.
    let cohortOrder = Dictionary(
      rows.map(\.cohort).enumerated().map { ($1, $0) }, uniquingKeysWith: min)
    let sorted = sections.enumerated().sorted {
      (cohortOrder[$0.element.rows[0].cohort] ?? 0, $0.offset)
        < (cohortOrder[$1.element.rows[0].cohort] ?? 0, $1.offset)
    }.map(\.element)
    let lines = sorted.map { section in
      section.rows.map { row -> [String] in
        let all = cells(row)
        return [ResultsRenderer.label(row.metric, row.category)] + Array(all[5...])
      }
    }
    return TextTable.sections(
      header: ["metric · category", "baseline", "other", "Δ", "Δ %", "95% CI of Δ", "n", ""],
      sections: zip(sorted, lines).map { ($0.title, $1) }, fixedColumns: 1,
      rightAligned: Set(1..<7)
    ) { section, row, text in
      guard colour else { return text }
      switch lines[section][row][7] {
      case "worse": return "\u{1B}[31m\(text)\u{1B}[0m"
      case "better": return "\u{1B}[32m\(text)\u{1B}[0m"
      default: return text
      }
    }
  }

  static func markdown(_ rows: [ComparisonRow]) -> String {
    var output = "| " + header.map { $0.isEmpty ? "verdict" : $0 }.joined(separator: " | ") + " |\n"
    output += "|" + header.indices.map { $0 >= 5 && $0 <= 10 ? "---:|" : "---|" }.joined() + "\n"
    for row in rows {
      var cells = cells(row)
      if !cells[11].isEmpty { cells[11] = "**\(cells[11])**" }
      output +=
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
        + " |\n"
    }
    return output
  }

  static func csv(_ rows: [ComparisonRow]) -> String {
    var output =
      "cohort,metric,category,baseline,other,baseline_mean,other_mean,difference,relative_difference,ci_low,ci_high,n,verdict\n"
    for row in rows {
      let fields = [
        row.cohort, row.metric.rawValue, row.category, row.baseline, row.other,
        "\(row.baselineMean)", row.hasOther ? "\(row.otherMean)" : "",
        row.hasOther ? "\(row.difference)" : "", row.relativeDifference.map { "\($0)" } ?? "",
        row.ciLow.map { "\($0)" } ?? "",
        row.ciHigh.map { "\($0)" } ?? "", "\(row.n)", verdict(row),
      ]
      output += fields.map(ResultsRenderer.csvField).joined(separator: ",") + "\n"
    }
    return output
  }

  static func json(_ rows: [ComparisonRow]) -> String {
    let objects: [[String: Any]] = rows.map { row in
      [
        "cohort": row.cohort, "metric": row.metric.rawValue, "category": row.category,
        "baseline": row.baseline,
        "other": row.other, "baseline_mean": row.baselineMean,
        "other_mean": row.hasOther ? row.otherMean : NSNull(),
        "difference": row.hasOther ? row.difference : NSNull(),
        "relative_difference": row.relativeDifference ?? NSNull(),
        "ci_low": row.ciLow ?? NSNull(), "ci_high": row.ciHigh ?? NSNull(), "n": row.n,
        "credible": row.isCredible, "verdict": verdict(row),
      ]
    }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
    else {
      preconditionFailure("comparison rows hold only finite numbers and strings")
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

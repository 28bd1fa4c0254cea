import FeedSafeCore

/// A parameter sweep read as a series: one line per value of the swept parameter, with the
/// metrics readers follow, for one cohort and category.
public struct SweepSeries: Sendable, Equatable {
  /// The swept parameter.
  public var parameter: String
  /// The arm the sweep varies.
  public var baseArm: String
  /// `(value, arm)` in increasing value.
  public var points: [(value: Double, arm: String)]

  public static func == (a: SweepSeries, b: SweepSeries) -> Bool {
    a.parameter == b.parameter && a.baseArm == b.baseArm
      && a.points.map(\.arm) == b.points.map(\.arm)
  }

  /// The sweeps among `points` (arm name → sweep point), one series per parameter and base arm.
  public static func series(from points: [String: SweepPoint]) -> [SweepSeries] {
    var grouped: [String: SweepSeries] = [:]
    for (arm, point) in points {
      let key = "\(point.baseArm)\u{1F}\(point.parameter)"
      grouped[
        key, default: SweepSeries(parameter: point.parameter, baseArm: point.baseArm, points: [])
      ]
      .points.append((point.value, arm))
    }
    return grouped.keys.sorted().compactMap { key in
      guard var series = grouped[key] else { return nil }
      series.points.sort { ($0.value, $0.arm) < ($1.value, $1.arm) }
      return series
    }
  }

  /// Metrics shown for each point.
  public static let metrics: [(Metric, String)] = [
    (.exposurePerThousand, HarmMeasures.anyHarm), (.reach, HarmMeasures.anyHarm),
    (.overblockingPerThousand, Metric.allCategories),
  ]

  /// The series as an aligned text table for `cohort`, from the run's summary rows.
  public func render(summary: [SummaryRow], cohort: String) -> String {
    var lookup: [String: SummaryRow] = [:]
    for row in summary where row.cohort == cohort {
      lookup["\(row.arm)\u{1F}\(row.category)\u{1F}\(row.metric.rawValue)"] = row
    }
    let f = ResultsRenderer.format
    var lines = [[parameter] + Self.metrics.map { "\($0.0.rawValue) (\($0.1))" }]
    for point in points {
      lines.append(
        ["\(point.value)"]
          + Self.metrics.map { metric, category in
            guard let row = lookup["\(point.arm)\u{1F}\(category)\u{1F}\(metric.rawValue)"] else {
              return "–"
            }
            return row.ciLow.flatMap { low in
              row.ciHigh.map { "\(f(row.mean)) [\(f(low)), \(f($0))]" }
            } ?? f(row.mean)
          })
    }
    return "sweep of \(parameter) on arm '\(baseArm)', cohort \(cohort):\n"
      + TextTable.render(
        header: lines[0], rows: Array(lines.dropFirst()), rightAligned: Set(1..<lines[0].count),
        underlineHeader: false)
  }
}

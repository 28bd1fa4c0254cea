import FeedSafeCore

/// Paired effects of each arm against a baseline arm on the audit accounts' metrics (arms share a
/// seed's random numbers, and replica k of every arm draws alike, so differences are paired by
/// seed).
public enum AuditComparison {
  /// One effect on one persona, phase and metric (any harm).
  public struct Row: Sendable, Equatable {
    public var persona, phase, other: String
    public var metric: AuditMetric
    public var baselineMean, otherMean, difference: Double
    public var ciLow, ciHigh: Double?
  }

  /// The metrics compared.
  static let compared: [AuditMetric] = [
    .harmfulShare, .itemsToFirst, .minutesToFirst, .longestStreak, .recoveryImpressions,
  ]

  /// Effects in the order of `layout`, metrics in ``compared`` order, arms as given.
  public static func withinRun(
    _ values: [AuditValue], arms: [String], baseline: String, layout: AuditLayout
  ) -> [Row] {
    var bySeed: [String: [UInt64: Double]] = [:]
    for value in values where value.category == HarmMeasures.anyHarm {
      bySeed[key(value.arm, value.persona, value.phase, value.metric), default: [:]][value.seed] =
        value.value
    }
    var rows: [Row] = []
    for persona in layout.personas {
      for phase in persona.phases {
        for metric in compared {
          guard let base = bySeed[key(baseline, persona.name, phase, metric)] else { continue }
          for arm in arms where arm != baseline {
            guard let other = bySeed[key(arm, persona.name, phase, metric)] else { continue }
            let seeds = base.keys.filter { other[$0] != nil }.sorted()
            guard !seeds.isEmpty else { continue }
            let (difference, halfWidth) = SeedSummary.meanAndHalfWidth(
              seeds.map { (other[$0] ?? 0) - (base[$0] ?? 0) })
            rows.append(
              Row(
                persona: persona.name, phase: phase, other: arm, metric: metric,
                baselineMean: mean(seeds.map { base[$0] ?? 0 }),
                otherMean: mean(seeds.map { other[$0] ?? 0 }), difference: difference,
                ciLow: halfWidth.map { difference - $0 }, ciHigh: halfWidth.map { difference + $0 })
            )
          }
        }
      }
    }
    return rows
  }

  /// The effects as an aligned table, or `""` when there are none.
  public static func table(_ rows: [Row], baseline: String) -> String {
    guard !rows.isEmpty else { return "" }
    let f = ResultsRenderer.format
    let lines = rows.map { row -> [String] in
      let interval = row.ciLow.flatMap { low in row.ciHigh.map { "[\(f(low)), \(f($0))]" } } ?? ""
      return [
        row.persona, row.phase, row.metric.rawValue, row.other, f(row.baselineMean),
        f(row.otherMean), f(row.difference), interval,
      ]
    }
    return "\naudit accounts, any harm: each arm against \(baseline), paired by seed (95% CI)\n"
      + TextTable.render(
        header: [
          "persona", "phase", "metric", "arm", baseline, "arm value", "difference", "95% CI",
        ],
        rows: lines, rightAligned: [4, 5, 6, 7])
  }

  private static func key(_ arm: String, _ persona: String, _ phase: String, _ metric: AuditMetric)
    -> String
  {
    [arm, persona, phase, metric.rawValue].joined(separator: "\u{1F}")
  }

  private static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }
}

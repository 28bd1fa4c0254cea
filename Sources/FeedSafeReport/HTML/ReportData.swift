import FeedSafeCore
import Foundation

/// Everything an HTML report shows about one stored run, gathered by the caller (the CLI reads it
/// from the store), so the report module needs no database.
public struct ReportData: Sendable {
  /// The run's results document (metadata and summary rows).
  public var results: ResultsDocument
  /// Run metadata lines shown under the title: (label, value).
  public var metadata: [(String, String)]
  /// Per arm: name, preset, age assurance, resolved settings as JSON.
  public var armSettings: [(name: String, preset: String?, ageAssurance: String, settings: String)]
  /// Every per-seed metric value (for paired effect sizes).
  public var values: [MetricValue]
  /// Children's daily harmful impressions per seed (`any_harm`): arm, seed, day, people, harmful.
  public var dailyHarm: [(arm: String, seed: UInt64, day: Int, people: Int, harmful: Int)]
  /// Children's survival per seed (`any_harm`): arm, seed, minute, share not yet exposed.
  public var survival: [(arm: String, seed: UInt64, minute: Double, survival: Double)]
  /// Sweep points by arm name.
  public var sweeps: [String: SweepPoint]
  /// Per arm: the JSON of the feed definitions it serves, by feed name (empty when not stored).
  public var armFeeds: [(name: String, feeds: String)]
  /// The sensitivity analysis the run is, if it is one (`feedsafe sensitivity`).
  public var sensitivity: SensitivityAnalysis?
  /// Per persona of the audit accounts, the harmful share (any harm) per window of feed minutes,
  /// by arm (mean over seeds).
  public var auditSeries:
    [(persona: String, points: [(arm: String, start: Double, share: Double)])] =
      []

  /// Report data.
  public init(
    results: ResultsDocument, metadata: [(String, String)],
    armSettings: [(name: String, preset: String?, ageAssurance: String, settings: String)],
    armFeeds: [(name: String, feeds: String)] = [],
    values: [MetricValue],
    dailyHarm: [(arm: String, seed: UInt64, day: Int, people: Int, harmful: Int)],
    survival: [(arm: String, seed: UInt64, minute: Double, survival: Double)],
    sweeps: [String: SweepPoint]
  ) {
    self.results = results
    self.metadata = metadata
    self.armSettings = armSettings
    self.values = values
    self.dailyHarm = dailyHarm
    self.survival = survival
    self.sweeps = sweeps
    self.armFeeds = armFeeds
  }

  /// Mean cumulative harmful impressions per person by day, with a CI over seeds, per arm.
  func cumulativeHarm() -> [[LineChart.Point]] {
    results.arms.map { arm in
      var perSeed: [UInt64: [(day: Int, value: Double)]] = [:]
      var totals: [UInt64: Double] = [:]
      for row in dailyHarm where row.arm == arm {
        totals[row.seed, default: 0] +=
          row.people > 0 ? Double(row.harmful) / Double(row.people) : 0
        perSeed[row.seed, default: []].append((row.day, totals[row.seed] ?? 0))
      }
      let days = Set(perSeed.values.flatMap { $0.map(\.day) }).sorted()
      return days.map { day in
        let samples = perSeed.keys.sorted().compactMap { seed in
          perSeed[seed]?.first { $0.day == day }?.value
        }
        return LineChart.Point(x: Double(day + 1), estimate: Self.estimate(samples))
      }
    }
  }

  /// Mean survival over seeds at each minute, per arm.
  func meanSurvival() -> [[LineChart.Point]] {
    results.arms.map { arm in
      var byMinute: [Double: [Double]] = [:]
      for row in survival where row.arm == arm {
        byMinute[row.minute, default: []].append(row.survival)
      }
      return byMinute.keys.sorted().compactMap { minute in
        guard let samples = byMinute[minute] else { return nil }
        return LineChart.Point(
          x: minute, estimate: Estimate(mean: samples.reduce(0, +) / Double(samples.count)))
      }
    }
  }

  /// A mean with its t-interval over seeds (no interval for one seed).
  static func estimate(_ samples: [Double]) -> Estimate {
    guard !samples.isEmpty else { return Estimate(mean: 0) }
    let (mean, halfWidth) = SeedSummary.meanAndHalfWidth(samples)
    return Estimate(mean: mean, low: halfWidth.map { mean - $0 }, high: halfWidth.map { mean + $0 })
  }
}

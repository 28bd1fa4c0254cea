import FeedSafeCore

/// One effect: how one metric of one cohort and category differs between a baseline and another
/// arm (or run), with a 95% confidence interval of the difference.
public struct ComparisonRow: Sendable, Equatable {
  /// What is compared against (an arm, or `runA/arm` across runs).
  public var baseline: String
  /// What is compared (an arm, or `runB/arm`).
  public var other: String
  /// The cohort.
  public var cohort: String
  /// The harm measure, or `all`.
  public var category: String
  /// The metric.
  public var metric: Metric
  /// The baseline's mean over seeds.
  public var baselineMean: Double
  /// The other's mean over seeds.
  public var otherMean: Double
  /// Mean difference, other − baseline (paired: mean of per-seed differences).
  public var difference: Double
  /// `difference ÷ baselineMean`; `nil` when the baseline is 0.
  public var relativeDifference: Double?
  /// 95% CI of the difference; `nil` without enough seeds.
  public var ciLow: Double?
  /// Upper end of the CI.
  public var ciHigh: Double?
  /// Seeds behind the difference (pairs, or the smaller sample across runs).
  public var n: Int
  /// Whether the other side has a value at all (`false`: no seed of it had one, shown as `–`).
  public var hasOther: Bool { otherMean.isFinite }

  /// A row whose other side has no value on any seed: its mean and difference are NaN.
  static func unknownOther(
    _ key: Comparison.Key, baseline: String, other: String, base: [UInt64: Double]
  ) -> ComparisonRow {
    ComparisonRow(
      baseline: baseline, other: other, cohort: key.cohort, category: key.category,
      metric: key.metric, baselineMean: Comparison.mean(Comparison.bySeed(base)),
      otherMean: .nan, difference: .nan, relativeDifference: nil, ciLow: nil, ciHigh: nil, n: 0)
  }

  /// Whether the CI excludes zero.
  public var isCredible: Bool {
    guard let ciLow, let ciHigh else { return false }
    return ciLow > 0 || ciHigh < 0
  }
}

/// Effect sizes between arms of one run (paired over seeds: arms share random numbers) or between
/// the same arms of two runs (unpaired, Welch).
public enum Comparison {
  /// Paired differences of every arm against `baseline` within one run.
  public static func withinRun(_ values: [MetricValue], arms: [String], baseline: String)
    -> [ComparisonRow]
  {
    let grouped = group(values)
    var rows: [ComparisonRow] = []
    for key in grouped.keys.sorted() where key.arm == baseline {
      let base = grouped[key] ?? [:]
      for arm in arms where arm != baseline {
        let otherKey = Key(arm: arm, cohort: key.cohort, category: key.category, metric: key.metric)
        let other = grouped[otherKey] ?? [:]
        let seeds = base.keys.filter { other[$0] != nil }.sorted()
        guard !seeds.isEmpty else {
          // No seed has a value in the other arm (a median never reached): keep the row, so a
          // cohort is never silently missing, with the other side unknown.
          rows.append(.unknownOther(key, baseline: baseline, other: arm, base: base))
          continue
        }
        let differences = seeds.map { (other[$0] ?? 0) - (base[$0] ?? 0) }
        let (difference, halfWidth) = SeedSummary.meanAndHalfWidth(differences)
        let baseMean = mean(seeds.map { base[$0] ?? 0 })
        rows.append(
          ComparisonRow(
            baseline: baseline, other: arm, cohort: key.cohort, category: key.category,
            metric: key.metric,
            baselineMean: baseMean, otherMean: mean(seeds.map { other[$0] ?? 0 }),
            difference: difference,
            relativeDifference: baseMean != 0 ? difference / baseMean : nil,
            ciLow: halfWidth.map { difference - $0 }, ciHigh: halfWidth.map { difference + $0 },
            n: seeds.count))
      }
    }
    return rows
  }

  /// Differences of each arm of run B against the same arm of run A: `paired` by seed (the runs
  /// share their world and seeds, so per-seed differences cancel the world's noise; seeds in
  /// only one run are left out), unpaired (Welch) otherwise.
  public static func betweenRuns(
    _ a: [MetricValue], _ b: [MetricValue], arms: [String], labels: (String, String),
    paired: Bool = false
  ) -> [ComparisonRow] {
    let groupedA = group(a)
    let groupedB = group(b)
    var rows: [ComparisonRow] = []
    for key in groupedA.keys.sorted() where arms.contains(key.arm) {
      if paired {
        guard let base = groupedA[key], let other = groupedB[key] else { continue }
        let seeds = base.keys.filter { other[$0] != nil }.sorted()
        guard !seeds.isEmpty else { continue }
        let (difference, halfWidth) = SeedSummary.meanAndHalfWidth(
          seeds.map { (other[$0] ?? 0) - (base[$0] ?? 0) })
        let baseMean = mean(seeds.map { base[$0] ?? 0 })
        rows.append(
          ComparisonRow(
            baseline: "\(labels.0)/\(key.arm)", other: "\(labels.1)/\(key.arm)",
            cohort: key.cohort, category: key.category, metric: key.metric,
            baselineMean: baseMean, otherMean: mean(seeds.map { other[$0] ?? 0 }),
            difference: difference, relativeDifference: baseMean != 0 ? difference / baseMean : nil,
            ciLow: halfWidth.map { difference - $0 }, ciHigh: halfWidth.map { difference + $0 },
            n: seeds.count))
        continue
      }
      // In seed order, so sums (and their last bits) never depend on dictionary order.
      guard let sampleA = groupedA[key].map(bySeed), let sampleB = groupedB[key].map(bySeed),
        !sampleA.isEmpty, !sampleB.isEmpty
      else { continue }
      let meanA = mean(sampleA)
      let meanB = mean(sampleB)
      let difference = meanB - meanA
      let halfWidth = welchHalfWidth(sampleA, sampleB)
      rows.append(
        ComparisonRow(
          baseline: "\(labels.0)/\(key.arm)", other: "\(labels.1)/\(key.arm)", cohort: key.cohort,
          category: key.category, metric: key.metric, baselineMean: meanA, otherMean: meanB,
          difference: difference,
          relativeDifference: meanA != 0 ? difference / meanA : nil,
          ciLow: halfWidth.map { difference - $0 },
          ciHigh: halfWidth.map { difference + $0 }, n: min(sampleA.count, sampleB.count)))
    }
    return rows
  }

  /// Half-width of the two-sided 1 − `alpha` CI of mean(b) − mean(a) with unequal variances
  /// (Welch–Satterthwaite degrees of freedom); `nil` with fewer than two values in either sample.
  public static func welchHalfWidth(_ a: [Double], _ b: [Double], alpha: Double = 0.05) -> Double? {
    guard a.count > 1, b.count > 1 else { return nil }
    let va = variance(a) / Double(a.count)
    let vb = variance(b) / Double(b.count)
    guard va + vb > 0 else { return 0 }
    let df = (va + vb) * (va + vb) / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
    return StudentT.quantile(1 - alpha / 2, degreesOfFreedom: df) * (va + vb).squareRoot()
  }

  struct Key: Hashable, Comparable {
    let arm: String
    let cohort: String
    let category: String
    let metric: Metric
    static func < (a: Key, b: Key) -> Bool {
      (a.arm, a.cohort, a.category, a.metric) < (b.arm, b.cohort, b.category, b.metric)
    }
  }

  /// Values by (arm, cohort, category, metric), then by seed.
  static func group(_ values: [MetricValue]) -> [Key: [UInt64: Double]] {
    var grouped: [Key: [UInt64: Double]] = [:]
    for value in values {
      grouped[
        Key(arm: value.arm, cohort: value.cohort, category: value.category, metric: value.metric),
        default: [:]][
          value.seed] = value.value
    }
    return grouped
  }

  static func bySeed(_ values: [UInt64: Double]) -> [Double] {
    values.keys.sorted().compactMap { values[$0] }
  }

  static func mean(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(max(1, values.count))
  }

  static func variance(_ values: [Double]) -> Double {
    let m = mean(values)
    return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
  }
}

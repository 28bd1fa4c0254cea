import RealModule

/// A metric's mean over seeds with a 95% confidence interval (DESIGN "Metrics").
public struct SummaryRow: Sendable, Equatable {
  /// The arm.
  public var arm: String
  /// The cohort.
  public var cohort: String
  /// The harm measure, or `all`.
  public var category: String
  /// The metric.
  public var metric: Metric
  /// Mean over the seeds where the metric is defined.
  public var mean: Double
  /// Lower end of the 95% CI; `nil` with fewer than two seeds.
  public var ciLow: Double?
  /// Upper end of the 95% CI; `nil` with fewer than two seeds.
  public var ciHigh: Double?
  /// Seeds the mean is over.
  public var n: Int

  /// A summary row.
  public init(
    arm: String, cohort: String, category: String, metric: Metric, mean: Double, ciLow: Double?,
    ciHigh: Double?, n: Int
  ) {
    self.arm = arm
    self.cohort = cohort
    self.category = category
    self.metric = metric
    self.mean = mean
    self.ciLow = ciLow
    self.ciHigh = ciHigh
    self.n = n
  }
}

/// Mean and Student-t confidence interval of a sample.
public enum SeedSummary {
  /// The mean of `values` and the half-width of its two-sided 1 − `alpha` CI (95% by default;
  /// `nil` for fewer than two values). Sums run in the order given, so the caller fixes it.
  public static func meanAndHalfWidth(_ values: [Double], alpha: Double = 0.05) -> (
    mean: Double, halfWidth: Double?
  ) {
    let n = Double(values.count)
    var sum = 0.0
    for v in values { sum += v }
    let mean = sum / n
    guard values.count > 1 else { return (mean, nil) }
    var squares = 0.0
    for v in values { squares += (v - mean) * (v - mean) }
    let standardError = (squares / (n - 1)).squareRoot() / n.squareRoot()
    let t =
      alpha == 0.05
      ? tQuantile975(degreesOfFreedom: values.count - 1)
      : StudentT.quantile(1 - alpha / 2, degreesOfFreedom: n - 1)
    return (mean, t * standardError)
  }

  /// Summary rows of `values` in a stable order: by arm (as given), cohort (as given), category
  /// (as given), metric; values within a group are taken in seed order.
  public static func summarise(
    _ values: [MetricValue], arms: [String], cohorts: [String], categories: [String]
  ) -> [SummaryRow] {
    func position(_ list: [String], _ name: String) -> Int {
      list.firstIndex(of: name) ?? list.count
    }
    var groups: [String: [MetricValue]] = [:]
    for value in values {
      groups[
        "\(value.arm)\u{1F}\(value.cohort)\u{1F}\(value.category)\u{1F}\(value.metric.rawValue)",
        default: []
      ]
      .append(value)
    }
    var rows: [SummaryRow] = groups.values.map { group in
      let ordered = group.sorted { $0.seed < $1.seed }
      let first = ordered[0]
      let (mean, halfWidth) = meanAndHalfWidth(ordered.map(\.value))
      return SummaryRow(
        arm: first.arm, cohort: first.cohort, category: first.category, metric: first.metric,
        mean: mean, ciLow: halfWidth.map { mean - $0 }, ciHigh: halfWidth.map { mean + $0 },
        n: ordered.count)
    }
    rows.sort {
      (
        position(arms, $0.arm), position(cohorts, $0.cohort), position(categories, $0.category),
        $0.metric
      )
        < (
          position(arms, $1.arm), position(cohorts, $1.cohort), position(categories, $1.category),
          $1.metric
        )
    }
    return rows
  }

  /// The 0.975 quantile of Student's t with `degreesOfFreedom` (exact table to 30, then the
  /// Cornish–Fisher expansion, accurate to 1e-3).
  public static func tQuantile975(degreesOfFreedom df: Int) -> Double {
    let table: [Double] = [
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
      2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
      2.052, 2.048, 2.045, 2.042,
    ]
    if df >= 1 && df <= table.count { return table[df - 1] }
    let z = 1.959964
    let v = Double(df)
    return z + (z * z * z + z) / (4 * v) + (5 * Double.pow(z, 5) + 16 * z * z * z + 3 * z)
      / (96 * v * v)
  }
}

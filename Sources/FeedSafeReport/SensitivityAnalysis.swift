import FeedSafeCore

/// What a sensitivity run says about its question: the effect at every point (treatment −
/// baseline, paired by seed, with a 95% CI over seeds), each factor's one-at-a-time swing, ranked,
/// and how the effect spreads when every factor moves at once (the Latin-hypercube check).
public struct SensitivityAnalysis: Sendable {
  /// An effect at one point.
  public struct Estimate: Sendable, Equatable {
    public var mean: Double
    public var low: Double?
    public var high: Double?
    /// Whether the 95% CI excludes 0 (`false` without a CI).
    public var excludesZero: Bool {
      guard let low, let high else { return false }
      return low > 0 || high < 0
    }
  }

  /// One factor's one-at-a-time result.
  public struct FactorRow: Sendable {
    public var factor: SensitivityPlan.Factor
    public var atLow: Estimate?
    public var atHigh: Estimate?
    /// |effect at high − effect at low|: how far the factor alone moves the effect.
    public var swing: Double
    /// Whether either end has the opposite sign to the base effect.
    public var flipsSign: Bool
    /// Whether the CI excludes 0 at both ends.
    public var staysCredible: Bool
    /// Spearman correlation of the factor with the effect over the joint samples.
    public var sampleCorrelation: Double?
  }

  public let plan: SensitivityPlan
  /// The effect at the scenario's values.
  public let base: Estimate?
  /// Factors, the largest swing first (ties in plan order).
  public let factors: [FactorRow]
  /// The effect at each Latin-hypercube sample.
  public let samples: [Estimate]

  /// The analysis of `plan` from the run's per-seed metric values.
  public init(plan: SensitivityPlan, values: [MetricValue]) {
    self.plan = plan
    let question = plan.question
    var bySeed: [String: [UInt64: Double]] = [:]
    for value in values
    where value.metric.rawValue == question.metric && value.cohort == question.cohort
      && value.category == question.category
    {
      bySeed[value.arm, default: [:]][value.seed] = value.value
    }
    func estimate(_ point: SensitivityPlan.Point) -> Estimate? {
      guard let treated = bySeed[plan.armName(question.treatment, at: point)],
        let baseline = bySeed[plan.armName(question.baseline, at: point)]
      else { return nil }
      let differences = treated.keys.sorted().compactMap { seed in
        treated[seed].flatMap { value in baseline[seed].map { value - $0 } }
      }
      guard !differences.isEmpty else { return nil }
      let (mean, half) = SeedSummary.meanAndHalfWidth(differences)
      return Estimate(mean: mean, low: half.map { mean - $0 }, high: half.map { mean + $0 })
    }
    let base = plan.points.first { $0.role == "base" }.flatMap(estimate)
    self.base = base
    let sampled = plan.points.filter { $0.role == "sample" }
    samples = sampled.compactMap(estimate)
    let sampleEffects = sampled.map { estimate($0)?.mean ?? .nan }
    var rows: [FactorRow] = []
    for (index, factor) in plan.factors.enumerated() {
      let ends = ["low", "high"].map { role in
        plan.points.first { $0.factor == index && $0.role == role }.flatMap(estimate)
      }
      let swing = ends[0].flatMap { low in ends[1].map { abs($0.mean - low.mean) } } ?? .nan
      let baseSign = base.map { $0.mean.sign }
      let flips = ends.contains { end in
        guard let end, let baseSign, base?.mean != 0, end.mean != 0 else { return false }
        return end.mean.sign != baseSign
      }
      let column = sampled.map { point in
        point.values.first { $0.path == factor.path }?.value ?? .nan
      }
      rows.append(
        FactorRow(
          factor: factor, atLow: ends[0], atHigh: ends[1], swing: swing, flipsSign: flips,
          staysCredible: ends.allSatisfy { $0?.excludesZero == true },
          sampleCorrelation: Self.spearman(column, sampleEffects)))
    }
    factors = rows.enumerated().sorted { a, b in
      let (x, y) = (
        a.element.swing.isNaN ? -1 : a.element.swing, b.element.swing.isNaN ? -1 : b.element.swing
      )
      return x != y ? x > y : a.offset < b.offset
    }.map(\.element)
  }

  /// The share of joint samples whose effect has the base effect's sign.
  public var sameSignShare: Double? {
    guard let base, !samples.isEmpty else { return nil }
    return Double(samples.filter { $0.mean.sign == base.mean.sign && $0.mean != 0 }.count)
      / Double(samples.count)
  }

  /// The share of joint samples whose CI excludes 0 on the base effect's side.
  public var credibleShare: Double? {
    guard let base, !samples.isEmpty else { return nil }
    return Double(samples.filter { $0.excludesZero && $0.mean.sign == base.mean.sign }.count)
      / Double(samples.count)
  }

  /// Variance of the effect over the joint samples ÷ what the one-at-a-time swings predict if the
  /// factors acted alone and linearly (Σ swing² / 12 for uniform sampling). Near 1: the factors
  /// add up; well above 1: they interact, or act non-linearly, and the joint samples are the
  /// better guide.
  public var interactionRatio: Double? {
    let effects = samples.map(\.mean)
    guard effects.count > 2 else { return nil }
    let mean = effects.reduce(0, +) / Double(effects.count)
    let variance = effects.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(effects.count - 1)
    let predicted = factors.reduce(0) { $0 + ($1.swing.isNaN ? 0 : $1.swing * $1.swing) } / 12
    return predicted > 0 ? variance / predicted : nil
  }

  /// Spearman's rank correlation of two equal-length columns (pairs with NaN dropped).
  static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
    let pairs = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }
    guard pairs.count > 2 else { return nil }
    func ranks(_ values: [Double]) -> [Double] {
      let order = values.indices.sorted { values[$0] < values[$1] }
      var result = Array(repeating: 0.0, count: values.count)
      var start = 0
      while start < order.count {
        var end = start
        while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
        for position in start...end { result[order[position]] = Double(start + end) / 2 }
        start = end + 1
      }
      return result
    }
    let a = ranks(pairs.map(\.0))
    let b = ranks(pairs.map(\.1))
    let meanA = a.reduce(0, +) / Double(a.count)
    let meanB = b.reduce(0, +) / Double(b.count)
    var covariance = 0.0
    var varianceA = 0.0
    var varianceB = 0.0
    for (p, q) in zip(a, b) {
      covariance += (p - meanA) * (q - meanB)
      varianceA += (p - meanA) * (p - meanA)
      varianceB += (q - meanB) * (q - meanB)
    }
    guard varianceA > 0, varianceB > 0 else { return nil }
    return covariance / (varianceA * varianceB).squareRoot()
  }
}

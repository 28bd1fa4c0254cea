/// An audit metric's mean over seeds with a 95% confidence interval. Each seed's value is already
/// over that seed's replicas, so the interval covers both seeds and replicas (replicas of one seed
/// share a platform and are not independent of each other).
public struct AuditSummaryRow: Sendable, Equatable {
  public var arm: String
  public var persona: String
  public var phase: String
  public var category: String
  public var metric: AuditMetric
  /// Mean over the seeds where the metric is defined.
  public var mean: Double
  public var ciLow: Double?
  public var ciHigh: Double?
  /// Seeds the mean is over.
  public var n: Int

  /// A summary row.
  public init(
    arm: String, persona: String, phase: String, category: String, metric: AuditMetric,
    mean: Double, ciLow: Double?, ciHigh: Double?, n: Int
  ) {
    self.arm = arm
    self.persona = persona
    self.phase = phase
    self.category = category
    self.metric = metric
    self.mean = mean
    self.ciLow = ciLow
    self.ciHigh = ciHigh
    self.n = n
  }
}

/// Summaries of audit values over seeds.
public enum AuditSummary {
  /// Rows in first-appearance order of (arm, persona, phase, category, metric) in `values`, which
  /// the runner produces in a fixed order; values within a row are taken in seed order.
  public static func summarise(_ values: [AuditValue]) -> [AuditSummaryRow] {
    var order: [String] = []
    var groups: [String: [AuditValue]] = [:]
    for value in values {
      let key = [value.arm, value.persona, value.phase, value.category, value.metric.rawValue]
        .joined(separator: "\u{1F}")
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(value)
    }
    return order.compactMap { key in
      guard let group = groups[key]?.sorted(by: { $0.seed < $1.seed }), let first = group.first
      else { return nil }
      let (mean, halfWidth) = SeedSummary.meanAndHalfWidth(group.map(\.value))
      return AuditSummaryRow(
        arm: first.arm, persona: first.persona, phase: first.phase, category: first.category,
        metric: first.metric, mean: mean, ciLow: halfWidth.map { mean - $0 },
        ciHigh: halfWidth.map { mean + $0 }, n: group.count)
    }
  }
}

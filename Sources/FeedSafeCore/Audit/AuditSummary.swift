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

/// The personas of a run and their phases (then the whole script), in scenario order: the order
/// audit rows are reported in.
public struct AuditLayout: Sendable, Equatable {
  public var personas: [(name: String, phases: [String])]

  /// A layout as given.
  public init(personas: [(name: String, phases: [String])]) { self.personas = personas }

  /// The layout of `values` as the runner produces them (per persona, phases in script order).
  public init(_ values: [AuditValue]) {
    var personas: [(name: String, phases: [String])] = []
    for value in values {
      if !personas.contains(where: { $0.name == value.persona }) {
        personas.append((value.persona, []))
      }
      guard let index = personas.firstIndex(where: { $0.name == value.persona }) else { continue }
      if !personas[index].phases.contains(value.phase) {
        personas[index].phases.append(value.phase)
      }
    }
    self.personas = personas
  }

  public static func == (a: Self, b: Self) -> Bool {
    a.personas.map(\.name) == b.personas.map(\.name)
      && a.personas.map(\.phases) == b.personas.map(\.phases)
  }
}

/// Summaries of audit values over seeds.
public enum AuditSummary {
  /// Rows ordered by arm (as given), persona and phase (as `layout` lists them), category (as
  /// given) and metric; values within a row are taken in seed order, so the rows are the same
  /// whatever order `values` come in.
  public static func summarise(
    _ values: [AuditValue], arms: [String], layout: AuditLayout, categories: [String]
  ) -> [AuditSummaryRow] {
    var groups: [String: [AuditValue]] = [:]
    for value in values {
      let key = [value.arm, value.persona, value.phase, value.category, value.metric.rawValue]
        .joined(separator: "\u{1F}")
      groups[key, default: []].append(value)
    }
    func position(_ list: [String], _ name: String) -> Int {
      list.firstIndex(of: name) ?? list.count
    }
    let personas = layout.personas.map(\.name)
    let sortKey = { (value: AuditValue) -> [Int] in
      let phases = layout.personas.first { $0.name == value.persona }?.phases ?? []
      return [
        position(arms, value.arm), position(personas, value.persona),
        position(phases, value.phase), position(categories, value.category),
        AuditMetric.allCases.firstIndex(of: value.metric) ?? 0,
      ]
    }
    let ordered = groups.values.compactMap(\.first).sorted {
      sortKey($0).lexicographicallyPrecedes(sortKey($1))
    }
    return ordered.compactMap { representative in
      let key = [
        representative.arm, representative.persona, representative.phase,
        representative.category, representative.metric.rawValue,
      ].joined(separator: "\u{1F}")
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

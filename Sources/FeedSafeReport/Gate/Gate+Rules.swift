import FeedSafeCore

extension Gate {
  typealias Grouped = [Comparison.Key: [UInt64: Double]]

  func key(_ arm: String, _ s: MetricSelector) -> Comparison.Key {
    Comparison.Key(arm: arm, cohort: s.cohort, category: s.category, metric: s.metric)
  }

  func evaluate(_ expectation: Expectation, grouped: Grouped, alpha: Double) -> GateResult {
    switch expectation.rule {
    case .bound(let arm, let selector, let minimum, let maximum):
      return bound(
        expectation.name, samples: Comparison.bySeed(grouped[key(arm, selector)] ?? [:]),
        minimum: minimum, maximum: maximum, alpha: alpha)
    case .reduction(let arm, let baseline, let selector, let share):
      return reduction(
        expectation.name, other: grouped[key(arm, selector)] ?? [:],
        base: grouped[key(baseline, selector)] ?? [:], share: share, alpha: alpha)
    case .monotonic(let arm, let parameter, let selector, let direction):
      return monotonic(
        expectation.name, arms: sweepArms(arm, parameter), selector: selector, direction: direction,
        grouped: grouped, alpha: alpha)
    }
  }

  func bound(_ name: String, samples: [Double], minimum: Double?, maximum: Double?, alpha: Double)
    -> GateResult
  {
    let reference = [
      minimum.map { "≥ \(ResultsRenderer.format($0))" },
      maximum.map { "≤ \(ResultsRenderer.format($0))" },
    ]
    .compactMap { $0 }.joined(separator: " and ")
    guard samples.count > 1 else {
      return GateResult(
        name: name, kind: "bound",
        value: samples.first.map { ResultsRenderer.format($0) } ?? "no value", reference: reference,
        verdict: .undetermined,
        detail: samples.isEmpty
          ? "the metric has no value in this run"
          : "needs at least 2 seeds to tell a result from noise")
    }
    let (mean, halfWidth) = Self.interval(samples, alpha: alpha)
    let width = halfWidth ?? 0
    let value = Self.text(mean, halfWidth)
    if let maximum, mean - width > maximum {
      return GateResult(
        name: name, kind: "bound", value: value, reference: reference, verdict: .fail,
        detail: "credibly above \(ResultsRenderer.format(maximum))")
    }
    if let minimum, mean + width < minimum {
      return GateResult(
        name: name, kind: "bound", value: value, reference: reference, verdict: .fail,
        detail: "credibly below \(ResultsRenderer.format(minimum))")
    }
    let underMax = maximum.map { mean + width <= $0 } ?? true
    let overMin = minimum.map { mean - width >= $0 } ?? true
    if underMax && overMin {
      return GateResult(
        name: name, kind: "bound", value: value, reference: reference, verdict: .pass,
        detail: "the whole interval is within bounds")
    }
    let distance = min(
      maximum.map { abs($0 - mean) } ?? .infinity, minimum.map { abs(mean - $0) } ?? .infinity)
    return GateResult(
      name: name, kind: "bound", value: value, reference: reference, verdict: .undetermined,
      detail: "the interval straddles the bound; "
        + Self.seedsNeeded(n: samples.count, halfWidth: width, distance: distance))
  }

  /// `other` at least `share` lower than `base`: per seed, the margin other − (1 − share)·base
  /// must be credibly ≤ 0 (paired: arms share random numbers).
  func reduction(
    _ name: String, other: [UInt64: Double], base: [UInt64: Double], share: Double, alpha: Double
  ) -> GateResult {
    let seeds = base.keys.filter { other[$0] != nil }.sorted()
    let reference = "≥ \(ResultsRenderer.format(share * 100))% lower"
    let otherMean = Comparison.mean(seeds.compactMap { other[$0] })
    let baseMean = Comparison.mean(seeds.compactMap { base[$0] })
    let observed = baseMean != 0 ? 1 - otherMean / baseMean : 0
    let value =
      "\(ResultsRenderer.format(observed * 100))% lower (\(ResultsRenderer.format(otherMean)) vs \(ResultsRenderer.format(baseMean)))"
    guard seeds.count > 1 else {
      return GateResult(
        name: name, kind: "reduction", value: seeds.isEmpty ? "no value" : value,
        reference: reference, verdict: .undetermined,
        detail: seeds.isEmpty
          ? "the metric has no value in both arms"
          : "needs at least 2 seeds to tell a result from noise")
    }
    let margins = seeds.map { (other[$0] ?? 0) - (1 - share) * (base[$0] ?? 0) }
    let (mean, halfWidth) = Self.interval(margins, alpha: alpha)
    let width = halfWidth ?? 0
    if mean + width <= 0 {
      return GateResult(
        name: name, kind: "reduction", value: value, reference: reference, verdict: .pass,
        detail: "the reduction is credibly at least the required share")
    }
    if mean - width > 0 {
      return GateResult(
        name: name, kind: "reduction", value: value, reference: reference, verdict: .fail,
        detail: "the reduction is credibly smaller than required")
    }
    return GateResult(
      name: name, kind: "reduction", value: value, reference: reference, verdict: .undetermined,
      detail: "cannot tell at these seeds; "
        + Self.seedsNeeded(n: seeds.count, halfWidth: width, distance: abs(mean)))
  }

  /// Over the sweep in increasing parameter order: fails if any step credibly moves the wrong way;
  /// passes if none does and the first-to-last change is credibly in the right direction.
  func monotonic(
    _ name: String, arms: [String], selector: MetricSelector, direction: ExpectationRule.Direction,
    grouped: Grouped,
    alpha: Double
  ) -> GateResult {
    let reference = direction.rawValue
    let series = arms.map { grouped[key($0, selector)] ?? [:] }
    let means = series.map { Comparison.mean(Comparison.bySeed($0)) }
    let value = means.map(ResultsRenderer.format).joined(separator: " → ")
    guard series.count > 1 else {
      return GateResult(
        name: name, kind: "monotonic", value: value, reference: reference, verdict: .undetermined,
        detail: "the sweep has fewer than 2 points")
    }
    let sign = direction == .increasing ? 1.0 : -1.0
    func step(_ from: [UInt64: Double], _ to: [UInt64: Double]) -> (Double, Double?) {
      let seeds = from.keys.filter { to[$0] != nil }.sorted()
      return Self.interval(seeds.map { sign * ((to[$0] ?? 0) - (from[$0] ?? 0)) }, alpha: alpha)
    }
    for index in 1..<series.count {
      let (mean, halfWidth) = step(series[index - 1], series[index])
      if let halfWidth, mean + halfWidth < 0 {
        return GateResult(
          name: name, kind: "monotonic", value: value, reference: reference, verdict: .fail,
          detail: "credibly moves the wrong way between \(arms[index - 1]) and \(arms[index])")
      }
    }
    let (total, halfWidth) = step(series[0], series[series.count - 1])
    guard let halfWidth else {
      return GateResult(
        name: name, kind: "monotonic", value: value, reference: reference, verdict: .undetermined,
        detail: "needs at least 2 seeds to tell a result from noise")
    }
    if total - halfWidth > 0 {
      return GateResult(
        name: name, kind: "monotonic", value: value, reference: reference, verdict: .pass,
        detail:
          "no step goes the wrong way and the whole sweep credibly moves \(direction.rawValue == "increasing" ? "up" : "down")"
      )
    }
    return GateResult(
      name: name, kind: "monotonic", value: value, reference: reference, verdict: .undetermined,
      detail: "no step credibly goes the wrong way, but the overall change is within noise")
  }
}

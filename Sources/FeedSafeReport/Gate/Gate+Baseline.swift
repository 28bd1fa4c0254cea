import FeedSafeCore

extension Gate {
  /// The (arm, cohort, category, metric) combinations a baseline comparison gates.
  func baselineComparisons(_ baseline: Baseline) -> [Comparison.Key] {
    var keys: [Comparison.Key] = []
    for arm in baseline.arms {
      for cohort in baseline.cohorts {
        for metric in spec.baselineMetrics {
          for category in metric.isPerCategory
            ? spec.baselineCategories.filter({ $0 != Metric.allCategories })
            : [Metric.allCategories]
          {
            keys.append(
              Comparison.Key(arm: arm, cohort: cohort, category: category, metric: metric))
          }
        }
      }
    }
    return keys
  }

  /// Fails where the new run is worse than the baseline by more than the tolerance *and* the
  /// difference is credible. Paired by seed when both runs used the same seeds (the same worlds:
  /// only the change differs), Welch otherwise.
  func compare(
    _ key: Comparison.Key, new: Grouped, old: Grouped, baseline: Baseline, alpha: Double
  ) -> GateResult {
    let f = ResultsRenderer.format
    let name = "\(key.arm): \(key.cohort)/\(key.category)/\(key.metric.rawValue) vs baseline"
    let newValues = new[key] ?? [:]
    let oldValues = old[key] ?? [:]
    let tolerance = baseline.tolerance ?? spec.tolerance(for: key.metric)
    let oldMean = Comparison.mean(Comparison.bySeed(oldValues))
    let newMean = Comparison.mean(Comparison.bySeed(newValues))
    let reference =
      oldValues.isEmpty
      ? "no value (run \(baseline.label))"
      : "\(f(oldMean)) (run \(baseline.label)), tolerance \(f(tolerance.allowance(from: oldMean)))"
    guard !newValues.isEmpty, !oldValues.isEmpty else {
      let verdict: Verdict = newValues.isEmpty && oldValues.isEmpty ? .pass : .undetermined
      return GateResult(
        name: name, kind: "baseline", value: newValues.isEmpty ? "no value" : f(newMean),
        reference: reference,
        verdict: verdict,
        detail: verdict == .pass
          ? "no value in either run" : "the metric has a value in only one run")
    }
    let sign = key.metric.higherIsWorse ? 1.0 : -1.0
    let paired = Set(newValues.keys) == Set(oldValues.keys)
    let worse: Double
    let halfWidth: Double?
    if paired {
      let seeds = newValues.keys.sorted()
      (worse, halfWidth) = Self.interval(
        seeds.map { sign * ((newValues[$0] ?? 0) - (oldValues[$0] ?? 0)) }, alpha: alpha)
    } else {
      worse = sign * (newMean - oldMean)
      halfWidth = Comparison.welchHalfWidth(
        Comparison.bySeed(oldValues), Comparison.bySeed(newValues), alpha: alpha)
    }
    let allowance = tolerance.allowance(from: oldMean)
    let value =
      worse == 0
      ? "\(f(newMean)) (unchanged)"
      : "\(f(newMean)) (\(worse > 0 ? "worse" : "better") by \(f(abs(worse))))"
    let test = paired ? "paired by seed" : "Welch"
    guard let halfWidth else {
      return GateResult(
        name: name, kind: "baseline", value: value, reference: reference,
        verdict: worse > allowance ? .undetermined : .pass,
        detail: "needs at least 2 seeds in each run to tell a change from noise")
    }
    if worse > allowance && worse - halfWidth > 0 {
      return GateResult(
        name: name, kind: "baseline", value: value, reference: reference, verdict: .fail,
        detail:
          "worse by more than the tolerance, and credibly (\(test): \(f(worse - halfWidth)) to \(f(worse + halfWidth)))"
      )
    }
    if worse > allowance {
      // The interval includes 0: say so, and how many seeds would tell (the interval's
      // half-width shrinks as 1/√n, so it clears 0 at about n·(halfWidth ÷ worse)² seeds).
      let seeds = paired ? newValues.count : min(newValues.count, oldValues.count)
      return GateResult(
        name: name, kind: "baseline", value: value, reference: reference,
        verdict: .worseNotCredible,
        detail:
          "worse by more than the tolerance, but not credibly: the interval includes 0 (\(test): \(f(worse - halfWidth)) to \(f(worse + halfWidth))); "
          + Self.seedsNeeded(n: seeds, halfWidth: halfWidth, distance: worse))
    }
    return GateResult(
      name: name, kind: "baseline", value: value, reference: reference, verdict: .pass,
      detail: "within tolerance")
  }
}

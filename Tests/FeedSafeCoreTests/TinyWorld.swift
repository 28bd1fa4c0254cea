@testable import FeedSafeCore

/// Small experiments for tests: the default world at a size a debug build simulates in well under
/// a second, with helpers to build arms.
enum TinyWorld {
  /// The default world with `people` people and `items` items over `days` days, after `burnIn`
  /// unmeasured days (none by default, so a test's day 0 is the platform's first day).
  static func spec(
    people: Int = 200, items: Int = 2_000, days: Int = 4, seeds: Int = 1, arms: [Arm] = [],
    burnIn: Int = 0
  ) -> ExperimentSpec {
    let taxonomy = Defaults.taxonomy
    var spec = ExperimentSpec(
      name: "tiny", description: "", seed: 42, replications: seeds, horizonDays: days,
      population: Defaults.population(size: people, bands: .standard, taxonomy: taxonomy),
      catalogue: Defaults.catalogue(size: items, taxonomy: taxonomy),
      moderation: Defaults.moderation(harmCount: taxonomy.harms.count),
      behaviour: BehaviourSpec(), feeds: FeedPreset.allCases.map(\.definition),
      arms: arms.isEmpty ? [arm("none", .none)] : arms)
    spec.burnInDays = burnIn
    return spec
  }

  /// An arm made from a policy preset, serving `feed` to every band.
  static func arm(_ name: String, _ preset: PolicyPreset, feed: FeedPreset = .engagement) -> Arm {
    let bands = AgeBands.standard
    return Arm(
      name: name, preset: preset.rawValue,
      policies: bands.all.map {
        preset.policy(isChild: bands.isChild($0), feed: feed.rawValue, taxonomy: Defaults.taxonomy)
      })
  }

  /// `arm` with `change` applied to the policy of every child band.
  static func changingChildren(_ arm: Arm, name: String, _ change: (inout BandPolicy) -> Void)
    -> Arm
  {
    var result = arm
    result.name = name
    for band in AgeBands.standard.all where AgeBands.standard.isChild(band) {
      change(&result.policies[band.position])
    }
    return result
  }

  /// Every metric value of a run, keyed `arm/cohort/category/metric`.
  static func values(_ spec: ExperimentSpec, threads: Int = 1) throws -> [String: Double] {
    var values: [String: Double] = [:]
    _ = try ExperimentRunner.run(
      spec, threads: threads,
      onResult: { result in
        for value in result.values {
          values[
            "\(value.arm)/\(value.seed)/\(value.cohort)/\(value.category)/\(value.metric.rawValue)"] =
            value.value
        }
      })
    return values
  }

  /// The outcome of one arm on seed 42.
  static func outcome(_ spec: ExperimentSpec, arm: Int = 0, threads: Int = 1) throws -> ArmOutcome {
    try ArmSimulation.run(
      spec: spec, arm: spec.arms[arm], world: World(spec: spec, seed: spec.seed), threads: threads)
  }
}

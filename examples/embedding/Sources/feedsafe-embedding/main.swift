// Builds a small experiment in code, runs it in-process with ExperimentRunner.run, and prints
// children's exposure to any harm per arm: the quick start's question (no protections against
// the ICO Children's code defaults) on a world small enough for a few seconds.
import FeedSafeCore

let taxonomy = Defaults.taxonomy
let bands = AgeBands.standard

/// An arm whose every band gets `preset`'s policy, served the engagement feed.
func arm(_ name: String, _ preset: PolicyPreset) -> Arm {
  Arm(
    name: name, preset: preset.rawValue,
    policies: bands.all.map { band in
      preset.policy(
        isChild: bands.isChild(band), feed: FeedPreset.engagement.rawValue, taxonomy: taxonomy)
    })
}

var spec = ExperimentSpec(
  name: "embedding", description: "FeedSafeCore used as a library", seed: 1, replications: 2,
  horizonDays: 3,
  population: Defaults.population(size: 400, bands: bands, taxonomy: taxonomy),
  catalogue: Defaults.catalogue(size: 3_000, taxonomy: taxonomy),
  moderation: Defaults.moderation(harmCount: taxonomy.harms.count),
  behaviour: BehaviourSpec(), feeds: FeedPreset.allCases.map(\.definition),
  arms: [arm("no_protections", .none), arm("childrens_code", .icoChildrensCode)])
spec.burnInDays = 2

/// A metric the summary should hold but does not.
struct MissingMetric: Error, CustomStringConvertible {
  let arm: String
  var description: String { "no exposure_per_1k for children in arm \(arm)" }
}

let summary = try ExperimentRunner.run(spec, threads: 2)
for arm in spec.arms {
  guard
    let row = summary.first(where: {
      $0.arm == arm.name && $0.cohort == "children" && $0.category == "any_harm"
        && $0.metric == .exposurePerThousand
    })
  else { throw MissingMetric(arm: arm.name) }
  print("\(arm.name): children's exposure_per_1k (any harm) = \(row.mean) over \(row.n) seeds")
}

import Benchmark
import FeedSafeCore
import Foundation
import ReferenceWorkload

/// `FEEDSAFE_BENCH_SMOKE=1` runs every benchmark once at a small size (CI's smoke run).
let smoke = ProcessInfo.processInfo.environment["FEEDSAFE_BENCH_SMOKE"] != nil

/// The default world at `people` people and `items` items, one arm (the engagement feed, no
/// protections) and one seed over `days` days.
func spec(people: Int, items: Int, days: Int, arms: [PolicyPreset] = [.none]) -> ExperimentSpec {
  let taxonomy = Defaults.taxonomy
  let bands = AgeBands.standard
  return ExperimentSpec(
    name: "benchmark", description: "", seed: 1, replications: 1, horizonDays: days,
    population: Defaults.population(size: people, bands: bands, taxonomy: taxonomy),
    catalogue: Defaults.catalogue(size: items, taxonomy: taxonomy),
    moderation: Defaults.moderation(harmCount: taxonomy.harms.count), behaviour: BehaviourSpec(),
    feeds: FeedPreset.allCases.map(\.definition),
    arms: arms.map { preset in
      Arm(
        name: preset.rawValue,
        policies: bands.all.map {
          preset.policy(isChild: bands.isChild($0), feed: "engagement", taxonomy: taxonomy)
        })
    })
}

/// Impressions simulated in one iteration (impressions/s = this ÷ wall clock).
let impressions = BenchmarkMetric.custom(
  "impressions", polarity: .prefersLarger, useScalingFactor: false)
/// User-steps of the reference workload in one iteration (the peers' unit).
let userSteps = BenchmarkMetric.custom(
  "user_steps", polarity: .prefersLarger, useScalingFactor: false)

/// The metrics of a benchmark that counts its own work in `unit`.
func metrics(counting unit: BenchmarkMetric) -> [BenchmarkMetric] {
  [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, unit]
}

/// Simulates one day of `people` people and records the impressions as a custom metric, so
/// mallocs per impression can be read off the report (mallocs ÷ impressions; an upper bound,
/// since the day's setup allocations are included).
func oneDay(_ benchmark: Benchmark, people: Int, items: Int = 20_000) throws {
  var day = spec(people: people, items: items, days: 1)
  day.burnInDays = 0  // one simulated day: the per-impression path, without a burn-in's days

  let world = World(spec: day, seed: 1)
  benchmark.startMeasurement()
  let outcome = try ArmSimulation.run(spec: day, arm: day.arms[0], world: world, threads: 2)
  benchmark.stopMeasurement()
  benchmark.measurement(impressions, outcome.tally.impressions.reduce(0) { $0 + Int($1) })
  blackHole(outcome)
}

/// The per-impression cost at 1M items divided by that at 20k, × 1,000 (the metric of
/// `CatalogueSizeRatio`; the target is ≤ 1,500).
let costRatio = BenchmarkMetric.custom(
  "cost per impression, 1M ÷ 20k items (× 1000)", polarity: .prefersSmaller,
  useScalingFactor: false)

/// The two worlds of the paired catalogue-size measurement, generated once (globals are
/// initialised lazily, on first use).
let catalogueWorlds: [(spec: ExperimentSpec, world: World)] = [20_000, smoke ? 50_000 : 1_000_000]
  .map { items in
    var day = spec(people: smoke ? 500 : 10_000, items: items, days: 1)
    day.burnInDays = 0
    return (day, World(spec: day, seed: 1))
  }

/// One day at 20k items, then the same day at 1M, back to back, and the ratio of their costs per
/// impression: on a machine whose speed drifts by ±25% within minutes, two runs seconds apart
/// measure the catalogue's effect, where two benchmarks minutes apart measure the drift too.
func catalogueSizeRatio(_ benchmark: Benchmark) throws {
  let worlds = catalogueWorlds
  var perImpression: [Double] = []
  benchmark.startMeasurement()
  for (spec, world) in worlds {
    let started = DispatchTime.now().uptimeNanoseconds
    let outcome = try ArmSimulation.run(spec: spec, arm: spec.arms[0], world: world, threads: 2)
    let nanoseconds = Double(DispatchTime.now().uptimeNanoseconds - started)
    perImpression.append(nanoseconds / Double(outcome.tally.impressions.reduce(0) { $0 + Int($1) }))
    blackHole(outcome)
  }
  benchmark.stopMeasurement()
  benchmark.measurement(costRatio, Int((1000 * perImpression[1] / perImpression[0]).rounded()))
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(smoke ? 1 : 20), maxIterations: smoke ? 1 : 5)

  Benchmark("WorldGeneration") { benchmark in
    let world = spec(people: smoke ? 1_000 : 10_000, items: smoke ? 2_000 : 20_000, days: 7)
    for _ in benchmark.scaledIterations { blackHole(World(spec: world, seed: 1)) }
  }

  // One simulated day at 10k and 100k people, and at 10k people with a 1M-item catalogue (the
  // per-impression cost against catalogue size; world generation is outside the measurement, the
  // arm's O(items) set-up inside). The two 10k-people days take 9 iterations each: their ratio
  // is a target (≤ 1.5×), and on a machine whose speed drifts by ±25% a median of 3 cannot
  // settle it.
  let days: [(name: String, people: Int, items: Int, iterations: Int)] = [
    ("OneDay10k", smoke ? 500 : 10_000, 20_000, 9),
    ("OneDay100k", smoke ? 1_000 : 100_000, 20_000, 2),
    ("OneDay10kPeople1MItems", smoke ? 500 : 10_000, smoke ? 50_000 : 1_000_000, 9),
  ]
  for day in days {
    Benchmark(
      day.name,
      configuration: .init(
        metrics: metrics(counting: impressions), maxDuration: .seconds(smoke ? 1 : 120),
        maxIterations: smoke ? 1 : day.iterations)
    ) { benchmark in
      try oneDay(benchmark, people: day.people, items: day.items)
    }
  }

  Benchmark(
    "CatalogueSizeRatio",
    configuration: .init(
      metrics: [.wallClock, costRatio], maxDuration: .seconds(smoke ? 1 : 120),
      maxIterations: smoke ? 1 : 9)
  ) { benchmark in
    try catalogueSizeRatio(benchmark)
  }

  Benchmark("Quickstart", configuration: .init(maxIterations: smoke ? 1 : 3)) { benchmark in
    // scenarios/quickstart.yaml: 1,500 people, 10,000 items, 10 days, 3 seeds, two arms.
    var quickstart = spec(
      people: smoke ? 300 : 1_500, items: smoke ? 2_000 : 10_000, days: smoke ? 2 : 10,
      arms: [.none, .icoChildrensCode])
    quickstart.replications = smoke ? 1 : 3
    for _ in benchmark.scaledIterations {
      blackHole(try ExperimentRunner.run(quickstart, threads: 2))
    }
  }

  // The peers' reference workload (shared/peers/workload.py): scale A, 500 candidates and the
  // whole catalogue. `user_steps` ÷ wall clock is the peers' user-steps/s; × 10 is impressions/s.
  for (name, candidates) in [("ReferenceWorkloadA500", 500), ("ReferenceWorkloadAFull", 0)] {
    Benchmark(
      name,
      configuration: .init(metrics: metrics(counting: userSteps))
    ) {
      benchmark in
      var parameters = WorkloadParameters.scaleA
      parameters.candidates = candidates
      if smoke { parameters.steps = 3 }
      var simulation = WorkloadSimulation(world: WorkloadWorld(parameters: parameters), threads: 2)
      benchmark.startMeasurement()
      simulation.run()
      benchmark.stopMeasurement()
      benchmark.measurement(userSteps, parameters.users * parameters.steps)
      blackHole(simulation.result)
    }
  }
}

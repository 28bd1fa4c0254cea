/// The result of one arm on one seed, handed to the caller as soon as it is ready so that many
/// seeds and arms never have to be held in memory (results stream to the store).
public struct ArmSeedResult: Sendable {
  /// The arm.
  public let arm: String
  /// The seed.
  public let seed: UInt64
  /// Every defined metric value.
  public let values: [MetricValue]
  /// The daily series per cohort.
  public let daily: DailySeries
  /// Survival curves (share not yet exposed over feed minutes) per cohort and harm group.
  public let survival: [SurvivalCurve]
  /// The audit accounts' metrics, windows and traces.
  public var audit: AuditResult = .empty
}

/// Progress of a running experiment, for the CLI's progress line.
public struct RunProgress: Sendable {
  /// Replication index (0-based) and how many there are.
  public let replication: Int, replications: Int
  /// Arm index (0-based) and how many there are.
  public let arm: Int, arms: Int
  /// Days simulated so far in this arm (burn-in included), and how many it simulates.
  public let day: Int, days: Int
  /// The arm's name.
  public let armName: String
  /// Work unit (0-based) among those this process runs, and how many it runs: all of a run's
  /// seeds × arms, or a shard's share of them.
  public let unit: Int, units: Int
}

/// Runs every arm on every seed with common random numbers: within one seed, every arm sees the
/// same world (built once) and the same random streams.
public enum ExperimentRunner {
  /// Runs `spec` (or `shard`'s share of its work units), calling `onResult` after each arm ×
  /// seed (seed-major order), `onProgress` after each simulated day and `isCancelled` before
  /// each. Returns the summary over the seeds run. Feeds with an external ranker get theirs
  /// from `rankers`.
  /// - Throws: ``RunCancelled`` when cancelled, ``RankerFailure`` when an external ranker fails,
  ///   or what `onResult` throws.
  public static func run(
    _ spec: ExperimentSpec, threads: Int, shard: Shard = .whole,
    rankers: (any RankerProvider)? = nil,
    isCancelled: () -> Bool = { false },
    onProgress: (RunProgress) -> Void = { _ in },
    onResult: (ArmSeedResult) throws -> Void = { _ in }
  ) throws -> [SummaryRow] {
    let measures = HarmMeasures(taxonomy: spec.taxonomy)
    let cohorts = Cohorts(population: spec.population)
    let units = shard.unitCount(of: spec.replications * spec.arms.count)
    var unit = 0
    var values: [MetricValue] = []
    for (replication, seed) in spec.seeds.enumerated() {
      // Built once per seed, when the first arm that uses it runs; a shard may need none.
      var world: World?
      for armIndex in shard.arms(ofReplication: replication, arms: spec.arms.count) {
        let arm = spec.arms[armIndex]
        // A swept arm rebuilds the world from the same seed with its own parameters.
        let armSpec =
          arm.parameters.isEmpty ? spec : ParameterRegistry.apply(arm.parameters, to: spec)
        let armWorld: World
        if arm.parameters.isEmpty {
          armWorld = world ?? World(spec: spec, seed: seed)
          world = armWorld
        } else {
          armWorld = World(spec: armSpec, seed: seed)
        }
        let outcome = try ArmSimulation.run(
          spec: armSpec, arm: armSpec.arms[armIndex], world: armWorld, threads: threads,
          rankers: rankers,
          isCancelled: isCancelled,
          onDay: { day in
            onProgress(
              RunProgress(
                replication: replication, replications: spec.replications, arm: armIndex,
                arms: spec.arms.count, day: day + 1, days: spec.simulatedDays, armName: arm.name,
                unit: unit, units: units))
          })
        let armValues = ExposureMetrics.values(
          of: outcome, measures: measures, cohorts: cohorts, horizonDays: spec.horizonDays)
        values.append(contentsOf: armValues)
        try onResult(
          ArmSeedResult(
            arm: arm.name, seed: seed, values: armValues, daily: outcome.daily,
            survival: SurvivalCurve.curves(of: outcome, measures: measures, cohorts: cohorts),
            audit: outcome.audit))
        unit += 1
      }
    }
    return SeedSummary.summarise(
      values, arms: spec.arms.map(\.name), cohorts: cohorts.names,
      categories: measures.names + [Metric.allCategories])
  }
}

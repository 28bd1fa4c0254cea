import FeedSafeCore
import FeedSafeScenario
import FeedSafeStore
import Foundation

/// Where `run --resume RUN` picks up: the stored run, its scenario reloaded with the run's
/// sizes and seeds, and the seeds already stored.
struct RunResumption {
  /// The run being resumed.
  let record: RunRecord
  /// The scenario as the run used it (checked against the stored inputs hash).
  let scenario: Scenario
  /// The seeds whose results are stored.
  let seedsDone: [UInt64]
  /// Wall time the run had already used.
  var earlierSeconds: Double = 0

  /// The scenario restricted to the seeds still to run. Seeds run and are stored in order, so
  /// the stored ones are a prefix and the rest a contiguous range; every seed's results depend
  /// only on the seed, so running them now gives what an uninterrupted run would have.
  var remainingSpec: ExperimentSpec {
    var spec = scenario.spec
    spec.seed = record.seeds[seedsDone.count]
    spec.replications = record.seeds.count - seedsDone.count
    return spec
  }

  /// Reloads the stopped run `reference` from `store`: the scenario file and `--feeds` files
  /// from the paths it stored (relative to the current folder, as when it started), with the
  /// run's sizes, horizon, burn-in and seeds. Refuses, saying why, when a file changed since
  /// (its inputs hash differs), so results of two versions are never mixed in one run.
  static func prepare(
    _ reference: String, store: RunStore, includeRoot: String?, limits: ScenarioLimits
  ) throws -> RunResumption {
    let record = try store.resumableRun(reference)
    let feeds = record.provenance.feedFiles
    for path in [record.scenarioPath] + feeds where !FileManager.default.fileExists(atPath: path) {
      throw CommandFailure.badInput(
        "run \(record.id) read '\(path)', which is not there from this folder; resume it from the folder it was started in"
      )
    }
    let loaded = try Scenario.load(
      path: record.scenarioPath, feedOverrides: feeds, includeRoot: includeRoot, limits: limits)
    var spec = loaded.spec
    spec.population.size = record.people
    spec.catalogue.size = record.items
    spec.horizonDays = record.horizonDays
    spec.burnInDays = record.burnInDays ?? spec.burnInDays
    spec.seed = record.seeds.first ?? spec.seed
    spec.replications = record.seeds.count
    let scenario = Scenario(path: loaded.path, text: loaded.text, spec: spec, inputs: loaded.inputs)
    let now = NewRun(
      spec: spec, path: loaded.path, text: loaded.text, threads: 1, toolVersion: "",
      gitCommit: nil, inputs: NewRun.inputs(of: scenario)
    ).record.provenance.inputsSHA256
    guard spec.seeds == record.seeds, now == record.provenance.inputsSHA256 else {
      throw CommandFailure.badInput(
        "run \(record.id) cannot be resumed exactly: its scenario or feed files changed since it started "
          + "(inputs sha256 \(record.provenance.inputsSHA256?.prefix(12) ?? "?")…, now \(now?.prefix(12) ?? "?")…); start a new run"
      )
    }
    let done = try store.seedsDone(runID: record.id)
    guard done == Array(record.seeds.prefix(done.count)) else {
      throw CommandFailure.internalFailure(
        "run \(record.id) has stored seeds \(done) that are not a prefix of its seeds \(record.seeds)"
      )
    }
    return RunResumption(record: record, scenario: scenario, seedsDone: done)
  }
}

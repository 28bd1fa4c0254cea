import FeedSafeCore
import FeedSafeRanker
import FeedSafeScenario
import FeedSafeStore
import Foundation

/// Runs a loaded scenario the way every command does: results stream to the store one seed at a
/// time (unless `store` is `nil`), progress shows on stderr, and Ctrl-C stops after the current
/// day, marking the stored run `interrupted` and exiting with 130.
enum ScenarioExecution {
  struct Outcome {
    let rows: [SummaryRow]
    /// The audit accounts' summary (empty without them).
    let audit: [AuditSummaryRow]
    let runID: String?
    let seconds: Double
  }

  /// Feeds with an external ranker run it as a subprocess; `verifiesRanker` also checks, on a
  /// sample of pages, that it answers the same request identically twice (`--verify-ranker`).
  /// `armsPerPoint` > 1 shows progress by point (a sensitivity analysis runs both arms of its
  /// question at each point).
  static func perform(
    _ scenario: Scenario, store: RunStore?, threads: Int, quiet: Bool,
    verifiesRanker: Bool = false, armsPerPoint: Int = 1, shard: Shard = .whole,
    onResult: (ArmSeedResult) -> Void = { _ in }
  ) throws -> Outcome {
    let spec = scenario.spec
    try ShardOptions.requireWork(for: shard, in: spec)
    // Before the run is stored, so a refused run leaves no row behind.
    try MemoryCheck.require(spec: spec, threads: threads)
    let recorder = try store.map {
      try RunRecorder(
        NewRun(scenario: scenario, threads: threads, shard: shard), spec: spec, store: $0,
        shard: shard)
    }
    if let recorder {
      FileHandle.standardError.write(Data("run \(recorder.runID) → \(recorder.store.path)\n".utf8))
    }
    return try execute(
      spec, recorder: recorder, threads: threads, quiet: quiet,
      rankers: SubprocessRankers(verifies: verifiesRanker), armsPerPoint: armsPerPoint,
      shard: shard, onResult: onResult, summarise: { $0 })
  }

  /// Runs the seeds a stopped run has not stored yet, into the same run, and completes it with
  /// the summary over all of its seeds: stored values are read back exactly (SQLite REAL), and
  /// the summary takes each group's values in seed order, so it is bit-identical to the summary
  /// of an uninterrupted run.
  static func resume(
    _ resumption: RunResumption, store: RunStore, threads: Int, quiet: Bool
  ) throws -> Outcome {
    let spec = resumption.scenario.spec
    let record = resumption.record
    try MemoryCheck.require(spec: spec, threads: threads)
    let earlier = try store.reopen(runID: record.id)
    let recorder = RunRecorder(
      resuming: record, remaining: resumption.remainingSpec, store: store)
    FileHandle.standardError.write(
      Data(
        "run \(record.id) → \(store.path): resuming, \(resumption.seedsDone.count) of \(record.seeds.count) seeds stored\n"
          .utf8))
    let remaining = record.seeds.count - resumption.seedsDone.count
    let summarise = { (_: [SummaryRow]) throws -> [SummaryRow] in
      try store.summaryOverStoredSeeds(of: record)
    }
    guard remaining > 0 else {
      let rows = try summarise([])
      try recorder.complete(summary: rows, wallSeconds: earlier)
      return Outcome(rows: rows, audit: [], runID: record.id, seconds: 0)
    }
    return try execute(
      resumption.remainingSpec, recorder: recorder, threads: threads, quiet: quiet,
      rankers: SubprocessRankers(), earlierSeconds: earlier, onResult: { _ in },
      summarise: summarise)
  }

  /// Runs `spec` into `recorder`; `summarise` turns the summary of the seeds run now into the
  /// run's summary (all seeds, when resuming).
  private static func execute(
    _ spec: ExperimentSpec, recorder: RunRecorder?, threads: Int, quiet: Bool,
    rankers: SubprocessRankers, earlierSeconds: Double = 0, armsPerPoint: Int = 1,
    shard: Shard = .whole, onResult: (ArmSeedResult) -> Void,
    summarise: ([SummaryRow]) throws -> [SummaryRow]
  ) throws -> Outcome {
    Interruption.install()
    let progress = ProgressLine(enabled: !quiet, armsPerPoint: armsPerPoint)
    let started = Date()
    func wall() -> Double { earlierSeconds + Date().timeIntervalSince(started) }
    let rows: [SummaryRow]
    var auditValues: [AuditValue] = []
    do {
      let ran = try ExperimentRunner.run(
        spec, threads: threads, shard: shard, rankers: rankers,
        isCancelled: { Interruption.isRequested },
        onProgress: progress.update,
        onResult: { result in
          onResult(result)
          auditValues += result.audit.values
          try recorder?.record(result)
        })
      rows = try summarise(ran)
      try recorder?.complete(summary: rows, wallSeconds: wall())
    } catch is RunCancelled {
      progress.finish("interrupted")
      try recorder?.end(.interrupted, error: "interrupted by signal", wallSeconds: wall())
      throw CommandFailure(
        message: "run interrupted"
          + (recorder.map {
            "; run \($0.runID) is marked interrupted (continue it: feedsafe run --resume \($0.runID))"
          } ?? ""),
        exitCode: FeedSafeCommand.interrupted)
    } catch let failure as RankerFailure {
      progress.finish("failed")
      try? recorder?.end(.failed, error: failure.message, wallSeconds: wall())
      throw CommandFailure.internalFailure(
        failure.message + (recorder.map { "; run \($0.runID) is marked failed" } ?? ""))
    } catch {
      try? recorder?.end(.failed, error: "\(error)", wallSeconds: wall())
      throw error
    }
    let seconds = Date().timeIntervalSince(started)
    progress.finish(
      "\(spec.name): \(spec.arms.count) arms × \(spec.replications) seeds in \(String(format: "%.1f", seconds)) s"
    )
    if !quiet && rankers.clock.pages > 0 {
      let inProtocol = rankers.clock.seconds
      FileHandle.standardError.write(
        Data(
          ("external ranker: \(rankers.clock.pages) pages, "
            + String(
              format:
                "%.0f pages/s, %.1f s in requests (summed over %d threads; %.0f%% of %.1f s × threads)\n",
              Double(rankers.clock.pages) / max(inProtocol, 1e-9), inProtocol, threads,
              100 * inProtocol / max(seconds * Double(threads), 1e-9), seconds)).utf8))
    }
    return Outcome(
      rows: rows,
      audit: AuditSummary.summarise(
        auditValues, arms: spec.arms.map(\.name), layout: AuditLayout(auditValues),
        categories: HarmMeasures(taxonomy: spec.taxonomy).names),
      runID: recorder?.runID,
      seconds: seconds)
  }
}

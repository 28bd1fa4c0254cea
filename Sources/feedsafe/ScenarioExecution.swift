import FeedSafeCore
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

  static func perform(
    _ scenario: Scenario, store: RunStore?, threads: Int, quiet: Bool,
    onResult: (ArmSeedResult) -> Void = { _ in }
  ) throws -> Outcome {
    let spec = scenario.spec
    // Before the run is stored, so a refused run leaves no row behind.
    try MemoryCheck.require(spec: spec, threads: threads)
    let recorder = try store.map {
      try RunRecorder(scenario: scenario, store: $0, threads: threads)
    }
    if let recorder {
      FileHandle.standardError.write(Data("run \(recorder.runID) → \(recorder.store.path)\n".utf8))
    }
    Interruption.install()
    let progress = ProgressLine(enabled: !quiet)
    let started = Date()
    let rows: [SummaryRow]
    var auditValues: [AuditValue] = []
    do {
      rows = try ExperimentRunner.run(
        spec, threads: threads, isCancelled: { Interruption.isRequested },
        onProgress: progress.update,
        onResult: { result in
          onResult(result)
          auditValues += result.audit.values
          try recorder?.record(result)
        })
      try recorder?.complete(summary: rows, wallSeconds: Date().timeIntervalSince(started))
    } catch is RunCancelled {
      progress.finish("interrupted")
      try recorder?.end(
        .interrupted, error: "interrupted by signal", wallSeconds: Date().timeIntervalSince(started)
      )
      throw CommandFailure(
        message: "run interrupted"
          + (recorder.map { "; run \($0.runID) is marked interrupted" } ?? ""),
        exitCode: FeedSafeCommand.interrupted)
    } catch {
      try? recorder?.end(.failed, error: "\(error)", wallSeconds: Date().timeIntervalSince(started))
      throw error
    }
    let seconds = Date().timeIntervalSince(started)
    progress.finish(
      "\(spec.name): \(spec.arms.count) arms × \(spec.replications) seeds in \(String(format: "%.1f", seconds)) s"
    )
    return Outcome(
      rows: rows,
      audit: AuditSummary.summarise(
        auditValues, arms: spec.arms.map(\.name), layout: AuditLayout(auditValues),
        categories: HarmMeasures(taxonomy: spec.taxonomy).names),
      runID: recorder?.runID,
      seconds: seconds)
  }
}

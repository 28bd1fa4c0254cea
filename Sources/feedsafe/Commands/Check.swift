import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeScenario
import FeedSafeStore
import Foundation

/// `feedsafe check FILE`: runs a scenario and gates on its `expect:` rules and, optionally, on a
/// stored baseline run. Exit 0 pass, 1 fail, 2 bad input, 3 store or internal failure.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Run a scenario and check its expectations (and a baseline run): a regression gate for CI.",
    discussion: """
      Rules come from the scenario's 'expect:' section. With --baseline, every gated metric of \
      the new run is also compared with the stored baseline run of the same scenario shape, and \
      fails where it got worse by more than the tolerance and credibly so. Each decision uses a \
      confidence interval over seeds, Bonferroni-adjusted so that all decisions together hold at \
      --level. A rule the seeds cannot decide is 'undetermined' (exit 1 only with --strict). \
      Exit codes: 0 all pass, 1 a rule failed, 2 bad input, 3 store or internal failure.
      """)

  @OptionGroup var scenario: ScenarioOptions
  @OptionGroup var store: StoreOptions

  @Flag(help: "Do not store the new run.")
  var noStore = false

  @Option(
    help: ArgumentHelp(
      "A stored run to compare with: an id, a unique prefix, or 'latest-complete'.",
      valueName: "run"))
  var baseline: String?

  @Option(
    help: ArgumentHelp("The store holding the baseline run (default: --db).", valueName: "path"))
  var baselineDb: String?

  @Option(help: "Relative tolerance for baseline comparisons (replaces the scenario's; 0.1 = 10%).")
  var tolerance: Double?

  @Option(help: "Absolute tolerance for baseline comparisons, in each metric's unit.")
  var absTolerance: Double?

  @Option(help: "Family-wise confidence level of all decisions together.")
  var level: Double = 0.95

  @Flag(help: "Treat undetermined rules as failures.")
  var strict = false

  @Option(
    help: ArgumentHelp("Write JUnit XML (one test case per rule) to this file.", valueName: "file"))
  var junit: String?

  @Option(help: "Output format: table or json.")
  var format: CheckFormat = .table

  @Option(parsing: .unconditional, help: "Worker threads (results are identical for any number).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(name: .shortAndLong, help: "No progress on stderr.")
  var quiet = false

  enum CheckFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

  func validate() throws {
    guard threads >= 1 else {
      throw ValidationError("--threads must be at least 1, got \(threads)")
    }
    guard level > 0.5 && level < 1 else {
      throw ValidationError("--level must be between 0.5 and 1, got \(level)")
    }
    if let tolerance, tolerance < 0 { throw ValidationError("--tolerance must be at least 0") }
    if let absTolerance, absTolerance < 0 {
      throw ValidationError("--abs-tolerance must be at least 0")
    }
  }

  func run() throws {
    let loaded = try scenario.load()
    let spec = loaded.spec
    if spec.gate.expectations.isEmpty && baseline == nil {
      throw CommandFailure.badInput(
        "nothing to check in '\(loaded.path)': add an 'expect:' section (docs/regression-testing.md) or pass --baseline RUN"
      )
    }
    let baselineStore = try baseline.map { _ in
      try RunStore(path: baselineDb ?? store.path, forWriting: false)
    }
    var values: [MetricValue] = []
    let outcome = try ScenarioExecution.perform(
      loaded, store: noStore ? nil : store.openForWriting(), threads: threads, quiet: quiet,
      onResult: { values += $0.values })
    var gateBaseline: Gate.Baseline?
    if let baselineStore, let reference = baseline {
      let record = try baselineStore.baselineRun(
        reference, name: spec.name, excluding: outcome.runID)
      try record.requireShape(of: spec)
      let gated = spec.gate.baselineCohorts
      let override: Tolerance? =
        tolerance == nil && absTolerance == nil
        ? nil
        : Tolerance(
          relative: tolerance ?? spec.gate.tolerance.relative,
          absolute: absTolerance ?? spec.gate.tolerance.absolute)
      gateBaseline = Gate.Baseline(
        label: record.id, values: try baselineStore.metricValues(runID: record.id),
        arms: spec.arms.map(\.name),
        cohorts: gated, tolerance: override)
    }
    let sweeps = Dictionary(
      uniqueKeysWithValues: spec.arms.compactMap { arm in arm.sweepPoint.map { (arm.name, $0) } })
    let report = Gate(values: values, sweeps: sweeps, spec: spec.gate).evaluate(
      baseline: gateBaseline, familyLevel: level)
    let failed = report.failed(strict: strict)
    let seconds = outcome.seconds
    if let junit {
      do {
        try GateRenderer.junit(report, suite: spec.name, strict: strict, seconds: seconds)
          .write(toFile: junit, atomically: true, encoding: .utf8)
      } catch {
        throw CommandFailure.internalFailure(
          "cannot write '\(junit)': \(error.localizedDescription)")
      }
    }
    switch format {
    case .table:
      let colour =
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      print(GateRenderer.table(report, colour: colour), terminator: "")
      print(
        failed ? "check FAILED" : "check passed",
        "(\(String(format: "%.1f", seconds)) s" + (outcome.runID.map { ", run \($0)" } ?? "") + ")"
      )
    case .json:
      print(GateRenderer.json(report, failed: failed), terminator: "")
    }
    if failed { throw CommandFailure(message: "", exitCode: 1) }
  }
}

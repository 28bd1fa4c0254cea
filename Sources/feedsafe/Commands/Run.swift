import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeScenario
import FeedSafeStore
import Foundation

/// `feedsafe run FILE`: runs a scenario, stores it and prints its results.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Run a scenario: every arm on every seed; store the run and print the metrics with 95% CIs.")

  @OptionGroup var scenario: ScenarioOptions
  @OptionGroup var store: StoreOptions

  @Flag(help: "Do not store the run.")
  var noStore = false

  @Option(parsing: .unconditional, help: "Worker threads (results are identical for any number).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: OutputFormat = .table

  @Flag(help: "Show every harm category for every metric in the table.")
  var detail = false

  @Flag(name: .shortAndLong, help: "No progress on stderr.")
  var quiet = false

  func validate() throws {
    guard threads >= 1 else {
      throw ValidationError("--threads must be at least 1, got \(threads)")
    }
  }

  func run() throws {
    let loaded = try scenario.load()
    let outcome = try ScenarioExecution.perform(
      loaded, store: noStore ? nil : store.openForWriting(), threads: threads, quiet: quiet)
    var document = ResultsDocument(
      spec: loaded.spec, path: loaded.path, rows: outcome.rows, runID: outcome.runID)
    document.audit = outcome.audit
    print(ResultsRenderer.render(document, as: format, detail: detail), terminator: "")
  }
}

extension OutputFormat: ExpressibleByArgument {}

/// Streams a run's results to the store: one transaction per seed, then the summary and the
/// `complete` status together.
final class RunRecorder {
  // A class: it accumulates the current seed's results across callbacks.
  let store: RunStore
  let runID: String
  private let arms: Int
  private let cohorts: [String]
  private let categories: [String]
  private var pending: [ArmSeedResult] = []

  init(scenario: Scenario, store: RunStore, threads: Int) throws {
    let run = NewRun(
      spec: scenario.spec, path: scenario.path, text: scenario.text, threads: threads,
      toolVersion: FeedSafeVersion.current, gitCommit: GitCommit.current())
    self.store = store
    runID = try store.begin(run)
    arms = scenario.spec.arms.count
    cohorts = run.record.cohorts
    categories = run.record.categories
  }

  func record(_ result: ArmSeedResult) throws {
    pending.append(result)
    guard pending.count == arms else { return }
    try store.record(
      seed: result.seed, results: pending, runID: runID, cohorts: cohorts, categories: categories)
    pending.removeAll()
  }

  func complete(summary: [SummaryRow], wallSeconds: Double) throws {
    try store.complete(runID: runID, summary: summary, wallSeconds: wallSeconds)
  }

  func end(_ status: RunStatus, error: String, wallSeconds: Double) throws {
    try store.end(runID: runID, status: status, error: error, wallSeconds: wallSeconds)
  }
}

/// The git commit of the working directory, where it is a git checkout (the commit of the
/// recommender code a CI gate is testing); `nil` elsewhere.
enum GitCommit {
  static func current() -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "rev-parse", "HEAD"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }
}

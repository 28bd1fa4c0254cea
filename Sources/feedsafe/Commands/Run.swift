import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeScenario
import Foundation

/// `feedsafe run FILE`: runs a scenario and prints its results.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario: every arm on every seed; print the metrics with 95% CIs.")

  @OptionGroup var scenario: ScenarioOptions

  @Option(help: "Worker threads (results are identical for any number).")
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
    let spec = loaded.spec
    let progress = ProgressLine(enabled: !quiet)
    let started = Date()
    let rows = try ExperimentRunner.run(spec, threads: threads, onProgress: progress.update)
    progress.finish(
      "\(spec.name): \(spec.arms.count) arms × \(spec.replications) seeds in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
    )
    let document = ResultsDocument(spec: spec, path: loaded.path, rows: rows)
    print(ResultsRenderer.render(document, as: format, detail: detail), terminator: "")
  }
}

extension OutputFormat: ExpressibleByArgument {}

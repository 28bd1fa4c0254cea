import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeStore
import Foundation

/// `feedsafe show RUN`: a stored run's metadata and results.
struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show a stored run's metadata and results table.",
    discussion: "RUN is a run id, a unique prefix of one, or 'latest' (the newest complete run).")

  @Argument(
    help: ArgumentHelp("The run: an id, a unique id prefix, or 'latest'.", valueName: "run"))
  var reference: String

  @OptionGroup var store: StoreOptions

  @Option(help: "Output format: table, json, csv (json and csv are exactly what `run` printed).")
  var format: OutputFormat = .table

  @Flag(help: "Show every harm category for every metric in the table.")
  var detail = false

  func run() throws {
    let store = try store.openForReading()
    let record = try store.completeRun(reference)
    var document = ResultsDocument(record: record, rows: try store.summary(runID: record.id))
    document.audit = try store.auditSummary(run: record)
    if format == .table {
      print("run \(record.id)  \(TerminalText.sanitised(record.name))")
      print(
        "  scenario   \(TerminalText.sanitised(record.scenarioPath)) (sha256 \(record.scenarioSHA256.prefix(12))…)"
      )
      print(
        "  started    \(record.startedAt), \(record.wallSeconds.map { String(format: "%.1f s", $0) } ?? "")"
      )
      print(
        "  seeds      \(record.seeds.map(String.init).joined(separator: ", ")); \(record.threads) threads"
      )
      print(
        "  version    feedsafe \(record.toolVersion)"
          + (record.gitCommit.map { ", git \($0.prefix(12))" } ?? ""))
      print("")
    }
    print(ResultsRenderer.render(document, as: format, detail: detail), terminator: "")
  }
}

extension ResultsDocument {
  /// The results document of a stored run.
  init(record: RunRecord, rows: [SummaryRow]) {
    self.init(
      runID: record.id,
      scenario: ScenarioSummary(
        name: record.name, description: record.description, path: record.scenarioPath,
        seeds: record.seeds,
        horizonDays: record.horizonDays, people: record.people, items: record.items),
      arms: record.arms, cohorts: record.cohorts, childCohorts: Set(record.childCohorts),
      categories: record.categories, rows: rows)
  }
}

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

  @Flag(
    help:
      "Show each arm's resolved policy and feed definitions, and every harm category for every metric."
  )
  var detail = false

  func run() throws {
    let store = try store.openForReading()
    let record = try store.completeRun(reference, allowsShard: true)
    var document = ResultsDocument(record: record, rows: try store.summary(runID: record.id))
    document.audit = try store.auditSummary(run: record)
    if format == .table {
      print("run \(record.id)  \(TerminalText.sanitised(record.name))")
      for (label, value) in record.provenanceLines {
        print("  \(TerminalText.padded(label, to: 12)) \(value)")
      }
      print(
        "  started    \(record.startedAt), \(record.wallSeconds.map { String(format: "%.1f s", $0) } ?? "")"
      )
      print(
        "  seeds      \(record.seeds.map(String.init).joined(separator: ", ")); \(record.threads) threads"
      )
      print(
        "  version    feedsafe \(record.toolVersion)"
          + (record.gitCommit.map { ", git \($0.prefix(12))" } ?? ""))
      if let shard = record.shard {
        print(
          "  shard      \(shard): only this shard's seed × arm units (feedsafe merge combines them)"
        )
      }
      if detail {
        print(Self.armDefinitions(try store.armSettings(runID: record.id)), terminator: "")
      }
      print("")
    }
    if format == .table, let plan = try store.sensitivityPlan(runID: record.id) {
      // A sensitivity run: the analysis, not a table of hundreds of arms.
      let analysis = SensitivityAnalysis(
        plan: plan, values: try store.metricValues(runID: record.id))
      print(SensitivityRenderer.render(analysis, seeds: record.seeds.count), terminator: "")
      if !detail { return }
    }
    if format == .table {
      print(
        Headline.withinRun(try store.metricValues(runID: record.id), arms: record.arms),
        terminator: "")
    }
    print(ResultsRenderer.render(document, as: format, detail: detail), terminator: "")
  }
}

extension Show {
  /// Each arm's resolved settings and feed definitions (JSON, as stored), one block per arm.
  static func armDefinitions(
    _ arms: [(
      name: String, preset: String?, ageAssurance: String, settings: String, feeds: String?
    )]
  ) -> String {
    arms.map { arm in
      "  arm \(TerminalText.sanitised(arm.name))"
        + (arm.preset.map { " (preset \(TerminalText.sanitised($0)))" } ?? "")
        + ", age assurance \(TerminalText.sanitised(arm.ageAssurance))\n"
        + "    feeds    \(TerminalText.sanitised(arm.feeds ?? "not recorded"))\n"
        + "    policy   \(TerminalText.sanitised(arm.settings))\n"
    }.joined()
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

import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeStore
import Foundation

/// `feedsafe report RUN`: a self-contained HTML report of a stored run.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write a self-contained HTML report of a stored run (charts, headline effects, all metrics).")

  @Argument(
    help: ArgumentHelp("The run: an id, a unique id prefix, or 'latest'.", valueName: "run"))
  var reference: String

  @OptionGroup var store: StoreOptions

  @Option(name: .shortAndLong, help: "The HTML file to write.")
  var output: String = "report.html"

  func run() throws {
    let store = try store.openForReading()
    let record = try store.completeRun(reference)
    var results = ResultsDocument(record: record, rows: try store.summary(runID: record.id))
    results.audit = try store.auditSummary(run: record)
    var data = ReportData(
      results: results,
      metadata: [
        ("run", record.id)
      ]
        + record.provenanceLines + [
          ("seeds", record.seeds.map(String.init).joined(separator: ", ")),
          (
            "started",
            "\(record.startedAt) (\(record.wallSeconds.map { String(format: "%.1f s", $0) } ?? "?"))"
          ),
          (
            "version",
            "feedsafe \(record.toolVersion)"
              + (record.gitCommit.map { ", git \($0.prefix(12))" } ?? "")
          ),
        ],
      armSettings: try store.armSettings(runID: record.id).map {
        ($0.name, $0.preset, $0.ageAssurance, $0.settings)
      },
      armFeeds: try store.armSettings(runID: record.id).map { ($0.name, $0.feeds ?? "") },
      values: try store.metricValues(runID: record.id),
      dailyHarm: try store.dailyHarm(
        runID: record.id, cohort: Cohorts.children, category: HarmMeasures.anyHarm),
      survival: try store.survival(
        runID: record.id, cohort: Cohorts.children, category: HarmMeasures.anyHarm),
      sweeps: try store.sweepPoints(runID: record.id))
    data.sensitivity = try store.sensitivityPlan(runID: record.id).map {
      SensitivityAnalysis(plan: $0, values: try store.metricValues(runID: record.id))
    }
    data.auditSeries = try store.auditPersonas(runID: record.id).map { persona in
      (persona, try store.auditSeries(runID: record.id, persona: persona, category: "any_harm"))
    }
    let html = HTMLReport.render(data)
    do {
      try html.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
      throw CommandFailure.internalFailure(
        "cannot write '\(output)': \(error.localizedDescription)")
    }
    print("wrote \(output) (run \(record.id), \(html.utf8.count / 1024) KiB)")
  }
}

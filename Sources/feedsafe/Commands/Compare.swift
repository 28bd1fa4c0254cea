import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeStore
import Foundation

/// `feedsafe compare RUN [RUN_B]`: effect sizes between arms of a run, or between two runs.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Compare the arms of a stored run (paired over seeds), or the same arms of two runs (Welch).",
    discussion: """
      For each cohort, category and metric: the baseline's mean, the other's mean, their \
      difference and relative difference, and a 95% confidence interval of the difference. \
      'worse'/'better' mark differences whose interval excludes zero.
      """)

  @Argument(
    help: ArgumentHelp("The run (an id, a unique id prefix, or 'latest').", valueName: "run"))
  var first: String

  @Argument(
    help: ArgumentHelp("A second run to compare the first with, arm by arm.", valueName: "run-b"))
  var second: String?

  @Option(help: "The reference arm within one run (default: the first arm).")
  var baseline: String?

  @OptionGroup var store: StoreOptions

  @Option(help: "Output format: table, markdown, csv, json.")
  var format: ComparisonFormat = .table

  @Flag(
    help:
      "Every cohort, category and metric (default: children first, groups, exposure by category).")
  var detail = false

  func run() throws {
    let store = try store.openForReading()
    let runA = try store.completeRun(first)
    let valuesA = try store.metricValues(runID: runA.id)
    var rows: [ComparisonRow]
    if let second {
      if baseline != nil {
        throw CommandFailure.badInput(
          "--baseline picks an arm within one run; with two runs each arm is compared with itself")
      }
      let runB = try store.completeRun(second)
      try Self.checkSameShape(runA, runB)
      rows = Comparison.betweenRuns(
        valuesA, try store.metricValues(runID: runB.id), arms: runA.arms, labels: (runA.id, runB.id)
      )
      if runA.seeds.count < 2 || runB.seeds.count < 2 { Self.warnNoIntervals() }
    } else {
      let reference = baseline ?? runA.arms.first ?? ""
      guard runA.arms.contains(reference) else {
        throw CommandFailure.badInput(
          "run \(runA.id) has no arm '\(reference)'; its arms: \(runA.arms.joined(separator: ", "))"
        )
      }
      guard runA.arms.count > 1 else {
        throw CommandFailure.badInput(
          "run \(runA.id) has one arm ('\(reference)'): nothing to compare it with")
      }
      rows = Comparison.withinRun(valuesA, arms: runA.arms, baseline: reference)
      if runA.seeds.count < 2 { Self.warnNoIntervals() }
    }
    rows = ComparisonRenderer.arrange(
      rows, arms: runA.arms, cohorts: runA.cohorts, childCohorts: Set(runA.childCohorts),
      categories: runA.categories, detail: detail)
    let colour =
      format == .table && isatty(STDOUT_FILENO) == 1
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    print(ComparisonRenderer.render(rows, as: format, colour: colour), terminator: "")
    if second == nil, format == .table || format == .markdown {
      let sweeps = SweepSeries.series(from: try store.sweepPoints(runID: runA.id))
      let summary = sweeps.isEmpty ? [] : try store.summary(runID: runA.id)
      for sweep in sweeps {
        let text = sweep.render(summary: summary, cohort: "children")
        print(format == .markdown ? "\n```\n\(text)```" : "\n" + text, terminator: "")
      }
      let reference = baseline ?? runA.arms.first ?? ""
      let audit = AuditComparison.table(
        AuditComparison.withinRun(
          try store.auditValues(runID: runA.id), arms: runA.arms, baseline: reference,
          layout: try store.auditLayout(runID: runA.id)), baseline: reference)
      if !audit.isEmpty {
        print(format == .markdown ? "\n```\(audit)```" : audit, terminator: "")
      }
    }
  }

  static func warnNoIntervals() {
    FileHandle.standardError.write(
      Data(
        "note: a run with one seed has no confidence intervals; differences are shown without them\n"
          .utf8))
  }

  /// Two runs can be compared arm by arm only if they have the same arms, cohorts and categories.
  static func checkSameShape(_ a: RunRecord, _ b: RunRecord) throws {
    var differences: [String] = []
    func check(_ name: String, _ x: [String], _ y: [String]) {
      guard x != y else { return }
      let onlyA = x.filter { !y.contains($0) }
      let onlyB = y.filter { !x.contains($0) }
      differences.append(
        "\(name): only in \(a.id): [\(onlyA.joined(separator: ", "))], only in \(b.id): [\(onlyB.joined(separator: ", "))]"
          + (onlyA.isEmpty && onlyB.isEmpty ? " (same names, different order)" : ""))
    }
    check("arms", a.arms, b.arms)
    check("cohorts", a.cohorts, b.cohorts)
    check("categories", a.categories, b.categories)
    guard differences.isEmpty else {
      throw CommandFailure.badInput(
        "runs \(a.id) and \(b.id) have different scenario shapes, so they cannot be compared arm by arm:\n  "
          + differences.joined(separator: "\n  "))
    }
  }
}

extension ComparisonFormat: ExpressibleByArgument {}

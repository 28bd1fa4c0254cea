import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeStore
import Foundation

/// `feedsafe compare RUN [RUN_B]`: effect sizes between arms of a run, or between two runs.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Compare the arms of a stored run, or the same arms of two runs (paired by seed when they share world and seeds, Welch otherwise).",
    discussion: """
      For each cohort, category and metric: the baseline's mean, the other's mean, their \
      difference and relative difference, and a 95% confidence interval of the difference. \
      'worse'/'better' mark differences whose interval excludes zero. A run may name its own \
      store as RUN@PATH (e.g. latest@baseline.sqlite); without @ it is read from --db.
      """)

  @Argument(
    help: ArgumentHelp(
      "The run (an id, a unique id prefix, or 'latest'), optionally @PATH of its store.",
      valueName: "run"))
  var first: String

  @Argument(
    help: ArgumentHelp(
      "A second run to compare the first with, arm by arm (also RUN@PATH).", valueName: "run-b"))
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
    let (storeA, referenceA) = try Self.locate(first, defaultStore: store)
    let runA = try storeA.completeRun(referenceA)
    let valuesA = try storeA.metricValues(runID: runA.id)
    var rows: [ComparisonRow]
    if let second {
      if baseline != nil {
        throw CommandFailure.badInput(
          "--baseline picks an arm within one run; with two runs each arm is compared with itself")
      }
      let (storeB, referenceB) = try Self.locate(second, defaultStore: store)
      let runB = try storeB.completeRun(referenceB)
      try Self.checkSameShape(runA, runB)
      let pairing = runA.pairing(with: runB)
      rows = Comparison.betweenRuns(
        valuesA, try storeB.metricValues(runID: runB.id), arms: runA.arms,
        labels: (runA.id, runB.id), paired: pairing.isPaired)
      let method = "\(runA.id) (\(storeA.path)) vs \(runB.id) (\(storeB.path)): \(pairing.reason)"
      if format == .table || format == .markdown {
        print(TerminalText.sanitised(method) + "\n")
        let headline = Headline.text(
          rows, method: pairing.isPaired ? "paired by seed" : "Welch, unpaired")
        if !headline.isEmpty { print(Self.fenced(headline, format)) }
      } else {
        FileHandle.standardError.write(Data("\(TerminalText.sanitised(method))\n".utf8))
      }
      if runA.seeds.count < 2 || runB.seeds.count < 2 { Self.warnNoIntervals() }
    } else {
      if format == .table || format == .markdown, !detail,
        let plan = try storeA.sensitivityPlan(runID: runA.id)
      {
        // The arms are the points of one question: the analysis is the comparison.
        let text = SensitivityRenderer.render(
          SensitivityAnalysis(plan: plan, values: valuesA), seeds: runA.seeds.count)
        print(format == .markdown ? "```\n\(text)```" : text, terminator: "")
        print("\n(--detail compares every arm with \(runA.arms.first ?? "the first"))")
        return
      }
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
      let headline = Headline.text(
        rows, method: "each arm against \(reference), paired over seeds")
      if !headline.isEmpty, format == .table || format == .markdown {
        print(Self.fenced(headline, format))
      }
    }
    rows = ComparisonRenderer.arrange(
      rows, arms: runA.arms, cohorts: runA.cohorts, childCohorts: Set(runA.childCohorts),
      categories: runA.categories, detail: detail)
    let colour =
      format == .table && isatty(STDOUT_FILENO) == 1
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    print(ComparisonRenderer.render(rows, as: format, colour: colour), terminator: "")
    if second == nil, format == .table || format == .markdown {
      let sweeps = SweepSeries.series(from: try storeA.sweepPoints(runID: runA.id))
      let summary = sweeps.isEmpty ? [] : try storeA.summary(runID: runA.id)
      for sweep in sweeps {
        let text = sweep.render(summary: summary, cohort: Cohorts.children)
        print(format == .markdown ? "\n```\n\(text)```" : "\n" + text, terminator: "")
      }
      // Grid and Latin-hypercube points: what each arm changes.
      let points = try storeA.armParameters(runID: runA.id).filter { $0.value.count > 1 }
      if !points.isEmpty {
        let rows = runA.arms.compactMap { arm in
          points[arm].map { [arm, $0.map(\.label).joined(separator: ", ")] }
        }
        let text = "\nsweep points:\n" + TextTable.render(header: ["arm", "changes"], rows: rows)
        print(format == .markdown ? "\n```\(text)```" : text, terminator: "")
      }
      let reference = baseline ?? runA.arms.first ?? ""
      let audit = AuditComparison.table(
        AuditComparison.withinRun(
          try storeA.auditValues(runID: runA.id), arms: runA.arms, baseline: reference,
          layout: try storeA.auditLayout(runID: runA.id)), baseline: reference)
      if !audit.isEmpty {
        print(format == .markdown ? "\n```\(audit)```" : audit, terminator: "")
      }
    }
  }

  /// The store and run reference `argument` names: `RUN@PATH` reads RUN from the store at PATH,
  /// a plain `RUN` from `--db`.
  static func locate(_ argument: String, defaultStore: StoreOptions) throws -> (RunStore, String) {
    guard let at = argument.firstIndex(of: "@") else {
      return (try defaultStore.openForReading(), argument)
    }
    let reference = String(argument[..<at])
    let path = String(argument[argument.index(after: at)...])
    guard !reference.isEmpty, !path.isEmpty else {
      throw CommandFailure.badInput(
        "'\(argument)' is not RUN@PATH; give a run and its store, e.g. latest@baseline.sqlite")
    }
    return (try RunStore(path: path, forWriting: false), reference)
  }

  /// The headline as printed before the table: plain, or in a code block for Markdown.
  static func fenced(_ headline: String, _ format: ComparisonFormat) -> String {
    format == .markdown ? "```\n\(headline)```\n" : headline
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

import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeStore
import Foundation

/// `feedsafe trace RUN --persona NAME`: one audit account's exposure trace, impression by
/// impression, as audits publish them.
struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print one audit account's exposure trace: every item it was shown, in order.",
    discussion: """
      Columns: sequence, day, feed minute before the item, phase, item, topic, true harm \
      category and the classifier's label (– for benign), position on the page, the candidate \
      source that supplied it, watched to the end, engaged, seconds on screen. See docs/audits.md.
      """)

  @Argument(
    help: ArgumentHelp("The run: an id, a unique id prefix, or 'latest'.", valueName: "run"))
  var reference: String

  @OptionGroup var store: StoreOptions

  @Option(help: "The persona (as named under audit_accounts.personas).")
  var persona: String

  @Option(help: "The replica of the persona (0-based).")
  var replica: Int = 0

  @Option(help: "The arm (default: the first).")
  var arm: String?

  @Option(help: "The seed (default: the run's first).")
  var seed: UInt64?

  @Option(help: "Print at most this many impressions (0: all).")
  var limit: Int = 0

  @Option(help: "table or csv.")
  var format: TraceFormat = .table

  enum TraceFormat: String, ExpressibleByArgument, CaseIterable { case table, csv }

  func validate() throws {
    guard replica >= 0 else { throw ValidationError("--replica must be at least 0") }
    guard limit >= 0 else { throw ValidationError("--limit must be at least 0") }
  }

  func run() throws {
    let store = try store.openForReading()
    let record = try store.completeRun(reference)
    let personas = try store.auditPersonas(runID: record.id)
    guard personas.contains(persona) else {
      throw CommandFailure(
        message: personas.isEmpty
          ? "run \(record.id) has no audit accounts"
          : "run \(record.id) has no persona '\(TerminalText.sanitised(persona))'; it has: \(TerminalText.sanitised(personas.joined(separator: ", ")))",
        exitCode: FeedSafeCommand.badInput)
    }
    let armName = arm ?? record.arms.first ?? ""
    guard record.arms.contains(armName) else {
      throw CommandFailure(
        message:
          "run \(record.id) has no arm '\(TerminalText.sanitised(armName))'; it has: \(record.arms.joined(separator: ", "))",
        exitCode: FeedSafeCommand.badInput)
    }
    let seedValue = seed ?? record.seeds.first ?? 0
    guard record.seeds.contains(seedValue) else {
      throw CommandFailure(
        message:
          "run \(record.id) has no seed \(seedValue); it has: \(record.seeds.map(String.init).joined(separator: ", "))",
        exitCode: FeedSafeCommand.badInput)
    }
    var rows = try store.trace(
      runID: record.id, arm: armName, seed: seedValue, persona: persona, replica: replica)
    guard !rows.isEmpty else {
      throw CommandFailure(
        message: "persona '\(persona)' has no replica \(replica) in run \(record.id)",
        exitCode: FeedSafeCommand.badInput)
    }
    if limit > 0 { rows = Array(rows.prefix(limit)) }
    // Drop arm, seed, persona, replica: the heading says them once.
    let columns = Array(RunStore.traceColumns.dropFirst(4))
    let cells = rows.map { row in row.dropFirst(4).map(\.traceText) }
    switch format {
    case .csv:
      print(columns.joined(separator: ","))
      for line in cells { print(line.map(ResultsRenderer.csvField).joined(separator: ",")) }
    case .table:
      print(
        "persona \(TerminalText.sanitised(persona)), replica \(replica), arm \(armName), seed \(seedValue): \(rows.count) impressions"
      )
      print(
        TextTable.render(
          header: columns, rows: cells, rightAligned: [0, 1, 2, 4, 8, 12]),
        terminator: "")
    }
  }
}

extension SQLCell {
  /// The cell as the trace prints it: minutes with one decimal, `–` for none (watched and engaged are 1 or 0).
  var traceText: String {
    switch self {
    case .integer(let v): "\(v)"
    case .real(let v): String(format: "%.1f", v)
    case .text(let v): v
    case .null: "–"
    }
  }
}

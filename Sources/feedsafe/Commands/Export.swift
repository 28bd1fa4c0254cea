import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeStore
import Foundation

/// `feedsafe export RUN`: one table of a stored run as CSV or JSON.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Export one table of a stored run (metrics per seed, summary, daily series, survival curves, arms, audit accounts) as CSV or JSON."
  )

  @Argument(
    help: ArgumentHelp("The run: an id, a unique id prefix, or 'latest'.", valueName: "run"))
  var reference: String

  @OptionGroup var store: StoreOptions

  @Option(help: "csv or json.")
  var format: ExportFormat = .csv

  @Option(
    help: ArgumentHelp(
      "The table: \(RunStore.ExportTable.allCases.map(\.rawValue).joined(separator: ", ")).",
      discussion:
        "metrics are per seed; audit_metrics, audit_windows and audit_traces hold the audit accounts' metrics, harmful-share windows and per-impression exposure traces (docs/audits.md); arm_parameters holds what each sweep or sensitivity point changes (docs/sensitivity.md)."
    ))
  var table: RunStore.ExportTable = .metrics

  @Flag(help: "Export the audit accounts' exposure traces (same as --table audit_traces).")
  var traces = false

  @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
  var output: String?

  enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
  }

  func run() throws {
    let store = try store.openForReading()
    let record = try store.completeRun(reference, allowsShard: true)
    let table = traces ? .auditTraces : table
    let (columns, rows) = try store.export(table, runID: record.id)
    let text: String
    switch format {
    case .csv:
      let lines =
        [columns.joined(separator: ",")]
        + rows.map { row in row.map { ResultsRenderer.csvField($0.csvText) }.joined(separator: ",")
        }
      text = lines.joined(separator: "\n") + "\n"
    case .json:
      let objects = rows.map { row in
        Dictionary(uniqueKeysWithValues: zip(columns, row.map(\.jsonValue)))
      }
      let data = try JSONSerialization.data(
        withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
      text = String(decoding: data, as: UTF8.self) + "\n"
    }
    guard let output else {
      print(text, terminator: "")
      return
    }
    do {
      try text.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
      throw CommandFailure.internalFailure(
        "cannot write '\(output)': \(error.localizedDescription)")
    }
    FileHandle.standardError.write(
      Data("wrote \(rows.count) rows of \(table.rawValue) to \(output)\n".utf8))
  }
}

extension RunStore.ExportTable: ExpressibleByArgument {}

extension SQLCell {
  var csvText: String {
    switch self {
    case .integer(let v): "\(v)"
    case .real(let v): "\(v)"
    case .text(let v): v
    case .null: ""
    }
  }

  var jsonValue: Any {
    switch self {
    case .integer(let v): v
    case .real(let v): v
    case .text(let v): v
    case .null: NSNull()
    }
  }
}

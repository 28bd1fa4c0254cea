import ArgumentParser
import FeedSafeReport
import FeedSafeStore
import Foundation

/// `feedsafe runs`: lists stored runs, newest first.
struct Runs: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List stored runs, newest first (incomplete ones are marked).")

  @OptionGroup var store: StoreOptions

  @Option(help: "Show at most this many runs.")
  var limit: Int = 20

  @Option(help: "Output format: table, json, csv.")
  var format: OutputFormat = .table

  func validate() throws {
    guard limit >= 1 else { throw ValidationError("--limit must be at least 1, got \(limit)") }
  }

  func run() throws {
    let runs = try store.openForReading().runs(limit: limit)
    let header = ["id", "name", "started", "status", "arms", "seeds", "wall_seconds"]
    let rows = runs.map { run in
      [
        run.id, run.name, run.startedAt, run.displayStatus, "\(run.arms.count)",
        "\(run.seeds.count)",
        run.wallSeconds.map { String(format: "%.1f", $0) } ?? "",
      ]
    }
    switch format {
    case .table:
      guard !rows.isEmpty else {
        print("no runs in \(store.path)")
        return
      }
      print(TextTable.render(header: header, rows: rows, rightAligned: [4, 5, 6]), terminator: "")
    case .csv:
      print(
        ([header] + rows).map { $0.map(ResultsRenderer.csvField).joined(separator: ",") }.joined(
          separator: "\n"))
    case .json:
      let objects = runs.map { run -> [String: Any] in
        [
          "id": run.id, "name": run.name, "started_at": run.startedAt,
          "finished_at": run.finishedAt ?? NSNull(),
          "status": run.status.rawValue, "stale": run.isStale, "arms": run.arms,
          "seeds": run.seeds.map { Int($0) },
          "wall_seconds": run.wallSeconds ?? NSNull(), "scenario_sha256": run.scenarioSHA256,
          "error": run.error ?? NSNull(),
        ]
      }
      let data = try JSONSerialization.data(
        withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
      print(String(decoding: data, as: UTF8.self))
    }
  }
}

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

  @Flag(help: "After the table, each run's provenance: files and their hashes, git, command line.")
  var detail = false

  func validate() throws {
    guard limit >= 1 else { throw ValidationError("--limit must be at least 1, got \(limit)") }
  }

  func run() throws {
    let runs = try store.openForReading().runs(limit: limit)
    let header = [
      "id", "name", "started", "status", "arms", "seeds", "wall_seconds", "inputs", "feeds",
    ]
    let rows = runs.map { run in
      [
        run.id, run.name, run.startedAt,
        run.displayStatus + (run.shard.map { ", shard \($0)" } ?? ""), "\(run.arms.count)",
        "\(run.seeds.count)",
        run.wallSeconds.map { String(format: "%.1f", $0) } ?? "", run.shortInputs,
        run.feedFilesText,
      ]
    }
    switch format {
    case .table:
      guard !rows.isEmpty else {
        print("no runs in \(store.path)")
        return
      }
      print(TextTable.render(header: header, rows: rows, rightAligned: [4, 5, 6]), terminator: "")
      if detail {
        for run in runs {
          print("\nrun \(run.id)  \(TerminalText.sanitised(run.name))")
          for (label, value) in run.provenanceLines {
            print("  \(TerminalText.padded(label, to: 12)) \(value)")
          }
        }
      }
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
          "inputs_sha256": run.provenance.inputsSHA256 ?? NSNull(),
          "command_line": run.provenance.commandLine ?? NSNull(),
          "scenario_git_commit": run.provenance.scenarioGit?.commit ?? NSNull(),
          "scenario_git_dirty": run.provenance.scenarioGit.map { $0.isDirty } ?? NSNull(),
          "shard": run.shard.map { ["index": $0.index, "count": $0.count] } ?? NSNull(),
          "files": run.provenance.files.map {
            ["role": $0.role.rawValue, "path": $0.path, "sha256": $0.sha256]
          },
        ]
      }
      let data = try JSONSerialization.data(
        withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
      print(String(decoding: data, as: UTF8.self))
    }
  }
}

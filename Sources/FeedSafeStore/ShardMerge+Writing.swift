import FeedSafeCore
import Foundation

extension ShardMerge {
  /// The tables holding one row set per seed × arm unit, in the order a one-process run writes
  /// them for each seed (``RunStore/record(seed:results:runID:cohorts:categories:)``).
  static let unitTables = [
    "metrics", "daily", "survival", "audit_metrics", "audit_windows", "audit_traces",
  ]
  /// The tables describing the run as a whole, identical in every shard.
  static let runTables = ["run_files", "arms", "arm_parameters", "sensitivity", "audit_personas"]

  /// Writes the merged run into `store` as a new complete run, in one transaction (all of it or
  /// nothing), and returns its id. Rows are copied unit by unit in the order a one-process run
  /// writes them, and the summary is computed from the stored values exactly as there, so the
  /// merged run's metrics equal the one-process run's bit for bit.
  public func write(into store: RunStore, commandLine: String?) throws -> String {
    let id = RunRecord.newID()
    let source = parts[0]
    try store.connection.transaction {
      try copyRunRow(into: store, id: id, commandLine: commandLine)
      for table in Self.runTables {
        try copy(table, from: source, into: store, id: id)
      }
      let arms = run.arms
      for (replication, seed) in run.seeds.enumerated() {
        let seedValue = SQLValue.integer(Int64(bitPattern: seed))
        for table in Self.unitTables {
          for (position, arm) in arms.enumerated() {
            let unit = replication * arms.count + position
            // The shard that ran the unit, by the one dealing rule (Shard.contains).
            guard let owner = parts.first(where: { $0.run.shard?.contains(unit: unit) == true })
            else { throw StoreError("no shard holds unit \(unit) of run \(run.id)") }
            try copy(
              table, from: owner, into: store, id: id, unit: (seedValue, arm))
          }
        }
        try store.connection.run(
          "INSERT INTO seeds_done (run_id, seed) VALUES (?, ?)", [.text(id), seedValue])
      }
      for part in parts {
        try store.connection.run(
          """
          INSERT INTO merged_shards (run_id, shard_index, shard_run_id, shard_file, host, wall_seconds)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
          [
            .text(id), .integer(Int64(part.run.shard?.index ?? 0)), .text(part.run.id),
            .text(part.path), part.run.host.map(SQLValue.text) ?? .null,
            part.run.wallSeconds.map(SQLValue.real) ?? .null,
          ])
      }
      let merged = try store.resolve(id)
      try store.completeInTransaction(
        runID: id, summary: try store.summaryOverStoredSeeds(of: merged),
        wallSeconds: parts.reduce(0) { $0 + ($1.run.wallSeconds ?? 0) })
    }
    return id
  }

  /// The first shard's `runs` row under the new id, as written by this process: no shard, the
  /// merge's command line, started when the earliest shard started.
  private func copyRunRow(into store: RunStore, id: String, commandLine: String?) throws {
    let replacements: [String: SQLValue] = [
      "id": .text(id), "status": .text(RunStatus.running.rawValue), "error": .null,
      "finished_at": .null, "wall_seconds": .null,
      "pid": .integer(Int64(ProcessInfo.processInfo.processIdentifier)),
      "host": .text(RunRecord.currentHost),
      "command_line": commandLine.map(SQLValue.text) ?? .null,
      "started_at": .text(parts.map(\.run.startedAt).min() ?? run.startedAt),
    ]
    try copyRows(
      "runs", from: parts[0], into: store, filter: "id = ?", [.text(run.id)],
      replacing: replacements)
  }

  /// Copies `table`'s rows of `part`'s run (of one seed × arm unit, if given) under run `id`.
  private func copy(
    _ table: String, from part: Part, into store: RunStore, id: String,
    unit: (seed: SQLValue, arm: String)? = nil
  ) throws {
    var filter = "run_id = ?"
    var values: [SQLValue] = [.text(part.run.id)]
    if let unit {
      filter += " AND seed = ? AND arm = ?"
      values += [unit.seed, .text(unit.arm)]
    }
    try copyRows(
      table, from: part, into: store, filter: filter, values, replacing: ["run_id": .text(id)])
  }

  /// Copies the rows of `table` in `part` that match `filter`, in stored order, with the values
  /// of the columns in `replacing` replaced. Every column is copied, so a column added by a later
  /// schema is carried without a change here.
  private func copyRows(
    _ table: String, from part: Part, into store: RunStore, filter: String, _ values: [SQLValue],
    replacing: [String: SQLValue]
  ) throws {
    let columns = try part.store.connection.rows(
      "SELECT name FROM pragma_table_info(?)", [.text(table)]
    )
    .compactMap { $0.first?.string }
    guard !columns.isEmpty else {
      throw StoreError("'\(part.path)' has no table \(table); it is not a FeedSafe run store")
    }
    let hasRowID =
      try part.store.connection.rows(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table)]
      ).first?.first?.string.map { !$0.uppercased().contains("WITHOUT ROWID") } ?? true
    let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    let rows = try part.store.connection.rows(
      "SELECT \(quoted) FROM \(table) WHERE \(filter)\(hasRowID ? " ORDER BY rowid" : "")", values)
    guard !rows.isEmpty else { return }
    let insert = try store.connection.statement(
      "INSERT INTO \(table) (\(quoted)) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
    )
    for row in rows {
      try insert.reuse(
        zip(columns, row).map { column, value in replacing[column] ?? value })
    }
  }
}

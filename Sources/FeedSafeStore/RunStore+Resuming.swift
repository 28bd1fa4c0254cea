import FeedSafeCore
import Foundation

extension RunStore {
  /// The seeds whose results are committed, in ascending order.
  public func seedsDone(runID: String) throws -> [UInt64] {
    try connection.rows(
      "SELECT seed FROM seeds_done WHERE run_id = ?", [.text(runID)]
    ).compactMap { $0.first?.int.map { UInt64(bitPattern: Int64($0)) } }.sorted()
  }

  /// The run `reference` names, if it can be resumed: it stopped (`interrupted` or `failed`) or
  /// its writer died (`running (process gone)`). Throws a bad-input error saying why not.
  public func resumableRun(_ reference: String) throws -> RunRecord {
    let run = try resolve(reference)
    switch run.status {
    case .interrupted, .failed: break
    case .running where run.isStale: break
    case .running:
      throw StoreError(
        "run \(run.id) is still being written by process \(run.pid.map(String.init) ?? "?") on \(run.host ?? "?"); it cannot be resumed",
        isBadInput: true)
    case .complete:
      throw StoreError("run \(run.id) is complete: there is nothing to resume", isBadInput: true)
    }
    if let shard = run.shard {
      throw StoreError(
        "run \(run.id) is shard \(shard) of a sharded run; rerun that shard instead (the same feedsafe run … --shard \(shard) command)",
        isBadInput: true)
    }
    guard run.provenance.inputsSHA256 != nil, run.burnInDays != nil else {
      throw StoreError(
        "run \(run.id) was stored before runs recorded their inputs (schema 5), so it cannot be resumed exactly; start a new run",
        isBadInput: true)
    }
    return run
  }

  /// Marks a stopped run `running` again, written by this process, for `run --resume`; its
  /// stored seeds stay. Returns the wall time it had already used.
  public func reopen(runID: String) throws -> Double {
    try connection.transaction {
      let rows = try connection.rows(
        "SELECT wall_seconds FROM runs WHERE id = ? AND status != 'complete'", [.text(runID)])
      guard let row = rows.first else {
        throw StoreError("run \(runID) is complete or gone from \(path); it cannot be resumed")
      }
      try connection.run(
        """
        UPDATE runs SET status = 'running', error = NULL, finished_at = NULL, pid = ?, host = ?
        WHERE id = ?
        """,
        [
          .integer(Int64(ProcessInfo.processInfo.processIdentifier)),
          .text(RunRecord.currentHost), .text(runID),
        ])
      return row[0].double ?? 0
    }
  }
}

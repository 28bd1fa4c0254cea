import FeedSafeCore
import Foundation

/// The run store: one SQLite file holding many runs (schema in `docs/store.md`).
///
/// A `class` because it owns one open connection, closed when the store is released. Writers use
/// WAL mode and immediate transactions with a busy timeout, so several `feedsafe run` processes
/// can write to one file at once and readers never block them.
public final class RunStore {
  let connection: SQLiteConnection
  /// The file's path.
  public var path: String { connection.path }

  /// The default file, `./feedsafe.sqlite`, unless `FEEDSAFE_DB` names another.
  public static var defaultPath: String {
    ProcessInfo.processInfo.environment["FEEDSAFE_DB"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "feedsafe.sqlite"
  }

  /// Opens the store at `path`. For writing it is created and migrated to the current schema if
  /// needed; for reading it must exist. A store written by a newer FeedSafe is refused, unaltered.
  public init(path: String, forWriting: Bool) throws {
    // Setting up (journal mode, migrations) can meet a lock SQLite reports at once instead of
    // waiting for, when another process is setting up the same new file: retry for a while.
    var attempt = 0
    while true {
      do {
        connection = try Self.open(path: path, forWriting: forWriting)
        return
      } catch let error as StoreError where error.isBusy && attempt < 300 {
        attempt += 1
        usleep(useconds_t(20_000 + 1_000 * min(attempt, 80)))
      }
    }
  }

  private static func open(path: String, forWriting: Bool) throws -> SQLiteConnection {
    if !forWriting && !FileManager.default.fileExists(atPath: path) {
      throw StoreError(
        "no run store at '\(path)'; run a scenario first (feedsafe run FILE) or pass --db",
        isBadInput: true)
    }
    let connection = try SQLiteConnection(path: path, readOnly: !forWriting)
    // Read the schema version first: it also checks the file is SQLite, and a store from a newer
    // FeedSafe must be refused before anything (even the journal mode) is changed.
    let version = try connection.rows("PRAGMA user_version").first?.first?.int ?? 0
    _ = try connection.rows("SELECT count(*) FROM sqlite_master")
    if version > Migrations.currentVersion {
      throw StoreError(
        "the run store '\(path)' was written by a newer FeedSafe (schema \(version); this build knows \(Migrations.currentVersion)); it was not changed — upgrade feedsafe or use another file with --db"
      )
    }
    if forWriting {
      try connection.execute("PRAGMA journal_mode = WAL")
      try connection.execute("PRAGMA synchronous = NORMAL")
      try Migrations.migrate(connection)
    } else if version < Migrations.currentVersion {
      // An older store is upgraded in place (migrations only add), then read as usual.
      let writer = try SQLiteConnection(path: path)
      try writer.execute("PRAGMA journal_mode = WAL")
      try Migrations.migrate(writer)
    }
    try connection.execute("PRAGMA foreign_keys = ON")
    return connection
  }

  /// The schema version of the open file.
  public func schemaVersion() throws -> Int {
    try connection.rows("PRAGMA user_version").first?.first?.int ?? 0
  }
}

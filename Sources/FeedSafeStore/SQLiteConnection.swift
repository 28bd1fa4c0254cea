import CSQLite
import Foundation

/// A store failure, written for the user: it names the database file and, where there is one,
/// the run, never SQL rows.
public struct StoreError: Error, CustomStringConvertible, Sendable {
  /// What went wrong and what to do.
  public let message: String
  /// Whether the user asked for something that is not there (a bad run id): exit 2, not 3.
  public let isBadInput: Bool
  /// Whether another process held a lock SQLite would not wait for (worth retrying).
  let isBusy: Bool

  init(_ message: String, isBadInput: Bool = false, isBusy: Bool = false) {
    self.message = message
    self.isBadInput = isBadInput
    self.isBusy = isBusy
  }

  public var description: String { message }
}

/// One connection to a SQLite file through the system library.
///
/// A `class` because it owns a C handle that must be closed exactly once (in `deinit`). Not shared
/// between threads: each writer or reader opens its own.
final class SQLiteConnection {
  private var handle: OpaquePointer?
  /// The file's path, for messages.
  let path: String

  /// Opens (or creates, unless `readOnly`) the database at `path` with a busy timeout, so
  /// concurrent writers wait for each other instead of failing.
  init(path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 30_000) throws {
    self.path = path
    let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    let code = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_FULLMUTEX, nil)
    guard code == SQLITE_OK else {
      let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      sqlite3_close(handle)
      handle = nil
      throw StoreError("cannot open the run store '\(path)': \(reason)")
    }
    sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
    sqlite3_extended_result_codes(handle, 1)
  }

  deinit { sqlite3_close_v2(handle) }

  /// Runs one or more SQL statements that return no rows.
  func execute(_ sql: String) throws {
    var error: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &error)
    let message = error.map { String(cString: $0) }
    sqlite3_free(error)
    guard code == SQLITE_OK else { throw failure(code, message) }
  }

  /// A prepared statement for `sql`, with `values` bound to its `?` parameters in order.
  func statement(_ sql: String, _ values: [SQLValue] = []) throws -> Statement {
    var raw: OpaquePointer?
    let code = sqlite3_prepare_v2(handle, sql, -1, &raw, nil)
    guard code == SQLITE_OK, let raw else { throw failure(code, nil) }
    let statement = Statement(raw: raw, connection: self)
    try statement.bind(values)
    return statement
  }

  /// Runs `sql` once for its effect.
  func run(_ sql: String, _ values: [SQLValue] = []) throws {
    let statement = try statement(sql, values)
    while try statement.step() {}
  }

  /// Every row of `sql`.
  func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
    let statement = try statement(sql, values)
    var rows: [[SQLValue]] = []
    while try statement.step() { rows.append(statement.row()) }
    return rows
  }

  /// Runs `body` in an immediate write transaction: all of it is stored, or none of it.
  func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// A user-facing error for SQLite result `code`.
  func failure(_ code: Int32, _ detail: String?) -> StoreError {
    let reason = detail ?? String(cString: sqlite3_errmsg(handle))
    switch code & 0xFF {
    case SQLITE_NOTADB:
      return StoreError(
        "'\(path)' is not a FeedSafe run store (not a SQLite database); choose another file with --db"
      )
    case SQLITE_CORRUPT:
      return StoreError(
        "the run store '\(path)' is corrupt (\(reason)); restore it from a backup or use another file with --db"
      )
    case SQLITE_READONLY:
      return StoreError(
        "the run store '\(path)' is read-only; check its permissions or use --db, or --no-store")
    case SQLITE_FULL:
      return StoreError("the disk holding '\(path)' is full; nothing of this run was committed")
    case SQLITE_BUSY:
      return StoreError(
        "the run store '\(path)' stayed locked by another process for too long; try again",
        isBusy: true)
    case SQLITE_CANTOPEN:
      return StoreError("cannot open the run store '\(path)': \(reason)")
    default:
      return StoreError("run store '\(path)': \(reason)")
    }
  }

  /// The rowid-free change count of the last statement.
  var changes: Int { Int(sqlite3_changes(handle)) }
}

/// A value bound to or read from SQL.
enum SQLValue: Equatable, Sendable {
  case integer(Int64)
  case real(Double)
  case text(String)
  case null

  var int: Int? { if case .integer(let v) = self { Int(v) } else { nil } }
  var double: Double? {
    switch self {
    case .real(let v): v
    case .integer(let v): Double(v)
    default: nil
    }
  }
  var string: String? { if case .text(let v) = self { v } else { nil } }
}

/// A prepared statement; finalised when released.
final class Statement {
  // A class so the C statement is finalised exactly once, in deinit.
  private let raw: OpaquePointer
  private let connection: SQLiteConnection

  init(raw: OpaquePointer, connection: SQLiteConnection) {
    self.raw = raw
    self.connection = connection
  }

  deinit { sqlite3_finalize(raw) }

  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  /// Binds `values` to the parameters, first to last.
  func bind(_ values: [SQLValue]) throws {
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let code: Int32
      switch value {
      case .integer(let v): code = sqlite3_bind_int64(raw, index, v)
      case .real(let v): code = sqlite3_bind_double(raw, index, v)
      case .text(let v): code = sqlite3_bind_text(raw, index, v, -1, Statement.transient)
      case .null: code = sqlite3_bind_null(raw, index)
      }
      guard code == SQLITE_OK else { throw connection.failure(code, nil) }
    }
  }

  /// Rebinds and runs the statement again with new values (for bulk inserts).
  func reuse(_ values: [SQLValue]) throws {
    sqlite3_reset(raw)
    try bind(values)
    while try step() {}
  }

  /// Advances to the next row; `false` when done.
  func step() throws -> Bool {
    let code = sqlite3_step(raw)
    if code == SQLITE_ROW { return true }
    if code == SQLITE_DONE { return false }
    throw connection.failure(code, nil)
  }

  /// The current row's values.
  func row() -> [SQLValue] {
    (0..<sqlite3_column_count(raw)).map { column in
      switch sqlite3_column_type(raw, column) {
      case SQLITE_INTEGER: .integer(sqlite3_column_int64(raw, column))
      case SQLITE_FLOAT: .real(sqlite3_column_double(raw, column))
      case SQLITE_TEXT: .text(String(cString: sqlite3_column_text(raw, column)))
      default: .null
      }
    }
  }
}

import ArgumentParser
import FeedSafeStore

/// The `--db` flag shared by every command that reads or writes the run store.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The run store (SQLite).", discussion: "Default: $FEEDSAFE_DB, else ./feedsafe.sqlite.",
      valueName: "path"))
  var db: String?

  /// The store's path.
  var path: String { db ?? RunStore.defaultPath }

  /// The store opened for reading (it must exist).
  func openForReading() throws -> RunStore { try RunStore(path: path, forWriting: false) }

  /// The store opened (created and migrated if needed) for writing.
  func openForWriting() throws -> RunStore { try RunStore(path: path, forWriting: true) }
}

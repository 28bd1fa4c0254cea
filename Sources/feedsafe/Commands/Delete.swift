import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeStore
import Foundation

/// `feedsafe delete RUN`: removes a stored run (any status) and everything stored with it.
struct Delete: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Delete a stored run and everything stored with it; asks first unless --yes.")

  @Argument(
    help: ArgumentHelp("The run: an id, a unique id prefix, or 'latest'.", valueName: "run"))
  var reference: String

  @OptionGroup var store: StoreOptions

  @Flag(name: .shortAndLong, help: "Do not ask for confirmation.")
  var yes = false

  @Flag(
    help:
      "Delete a run even while a live process is still writing it; that process then stops with an error."
  )
  var force = false

  func run() throws {
    let store = try store.openForWriting()
    let record = try store.resolve(reference)
    if record.mayBeBeingWritten && !force {
      let writer =
        record.host == RunRecord.currentHost
        ? "process \(record.pid.map(String.init) ?? "?")"
        : "process \(record.pid.map(String.init) ?? "?") on \(TerminalText.sanitised(record.host ?? "another host"))"
      throw CommandFailure.badInput(
        "run \(record.id) is still being written by \(writer); wait for it to finish, stop it, "
          + "or pass --force")
    }
    if !yes {
      guard isatty(STDIN_FILENO) == 1 else {
        throw CommandFailure.badInput(
          "not deleting run \(record.id) without confirmation; pass --yes")
      }
      FileHandle.standardError.write(
        Data(
          "delete run \(record.id) ('\(TerminalText.sanitised(record.name))', \(record.startedAt), \(record.displayStatus))? [y/N] "
            .utf8))
      guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
        FileHandle.standardError.write(Data("kept run \(record.id)\n".utf8))
        return
      }
    }
    try store.delete(runID: record.id)
    print("deleted run \(record.id)")
  }
}

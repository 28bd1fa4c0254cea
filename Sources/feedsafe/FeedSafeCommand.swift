import ArgumentParser
import FeedSafeScenario
import FeedSafeStore
import Foundation

/// The `feedsafe` command line. Exit codes are mapped here and only here.
@main
struct FeedSafeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feedsafe",
    abstract: "Simulate social-media feeds and measure what they show to children.",
    discussion: """
      Exit codes: 0 success; 1 expectations failed (check); 2 bad input (flags, scenario, \
      missing file); 3 store, I/O or internal failure; 130 interrupted.
      """,
    version: FeedSafeVersion.current,
    subcommands: [
      Run.self, Validate.self, Check.self, Runs.self, Show.self, Compare.self, Report.self,
      Export.self, Trace.self, Delete.self, Parameters.self, Sensitivity.self, Merge.self,
      Slurm.self,
    ]
  )

  /// Exit code for bad input: flags, scenario files, missing files.
  static let badInput: Int32 = 2
  /// Exit code for store, I/O and internal failures.
  static let internalFailure: Int32 = 3
  /// Exit code after an interruption (SIGINT).
  static let interrupted: Int32 = 130

  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ScenarioError {
      printError(error.description)
      Foundation.exit(badInput)
    } catch let error as StoreError {
      printError("error: \(error.message)")
      Foundation.exit(error.isBadInput ? badInput : internalFailure)
    } catch let error as CommandFailure {
      if !error.message.isEmpty { printError("error: \(error.message)") }
      Foundation.exit(error.exitCode)
    } catch {
      let code = exitCode(for: error)
      if code == .success || error is CleanExit { exit(withError: error) }
      if code == .validationFailure {
        printError(fullMessage(for: error))
        Foundation.exit(badInput)
      }
      let message = fullMessage(for: error)
      if !message.isEmpty { printError(message) }
      Foundation.exit(code == .failure ? internalFailure : code.rawValue)
    }
  }

  static func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}

/// A failure with a message for the user and the exit code it maps to.
struct CommandFailure: Error {
  let message: String
  let exitCode: Int32

  static func badInput(_ message: String) -> CommandFailure {
    CommandFailure(message: message, exitCode: FeedSafeCommand.badInput)
  }
  static func internalFailure(_ message: String) -> CommandFailure {
    CommandFailure(message: message, exitCode: FeedSafeCommand.internalFailure)
  }
}

/// The tool's version, stored with every run.
enum FeedSafeVersion {
  static let current = "0.1.0"
}

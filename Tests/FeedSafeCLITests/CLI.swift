import Foundation

/// Runs the built `feedsafe` binary and captures what it prints, as a user's shell would.
enum CLI {
  /// The package root (for scenario paths).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The `feedsafe` built beside the test bundle.
  static let binary: URL = {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var directory = executable.deletingLastPathComponent()
    // On Linux the tests run from `<build>/debug/…xctest`; the binary sits in `<build>/debug`.
    while !FileManager.default.isExecutableFile(
      atPath: directory.appendingPathComponent("feedsafe").path),
      directory.path != "/"
    {
      directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("feedsafe")
  }()

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// Runs `feedsafe arguments…` in the package root with `environment` added.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? root
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting so a full pipe cannot block the child.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// A small-size override for shipped scenarios, so CLI tests stay quick in debug builds.
  static let small = [
    "--people", "150", "--items", "1500", "--days", "2", "--seeds", "2", "--quiet",
  ]
}

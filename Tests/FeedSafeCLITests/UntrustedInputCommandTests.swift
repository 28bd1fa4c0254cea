import Foundation
import Testing

@Suite("Untrusted input through the command line", .serialized)
struct UntrustedInputCommandTests {
  typealias Folder = StoreCommandTests.Folder

  @Test("--seeds -1 is reported as a bad value, not a missing one")
  func negativeSeeds() throws {
    let result = try CLI.run(["run", "scenarios/quickstart.yaml", "--seeds", "-1", "--no-store"])
    #expect(result.status == 2)
    #expect(result.stderr == "error: --seeds must be at least 1, got -1\n")
  }

  @Test("an include climbing out of the folder exits 2 without printing the file")
  func escapingInclude() throws {
    let folder = try Folder()
    try "SECRET_TOKEN=hunter2\n".write(
      to: folder.url.appendingPathComponent("secrets.env"), atomically: true, encoding: .utf8)
    let inner = folder.url.appendingPathComponent("project")
    try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
    try "name: x\nfeeds: {include: ../secrets.env}\narms:\n  a: {}\n".write(
      to: inner.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["validate", "project/s.yaml"], in: folder.url)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "project/s.yaml:2:18: error: feed file '../secrets.env' is outside the scenario's folder; "
        + "an included file must be inside it (pass --include-root DIR to allow another folder)\n")
    let widened = try CLI.run(
      ["validate", "project/s.yaml", "--include-root", folder.url.path], in: folder.url)
    #expect(widened.status == 2)
    // Widened, the file is read (and, not being feeds, refused as such).
    #expect(widened.stderr.contains("secrets.env:1:1: error: '' must be a mapping"))
  }

  @Test("names with escape sequences are printed escaped by run and runs")
  func escapedNames() throws {
    let folder = try Folder()
    let scenario = folder.url.appendingPathComponent("evil.yaml")
    try "name: \"evil\\e[2J\"\narms:\n  \"\\e[31mred\": {preset: none}\n".write(
      to: scenario, atomically: true, encoding: .utf8)
    let run = try CLI.run(["run", scenario.path, "--db", folder.db] + CLI.small)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("\u{1B}") && run.stdout.contains("\\u{1B}[31mred"))
    let runs = try CLI.run(["runs", "--db", folder.db])
    #expect(!runs.stdout.contains("\u{1B}") && runs.stdout.contains("evil\\u{1B}[2J"))
  }

  @Test(
    "delete refuses a run a live process is writing; --force deletes it and the writer stops with exit 3"
  )
  func deleteWhileWriting() throws {
    let folder = try Folder()
    let writer = Process()
    writer.executableURL = CLI.binary
    writer.arguments = [
      "run", "scenarios/quickstart.yaml", "--db", folder.db, "--quiet", "--people", "2000",
      "--items", "5000", "--days", "5", "--seeds", "400", "--threads", "1",
    ]
    writer.currentDirectoryURL = CLI.root
    let err = Pipe()
    writer.standardOutput = FileHandle.nullDevice
    writer.standardError = err
    try writer.run()
    defer { if writer.isRunning { writer.terminate() } }
    var id: String?
    for _ in 0..<200 where id == nil {
      Thread.sleep(forTimeInterval: 0.1)
      let runs = try CLI.run(["runs", "--db", folder.db])
      if runs.stdout.contains("running") {
        id = runs.stdout.split(separator: "\n").dropFirst(2).first?.split(separator: " ").first
          .map(String.init)
      }
    }
    let runID = try #require(id)
    let refused = try CLI.run(["delete", runID, "--yes", "--db", folder.db])
    #expect(refused.status == 2)
    #expect(
      refused.stderr.hasPrefix(
        "error: run \(runID) is still being written by process \(writer.processIdentifier); "))
    let forced = try CLI.run(["delete", runID, "--yes", "--force", "--db", folder.db])
    #expect(forced.status == 0, "\(forced.stderr)")
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    writer.waitUntilExit()
    #expect(writer.terminationStatus == 3)
    #expect(stderr.contains("error: run \(runID) was deleted from"), "\(stderr)")
    #expect(!stderr.contains("FOREIGN KEY"))
    let runs = try CLI.run(["runs", "--db", folder.db])
    #expect(!runs.stdout.contains(runID))
  }
}

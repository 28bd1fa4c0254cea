import Foundation
import Testing

@Suite("The run store through the command line", .serialized)
struct StoreCommandTests {
  /// A temporary folder for one test's database.
  final class Folder {
    let url: URL
    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "feedsafe-cli-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    var db: String { url.appendingPathComponent("runs.sqlite").path }
    deinit { try? FileManager.default.removeItem(at: url) }
  }

  static let quick = ["scenarios/quickstart.yaml"] + CLI.small

  @Test(
    "run stores by default in ./feedsafe.sqlite; runs lists it; show latest prints the same JSON as run"
  )
  func roundTrip() throws {
    let folder = try Folder()
    let scenario = CLI.root.appendingPathComponent("scenarios/quickstart.yaml").path
    let run = try CLI.run(["run", scenario, "--format", "json"] + CLI.small, in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      FileManager.default.fileExists(
        atPath: folder.url.appendingPathComponent("feedsafe.sqlite").path))
    let id = try #require(run.stderr.split(separator: " ").dropFirst().first.map(String.init))
    let runs = try CLI.run(["runs"], in: folder.url)
    #expect(runs.status == 0)
    #expect(runs.stdout.contains(id) && runs.stdout.contains("complete"))
    let show = try CLI.run(["show", "latest", "--format", "json"], in: folder.url)
    #expect(show.status == 0)
    #expect(show.stdout == run.stdout)
    let prefix = try CLI.run(["show", String(id.prefix(6)), "--format", "csv"], in: folder.url)
    #expect(prefix.status == 0 && prefix.stdout.hasPrefix("arm,cohort,category,metric"))
  }

  @Test("--db and FEEDSAFE_DB choose the file; --no-store writes nothing")
  func choosingTheFile() throws {
    let folder = try Folder()
    #expect(try CLI.run(["run"] + Self.quick + ["--db", folder.db]).status == 0)
    let environment = folder.url.appendingPathComponent("env.sqlite").path
    #expect(
      try CLI.run(["run"] + Self.quick, environment: ["FEEDSAFE_DB": environment]).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.db))
    #expect(FileManager.default.fileExists(atPath: environment))
    let scenario = CLI.root.appendingPathComponent("scenarios/quickstart.yaml").path
    let none = try CLI.run(["run", scenario] + CLI.small + ["--no-store"], in: folder.url)
    #expect(none.status == 0)
    #expect(
      !FileManager.default.fileExists(
        atPath: folder.url.appendingPathComponent("feedsafe.sqlite").path))
  }

  @Test("export writes each table as CSV or JSON, to stdout or a file")
  func export() throws {
    let folder = try Folder()
    #expect(try CLI.run(["run"] + Self.quick + ["--db", folder.db]).status == 0)
    let daily = try CLI.run(["export", "latest", "--table", "daily", "--db", folder.db])
    #expect(daily.status == 0)
    #expect(
      daily.stdout.hasPrefix(
        "arm,seed,day,cohort,category,people,impressions,harmful_impressions,minutes\n"))
    let file = folder.url.appendingPathComponent("metrics.json").path
    let metrics = try CLI.run([
      "export", "latest", "--format", "json", "-o", file, "--db", folder.db,
    ])
    #expect(metrics.status == 0)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
        as? [[String: Any]])
    #expect(rows.count > 100)
    #expect(Set(rows[0].keys) == ["arm", "seed", "cohort", "category", "metric", "value"])
  }

  @Test("delete asks unless --yes, refuses without a terminal, and removes only that run")
  func delete() throws {
    let folder = try Folder()
    #expect(try CLI.run(["run"] + Self.quick + ["--db", folder.db]).status == 0)
    #expect(try CLI.run(["run"] + Self.quick + ["--db", folder.db]).status == 0)
    let refused = try CLI.run(["delete", "latest", "--db", folder.db])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("pass --yes"))
    let deleted = try CLI.run(["delete", "latest", "--yes", "--db", folder.db])
    #expect(deleted.status == 0)
    let runs = try CLI.run(["runs", "--format", "json", "--db", folder.db])
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]])
    #expect(list.count == 1)
  }

  @Test(
    "bad store input: unknown run is exit 2; a file that is not SQLite is exit 3; neither is changed"
  )
  func badStoreInput() throws {
    let folder = try Folder()
    #expect(try CLI.run(["run"] + Self.quick + ["--db", folder.db]).status == 0)
    let unknown = try CLI.run(["show", "abcdef123456", "--db", folder.db])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no run 'abcdef123456'"))
    let notes = folder.url.appendingPathComponent("notes.txt").path
    try "not a database".write(toFile: notes, atomically: true, encoding: .utf8)
    let notSQLite = try CLI.run(["run"] + Self.quick + ["--db", notes])
    #expect(notSQLite.status == 3)
    #expect(notSQLite.stderr.contains("is not a FeedSafe run store"))
    #expect(try String(contentsOfFile: notes, encoding: .utf8) == "not a database")
    #expect(try CLI.run(["show", "latest", "--db", folder.db]).status == 0)
  }

  /// A run long enough to be stopped part-way.
  static let long = [
    "run", "scenarios/quickstart.yaml", "--people", "1500", "--days", "30", "--seeds", "8",
    "--quiet",
  ]

  /// Starts `feedsafe` in the background and waits until its run is stored as running.
  static func startLongRun(db: String) throws -> Process {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = long + ["--db", db]
    process.currentDirectoryURL = CLI.root
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    for _ in 0..<100 {
      Thread.sleep(forTimeInterval: 0.1)
      let runs = try CLI.run(["runs", "--format", "json", "--db", db])
      if runs.stdout.contains("\"running\"") { break }
    }
    Thread.sleep(forTimeInterval: 1.0)
    return process
  }

  @Test(
    "a run killed with SIGKILL part-way is listed as incomplete, has no results, and other runs are intact"
  )
  func killedRun() throws {
    let folder = try Folder()
    #expect(try CLI.run(["run"] + Self.quick + ["--db", folder.db]).status == 0)
    let before = try CLI.run(["show", "latest", "--format", "json", "--db", folder.db])
    let process = try Self.startLongRun(db: folder.db)
    #expect(process.isRunning)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let runs = try CLI.run(["runs", "--format", "json", "--db", folder.db])
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]])
    #expect(list.count == 2)
    let killed = try #require(list.first)
    #expect(killed["status"] as? String == "running")
    #expect(killed["stale"] as? Bool == true)
    let show = try CLI.run(["show", try #require(killed["id"] as? String), "--db", folder.db])
    #expect(show.status == 2)
    #expect(show.stderr.contains("not complete"))
    let after = try CLI.run(["show", "latest", "--format", "json", "--db", folder.db])
    #expect(after.stdout == before.stdout)
  }

  @Test("Ctrl-C stops a run cleanly: exit 130 and the run marked interrupted")
  func interruptedRun() throws {
    let folder = try Folder()
    let process = try Self.startLongRun(db: folder.db)
    process.interrupt()
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    let runs = try CLI.run(["runs", "--format", "json", "--db", folder.db])
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]])
    #expect(list.first?["status"] as? String == "interrupted")
  }

  @Test("two runs writing to the same store at once both succeed")
  func concurrentWriters() throws {
    let folder = try Folder()
    let arguments = [
      "run", "scenarios/quickstart.yaml", "--people", "400", "--days", "6", "--seeds", "4",
      "--quiet", "--db", folder.db,
    ]
    let processes = try (0..<2).map { _ -> Process in
      let process = Process()
      process.executableURL = CLI.binary
      process.arguments = arguments
      process.currentDirectoryURL = CLI.root
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      return process
    }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let runs = try CLI.run(["runs", "--format", "json", "--db", folder.db])
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]])
    #expect(list.count == 2)
    #expect(list.allSatisfy { $0["status"] as? String == "complete" })
  }
}

import Foundation
import Testing

@Suite("feedsafe run --resume", .serialized)
struct ResumeCommandTests {
  /// Runs `sqlite3 db sql` (the CLI tests link no store code: they change the file as another
  /// tool would).
  static func sqlite(_ db: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", db, sql]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "sqlite3 \(sql)")
  }

  static func export(_ table: String, run: String, db: String) throws -> String {
    let result = try CLI.run(["export", run, "--table", table, "--db", db])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  @Test(
    "a run stopped after 2 of 4 seeds, resumed, stores metrics bit-identical to an uninterrupted run"
  )
  func resumeIsBitIdentical() throws {
    let folder = try StoreCommandTests.Folder()
    let full = folder.url.appendingPathComponent("full.sqlite").path
    let stopped = folder.db
    let arguments = ["run", "scenarios/quickstart.yaml"] + CLI.small + ["--seeds", "4"]
    let first = try CLI.run(arguments + ["--db", full])
    #expect(first.status == 0, "\(first.stderr)")
    let id = String(try #require(first.stderr.split(separator: " ").dropFirst().first))
    // The state a Ctrl-C during the third seed leaves: two seeds stored, no summary, interrupted.
    try FileManager.default.copyItem(atPath: full, toPath: stopped)
    try Self.sqlite(
      stopped,
      """
      DELETE FROM metrics WHERE seed >= 3; DELETE FROM daily WHERE seed >= 3;
      DELETE FROM survival WHERE seed >= 3; DELETE FROM seeds_done WHERE seed >= 3;
      DELETE FROM summary; UPDATE runs SET status = 'interrupted', finished_at = NULL;
      """)
    #expect(try CLI.run(["show", id, "--db", stopped]).status == 2)
    let resumed = try CLI.run(["run", "--resume", id, "--quiet", "--db", stopped])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("resuming, 2 of 4 seeds stored"))
    for table in ["metrics", "summary", "daily", "survival"] {
      #expect(
        try Self.export(table, run: id, db: stopped) == Self.export(table, run: id, db: full),
        "\(table)")
    }
    let again = try CLI.run(["run", "--resume", id, "--db", stopped])
    #expect(again.status == 2)
    #expect(again.stderr.contains("is complete: there is nothing to resume"))
  }

  @Test("--resume refuses a scenario file or size flags beside it")
  func resumeTakesNoScenario() throws {
    let result = try CLI.run(["run", "scenarios/quickstart.yaml", "--resume", "abc"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("give no FILE, --feeds, size, seed or --no-store with it"))
  }
}

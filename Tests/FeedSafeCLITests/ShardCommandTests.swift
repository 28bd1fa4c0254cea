import FeedSafeStore
import Foundation
import Testing

@Suite("Shards of a run and their merge")
struct ShardCommandTests {
  /// Every table `export` writes, as text, for the newest complete run in `db`.
  static func tables(_ db: String) throws -> [String: String] {
    var tables: [String: String] = [:]
    for table in RunStore.ExportTable.allCases {
      let exported = try CLI.run(["export", "latest", "--db", db, "--table", table.rawValue])
      #expect(exported.status == 0, "\(exported.stderr)")
      tables[table.rawValue] = exported.stdout
    }
    return tables
  }

  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "feedsafe-shards-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Runs `scenario` whole and as `shards` shards (alternating 1 and 2 threads), merges them,
  /// and returns both runs' tables.
  static func wholeAndMerged(_ scenario: String, size: [String], shards: Int) throws -> (
    whole: [String: String], merged: [String: String]
  ) {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let whole = folder.appendingPathComponent("whole.sqlite").path
    let one = try CLI.run(["run", scenario, "--db", whole, "--threads", "2"] + size)
    #expect(one.status == 0, "\(one.stderr)")
    var files: [String] = []
    for index in (0..<shards).reversed() {
      let file = folder.appendingPathComponent("shard-\(index).sqlite").path
      let ran = try CLI.run(
        [
          "run", scenario, "--db", file, "--shard", "\(index)/\(shards)", "--threads",
          "\(1 + index % 2)",
        ]
          + size)
      #expect(ran.status == 0, "\(ran.stderr)")
      #expect(ran.stdout.contains("shard \(index)/\(shards):"), "\(ran.stdout)")
      files.append(file)
    }
    let merged = folder.appendingPathComponent("merged.sqlite").path
    let merge = try CLI.run(["merge", merged] + files)
    #expect(merge.status == 0, "\(merge.stderr)")
    return (try tables(whole), try tables(merged))
  }

  /// Expects `scenario`, on a tiny world with `seeds` seeds, to store the same tables whole
  /// and as `shards` merged shards; returns the whole run's tables.
  static func expectMergeMatches(_ scenario: String, seeds: Int, shards: Int) throws -> [String:
    String]
  {
    let size = [
      "--people", "150", "--items", "1500", "--days", "2", "--burn-in", "1", "--seeds", "\(seeds)",
      "--quiet",
    ]
    let (whole, merged) = try wholeAndMerged(scenario, size: size, shards: shards)
    #expect(whole.keys.sorted() == merged.keys.sorted())
    for (table, text) in whole {
      #expect(merged[table] == text, "table \(table) differs")
    }
    return whole
  }

  @Test("a run split into shards and merged stores exactly what the one-process run stores")
  func mergedEqualsOneProcess() throws {
    let whole = try Self.expectMergeMatches("scenarios/quickstart.yaml", seeds: 3, shards: 4)
    #expect((whole["metrics"]?.count ?? 0) > 1_000)
  }

  @Test("audit accounts' series survive the merge bit for bit")
  func auditTablesMerge() throws {
    let whole = try Self.expectMergeMatches(
      "scenarios/audits/driven-into-the-darkness.yaml", seeds: 2, shards: 3)
    #expect((whole["audit_traces"]?.split(separator: "\n").count ?? 0) > 10)
  }

  @Test("a sensitivity analysis split into shards merges into the same analysis and points")
  func sensitivityShards() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments =
      ["sensitivity", SensitivityCommandTests.oneLever] + SensitivityCommandTests.factors
    let whole = folder.appendingPathComponent("whole.sqlite").path
    #expect(try CLI.run(arguments + ["--db", whole]).status == 0)
    var files: [String] = []
    for index in 0..<3 {
      files.append(folder.appendingPathComponent("s\(index).sqlite").path)
      let ran = try CLI.run(arguments + ["--db", files[index], "--shard", "\(index)/3"])
      #expect(ran.status == 0, "\(ran.stderr)")
    }
    let merged = folder.appendingPathComponent("merged.sqlite").path
    #expect(try CLI.run(["merge", merged] + files).status == 0)
    #expect(try Self.tables(merged) == Self.tables(whole))
    // The analysis `show` prints, after the run's own metadata (id, times, command line).
    func analysis(_ db: String) throws -> String {
      let shown = try CLI.run(["show", "latest", "--db", db]).stdout
      let start = try #require(shown.range(of: "sensitivity of "))
      return String(shown[start.lowerBound...])
    }
    #expect(try analysis(merged) == analysis(whole))
  }

  @Test("merge refuses duplicates, missing shards, other inputs, non-shards and stopped shards")
  func refusals() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let size = ["--people", "100", "--items", "1000", "--days", "1", "--burn-in", "0", "--quiet"]
    func shard(_ index: Int, of count: Int, seeds: Int = 2) throws -> String {
      let file = folder.appendingPathComponent("s\(index)-\(count)-\(seeds).sqlite").path
      let ran = try CLI.run(
        [
          "run", "scenarios/quickstart.yaml", "--db", file, "--seeds", "\(seeds)", "--shard",
          "\(index)/\(count)",
        ] + size)
      #expect(ran.status == 0, "\(ran.stderr)")
      return file
    }
    let out = folder.appendingPathComponent("out.sqlite").path
    let (a, b, c) = (try shard(0, of: 3), try shard(1, of: 3), try shard(2, of: 3))
    func refused(_ files: [String], saying text: String) throws {
      let merge = try CLI.run(["merge", out] + files)
      #expect(merge.status == 2, "\(merge.stdout)")
      #expect(merge.stderr.contains(text), "\(merge.stderr)")
    }
    try refused([a, b, b], saying: "shard 1/3 is given twice")
    try refused([a, c], saying: "missing shard 1/3")
    try refused([a, b, try shard(2, of: 3, seeds: 3)], saying: "their inputs differ")
    try refused([a, b, try shard(2, of: 4)], saying: "split into 4 shards")
    let whole = folder.appendingPathComponent("whole.sqlite").path
    #expect(try CLI.run(["run", "scenarios/quickstart.yaml", "--db", whole] + size).status == 0)
    try refused([a, b, whole], saying: "holds no shard run")
    // A shard whose job died: marked failed, as a killed writer's run is.
    let store = try RunStore(path: c, forWriting: true)
    let stopped = try #require(store.runs().first)
    try store.end(runID: stopped.id, status: .failed, error: "killed", wallSeconds: 1)
    try refused([a, b, c], saying: "is failed, not complete; rerun that shard")
    // Nothing was written by the refused merges.
    #expect(!FileManager.default.fileExists(atPath: out))
    // The stopped shard is rerun alone, with its own command, into its own file: the merge then
    // takes the complete run and leaves the failed one.
    #expect(try shard(2, of: 3) == c)
    let merged = try CLI.run(["merge", out, a, b, c])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout.contains("merged 3 shards of 'quickstart' (2 seeds × 2 arms)"))
    // A shard is not a whole run: compare and report refuse it.
    let compare = try CLI.run(["compare", "latest", "--db", a])
    #expect(compare.status == 2)
    #expect(compare.stderr.contains("combine the shards first"), "\(compare.stderr)")
    // Nor is a shard ever a check's baseline.
    let check = try CLI.run(
      [
        "check", "scenarios/quickstart.yaml", "--no-store", "--seeds", "2", "--baseline",
        "latest-complete", "--baseline-db", a,
      ] + size)
    #expect(check.status == 2)
    #expect(check.stderr.contains("no complete baseline run of 'quickstart'"), "\(check.stderr)")
  }

  @Test("bad shard flags get clear errors")
  func badFlags() throws {
    let tooMany = try CLI.run(
      ["run", "scenarios/quickstart.yaml", "--seeds", "1", "--shard", "2/3", "--no-store"])
    #expect(tooMany.status == 2)
    let beyond = try CLI.run(["run", "scenarios/quickstart.yaml", "--shard", "4/4"])
    #expect(beyond.status == 2)
    #expect(beyond.stderr.contains("I counts from 0 to 3"), "\(beyond.stderr)")
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("s.sqlite").path
    let noWork = try CLI.run(
      ["run", "scenarios/quickstart.yaml", "--seeds", "1", "--shard", "2/3", "--db", db])
    #expect(noWork.status == 2)
    #expect(noWork.stderr.contains("has no work: the run has 2 units"), "\(noWork.stderr)")
    // Refused before the run is recorded: the store holds no run.
    let runs = try CLI.run(["runs", "--db", db])
    #expect(!runs.stdout.contains("quickstart"), "\(runs.stdout)")
  }

  @Test("the Slurm job scripts run each shard and merge them into the one-process run")
  func slurmScriptsRunWithoutSlurm() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let jobs = folder.appendingPathComponent("jobs").path
    let size = [
      "--people", "100", "--items", "1000", "--days", "1", "--burn-in", "1", "--seeds", "2",
    ]
    let wrote = try CLI.run(
      [
        "slurm", "--shards", "3", "--out", jobs, "--binary", CLI.binary.path, "--", "run",
        "scenarios/quickstart.yaml",
      ] + size)
    #expect(wrote.status == 0, "\(wrote.stderr)")
    // What each array task runs, with Slurm's variables set by hand.
    for index in 0..<3 {
      let task = try Self.bash(
        "\(jobs)/array.sbatch", environment: ["SLURM_ARRAY_TASK_ID": "\(index)"])
      #expect(task.status == 0, "\(task.stderr)")
    }
    let merge = try Self.bash("\(jobs)/merge.sbatch", environment: [:])
    #expect(merge.status == 0, "\(merge.stderr)")
    let whole = folder.appendingPathComponent("whole.sqlite").path
    #expect(
      try CLI.run(["run", "scenarios/quickstart.yaml", "--db", whole, "--quiet"] + size).status == 0
    )
    #expect(try Self.tables("\(jobs)/merged.sqlite") == Self.tables(whole))
    let badCommand = try CLI.run([
      "slurm", "--shards", "9", "--out", jobs, "--", "run",
      "scenarios/quickstart.yaml", "--seeds", "2",
    ])
    #expect(badCommand.status == 2)
    #expect(badCommand.stderr.contains("more than the run's 4 units"), "\(badCommand.stderr)")
  }

  static func bash(_ script: String, environment: [String: String]) throws -> CLI.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [script]
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLI.Result(
      status: process.terminationStatus, stdout: "", stderr: String(decoding: stderr, as: UTF8.self)
    )
  }
}

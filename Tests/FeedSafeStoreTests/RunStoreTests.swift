import FeedSafeCore
import Foundation
import Testing

@testable import FeedSafeStore

/// A fresh temporary directory per test, removed afterwards.
struct TemporaryDirectory: ~Copyable {
  let url: URL
  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "feedsafe-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
  deinit { try? FileManager.default.removeItem(at: url) }
}

@Suite("Run store")
struct RunStoreTests {
  static let spec: ExperimentSpec = {
    let taxonomy = Defaults.taxonomy
    let bands = AgeBands.standard
    return ExperimentSpec(
      name: "store-test", description: "d", seed: 3, replications: 2, horizonDays: 2,
      population: Defaults.population(size: 120, bands: bands, taxonomy: taxonomy),
      catalogue: Defaults.catalogue(size: 1_000, taxonomy: taxonomy),
      moderation: Defaults.moderation(harmCount: taxonomy.harms.count), behaviour: BehaviourSpec(),
      feeds: FeedPreset.allCases.map(\.definition),
      arms: PolicyPreset.allCases.prefix(2).map { preset in
        Arm(
          name: preset.rawValue,
          policies: bands.all.map {
            preset.policy(isChild: bands.isChild($0), feed: "engagement", taxonomy: taxonomy)
          })
      })
  }()

  /// Runs `spec` into `store` the way the CLI does; returns the run id and the summary.
  static func storeRun(_ store: RunStore) throws -> (String, [SummaryRow]) {
    let run = NewRun(
      spec: spec, path: "s.yaml", text: "name: store-test\n", threads: 1, toolVersion: "test",
      gitCommit: nil)
    let id = try store.begin(run)
    var pending: [ArmSeedResult] = []
    let summary = try ExperimentRunner.run(
      spec, threads: 1,
      onResult: { result in
        pending.append(result)
        if pending.count == spec.arms.count {
          try store.record(
            seed: result.seed, results: pending, runID: id, cohorts: run.record.cohorts,
            categories: run.record.categories)
          pending.removeAll()
        }
      })
    try store.complete(runID: id, summary: summary, wallSeconds: 1)
    return (id, summary)
  }

  @Test("SHA-256 matches the FIPS 180-4 examples")
  func sha256() {
    #expect(
      SHA256.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("a stored run reads back with the same summary, arms and metadata")
  func roundTrip() throws {
    let directory = try TemporaryDirectory()
    let store = try RunStore(path: directory.path("runs.sqlite"), forWriting: true)
    let (id, summary) = try Self.storeRun(store)
    let reader = try RunStore(path: directory.path("runs.sqlite"), forWriting: false)
    let record = try reader.completeRun("latest")
    #expect(record.id == id)
    #expect(record.status == .complete)
    #expect(record.arms == ["none", "ico-childrens-code"])
    #expect(record.seeds == [3, 4])
    #expect(record.scenarioSHA256 == SHA256.hex(of: "name: store-test\n"))
    #expect(try reader.summary(runID: id) == summary)
    #expect(try reader.resolve(String(id.prefix(5))).id == id)
    let metrics = try reader.export(.metrics, runID: id)
    #expect(metrics.rows.count > 100)
    let daily = try reader.export(.daily, runID: id)
    #expect(Set(daily.rows.map { $0[2] }) == [.integer(0), .integer(1)])
    let arms = try reader.export(.arms, runID: id)
    #expect(arms.rows.count == 2)
  }

  @Test(
    "a database at schema 1 opens (even for reading), upgrades to the current schema and keeps its runs"
  )
  func migratesFromFirstSchema() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("old.sqlite")
    do {
      let old = try SQLiteConnection(path: path)
      try old.execute(Migrations.all[0].sql)
      try old.execute("PRAGMA user_version = 1")
      try old.run(
        """
        INSERT INTO runs (id, name, description, scenario_path, scenario_text, scenario_sha256, tool_version,
          base_seed, seeds, horizon_days, people, items, threads, cohorts, child_cohorts, categories,
          started_at, status)
        VALUES ('0123456789ab', 'old', '', 'o.yaml', 'name: old', 'x', '0.0.1', 1, '["1"]', 1, 1, 1, 1,
          '[]', '[]', '[]', '2026-01-01T00:00:00Z', 'complete')
        """)
    }
    let reader = try RunStore(path: path, forWriting: false)
    #expect(try reader.schemaVersion() == Migrations.currentVersion)
    #expect(try reader.resolve("0123").name == "old")
    let store = try RunStore(path: path, forWriting: true)
    _ = try Self.storeRun(store)
    #expect(try store.runs().count == 2)
  }

  @Test("a database from a newer FeedSafe is refused with a clear message and left unchanged")
  func refusesFutureSchema() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("future.sqlite")
    do {
      let future = try SQLiteConnection(path: path)
      try future.execute("CREATE TABLE x (y); PRAGMA user_version = 99")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let error = try #require(throws: StoreError.self) { try RunStore(path: path, forWriting: true) }
    #expect(error.message.contains("newer FeedSafe (schema 99"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test("a file that is not SQLite is reported as such and left unchanged")
  func notSQLite() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("notes.sqlite")
    try "these are my notes, not a database\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let error = try #require(throws: StoreError.self) { try RunStore(path: path, forWriting: true) }
    #expect(
      error.message
        == "'\(path)' is not a FeedSafe run store (not a SQLite database); choose another file with --db"
    )
    #expect(
      try String(contentsOfFile: path, encoding: .utf8) == "these are my notes, not a database\n")
  }

  @Test("a corrupt database gives a clear error, not a crash")
  func corrupt() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("corrupt.sqlite")
    _ = try Self.storeRun(try RunStore(path: path, forWriting: true))
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    for offset in stride(from: 100, to: min(bytes.count, 8_192), by: 7) { bytes[offset] = 0xA5 }
    try bytes.write(to: URL(fileURLWithPath: path))
    try? FileManager.default.removeItem(atPath: path + "-wal")
    let error = try #require(throws: StoreError.self) {
      let store = try RunStore(path: path, forWriting: false)
      _ = try store.runs()
    }
    #expect(error.message.contains("corrupt") || error.message.contains("not a FeedSafe run store"))
  }

  @Test("writing through a read-only connection is reported as a read-only store")
  func readOnly() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("ro.sqlite")
    _ = try RunStore(path: path, forWriting: true)
    let connection = try SQLiteConnection(path: path, readOnly: true)
    let error = try #require(throws: StoreError.self) { try connection.run("DELETE FROM runs") }
    #expect(error.message.contains("is read-only"))
  }

  @Test("unknown, ambiguous and malformed run references are bad input naming the store")
  func badReferences() throws {
    let directory = try TemporaryDirectory()
    let store = try RunStore(path: directory.path("r.sqlite"), forWriting: true)
    for reference in ["ffffffffffff", "not-an-id", "latest"] {
      let error = try #require(throws: StoreError.self) { try store.resolve(reference) }
      #expect(error.isBadInput)
      #expect(error.message.contains("r.sqlite") || error.message.contains("not a run id"))
    }
    #expect(throws: StoreError.self) {
      try RunStore(path: directory.path("missing.sqlite"), forWriting: false)
    }
  }

  @Test("a run left running is not shown as a result; readers see only complete runs")
  func incompleteRunsAreNotResults() throws {
    let directory = try TemporaryDirectory()
    let store = try RunStore(path: directory.path("i.sqlite"), forWriting: true)
    let run = NewRun(
      spec: Self.spec, path: "s.yaml", text: "x", threads: 1, toolVersion: "t", gitCommit: nil)
    let id = try store.begin(run)
    let error = try #require(throws: StoreError.self) { try store.completeRun(id) }
    #expect(error.message.contains("is running, not complete"))
    #expect(throws: StoreError.self) { try store.resolve("latest") }
    try store.end(runID: id, status: .interrupted, error: "stopped", wallSeconds: 1)
    #expect(try store.resolve(id).status == .interrupted)
  }

  @Test("deleting a run removes it and everything stored with it, and nothing else")
  func delete() throws {
    let directory = try TemporaryDirectory()
    let store = try RunStore(path: directory.path("d.sqlite"), forWriting: true)
    let (first, summary) = try Self.storeRun(store)
    let (second, _) = try Self.storeRun(store)
    try store.delete(runID: second)
    #expect(try store.runs().map(\.id) == [first])
    #expect(try store.summary(runID: first) == summary)
    for table in ["metrics", "summary", "daily", "arms", "seeds_done"] {
      let rows = try store.connection.rows(
        "SELECT count(*) FROM \(table) WHERE run_id = ?", [.text(second)])
      #expect(rows.first?.first?.int == 0, "\(table)")
    }
  }
}

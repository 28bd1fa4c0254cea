import FeedSafeCore
import Foundation

/// The shards of one run (`feedsafe run --shard I/N`), each in its own store file, checked to
/// belong together, and combined (`feedsafe merge`) into one complete run whose stored results
/// are those of the same run made in one process, row for row and bit for bit.
///
/// Shards are untrusted in the sense that they come from many jobs: every file is opened
/// read-only, and anything that would make the merged run differ from a one-process run
/// (another scenario or version, a duplicate or missing shard, a shard lacking units) is
/// refused, naming the file.
public struct ShardMerge {
  /// One shard's file and its run.
  public struct Part {
    public let path: String
    public let run: RunRecord
    let store: RunStore
  }

  /// The shards in index order, one per index from 0 to N − 1.
  public let parts: [Part]

  /// The run every shard is a share of: the first shard's record.
  public var run: RunRecord { parts[0].run }

  /// Opens `files` read-only and checks that they hold the `N` shards of one run, each once,
  /// complete, made by FeedSafe `toolVersion` from the same inputs.
  public init(files: [String], toolVersion: String) throws {
    guard !files.isEmpty else { throw StoreError("no shard files to merge", isBadInput: true) }
    var parts: [Part] = []
    for path in files {
      let store = try Self.open(path)
      parts.append(Part(path: path, run: try Self.shardRun(in: store), store: store))
    }
    try Self.check(parts, toolVersion: toolVersion)
    let sorted = parts.sorted { ($0.run.shard?.index ?? 0) < ($1.run.shard?.index ?? 0) }
    for part in sorted { try Self.checkUnits(of: part) }
    self.parts = sorted
  }

  private static func open(_ path: String) throws -> RunStore {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError("no shard file '\(path)'", isBadInput: true)
    }
    do {
      return try RunStore(path: path, forWriting: false)
    } catch let error as StoreError {
      throw StoreError("shard file '\(path)': \(error.message)", isBadInput: true)
    }
  }

  /// The one complete shard run a file holds.
  private static func shardRun(in store: RunStore) throws -> RunRecord {
    let shards = try store.runs().filter { $0.shard != nil }
    let complete = shards.filter { $0.status == .complete }
    guard complete.count == 1 else {
      if complete.count > 1 {
        throw StoreError(
          "'\(store.path)' holds \(complete.count) complete shard runs (\(complete.map(\.id).joined(separator: ", "))); give each shard its own file",
          isBadInput: true)
      }
      if let stopped = shards.first, let shard = stopped.shard {
        throw StoreError(
          "'\(store.path)': shard \(shard) (run \(stopped.id)) is \(stopped.displayStatus), not complete; rerun that shard (the same feedsafe run … --shard \(shard) command) and merge again",
          isBadInput: true)
      }
      throw StoreError(
        "'\(store.path)' holds no shard run; shards are made by feedsafe run FILE --shard I/N --db FILE",
        isBadInput: true)
    }
    return complete[0]
  }

  /// The shards belong to one run and are all there, each once.
  private static func check(_ parts: [Part], toolVersion: String) throws {
    let first = parts[0]
    for part in parts {
      let shard = part.run.shard ?? .whole
      func refuse(_ what: String) -> StoreError {
        StoreError(
          "'\(part.path)' (shard \(shard)) and '\(first.path)' (shard \(first.run.shard ?? .whole)) are not shards of one run: \(what)",
          isBadInput: true)
      }
      if part.run.toolVersion != toolVersion {
        throw StoreError(
          "'\(part.path)' was made by FeedSafe \(part.run.toolVersion), this is \(toolVersion); merge with the version that made the shards",
          isBadInput: true)
      }
      if part.run.scenarioSHA256 != first.run.scenarioSHA256 {
        throw refuse("their scenarios differ")
      }
      guard let inputs = part.run.provenance.inputsSHA256,
        inputs == first.run.provenance.inputsSHA256
      else {
        throw refuse(
          "their inputs differ (sizes, seeds, arms or feed files; inputs sha256 \(part.run.provenance.inputsSHA256?.prefix(12) ?? "?")… vs \(first.run.provenance.inputsSHA256?.prefix(12) ?? "?")…)"
        )
      }
      if shard.count != first.run.shard?.count {
        throw refuse(
          "one is split into \(shard.count) shards, the other into \(first.run.shard?.count ?? 1)")
      }
    }
    let count = first.run.shard?.count ?? 1
    var seen: [Int: String] = [:]
    for part in parts {
      let index = part.run.shard?.index ?? 0
      if let other = seen[index] {
        throw StoreError(
          "shard \(index)/\(count) is given twice ('\(other)' and '\(part.path)'); give each shard once",
          isBadInput: true)
      }
      seen[index] = part.path
    }
    let missing = (0..<count).filter { seen[$0] == nil }
    guard missing.isEmpty else {
      throw StoreError(
        "missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) of run '\(first.run.name)'; run \(missing.count == 1 ? "it" : "them") (feedsafe run … --shard I/\(count)) and merge all \(count)",
        isBadInput: true)
    }
  }

  /// The shard holds results for exactly the units it owns: no fewer (a damaged file) and no more.
  private static func checkUnits(of part: Part) throws {
    guard let shard = part.run.shard else { return }
    var expected: Set<String> = []
    for (replication, seed) in part.run.seeds.enumerated() {
      for arm in shard.arms(ofReplication: replication, arms: part.run.arms.count) {
        expected.insert("\(Int64(bitPattern: seed)) \(part.run.arms[arm])")
      }
    }
    let stored = Set(
      try part.store.connection.rows(
        "SELECT DISTINCT seed, arm FROM metrics WHERE run_id = ?", [.text(part.run.id)]
      ).map { "\($0[0].int.map(String.init) ?? "?") \($0[1].string ?? "?")" })
    guard stored == expected else {
      throw StoreError(
        "'\(part.path)': shard \(shard) holds results for \(stored.count) seed × arm units, expected its \(expected.count); the file is damaged or was edited; rerun the shard",
        isBadInput: true)
    }
  }
}

/// A share of a run's work, so that one run can be spread over the jobs of a cluster
/// (`feedsafe run --shard I/N`) and combined afterwards (`feedsafe merge`).
///
/// A run is a set of independent work units, one per seed × arm (a sweep or sensitivity point
/// is an arm), numbered seed-major: unit `k` is seed `k / arms`, arm `k % arms`. Every unit's
/// results depend only on the scenario, its seed and its arm (the world is rebuilt from the
/// seed), so any partition of the units gives the same numbers. Shard `I` of `N` runs the units
/// with `k % N == I`: dealt round-robin, so arms of different cost spread evenly.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
  /// 0-based, below ``count``: the index schedulers hand out (`SLURM_ARRAY_TASK_ID`,
  /// `JOB_COMPLETION_INDEX`).
  public let index: Int
  /// How many shards the run is split into.
  public let count: Int

  /// The whole run in one process.
  public static let whole = Shard(validIndex: 0, count: 1)

  private init(validIndex index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Shard `index` of `count`; `nil` unless `0 ≤ index < count`.
  public init?(index: Int, count: Int) {
    guard count >= 1, (0..<count).contains(index) else { return nil }
    self.init(validIndex: index, count: count)
  }

  /// Parses `I/N` (`0/4` … `3/4`), or explains what was expected.
  public static func parse(_ text: String) -> Result<Shard, ShardError> {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      return .failure(
        ShardError("'\(text)' is not a shard; expected I/N, e.g. 0/4 (I counts from 0)"))
    }
    guard count >= 1 else {
      return .failure(ShardError("a run has at least 1 shard, got \(count)"))
    }
    guard let shard = Shard(index: index, count: count) else {
      return .failure(
        ShardError("shard \(index) of \(count) does not exist: I counts from 0 to \(count - 1)"))
    }
    return .success(shard)
  }

  /// Whether unit `unit` (seed-major numbering) belongs to this shard.
  public func contains(unit: Int) -> Bool { unit % count == index }

  /// The arms this shard runs on replication `replication` of a run with `arms` arms.
  public func arms(ofReplication replication: Int, arms: Int) -> [Int] {
    (0..<arms).filter { contains(unit: replication * arms + $0) }
  }

  /// How many of a run's `units` this shard runs.
  public func unitCount(of units: Int) -> Int {
    units / count + (index < units % count ? 1 : 0)
  }

  /// `2/4`.
  public var description: String { "\(index)/\(count)" }
}

/// Why a shard could not be read or used, in words for the command line.
public struct ShardError: Error, Sendable, Equatable {
  public let message: String
  public init(_ message: String) { self.message = message }
}

import FeedSafeCore

/// Streams a run's results to the store as ``ExperimentRunner`` hands them over: one
/// transaction per seed (the seed's arms this process runs: all of them, or a shard's share),
/// then the summary and the `complete` status together.
public final class RunRecorder {
  // A class: it accumulates the current seed's results across callbacks.
  public let store: RunStore
  public let runID: String
  /// How many arms of each seed this process runs.
  private let armsPerSeed: [UInt64: Int]
  private let cohorts: [String]
  private let categories: [String]
  private var pending: [ArmSeedResult] = []

  /// Records `run` as `running` in `store`, to be filled with the results of `spec` (or of
  /// `shard`'s share of its units).
  public init(_ run: NewRun, spec: ExperimentSpec, store: RunStore, shard: Shard = .whole) throws {
    self.store = store
    runID = try store.begin(run)
    armsPerSeed = Self.armsPerSeed(spec, shard: shard)
    cohorts = run.record.cohorts
    categories = run.record.categories
  }

  /// A recorder that adds the seeds of `remaining` to a stopped run (`run --resume`).
  public init(resuming record: RunRecord, remaining: ExperimentSpec, store: RunStore) {
    self.store = store
    runID = record.id
    armsPerSeed = Self.armsPerSeed(remaining, shard: .whole)
    cohorts = record.cohorts
    categories = record.categories
  }

  private static func armsPerSeed(_ spec: ExperimentSpec, shard: Shard) -> [UInt64: Int] {
    Dictionary(
      spec.seeds.enumerated().map { replication, seed in
        (seed, shard.arms(ofReplication: replication, arms: spec.arms.count).count)
      }, uniquingKeysWith: { first, _ in first })
  }

  /// Keeps `result`; once every arm of its seed is in, writes them in one transaction.
  public func record(_ result: ArmSeedResult) throws {
    pending.append(result)
    guard pending.count == armsPerSeed[result.seed] else { return }
    try store.record(
      seed: result.seed, results: pending, runID: runID, cohorts: cohorts, categories: categories)
    pending.removeAll()
  }

  /// Writes the summary and marks the run `complete`, together.
  public func complete(summary: [SummaryRow], wallSeconds: Double) throws {
    try store.complete(runID: runID, summary: summary, wallSeconds: wallSeconds)
  }

  /// Marks the run `failed` or `interrupted`.
  public func end(_ status: RunStatus, error: String, wallSeconds: Double) throws {
    try store.end(runID: runID, status: status, error: error, wallSeconds: wallSeconds)
  }
}

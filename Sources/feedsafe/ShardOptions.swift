import ArgumentParser
import FeedSafeCore

/// `--shard I/N`, shared by the commands that run a scenario: run one share of the work units
/// into its own store file, for a cluster job (docs/cluster.md).
struct ShardOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Run only shard I of N (I from 0 to N − 1) of the seed × arm units, for one job of a cluster; combine the shard files with 'feedsafe merge'.",
      valueName: "I/N"),
    transform: { text in
      switch Shard.parse(text) {
      case .success(let shard): return shard
      case .failure(let error): throw ValidationError(error.message)
      }
    })
  var shard: Shard = .whole

  /// Throws unless `shard` has at least one unit of `spec` to run: a shard with nothing to do
  /// is a mistake in the job script (more shards than units).
  static func requireWork(for shard: Shard, in spec: ExperimentSpec) throws {
    let units = spec.replications * spec.arms.count
    guard shard.unitCount(of: units) == 0 else { return }
    throw CommandFailure.badInput(
      "shard \(shard) has no work: the run has \(units) units (\(spec.replications) seeds × \(spec.arms.count) arms); split it into at most \(units) shards"
    )
  }

  /// What a shard prints instead of results: they are a part, meaningful once merged.
  static func stored(_ shard: Shard, spec: ExperimentSpec, runID: String?, path: String) -> String {
    let units = spec.replications * spec.arms.count
    return """
      shard \(shard): \(shard.unitCount(of: units)) of \(units) units (seed × arm) stored as run \(runID ?? "?") in \(path)
      combine all \(shard.count) shards into one run: feedsafe merge OUT.sqlite SHARD.sqlite...

      """
  }
}

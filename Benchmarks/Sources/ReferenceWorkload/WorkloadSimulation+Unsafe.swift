import Dispatch

extension WorkloadSimulation {
  /// Runs one step on every shard; in parallel when there is more than one.
  ///
  /// Safe because iteration `s` of `concurrentPerform` touches only `shards[s]` (moved out and
  /// back in), through a buffer whose bounds are the array's and which does not outlive the call; `world` and `terms` are
  /// read-only. The one-shard path is the safe twin the determinism tests compare to.
  static func simulate(
    step: Int, shards: inout [StepShard], world: WorkloadWorld, terms: RankingTerms, fast: Bool
  ) {
    if shards.count == 1 {
      shards[0].simulate(step: step, world: world, terms: terms, fast: fast)
      return
    }
    shards.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let shared = buffer
      DispatchQueue.concurrentPerform(iterations: shared.count) { s in
        // moved to this thread's stack and back (no copy, no retain): neighbouring shards'
        // counters would otherwise share cache lines between the cores
        var shard = shared.moveElement(from: s)
        shard.simulate(step: step, world: world, terms: terms, fast: fast)
        shared.initializeElement(at: s, to: shard)
      }
    }
  }
}

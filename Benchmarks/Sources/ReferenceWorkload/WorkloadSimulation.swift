/// The reference workload of `shared/peers/workload.py`, run by compiled Swift.
///
/// Each step serves one page to every user: score (whole catalogue or drawn candidates),
/// children's policy filter on predicted labels, top-k, a Bernoulli engagement per impression,
/// interest and profile drift toward the engaged items, and counts of harmful impressions (true
/// labels) per band and category. Popularity is the previous step's engagements, so users are
/// independent within a step and run in parallel shards. Counts are bit-identical for any thread
/// count.
public struct WorkloadSimulation: Sendable {
  /// The world being simulated.
  public let world: WorkloadWorld
  /// Threads: 1 runs the shards in order on the calling thread; more runs `4 × threads` shards
  /// on Dispatch's pool (which uses at most the machine's cores).
  public let threads: Int
  /// Whether the SIMD kernels score pages (`false`: their safe twins, for tests).
  public let usesFastKernels: Bool
  var shards: [StepShard]
  var terms: RankingTerms
  /// Engagements per item at the last step: the next step's popularity.
  var popularity: [Int32]
  /// Steps simulated so far.
  public private(set) var stepsDone = 0

  /// A simulation at step 0.
  public init(world: WorkloadWorld, threads: Int = 1, usesFastKernels: Bool = true) {
    precondition(threads >= 1, "threads must be at least 1")
    self.world = world
    self.threads = threads
    self.usesFastKernels = usesFastKernels
    let users = world.parameters.users
    let shardCount = threads == 1 ? 1 : 4 * threads
    let perShard =
      ((users + shardCount - 1) / shardCount + StepShard.blockSize - 1) / StepShard.blockSize
      * StepShard.blockSize
    shards = stride(from: 0, to: users, by: perShard).map {
      StepShard(users: $0..<min(users, $0 + perShard), world: world)
    }
    terms = RankingTerms(world: world)
    popularity = [Int32](repeating: 0, count: world.parameters.items)
  }

  /// Runs every remaining step.
  public mutating func run() {
    while stepsDone < world.parameters.steps { simulateStep() }
  }

  /// Serves one page to every user, then turns the step's engagements into popularity.
  public mutating func simulateStep() {
    terms.update(world: world, popularity: popularity)
    Self.simulate(
      step: stepsDone, shards: &shards, world: world, terms: terms, fast: usesFastKernels)
    for item in popularity.indices { popularity[item] = 0 }
    for shard in shards {
      for item in popularity.indices { popularity[item] += shard.engagementsPerItem[item] }
    }
    stepsDone += 1
  }

  /// The counts so far.
  public var result: WorkloadResult {
    let harmTopics = world.parameters.harmTopics
    var result = WorkloadResult(harmTopics: harmTopics)
    for shard in shards {
      for cell in shard.exposures.indices { result.exposures[cell] += shard.exposures[cell] }
      result.impressions[0] += shard.impressions[0]
      result.impressions[1] += shard.impressions[1]
      result.engagements += shard.engagements
    }
    return result
  }

  /// `users × rowStride` true interests now, in user order.
  public var interests: [Float] { shards.flatMap(\.interests) }

  /// `users × rowStride` platform profiles now, in user order.
  public var profiles: [Float] { shards.flatMap(\.profiles) }
}

/// What the reference workload counts, as the peers report it.
public struct WorkloadResult: Sendable, Equatable {
  /// Harmful impressions by true label: `[band × harmTopics + category]`, band 0 = children.
  public var exposures: [Int]
  /// Impressions: children, adults.
  public var impressions = [0, 0]
  /// Engaged impressions.
  public var engagements = 0

  init(harmTopics: Int) { exposures = [Int](repeating: 0, count: 2 * harmTopics) }

  /// Harmful impressions per 1,000 impressions in band 0 (children) or 1 (adults).
  public func exposurePerThousand(band: Int) -> Double {
    let harmTopics = exposures.count / 2
    let harmful = exposures[band * harmTopics..<(band + 1) * harmTopics].reduce(0, +)
    return 1000 * Double(harmful) / Double(max(1, impressions[band]))
  }
}

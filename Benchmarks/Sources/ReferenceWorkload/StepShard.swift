import FeedSafeCore
import RealModule

/// One contiguous range of users and everything a step changes for them.
///
/// Users are independent within a step (popularity changes only between steps), so shards run
/// in parallel; each owns its users' interest and profile rows, its counts and its scratch
/// buffers, all sized once, so a step allocates nothing. Results do not depend on how users are
/// cut into shards: every user's draws come from a stream keyed by (seed, user, step) and counts
/// are integers summed after the step.
struct StepShard: Sendable {
  /// Users whose pages are built together: the whole-catalogue kernel streams the catalogue once
  /// per block.
  static let blockSize = 64
  /// Items per tile of the whole-catalogue kernel: 2,048 × 20 topics × 4 bytes = 160 KB, which
  /// stays in a core's L2 cache while the block's users score it.
  static let tileItems = 2_048

  /// The shard's users.
  let users: Range<Int>
  /// `users.count × rowStride`: true interests.
  var interests: [Float]
  /// `users.count × rowStride`: the platform's profiles.
  var profiles: [Float]
  /// Engagements per item during the current step.
  var engagementsPerItem: [Int32]
  /// Harmful impressions (true label): `[band × harmTopics + category]`, band 0 = children.
  var exposures: [Int]
  /// Impressions: children, adults.
  var impressions = [0, 0]
  /// Engaged impressions.
  var engagements = 0

  var top: TopK
  /// `blockSize × pageSize` item indices, best first.
  var pages: [Int32]
  /// `blockSize × topics` profiles of the block's users (zero for unused slots).
  var blockProfiles: [Float]
  var uniforms: [Float]
  var engagedSum: [Float]

  init(users: Range<Int>, world: WorkloadWorld) {
    let p = world.parameters
    let rowStride = world.rowStride
    self.users = users
    let rows = users.lowerBound * rowStride..<users.upperBound * rowStride
    interests = Array(world.initialInterests[rows])
    profiles = Array(world.initialProfiles[rows])
    engagementsPerItem = [Int32](repeating: 0, count: p.items)
    exposures = [Int](repeating: 0, count: 2 * p.harmTopics)
    top = TopK(k: p.pageSize, slots: Self.blockSize)
    pages = [Int32](repeating: 0, count: Self.blockSize * p.pageSize)
    blockProfiles = [Float](repeating: 0, count: Self.blockSize * p.topics)
    uniforms = [Float](repeating: 0, count: p.pageSize)
    engagedSum = [Float](repeating: 0, count: rowStride)
  }

  /// Serves one page to every user of the shard and lets each respond.
  mutating func simulate(step: Int, world: WorkloadWorld, terms: RankingTerms, fast: Bool) {
    for index in engagementsPerItem.indices { engagementsPerItem[index] = 0 }
    let p = world.parameters
    for blockStart in stride(from: users.lowerBound, to: users.upperBound, by: Self.blockSize) {
      let block = blockStart..<min(blockStart + Self.blockSize, users.upperBound)
      if !p.usesCandidates {
        loadBlockProfiles(block, topics: p.topics, rowStride: world.rowStride)
        if fast {
          selectCataloguePagesFast(block: block, world: world, terms: terms)
        } else {
          selectCataloguePagesSafely(block: block, world: world, terms: terms)
        }
      }
      for (slot, user) in block.enumerated() {
        // draws in the peers' order: candidates (if any), then one uniform per impression
        var rng = RandomStream(seed: p.seed, purpose: .referenceStep, person: user, day: step)
        if p.usesCandidates {
          let term = world.isChild(user) ? terms.child : terms.adult
          if fast {
            selectCandidatePageFast(slot: slot, user: user, rng: &rng, world: world, term: term)
          } else {
            selectCandidatePageSafely(slot: slot, user: user, rng: &rng, world: world, term: term)
          }
        }
        for position in 0..<p.pageSize {
          uniforms[position] = Float(rng.nextBits() >> 40) * 0x1p-24
        }
        respond(user: user, pageAt: slot * p.pageSize, world: world)
      }
    }
  }

  /// Copies the block's profiles into `blockProfiles`, zero in unused slots.
  private mutating func loadBlockProfiles(_ block: Range<Int>, topics: Int, rowStride: Int) {
    for slot in 0..<Self.blockSize {
      for topic in 0..<topics {
        let user = block.lowerBound + slot
        blockProfiles[slot * topics + topic] =
          user < block.upperBound ? profiles[(user - users.lowerBound) * rowStride + topic] : 0
      }
    }
  }

  /// The whole-catalogue page for each user of `block`, plain loops: the fast kernel's twin.
  /// Score of item i: `term[i]`, then `+ x[t][i] × profile[t]` for t = 0, 1, … in order.
  mutating func selectCataloguePagesSafely(
    block: Range<Int>, world: WorkloadWorld, terms: RankingTerms
  ) {
    let p = world.parameters
    top.reset()
    for (slot, user) in block.enumerated() {
      let term = world.isChild(user) ? terms.child : terms.adult
      for item in 0..<world.paddedItems {
        var score = term[item]
        for topic in 0..<p.topics {
          score +=
            world.itemsByTopic[topic * world.paddedItems + item]
            * blockProfiles[slot * p.topics + topic]
        }
        top.offer(slot: slot, score: score, item: item)
      }
      top.writePage(slot: slot, into: &pages, at: slot * p.pageSize)
    }
  }

  /// The page from `candidates` items drawn from `rng` (two per draw), plain loops: the fast kernel's twin.
  /// Score of candidate c: `term[c] + ((acc0 + acc2) + (acc1 + acc3))`, where `acc_l` sums
  /// `x[c][4q+l] × profile[4q+l]` over q in order (the lanes of a 4-wide SIMD accumulator); with
  /// 20 topics, the five products are summed as a tree, `((q0 + q1) + (q2 + q3)) + q4`.
  mutating func selectCandidatePageSafely(
    slot: Int, user: Int, rng: inout RandomStream, world: WorkloadWorld, term: [Float]
  ) {
    let p = world.parameters
    let rowStride = world.rowStride
    let row = (user - users.lowerBound) * rowStride
    top.reset()
    func product(_ item: Int, _ topic: Int) -> Float {
      world.itemRows[item * rowStride + topic] * profiles[row + topic]
    }
    func score(_ item: Int) -> Float {
      if rowStride == 20 {
        // lane l of five 4-wide products summed as a tree
        func lane(_ l: Int) -> Float {
          ((product(item, l) + product(item, 4 + l))
            + (product(item, 8 + l) + product(item, 12 + l)))
            + product(item, 16 + l)
        }
        return term[item] + ((lane(0) + lane(2)) + (lane(1) + lane(3)))
      }
      var lanes: (Float, Float, Float, Float) = (0, 0, 0, 0)
      for quad in stride(from: 0, to: rowStride, by: 4) {
        lanes.0 += product(item, quad)
        lanes.1 += product(item, quad + 1)
        lanes.2 += product(item, quad + 2)
        lanes.3 += product(item, quad + 3)
      }
      return term[item] + ((lanes.0 + lanes.2) + (lanes.1 + lanes.3))
    }
    var drawn = 0
    while drawn < p.candidates {
      let (first, second) = rng.indexPair(below: p.items)
      top.offer(slot: 0, score: score(first), item: first)
      if drawn + 1 < p.candidates { top.offer(slot: 0, score: score(second), item: second) }
      drawn += 2
    }
    top.writePage(slot: 0, into: &pages, at: slot * p.pageSize)
  }

  /// Engagement, counting and drift for one user's page (`pages[pageAt...]`, `uniforms`).
  private mutating func respond(user: Int, pageAt start: Int, world: WorkloadWorld) {
    let p = world.parameters
    let rowStride = world.rowStride
    let row = (user - users.lowerBound) * rowStride
    let band = world.isChild(user) ? 0 : 1
    impressions[band] += p.pageSize
    for topic in 0..<rowStride { engagedSum[topic] = 0 }
    var engaged = 0
    for position in 0..<p.pageSize {
      let item = Int(pages[start + position])
      var affinity: Float = 0
      for topic in 0..<p.topics {
        affinity += interests[row + topic] * world.itemRows[item * rowStride + topic]
      }
      let category = Int(world.harmCategory[item])
      let harm: Float = category >= 0 ? 1 : 0
      let logit =
        p.engagementIntercept + p.interestWeight * affinity + p.appealWeight * world.appeal[item]
        + p.harmWeight * harm * world.susceptibility[user]
      let probability = 1 / (1 + Float.exp(-logit))
      if category >= 0 { exposures[band * p.harmTopics + category] += 1 }
      if uniforms[position] < probability {
        engaged += 1
        engagementsPerItem[item] += 1
        for topic in 0..<p.topics { engagedSum[topic] += world.itemRows[item * rowStride + topic] }
      }
    }
    guard engaged > 0 else { return }
    engagements += engaged
    let count = Float(engaged)
    for topic in 0..<p.topics {
      let mean = engagedSum[topic] / count
      interests[row + topic] =
        (1 - p.interestDrift) * interests[row + topic] + p.interestDrift * mean
      profiles[row + topic] = (1 - p.profileDrift) * profiles[row + topic] + p.profileDrift * mean
    }
  }
}

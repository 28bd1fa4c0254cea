extension FeedPipeline {
  /// Step 3: the platform's band policy on the ranked candidates, on their *predicted* labels
  /// (the platform never knows the true ones): removed items leave the candidate list,
  /// down-ranked ones have their score scaled, and items of a dimension the person marked "not
  /// interested" are dropped where the policy honours it. It runs after any ranker, built-in or
  /// external, so no ranker can show what the policy removes.
  ///
  /// Returns the number of truly benign items removed by a harm filter (over-blocking).
  mutating func applyPolicy(for viewer: Viewer, today: DayState, context: ArmContext) -> Int32 {
    let policy = context.policies[viewer.band.position]
    let topicCount = context.topicCount
    var overblocked: Int32 = 0
    var kept = 0
    for position in candidates.indices {
      var candidate = candidates[position]
      let facts = today.scoringRows[Int(candidate.item)]
      guard
        let factor = Self.policyFactor(
          of: facts, topicCount: topicCount, policy: policy, notInterested: viewer.notInterested,
          overblocked: &overblocked)
      else { continue }
      candidate.score *= factor
      candidate.topic = facts.primaryTopic
      candidate.isPredictedHarmful = facts.predictedHarm >= 0
      candidates[kept] = candidate
      kept += 1
    }
    candidates.removeLast(candidates.count - kept)
    return overblocked
  }

  /// The policy on one candidate (its row of the day): `nil` when it is filtered out (marked
  /// "not interested", or removed by a harm filter on its predicted label, counting a removed
  /// benign item as over-blocked), else the down-rank factor on its score (1: none).
  @inline(__always)
  private static func policyFactor(
    of facts: ScoringRow, topicCount: Int, policy: BandPolicy, notInterested mask: UInt64,
    overblocked: inout Int32
  ) -> Float? {
    if policy.honoursNotInterested
      && mask & (1 << UInt64(facts.notInterestedDimension(topicCount: topicCount))) != 0
    {
      return nil
    }
    let predicted = Int(facts.predictedHarm)
    guard predicted >= 0 else { return 1 }
    switch policy.harmActions[predicted] {
    case .allow: return 1
    case .downrank(let downrank): return Float(downrank)
    case .remove:
      if facts.harm < 0 { overblocked += 1 }
      return nil
    }
  }
}

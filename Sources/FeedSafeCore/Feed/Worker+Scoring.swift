import RealModule

extension Worker {
  /// Scores every candidate with the feed's weighted features (or its external ranker), then applies the person's band
  /// policy on *predicted* labels: removed items leave the candidate list, down-ranked ones have
  /// their score scaled. Items the person marked "not interested" are dropped where honoured.
  ///
  /// Returns the number of truly benign items removed by a harm filter (over-blocking).
  mutating func scoreAndFilter(
    for person: Int, lastItem: Int, feed: Int, today: DayState, context: ArmContext
  ) -> Int32 {
    if feed < rankers.count, let ranker = rankers[feed] {
      return scoreExternally(
        with: ranker, for: person, lastItem: lastItem, today: today, context: context)
    }
    let catalogue = context.world.catalogue
    let population = context.world.population
    let policy = context.policies[context.assessedBand[person].position]
    let dims = context.dimensionCount
    let local = person - people.lowerBound
    let usesProfile = context.profiling[person]
    let wAffinity = usesProfile ? context.weight(.affinity, feed: feed) : 0
    let wPredicted = usesProfile ? context.weight(.predictedEngagement, feed: feed) : 0
    let wWatch = usesProfile ? context.weight(.predictedWatch, feed: feed) : 0
    let segment = scratch.segment
    let prior = today.prior
    let wPopularity = context.weight(.popularity, feed: feed)
    let wFreshness = context.weight(.freshness, feed: feed)
    let wAppeal = context.weight(.appeal, feed: feed)
    let wDeclared = context.weight(.declaredInterest, feed: feed)
    let wContext = lastItem >= 0 ? context.weight(.context, feed: feed) : 0
    let inversePopularity: Float =
      today.maximumPopularity > 0 ? 1 / Float(today.maximumPopularity) : 0
    let slots = population.declaredInterestSlots
    let mask = state.notInterested[local]
    let usesPredictions = wPredicted > 0 || wWatch > 0
    if usesPredictions {
      for d in 0..<dims {
        scratch.personalFactors[d] = state.responses.factor(
          person: local, dimension: d, prior: prior)
      }
    }
    let topicCount = catalogue.taxonomy.topics.count
    var overblocked: Int32 = 0
    var kept = 0
    for position in scratch.candidates.indices {
      var candidate = scratch.candidates[position]
      let item = Int(candidate.item)
      // One row holds every per-item value below except embeddings and segment counts.
      let facts = today.scoringRows[item]
      guard
        let factor = Self.policyFactor(
          of: facts, topicCount: topicCount, policy: policy, notInterested: mask,
          overblocked: &overblocked)
      else { continue }
      var score: Float = 0
      if wAffinity > 0 { score += wAffinity * state.profile.dot(local, catalogue.embedding, item) }
      if usesPredictions {
        let personal = scratch.personalFactors[Int(facts.contentDimension)]
        let lift = today.statistics.predictedLift(
          of: item, itemRates: (facts.watchRate, facts.engagementRate), segment: segment,
          personal: personal, prior: prior)
        score += wWatch * lift.watch + wPredicted * lift.engagement
      }
      score += wPopularity * Float(facts.popularity) * inversePopularity
      if wFreshness > 0 {
        score += wFreshness * context.freshness(ofAge: today.day - Int(facts.dayPublished))
      }
      score += wAppeal * facts.appeal
      if wDeclared > 0 {
        var best: Float = 0
        for slot in 0..<slots {
          let topic = Int(population.declaredInterests[person * slots + slot])
          if topic >= 0 { best = max(best, catalogue.embedding[item, topic]) }
        }
        score += wDeclared * best
      }
      if wContext > 0 {
        score += wContext * catalogue.embedding.dot(lastItem, catalogue.embedding, item)
      }
      candidate.score = score * factor
      candidate.topic = facts.primaryTopic
      candidate.isPredictedHarmful = facts.predictedHarm >= 0
      scratch.candidates[kept] = candidate
      kept += 1
    }
    scratch.candidates.removeLast(scratch.candidates.count - kept)
    return overblocked
  }

  /// The platform's policy on one candidate (its row of the day), whoever ranked it: `nil` when
  /// it is filtered out (marked "not interested", or removed by a harm filter on its predicted
  /// label, counting a removed benign item as over-blocked), else the down-rank factor on its
  /// score (1: none).
  @inline(__always)
  static func policyFactor(
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

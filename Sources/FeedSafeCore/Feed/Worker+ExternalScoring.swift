extension Worker {
  /// Scores the page's candidates with an external ranker, then applies the person's band policy
  /// to its scores exactly as ``scoreAndFilter(for:lastItem:feed:today:context:)`` does to the
  /// weighted rule's: "not interested" and harm filters drop candidates, down-ranking scales
  /// scores, and the caps of ``rankIntoPage(feed:policy:context:rng:)`` follow. The ranker sees
  /// what the platform may use about the person: the profile only where profiling is allowed.
  ///
  /// On a failure the page stays empty (ending the session) and the failure is kept in
  /// ``rankerFailure``; the arm stops at the end of the day with it.
  /// Returns the number of truly benign items removed by a harm filter (over-blocking).
  mutating func scoreExternally(
    with ranker: any PageRanker, for person: Int, lastItem: Int, today: DayState,
    context: ArmContext
  ) -> Int32 {
    guard rankerFailure == nil else {
      scratch.candidates.removeAll(keepingCapacity: true)
      return 0
    }
    let request = rankingRequest(for: person, lastItem: lastItem, today: today, context: context)
    let scores: [Float]
    do throws(RankerFailure) {
      scores = try ranker.scores(for: request)
    } catch {
      rankerFailure = error
      scratch.candidates.removeAll(keepingCapacity: true)
      return 0
    }
    let catalogue = context.world.catalogue
    let policy = context.policies[context.assessedBand[person].position]
    let mask = state.notInterested[person - people.lowerBound]
    var overblocked: Int32 = 0
    var kept = 0
    for position in scratch.candidates.indices {
      var candidate = scratch.candidates[position]
      let facts = today.scoringRows[Int(candidate.item)]
      guard
        let factor = Self.policyFactor(
          of: facts, topicCount: catalogue.taxonomy.topics.count, policy: policy,
          notInterested: mask, overblocked: &overblocked)
      else { continue }
      candidate.score = scores[position] * factor
      candidate.topic = facts.primaryTopic
      candidate.isPredictedHarmful = facts.predictedHarm >= 0
      scratch.candidates[kept] = candidate
      kept += 1
    }
    scratch.candidates.removeLast(scratch.candidates.count - kept)
    return overblocked
  }

  /// The request for the page being built: every feature the weighted rule could use, computed
  /// with the same arithmetic, so a ranker that weights them alike reproduces it bit for bit.
  private mutating func rankingRequest(
    for person: Int, lastItem: Int, today: DayState, context: ArmContext
  ) -> RankingRequest {
    let catalogue = context.world.catalogue
    let population = context.world.population
    let dims = context.dimensionCount
    let local = person - people.lowerBound
    let profiling = context.profiling[person]
    let prior = today.prior
    if profiling {
      for d in 0..<dims {
        scratch.personalFactors[d] = state.responses.factor(
          person: local, dimension: d, prior: prior)
      }
    }
    if requestCounter.day != today.day || requestCounter.person != person {
      requestCounter = (today.day, person, 0)
    }
    requestCounter.page += 1
    let slots = population.declaredInterestSlots
    let declared = (0..<slots).map { Int(population.declaredInterests[person * slots + $0]) }
      .filter { $0 >= 0 }
    let profile = profiling ? Array(state.profile.row(local)) : nil
    let candidates = scratch.candidates.map { candidate -> RankingCandidate in
      let item = Int(candidate.item)
      var best: Float = 0
      for topic in declared { best = max(best, catalogue.embedding[item, topic]) }
      var affinity: Float?
      var watch: Float?
      var engagement: Float?
      if profiling {
        affinity = state.profile.dot(local, catalogue.embedding, item)
        let personal = scratch.personalFactors[Int(catalogue.contentDimension[item])]
        let lift = today.statistics.predictedLift(
          of: item, segment: scratch.segment, personal: personal, prior: prior)
        watch = lift.watch
        engagement = lift.engagement
      }
      var similarity: Float?
      if lastItem >= 0 { similarity = catalogue.embedding.dot(lastItem, catalogue.embedding, item) }
      let predicted = Int(catalogue.predictedHarm[item])
      let age = today.day - Int(catalogue.dayPublished[item])
      return RankingCandidate(
        item: item, source: CandidateSource.allCases[Int(candidate.source)],
        topic: Int(catalogue.primaryTopic[item]), predictedHarm: predicted >= 0 ? predicted : nil,
        ageDays: age, popularity: Int(today.popularity[item]),
        freshness: context.freshness(ofAge: age), appeal: catalogue.appeal[item],
        declaredInterest: best, affinity: affinity, predictedWatch: watch,
        predictedEngagement: engagement, context: similarity)
    }
    return RankingRequest(
      id: "d\(today.day).p\(person).\(requestCounter.page)", day: today.day,
      band: population.bands.names[context.assessedBand[person].position],
      declaredInterests: declared, profile: profile,
      observedEvents: profiling ? Int(state.observed[local]) : nil,
      lastItem: lastItem >= 0 ? lastItem : nil,
      inverseMaximumPopularity: today.maximumPopularity > 0
        ? 1 / Float(today.maximumPopularity) : 0,
      candidates: candidates)
  }
}

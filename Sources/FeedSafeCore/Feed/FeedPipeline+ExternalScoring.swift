extension FeedPipeline {
  /// The external ranker of step 2: sends the page's request and takes its scores, one per
  /// candidate in candidate order. The ranker sees what the platform may use about the person:
  /// the profile only where profiling is allowed; never the items' true harm labels.
  ///
  /// On a failure the candidates are dropped, so the page stays empty (ending the session), and
  /// the failure is kept in ``rankerFailure``; the arm stops at the end of the day with it.
  mutating func scoreExternally(
    with ranker: any PageRanker, for viewer: Viewer, state: AudienceState, today: DayState,
    context: ArmContext
  ) {
    guard rankerFailure == nil else {
      candidates.removeAll(keepingCapacity: true)
      return
    }
    let request = rankingRequest(for: viewer, state: state, today: today, context: context)
    do throws(RankerFailure) {
      let scores = try ranker.scores(for: request)
      for position in candidates.indices { candidates[position].score = scores[position] }
    } catch {
      rankerFailure = error
      candidates.removeAll(keepingCapacity: true)
    }
  }

  /// The request for the page being built: every feature the weighted rule could use, computed
  /// with the same arithmetic, so a ranker that weights them alike reproduces it bit for bit.
  private mutating func rankingRequest(
    for viewer: Viewer, state: AudienceState, today: DayState, context: ArmContext
  ) -> RankingRequest {
    let catalogue = context.world.catalogue
    let population = context.world.population
    let dims = context.dimensionCount
    let local = viewer.row
    let person = viewer.person
    let lastItem = viewer.lastItem
    let profiling = viewer.isProfiled
    let prior = today.prior
    if profiling {
      for d in 0..<dims {
        personalFactors[d] = state.responses.factor(
          person: local, dimension: d, prior: prior)
      }
    }
    if requestCounter.day != today.day || requestCounter.person != person {
      requestCounter = (today.day, person, 0)
    }
    requestCounter.page += 1
    let declared = population.declaredInterests.ids(person)
    let profile = profiling ? Array(state.profile.row(local)) : nil
    let candidates = candidates.map { candidate -> RankingCandidate in
      let item = Int(candidate.item)
      var best: Float = 0
      for topic in declared { best = max(best, catalogue.embedding[item, topic]) }
      var affinity: Float?
      var watch: Float?
      var engagement: Float?
      if profiling {
        affinity = state.profile.dot(local, catalogue.embedding, item)
        let personal = personalFactors[Int(catalogue.contentDimension[item])]
        let lift = today.statistics.predictedLift(
          of: item, segment: viewer.segment, personal: personal, prior: prior)
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
      band: population.bands.names[viewer.band.position],
      declaredInterests: declared, profile: profile,
      observedEvents: profiling ? Int(state.observed[local]) : nil,
      lastItem: lastItem >= 0 ? lastItem : nil,
      inverseMaximumPopularity: today.maximumPopularity > 0
        ? 1 / Float(today.maximumPopularity) : 0,
      candidates: candidates)
  }
}

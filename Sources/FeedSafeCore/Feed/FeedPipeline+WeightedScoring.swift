extension FeedPipeline {
  /// Step 2: gives every candidate its score from the feed's ranker: the built-in weighted rule,
  /// or the feed's external ranker. Policy is not the ranker's business: it applies afterwards
  /// (``applyPolicy(for:today:context:)``), whoever ranked.
  mutating func score(
    for viewer: Viewer, state: AudienceState, today: DayState, context: ArmContext
  ) {
    if viewer.feed < rankers.count, let ranker = rankers[viewer.feed] {
      scoreExternally(with: ranker, for: viewer, state: state, today: today, context: context)
    } else {
      scoreWeighted(for: viewer, state: state, today: today, context: context)
    }
  }

  /// The built-in ranker: a weighted sum of the feed's ``ScoringFeature``s. The features that
  /// need the profile weigh nothing when profiling is off.
  private mutating func scoreWeighted(
    for viewer: Viewer, state: AudienceState, today: DayState, context: ArmContext
  ) {
    let catalogue = context.world.catalogue
    let population = context.world.population
    let dims = context.dimensionCount
    let local = viewer.row
    let person = viewer.person
    let feed = viewer.feed
    let lastItem = viewer.lastItem
    let usesProfile = viewer.isProfiled
    let wAffinity = usesProfile ? context.weight(.affinity, feed: feed) : 0
    let wPredicted = usesProfile ? context.weight(.predictedEngagement, feed: feed) : 0
    let wWatch = usesProfile ? context.weight(.predictedWatch, feed: feed) : 0
    let segment = viewer.segment
    let prior = today.prior
    let wPopularity = context.weight(.popularity, feed: feed)
    let wFreshness = context.weight(.freshness, feed: feed)
    let wAppeal = context.weight(.appeal, feed: feed)
    let wDeclared = context.weight(.declaredInterest, feed: feed)
    let wContext = lastItem >= 0 ? context.weight(.context, feed: feed) : 0
    let inversePopularity: Float =
      today.maximumPopularity > 0 ? 1 / Float(today.maximumPopularity) : 0
    let declaredInterests = population.declaredInterests
    let usesPredictions = wPredicted > 0 || wWatch > 0
    if usesPredictions {
      for d in 0..<dims {
        personalFactors[d] = state.responses.factor(person: local, dimension: d, prior: prior)
      }
    }
    // Every candidate's row, and its segment's counts, read first in tight loops whose loads
    // do not wait on each other: with a large catalogue each is a cache miss, and so they
    // overlap (`Benchmarks/RESULTS.md`, "Catalogue size").
    rows.removeAll(keepingCapacity: true)
    for candidate in candidates { rows.append(today.scoringRows[Int(candidate.item)]) }
    audiences.removeAll(keepingCapacity: true)
    if usesPredictions, let segment {
      for candidate in candidates {
        audiences.append(today.statistics.bySegment[segment, Int(candidate.item)])
      }
    }
    for position in candidates.indices {
      let item = Int(candidates[position].item)
      // One row holds every per-item value below except embeddings and segment counts.
      let facts = rows[position]
      var score: Float = 0
      if wAffinity > 0 { score += wAffinity * state.profile.dot(local, catalogue.embedding, item) }
      if usesPredictions {
        let personal = personalFactors[Int(facts.contentDimension)]
        let lift = EngagementStatistics.predictedLift(
          itemRates: (facts.watchRate, facts.engagementRate),
          audience: segment == nil ? nil : audiences[position], personal: personal, prior: prior)
        score += wWatch * lift.watch + wPredicted * lift.engagement
      }
      score += wPopularity * Float(facts.popularity) * inversePopularity
      if wFreshness > 0 {
        score += wFreshness * context.freshness(ofAge: today.day - Int(facts.dayPublished))
      }
      score += wAppeal * facts.appeal
      if wDeclared > 0 {
        var best: Float = 0
        for slot in 0..<declaredInterests.width {
          let topic = Int(declaredInterests[person, slot])
          if topic >= 0 { best = max(best, catalogue.embedding[item, topic]) }
        }
        score += wDeclared * best
      }
      if wContext > 0 {
        score += wContext * catalogue.embedding.dot(lastItem, catalogue.embedding, item)
      }
      candidates[position].score = score
    }
  }
}

import RealModule

extension Worker {
  /// Builds the next page for `person` into `scratch.page`: draws candidates from the feed's
  /// sources, scores them with its rule, applies the person's band policy to the *predicted*
  /// labels, ranks, and fills the page under the policy's caps (DESIGN "Feed algorithms").
  ///
  /// Returns the number of benign items the policy removed (over-blocking).
  /// - Complexity: O(candidates × (dimensions + page size)); independent of catalogue size.
  mutating func buildPage(
    for person: Int, lastItem: Int, today: DayState, context: ArmContext, rng: inout RandomStream
  ) -> Int32 {
    let feedIndex = Int(context.feedOf[person])
    let feed = context.feeds[feedIndex]
    scratch.segment = audienceSegment(of: person, context: context)
    scratch.pageItems.removeAll()
    scratch.candidates.removeAll(keepingCapacity: true)
    for quota in feed.sources {
      let source = UInt8(CandidateSource.allCases.firstIndex(of: quota.source) ?? 0)
      for _ in 0..<quota.quota {
        let item = drawCandidate(
          quota.source, for: person, lastItem: lastItem, feed: feed, today: today,
          context: context, rng: &rng)
        guard item >= 0, !scratch.sessionItems.contains(item), scratch.pageItems.insert(item)
        else { continue }
        scratch.candidates.append(
          Candidate(item: Int32(item), source: source, isExplore: quota.source == .random))
      }
    }
    let overblocked = scoreAndFilter(
      for: person, lastItem: lastItem, feed: feedIndex, today: today, context: context)
    rankIntoPage(
      feed: feed, policy: context.policies[context.assessedBand[person].position], context: context,
      rng: &rng)
    return overblocked
  }

  /// The audience segment the platform puts a person in (what ``EngagementStatistics`` keys on):
  /// the strongest dimension of their inferred profile, or of their first declared interest while
  /// the profile is empty; `nil` when profiling is off, so nothing about them is used or learned
  /// per segment.
  func audienceSegment(of person: Int, context: ArmContext) -> Int? {
    guard context.profiling[person] else { return nil }
    let local = person - people.lowerBound
    var best = -1
    var strongest: Float = 0
    for d in 0..<context.dimensionCount where state.profile[local, d] > strongest {
      strongest = state.profile[local, d]
      best = d
    }
    if best >= 0 { return best }
    let declared = context.world.population.declaredInterests[
      person * context.world.population.declaredInterestSlots]
    return declared >= 0 ? Int(declared) : nil
  }

  /// One candidate from `source`, or `-1` when the source has nothing to offer.
  private func drawCandidate(
    _ source: CandidateSource, for person: Int, lastItem: Int, feed: FeedDefinition,
    today: DayState, context: ArmContext, rng: inout RandomStream
  ) -> Int {
    let catalogue = context.world.catalogue
    let local = person - people.lowerBound
    switch source {
    case .following:
      let slots = context.world.population.followSlots
      var filled = 0
      while filled < slots && state.follows[local * slots + filled] >= 0 { filled += 1 }
      guard filled > 0 else { return -1 }
      let creator = Int(state.follows[local * slots + rng.index(below: filled)])
      let published = catalogue.byCreator.publishedCount(creator, by: today.day)
      guard published > 0 else { return -1 }
      // Newest first: one of the creator's 20 most recent items.
      return catalogue.byCreator.item(
        creator, at: published - 1 - rng.index(below: min(published, 20)))
    case .trending:
      let size = min(today.trending.count, feed.trendingSize)
      return size > 0 ? Int(today.trending[rng.index(below: size)]) : -1
    case .personalised:
      guard context.profiling[person] else { return -1 }
      return itemNear(row: local, of: state.profile, today: today, context: context, rng: &rng)
    case .declaredInterests:
      let population = context.world.population
      let slots = population.declaredInterestSlots
      var filled = 0
      while filled < slots && population.declaredInterests[person * slots + filled] >= 0 {
        filled += 1
      }
      guard filled > 0 else { return -1 }
      let topic = Int(population.declaredInterests[person * slots + rng.index(below: filled)])
      return randomItem(bucket: topic, of: catalogue.byDimension, today: today, rng: &rng)
    case .contextual:
      guard lastItem >= 0 else {
        return randomItem(bucket: 0, of: catalogue.everything, today: today, rng: &rng)
      }
      return itemNear(
        row: lastItem, of: catalogue.embedding, today: today, context: context, rng: &rng)
    case .random:
      return randomItem(bucket: 0, of: catalogue.everything, today: today, rng: &rng)
    }
  }

  /// An item from a dimension drawn in proportion to the weights of `vectors`' row `row`.
  private func itemNear(
    row: Int, of vectors: VectorRows, today: DayState, context: ArmContext,
    rng: inout RandomStream
  ) -> Int {
    let dims = vectors.width
    let total = vectors.sum(row)
    guard total > 0 else { return -1 }
    var roll = Float(rng.uniform()) * total
    var chosen = dims - 1
    for d in 0..<dims {
      roll -= vectors[row, d]
      if roll < 0 { chosen = d; break }
    }
    return randomItem(
      bucket: chosen, of: context.world.catalogue.byDimension, today: today, rng: &rng)
  }

  /// A uniformly drawn item of `bucket` published by today, or `-1` if there is none.
  private func randomItem(
    bucket: Int, of buckets: ItemBuckets, today: DayState, rng: inout RandomStream
  ) -> Int {
    let published = buckets.publishedCount(bucket, by: today.day)
    return published > 0 ? buckets.item(bucket, at: rng.index(below: published)) : -1
  }
}

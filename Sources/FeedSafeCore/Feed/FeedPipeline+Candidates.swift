import RealModule

extension FeedPipeline {
  /// Step 1: draws the feed's candidates for `viewer` into ``candidates``, each source its quota
  /// in the feed's order; an item already drawn for this page or viewed this session is skipped,
  /// not redrawn.
  mutating func drawCandidates(
    for viewer: Viewer, feed: FeedDefinition, state: AudienceState, today: DayState,
    context: ArmContext, rng: inout RandomStream
  ) {
    pageItems.removeAll()
    candidates.removeAll(keepingCapacity: true)
    for quota in feed.sources {
      let source = UInt8(CandidateSource.allCases.firstIndex(of: quota.source) ?? 0)
      for _ in 0..<quota.quota {
        let item = Self.drawCandidate(
          quota.source, for: viewer, feed: feed, state: state, today: today, context: context,
          rng: &rng)
        guard item >= 0, !sessionItems.contains(item), pageItems.insert(item) else { continue }
        candidates.append(
          Candidate(item: Int32(item), source: source, isExplore: quota.source == .random))
      }
    }
  }

  /// One candidate from `source`, or `-1` when the source has nothing to offer.
  private static func drawCandidate(
    _ source: CandidateSource, for viewer: Viewer, feed: FeedDefinition, state: AudienceState,
    today: DayState, context: ArmContext, rng: inout RandomStream
  ) -> Int {
    let catalogue = context.world.catalogue
    let local = viewer.row
    let person = viewer.person
    let lastItem = viewer.lastItem
    switch source {
    case .following:
      let filled = state.follows.filledCount(local)
      guard filled > 0 else { return -1 }
      let creator = Int(state.follows[local, rng.index(below: filled)])
      let published = catalogue.byCreator.publishedCount(creator, by: today.day)
      guard published > 0 else { return -1 }
      // Newest first: one of the creator's 20 most recent items.
      return catalogue.byCreator.item(
        creator, at: published - 1 - rng.index(below: min(published, 20)))
    case .trending:
      let size = min(today.trending.count, feed.trendingSize)
      return size > 0 ? Int(today.trending[rng.index(below: size)]) : -1
    case .personalised:
      guard viewer.isProfiled else { return -1 }
      return Self.itemNear(row: local, of: state.profile, today: today, context: context, rng: &rng)
    case .declaredInterests:
      let population = context.world.population
      let filled = population.declaredInterests.filledCount(person)
      guard filled > 0 else { return -1 }
      let topic = Int(population.declaredInterests[person, rng.index(below: filled)])
      return Self.randomItem(bucket: topic, of: catalogue.byDimension, today: today, rng: &rng)
    case .contextual:
      guard lastItem >= 0 else {
        return Self.randomItem(bucket: 0, of: catalogue.everything, today: today, rng: &rng)
      }
      return Self.itemNear(
        row: lastItem, of: catalogue.embedding, today: today, context: context, rng: &rng)
    case .random:
      return Self.randomItem(bucket: 0, of: catalogue.everything, today: today, rng: &rng)
    }
  }

  /// An item from a dimension drawn in proportion to the weights of `vectors`' row `row`.
  private static func itemNear(
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
    return Self.randomItem(
      bucket: chosen, of: context.world.catalogue.byDimension, today: today, rng: &rng)
  }

  /// A uniformly drawn item of `bucket` published by today, or `-1` if there is none.
  private static func randomItem(
    bucket: Int, of buckets: ItemBuckets, today: DayState, rng: inout RandomStream
  ) -> Int {
    let published = buckets.publishedCount(bucket, by: today.day)
    return published > 0 ? buckets.item(bucket, at: rng.index(below: published)) : -1
  }
}

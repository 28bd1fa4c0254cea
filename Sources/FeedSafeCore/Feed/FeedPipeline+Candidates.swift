import RealModule

extension FeedPipeline {
  /// Step 1: draws the feed's candidates for `viewer` into ``candidates``, each source its quota
  /// in the feed's order; an item already drawn for this page or viewed this session is skipped,
  /// not redrawn.
  ///
  /// In two passes: every draw first (the random numbers never depend on which item a draw
  /// finds), then the items are read from the catalogue's bucket lists in one tight loop, whose
  /// loads do not wait on each other. With a large catalogue each read is a cache miss, and the
  /// second pass lets them overlap instead of queueing behind each draw's set checks
  /// (`Benchmarks/RESULTS.md`, "Catalogue size").
  mutating func drawCandidates(
    for viewer: Viewer, feed: FeedDefinition, state: AudienceState, today: DayState,
    context: ArmContext, rng: inout RandomStream
  ) {
    draws.removeAll(keepingCapacity: true)
    for quota in feed.sources {
      let source = UInt8(CandidateSource.allCases.firstIndex(of: quota.source) ?? 0)
      for _ in 0..<quota.quota {
        let found = Self.drawCandidate(
          quota.source, for: viewer, feed: feed, state: state, today: today, context: context,
          rng: &rng)
        draws.append(Draw(found: found, source: source))
      }
    }
    let catalogue = context.world.catalogue
    for position in draws.indices {
      draws[position].item = draws[position].found.item(in: catalogue)
    }
    pageItems.removeAll()
    candidates.removeAll(keepingCapacity: true)
    let random = UInt8(CandidateSource.allCases.firstIndex(of: .random) ?? 0)
    for draw in draws {
      let item = Int(draw.item)
      guard item >= 0, !sessionItems.contains(item), pageItems.insert(item) else { continue }
      candidates.append(
        Candidate(item: draw.item, source: draw.source, isExplore: draw.source == random))
    }
  }

  /// One candidate from `source`, or ``Found/nothing`` when the source has nothing to offer.
  private static func drawCandidate(
    _ source: CandidateSource, for viewer: Viewer, feed: FeedDefinition, state: AudienceState,
    today: DayState, context: ArmContext, rng: inout RandomStream
  ) -> Found {
    let catalogue = context.world.catalogue
    let local = viewer.row
    let person = viewer.person
    let lastItem = viewer.lastItem
    switch source {
    case .following:
      let filled = state.follows.filledCount(local)
      guard filled > 0 else { return .nothing }
      let creator = Int(state.follows[local, rng.index(below: filled)])
      let published = catalogue.byCreator.publishedCount(creator, by: today.day)
      guard published > 0 else { return .nothing }
      // Newest first: one of the creator's 20 most recent items.
      let newest = published - 1 - rng.index(below: min(published, 20))
      return .creatorList(Int32(catalogue.byCreator.entry(creator, at: newest)))
    case .trending:
      let size = min(today.trending.count, feed.trendingSize)
      return size > 0 ? .item(today.trending[rng.index(below: size)]) : .nothing
    case .personalised:
      guard viewer.isProfiled else { return .nothing }
      return Self.itemNear(row: local, of: state.profile, today: today, context: context, rng: &rng)
    case .declaredInterests:
      let population = context.world.population
      let filled = population.declaredInterests.filledCount(person)
      guard filled > 0 else { return .nothing }
      let topic = Int(population.declaredInterests[person, rng.index(below: filled)])
      return Self.randomItem(bucket: topic, of: catalogue.byDimension, today: today, rng: &rng)
        .map(Found.dimensionList) ?? .nothing
    case .contextual:
      guard lastItem >= 0 else {
        return Self.randomItem(bucket: 0, of: catalogue.everything, today: today, rng: &rng)
          .map(Found.everythingList) ?? .nothing
      }
      return Self.itemNear(
        row: lastItem, of: catalogue.embedding, today: today, context: context, rng: &rng)
    case .random:
      return Self.randomItem(bucket: 0, of: catalogue.everything, today: today, rng: &rng)
        .map(Found.everythingList) ?? .nothing
    }
  }

  /// An item from a dimension drawn in proportion to the weights of `vectors`' row `row`.
  private static func itemNear(
    row: Int, of vectors: VectorRows, today: DayState, context: ArmContext,
    rng: inout RandomStream
  ) -> Found {
    let dims = vectors.width
    let total = vectors.sum(row)
    guard total > 0 else { return .nothing }
    var roll = Float(rng.uniform()) * total
    var chosen = dims - 1
    for d in 0..<dims {
      roll -= vectors[row, d]
      if roll < 0 { chosen = d; break }
    }
    return Self.randomItem(
      bucket: chosen, of: context.world.catalogue.byDimension, today: today, rng: &rng
    ).map(Found.dimensionList) ?? .nothing
  }

  /// The entry of `buckets` (``ItemBuckets/entry(_:at:)``) of a uniformly drawn item of
  /// `bucket` published by today, or `nil` if there is none.
  private static func randomItem(
    bucket: Int, of buckets: ItemBuckets, today: DayState, rng: inout RandomStream
  ) -> Int32? {
    let published = buckets.publishedCount(bucket, by: today.day)
    return published > 0 ? Int32(buckets.entry(bucket, at: rng.index(below: published))) : nil
  }
}

/// One draw of a candidate source: what it found, where the item is to be read, and the item.
struct Draw: Sendable {
  var found: Found
  var source: UInt8
  /// The item row once read (`-1`: the source had nothing).
  var item: Int32 = -1

  init(found: Found, source: UInt8) {
    self.found = found
    self.source = source
  }
}

/// Where a drawn candidate is: an item row already known (trending), or an entry of one of the
/// catalogue's bucket lists, read in the second pass of ``FeedPipeline/drawCandidates``.
enum Found: Sendable {
  case nothing
  case item(Int32)
  case dimensionList(Int32)
  case creatorList(Int32)
  case everythingList(Int32)

  /// The item row (`-1` for ``nothing``).
  @inline(__always)
  func item(in catalogue: Catalogue) -> Int32 {
    switch self {
    case .nothing: -1
    case .item(let item): item
    case .dimensionList(let entry): catalogue.byDimension.items[Int(entry)]
    case .creatorList(let entry): catalogue.byCreator.items[Int(entry)]
    case .everythingList(let entry): catalogue.everything.items[Int(entry)]
    }
  }
}

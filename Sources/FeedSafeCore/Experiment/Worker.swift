/// One worker's share of the people of an arm: their changing state, their tallies, their
/// sessions, and the feed pipeline that builds their pages.
///
/// A value type, so the hot path touches its buffers without the runtime exclusivity checks a
/// class's stored properties would need; the day loop hands each worker to exactly one thread
/// (`ArmSimulation+Unsafe.swift`) and reads workers only between days.
struct Worker: Sendable {
  /// The people this worker simulates (global person rows).
  let people: Range<Int>
  var state: AudienceState
  var tally: ExposureTally
  var platformTally: PlatformTally
  var daily: DailySeries
  /// Today's responses of this worker's people, in person order, for the platform to learn from.
  var responses = ResponseLog()
  /// The last sum of ``warmCaches(for:context:)``, kept only so its reads happen.
  var cacheWarmth: Float = 0
  /// Builds this worker's pages (`Feed/FeedPipeline.swift`).
  var pipeline: FeedPipeline
  /// The current person's harmful impressions per measure today.
  var harmfulToday: ContiguousArray<Int32>
  /// The audit accounts among this worker's people: where each is in its script, and every
  /// impression they were shown.
  var audit: AuditLog

  init(
    people: Range<Int>, context: ArmContext, dayCount: Int, rankers: [(any PageRanker)?] = []
  ) {
    self.people = people
    let population = context.world.population
    state = AudienceState(population: population, range: people)
    tally = ExposureTally(people: people.count, measureCount: context.measures.count)
    platformTally = PlatformTally(people: people.count)
    daily = DailySeries(
      dayCount: dayCount, cohortCount: context.cohorts.count, measureCount: context.measures.count)
    pipeline = FeedPipeline(dimensionCount: context.dimensionCount, rankers: rankers)
    harmfulToday = ContiguousArray(repeating: 0, count: context.measures.count)
    audit = AuditLog(people: people, roster: context.audit)
    seedAuditProfiles(context: context)
    startMeasuring(context: context)
  }

  /// Starts the measured horizon: what the burn-in showed people is forgotten by the tallies (not
  /// by the people or the platform, whose state carries on).
  mutating func startMeasuring(context: ArmContext) {
    tally = ExposureTally(people: people.count, measureCount: context.measures.count)
    platformTally = PlatformTally(people: people.count)
    for person in people {
      platformTally.onPlatform[person - people.lowerBound] = context.platform.onPlatform[person]
      platformTally.locationVisible[person - people.lowerBound] =
        context.platform.locationVisible[person]
    }
  }

  /// Simulates one day of every person of this worker, in person order. New accounts join when
  /// the measured horizon starts.
  mutating func simulateDay(_ today: DayState, context: ArmContext) {
    let isBurnIn = today.measuredDay == nil
    let population = context.world.population
    for person in people where context.platform.onPlatform[person] {
      if isBurnIn && population.isNewAccount[person] { continue }
      if population.isAuditAccount(person) {
        simulateAuditDay(person, today: today, context: context)
        continue
      }
      simulatePersonDay(person, today: today, context: context)
      simulateContact(person, today: today, context: context)
    }
  }

  /// Reads, for every item of `page` at once, the catalogue values its impressions will read
  /// one by one (the item's columns and each cache line of its embedding row), so that the cache
  /// misses of a large catalogue overlap here instead of stalling each reaction in turn
  /// (`Benchmarks/RESULTS.md`, "Catalogue size"). Changes nothing but ``cacheWarmth``, which
  /// keeps the reads from being optimised away.
  mutating func warmCaches(for page: ContiguousArray<Int32>, context: ArmContext) {
    let catalogue = context.world.catalogue
    let last = catalogue.embedding.width - 1
    var warmth: Float = 0
    for entry in page {
      let item = Int(entry)
      warmth +=
        catalogue.appeal[item] + catalogue.severity[item]
        + catalogue.embedding[item, 0] + catalogue.embedding[item, last / 2]
        + catalogue.embedding[item, last]
        + Float(catalogue.durationSeconds[item]) + Float(catalogue.harm[item])
        + Float(catalogue.contentDimension[item]) + (catalogue.isCommercial[item] ? 1 : 0)
    }
    cacheWarmth = warmth
  }

  /// Builds `person`'s next page (``FeedPipeline/page``) from what the platform holds about them
  /// now; `lastItem` is the item viewed just before it (`-1` on a session's first page).
  /// Returns who the platform took them for and how many benign items the policy removed.
  mutating func buildPage(
    for person: Int, lastItem: Int, today: DayState, context: ArmContext, rng: inout RandomStream
  ) -> (viewer: Viewer, overblocked: Int32) {
    let viewer = Viewer(
      person: person, row: person - people.lowerBound, lastItem: lastItem, state: state,
      context: context)
    let overblocked = pipeline.buildPage(
      for: viewer, state: state, today: today, context: context, rng: &rng)
    return (viewer, overblocked)
  }
}

/// One worker's share of the people of an arm: their changing state, their tallies and the
/// scratch buffers the per-impression path reuses.
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
  var scratch: PageScratch
  /// The audit accounts among this worker's people: where each is in its script, and every
  /// impression they were shown.
  var audit: AuditLog
  /// The external ranker of each feed (by feed index) that has one; `nil` for weighted feeds.
  let rankers: [(any PageRanker)?]
  /// The first failure of an external ranker; the arm stops with it at the end of the day.
  var rankerFailure: RankerFailure?
  /// The person and day of the last ranking request, and how many pages they have had that day
  /// (names the requests).
  var requestCounter = (day: -1, person: -1, page: 0)

  init(
    people: Range<Int>, context: ArmContext, dayCount: Int, rankers: [(any PageRanker)?] = []
  ) {
    self.people = people
    self.rankers = rankers
    let population = context.world.population
    state = AudienceState(population: population, range: people)
    tally = ExposureTally(people: people.count, measureCount: context.measures.count)
    platformTally = PlatformTally(people: people.count)
    daily = DailySeries(
      dayCount: dayCount, cohortCount: context.cohorts.count, measureCount: context.measures.count)
    scratch = PageScratch(
      measureCount: context.measures.count, dimensionCount: context.dimensionCount)
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
}

/// Buffers reused for every page and session, sized once so the hot path does not allocate.
struct PageScratch: Sendable {
  /// Candidates of the page being built, with what scoring and page assembly need of each.
  var candidates: ContiguousArray<Candidate>
  /// The page, top first.
  var page: ContiguousArray<Int32>
  /// The candidate source that supplied each item of the page (position in
  /// `CandidateSource.allCases`), for audit traces.
  var pageSources: ContiguousArray<UInt8>
  /// The items already drawn as candidates of this page.
  var pageItems = ItemSet(capacity: 256)
  /// The items already viewed this session: never candidates again in it.
  var sessionItems = ItemSet(capacity: 1_024)
  /// The audience segment of the person whose page is being built (`nil`: not profiled).
  var segment: Int?
  /// That person's factors on the audience's (watch, engagement) rates, per content dimension.
  var personalFactors: ContiguousArray<(watch: Float, engagement: Float)>
  /// The current person's harmful impressions per measure today.
  var harmfulToday: ContiguousArray<Int32>

  init(measureCount: Int, dimensionCount: Int) {
    candidates = []
    candidates.reserveCapacity(256)
    page = []
    page.reserveCapacity(64)
    pageSources = []
    pageSources.reserveCapacity(64)
    personalFactors = ContiguousArray(repeating: (1, 1), count: dimensionCount)
    harmfulToday = ContiguousArray(repeating: 0, count: measureCount)
  }
}

/// One candidate of a page: its item, its score once scored, and what the policy's caps and the
/// exploration slots need to know of it. 16 bytes.
struct Candidate: Sendable {
  /// The item row.
  var item: Int32
  /// Weighted score after the policy's down-ranking.
  var score: Float = 0
  /// The item's primary topic (for `max_same_topic_in_row`).
  var topic: Int16 = 0
  /// The source that supplied it (position in `CandidateSource.allCases`).
  var source: UInt8
  /// Drawn from the `random` source: eligible for an exploration slot.
  var isExplore: Bool
  /// Predicted harmful by the classifier (for `max_harmful_per_page`).
  var isPredictedHarmful = false
  /// Already placed on the page.
  var isPlaced = false
}

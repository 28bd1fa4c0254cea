/// How a feed builds a page (DESIGN "Feed algorithms"), in four named steps, each in its own file:
///
/// 1. ``drawCandidates(for:feed:state:today:context:rng:)`` (`FeedPipeline+Candidates.swift`):
///    the feed's candidate sources, minus what this page or session already has.
/// 2. ``score(for:state:today:context:)``: the feed's ranker, the built-in weighted rule
///    (`FeedPipeline+WeightedScoring.swift`) or a program outside FeedSafe
///    (`FeedPipeline+ExternalScoring.swift`).
/// 3. ``applyPolicy(for:today:context:)`` (`FeedPipeline+Policy.swift`): the platform's band
///    policy on *predicted* labels and the person's "not interested", after any ranker.
/// 4. ``assemblePage(feed:policy:rng:)`` (`FeedPipeline+Assembly.swift`): slot by slot under the
///    policy's caps and the feed's exploration.
///
/// The input is a ``Viewer`` (what the platform holds about the person, within their settings),
/// the person's state, read only, and the day; the output is ``page``. The pipeline writes
/// nothing but its own buffers, sized once so the hot path does not allocate; the session loop,
/// the tallies and the people's state stay with the ``Worker``.
struct FeedPipeline: Sendable {
  /// Candidates of the page being built, with what scoring and page assembly need of each.
  var candidates: ContiguousArray<Candidate>
  /// The page, top first.
  var page: ContiguousArray<Int32>
  /// The candidate source that supplied each item of the page (position in
  /// `CandidateSource.allCases`), for audit traces.
  var pageSources: ContiguousArray<UInt8>
  /// The candidates' rows of the day and their audience segment's counts (step 2's first pass).
  var rows: ContiguousArray<ScoringRow> = []
  var audiences: ContiguousArray<ResponseCounts> = []
  /// The page's draws, in source order (step 1's first pass).
  var draws: ContiguousArray<Draw> = []
  /// The items already drawn as candidates of this page.
  var pageItems = ItemSet(capacity: 256)
  /// The items already viewed this session: never candidates again in it.
  var sessionItems = ItemSet(capacity: 1_024)
  /// The person's factors on the audience's (watch, engagement) rates, per content dimension.
  var personalFactors: ContiguousArray<(watch: Float, engagement: Float)>
  /// The external ranker of each feed (by feed index) that has one; `nil` for weighted feeds.
  let rankers: [(any PageRanker)?]
  /// The first failure of an external ranker; the arm stops with it at the end of the day.
  var rankerFailure: RankerFailure?
  /// The person and day of the last ranking request, and how many pages they have had that day
  /// (names the requests).
  var requestCounter = (day: -1, person: -1, page: 0)

  init(dimensionCount: Int, rankers: [(any PageRanker)?]) {
    candidates = []
    candidates.reserveCapacity(256)
    draws.reserveCapacity(256)
    rows.reserveCapacity(256)
    audiences.reserveCapacity(256)
    page = []
    page.reserveCapacity(64)
    pageSources = []
    pageSources.reserveCapacity(64)
    personalFactors = ContiguousArray(repeating: (1, 1), count: dimensionCount)
    self.rankers = rankers
  }

  /// Builds the next page for `viewer` into ``page``, step by step.
  ///
  /// Returns the number of benign items the policy removed (over-blocking).
  /// - Complexity: O(candidates × (dimensions + page size)); independent of catalogue size.
  mutating func buildPage(
    for viewer: Viewer, state: AudienceState, today: DayState, context: ArmContext,
    rng: inout RandomStream
  ) -> Int32 {
    let feed = context.feeds[viewer.feed]
    drawCandidates(for: viewer, feed: feed, state: state, today: today, context: context, rng: &rng)
    score(for: viewer, state: state, today: today, context: context)
    let overblocked = applyPolicy(for: viewer, today: today, context: context)
    assemblePage(feed: feed, policy: context.policies[viewer.band.position], rng: &rng)
    return overblocked
  }

  /// Starts a session: nothing viewed yet.
  mutating func startSession() { sessionItems.removeAll() }

  /// Records that `item` was viewed: it is no candidate again this session.
  mutating func markViewed(_ item: Int) { _ = sessionItems.insert(item) }
}

/// What the platform holds about the person a page is for, within their settings: who they are
/// to it (row, assessed band, the feed it serves them), what they declared and pressed, and the
/// audience segment it puts them in. Their observed and inferred data (profile, learned
/// responses) may be read from their state only where ``isProfiled``.
struct Viewer: Sendable {
  /// The person's global row.
  let person: Int
  /// Their row in the worker's ``AudienceState``.
  let row: Int
  /// The band the platform assessed them in (policies key on it).
  let band: AgeBand
  /// The feed served to them (index in the arm's feeds).
  let feed: Int
  /// Whether their profiling setting is on.
  let isProfiled: Bool
  /// The item viewed just before this page in the session, or `-1` on a session's first page.
  let lastItem: Int
  /// The dimensions they marked "not interested" (bit mask).
  let notInterested: UInt64
  /// The audience segment the platform puts them in (what ``EngagementStatistics`` keys on):
  /// the strongest dimension of their inferred profile, or of their first declared interest while
  /// the profile is empty; `nil` when profiling is off, so nothing about them is used or learned
  /// per segment.
  let segment: Int?

  init(person: Int, row: Int, lastItem: Int, state: AudienceState, context: ArmContext) {
    self.person = person
    self.row = row
    self.lastItem = lastItem
    band = context.assessedBand[person]
    feed = Int(context.feedOf[person])
    isProfiled = context.profiling[person]
    notInterested = state.notInterested[row]
    segment =
      isProfiled ? Self.segment(row: row, person: person, state: state, context: context) : nil
  }

  private static func segment(
    row: Int, person: Int, state: AudienceState, context: ArmContext
  ) -> Int? {
    var best = -1
    var strongest: Float = 0
    for d in 0..<context.dimensionCount where state.profile[row, d] > strongest {
      strongest = state.profile[row, d]
      best = d
    }
    if best >= 0 { return best }
    let declared = context.world.population.declaredInterests[person, 0]
    return declared >= 0 ? Int(declared) : nil
  }
}

/// One candidate of a page: its item, its score once scored, and what the policy's caps and the
/// exploration slots need to know of it. 16 bytes.
struct Candidate: Sendable {
  /// The item row.
  var item: Int32
  /// The ranker's score, then scaled by the policy's down-ranking.
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

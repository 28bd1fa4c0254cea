import RealModule

/// Everything one arm's simulation reads but never writes: the world, the choice model, the feeds
/// and, per person, the resolved policy (feed served, profiling allowed, cohorts).
struct ArmContext: Sendable {
  let seed: UInt64
  let world: World
  let behaviour: BehaviourSpec
  let learning: LearningSpec
  let feeds: [FeedDefinition]
  /// Feature weights, a row per feed in `ScoringFeature.allCases` order, as Float for scoring.
  let featureWeights: VectorRows
  let policies: [BandPolicy]
  let measures: HarmMeasures
  let cohorts: Cohorts
  let dimensionCount: Int
  let topicCount: Int
  /// Each person's assessed age under this arm's age-assurance method.
  let assessedAge: ContiguousArray<Int16>
  /// Each person's assessed band (policies key on it).
  let assessedBand: ContiguousArray<AgeBand>
  /// Feed served to each person (after falling back when profiling is off).
  let feedOf: ContiguousArray<Int16>
  /// Whether each person's profiling setting is on (observed and inferred data kept and used).
  let profiling: ContiguousArray<Bool>
  /// Cohorts each person belongs to (bit mask).
  let cohortMask: ContiguousArray<UInt32>
  /// Ads, contact and consent for each person under this arm.
  let platform: PlatformPlan
  /// Ads, contact, consent and tracking parameters.
  let platformSpec: PlatformSpec
  /// exp(−age ÷ 7) for every item age in days a run can see, so scoring looks it up.
  let freshnessByAge: ContiguousArray<Float>
  /// The audit accounts: which persona and replica each audit row is.
  let audit: AuditRoster

  init(spec: ExperimentSpec, arm: Arm, world: World) {
    let population = world.population
    seed = world.seed
    self.world = world
    behaviour = spec.behaviour
    learning = spec.learning
    feeds = spec.feeds
    featureWeights = VectorRows(
      width: ScoringFeature.allCases.count,
      values: ContiguousArray(spec.feeds.flatMap { $0.weights.map(Float.init) }))
    policies = arm.policies
    measures = HarmMeasures(taxonomy: spec.taxonomy)
    cohorts = Cohorts(population: spec.population)
    dimensionCount = world.catalogue.dimensionCount
    topicCount = spec.taxonomy.topics.count
    let assessedAge = Self.assessedAges(
      population: population, method: arm.ageAssurance, seed: world.seed)
    let assessedBand = ContiguousArray(assessedAge.map { population.bands.band(ofAge: Int($0)) })
    self.assessedAge = assessedAge
    self.assessedBand = assessedBand
    var feedOf = ContiguousArray<Int16>()
    var profiling = ContiguousArray<Bool>()
    var cohortMask = ContiguousArray<UInt32>()
    for person in 0..<population.count {
      let policy = arm.policy(for: assessedBand[person])
      let allowsProfiling = Self.resolve(.profiling, of: person, in: population, policy: policy)
      var feed = spec.feedIndex(named: policy.feed) ?? 0
      // Without profiling, a feed that needs the profile serves its declared fallback instead.
      while !allowsProfiling && spec.feeds[feed].needsProfile,
        let fallback = spec.feeds[feed].fallback, let next = spec.feedIndex(named: fallback)
      {
        feed = next
      }
      feedOf.append(Int16(feed))
      profiling.append(allowsProfiling)
      // Audit accounts belong to no cohort: they are measured apart (`AuditMetrics`).
      cohortMask.append(
        population.isAuditAccount(person)
          ? 0
          : cohorts.membership(
            trueBand: population.trueBand[person], assessedBand: assessedBand[person],
            isVulnerable: population.isVulnerable[person],
            segment: population.segment[person] >= 0 ? Int(population.segment[person]) : nil,
            isNewAccount: population.isNewAccount[person]))
    }
    self.feedOf = feedOf
    self.profiling = profiling
    self.cohortMask = cohortMask
    platformSpec = spec.platform
    let oldest = spec.catalogue.backCatalogueDays + spec.simulatedDays + 1
    freshnessByAge = ContiguousArray((0...oldest).map { Float.exp(-Float($0) / 7) })
    audit = AuditRoster(spec: spec.audit, population: population)
    platform = PlatformPlan(
      spec: spec.platform, arm: arm, population: population, assessedBand: assessedBand,
      profiling: profiling, seed: world.seed, segments: spec.population.segments)
  }

  /// Assessed ages under `method`, reusing the population's when it is the same method.
  static func assessedAges(
    population: Population, method: AgeAssurance?, seed: UInt64
  ) -> ContiguousArray<Int16> {
    guard let method, method != population.ageAssurance else { return population.assessedAge }
    return ContiguousArray(
      (0..<population.count).map { person in
        Int16(
          Population.assessedAge(
            trueAge: Int(population.trueAge[person]), declared: Int(population.declaredAge[person]),
            method: method, seed: seed, person: population.streamKey(person)))
      })
  }

  /// The person's value of `setting`: the policy's default, unless the setting is offered and the
  /// person is one of those who change it.
  static func resolve(
    _ setting: Setting, of person: Int, in population: Population, policy: BandPolicy
  ) -> Bool {
    let defaultValue = policy.defaults[setting]
    guard policy.adjustable[setting] else { return defaultValue }
    return population.setting(setting, of: person, defaultValue: defaultValue)
  }

  /// The `freshness` feature of an item `age` days old.
  @inline(__always)
  func freshness(ofAge age: Int) -> Float {
    age < freshnessByAge.count ? freshnessByAge[max(0, age)] : Float.exp(-Float(age) / 7)
  }

  /// The weight of `feature` in feed `feed`.
  @inline(__always)
  func weight(_ feature: ScoringFeature, feed: Int) -> Float {
    featureWeights[feed, ScoringFeature.index(of: feature)]
  }
}

extension ScoringFeature {
  /// Position in `allCases`, without a search in the hot loop.
  @inline(__always)
  static func index(of feature: ScoringFeature) -> Int {
    switch feature {
    case .affinity: 0
    case .predictedEngagement: 1
    case .popularity: 2
    case .freshness: 3
    case .appeal: 4
    case .declaredInterest: 5
    case .context: 6
    case .predictedWatch: 7
    }
  }
}

/// Shared state that couples people, fixed for one day and updated at the day boundary.
struct DayState: Sendable {
  /// The day simulated, counted from the first burn-in day (streams and publication days use it).
  var day: Int
  /// The day of the measured horizon, or `nil` during the burn-in (not measured).
  var measuredDay: Int?
  /// Engagements with each item on the previous day.
  var popularity: ContiguousArray<Int32>
  /// The most engagements any item had on the previous day.
  var maximumPopularity: Int32
  /// Item rows of the trending list, most popular first.
  var trending: ContiguousArray<Int32>
  /// What the platform has learned from responses up to the previous day.
  var statistics: EngagementStatistics
  /// The day's global rates and prior for predictions.
  var prior: PredictionPrior
  /// What scoring reads of each item today, one row per item, rebuilt with `statistics` and
  /// `popularity` at the day boundary.
  var scoringRows: ScoringRows
}

/// The part of a person that changes during a run: interests drift, the inferred profile learns,
/// follows grow, "not interested" marks accumulate.
struct AudienceState: Sendable {
  var interests: VectorRows
  var profile: VectorRows
  var follows: SlotRows<Int32>
  var notInterested: ContiguousArray<UInt64>
  var observed: ContiguousArray<Int32>
  /// What the platform has learned about each person's responses (only while profiling).
  var responses: PersonalResponses

  /// The sign-up state of people `range`.
  init(population: Population, range: Range<Int>) {
    let dims = population.dimensionCount
    interests = VectorRows(rows: range, of: population.interests)
    profile = VectorRows(zeros: range.count, width: dims)
    follows = SlotRows(rows: range, of: population.follows)
    notInterested = ContiguousArray(repeating: 0, count: range.count)
    observed = ContiguousArray(repeating: 0, count: range.count)
    responses = PersonalResponses(people: range.count, dimensionCount: dims)
  }
}

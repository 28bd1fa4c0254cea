import Testing

@testable import FeedSafeCore

/// The harm pathway, mechanism by mechanism (`docs/model.md`): a warmed-up platform, a ranker
/// that learns from what people watch, exploration, and what profiling off withholds.
@Suite("The harm pathway")
struct PathwayTests {
  /// A world of 13–15-year-olds whose strongest interest is fitness (a gateway to eating-disorder
  /// and misogynist content), a share `vulnerable` of them vulnerable, on the engagement feed.
  static func fitnessTeens(vulnerable: Double, people: Int = 300, days: Int = 20) -> ExperimentSpec
  {
    var spec = TinyWorld.spec(people: people, items: 3_000, days: days)
    let fitness = spec.taxonomy.topics.firstIndex(of: "fitness") ?? 0
    for band in spec.population.bandSpecs.indices {
      spec.population.bandSpecs[band].share = band == 1 ? 1 : 0
      spec.population.bandSpecs[band].vulnerableShare = vulnerable
      spec.population.bandSpecs[band].topicPriors[fitness] = 40
    }
    return spec
  }

  /// Harmful share of `measure` over measured days `days` for cohort `cohort` of `outcome`.
  static func share(
    _ outcome: ArmOutcome, measure: String, cohort: String, days: Range<Int>, spec: ExperimentSpec
  ) -> Double {
    let m = HarmMeasures(taxonomy: spec.taxonomy).names.firstIndex(of: measure) ?? 0
    let c = Cohorts(population: spec.population).names.firstIndex(of: cohort) ?? 0
    var harmful: Int64 = 0
    var impressions: Int64 = 0
    for day in days {
      harmful += outcome.daily.harmful(day: day, cohort: c, measure: m)
      impressions += outcome.daily.impressions(day: day, cohort: c)
    }
    return impressions > 0 ? Double(harmful) / Double(impressions) : 0
  }

  @Test(
    "a vulnerable child who engages with fitness content sees a rising share of eating-disorder content on an engagement feed"
  )
  func vulnerableFitnessTeensDrift() throws {
    let spec = Self.fitnessTeens(vulnerable: 1)
    let outcome = try TinyWorld.outcome(spec)
    let first = Self.share(
      outcome, measure: "eating_disorder", cohort: "children", days: 0..<5, spec: spec)
    let last = Self.share(
      outcome, measure: "eating_disorder", cohort: "children", days: 15..<20, spec: spec)
    #expect(last > 1.5 * first, "eating-disorder share \(first) in days 0–4, \(last) in days 15–19")
    // Without vulnerability the same world drifts far less.
    let control = try TinyWorld.outcome(Self.fitnessTeens(vulnerable: 0))
    let controlLast = Self.share(
      control, measure: "eating_disorder", cohort: "children", days: 15..<20, spec: spec)
    #expect(last > 2 * controlLast, "vulnerable \(last), not vulnerable \(controlLast)")
  }

  @Test("burn-in days are simulated but not measured: the horizon continues where they end")
  func burnInIsSimulatedNotMeasured() throws {
    var warmed = TinyWorld.spec(people: 120, items: 1_500, days: 2, burnIn: 3)
    warmed.population.bandSpecs[1].share += 0.2
    warmed.population.bandSpecs[3].share -= 0.2
    var cold = warmed
    cold.burnInDays = 0
    cold.horizonDays = 5
    let measured = try TinyWorld.outcome(warmed)
    let whole = try TinyWorld.outcome(cold)
    #expect(measured.daily.dayCount == 2)
    for day in 0..<2 {
      for cohort in 0..<Cohorts(population: warmed.population).count {
        #expect(
          measured.daily.impressions(day: day, cohort: cohort)
            == whole.daily.impressions(day: day + 3, cohort: cohort))
        #expect(
          measured.daily.harmful(day: day, cohort: cohort, measure: 0)
            == whole.daily.harmful(day: day + 3, cohort: cohort, measure: 0))
      }
    }
    let measuredImpressions = measured.tally.impressions.reduce(0) { $0 + Int($1) }
    let all = Cohorts(population: cold.population).names.firstIndex(of: "all") ?? 0
    let lastTwoDays = (3..<5).reduce(Int64(0)) { total, day in
      total + whole.daily.impressions(day: day, cohort: all)
    }
    #expect(Int64(measuredImpressions) == lastTwoDays)
  }

  /// Simulates `days` days of `spec`'s first arm on one worker, calling `check` after each day
  /// (before the platform learns from it).
  static func simulate(
    _ spec: ExperimentSpec, days: Int, check: (Int, Worker, ArmContext) -> Void = { _, _, _ in }
  ) -> (Worker, ArmContext) {
    let world = World(spec: spec, seed: spec.seed)
    let context = ArmContext(spec: spec, arm: spec.arms[0], world: world)
    var workers = [
      Worker(people: 0..<world.population.count, context: context, dayCount: spec.horizonDays)
    ]
    var today = ArmSimulation.firstDay(context: context, spec: spec)
    for day in 0..<days {
      today.measuredDay = day >= spec.burnInDays ? day - spec.burnInDays : nil
      if day == spec.burnInDays { workers[0].startMeasuring(context: context) }
      workers[0].simulateDay(today, context: context)
      check(day, workers[0], context)
      ArmSimulation.advance(&today, workers: &workers, context: context, spec: spec)
    }
    return (workers[0], context)
  }

  /// The first arm of `spec` with profiling's default set to `on` for everyone, not adjustable.
  static func profiling(_ on: Bool, _ spec: ExperimentSpec) -> ExperimentSpec {
    var spec = spec
    var arm = TinyWorld.arm(on ? "profiled" : "unprofiled", .none)
    for band in arm.policies.indices {
      arm.policies[band].defaults[.profiling] = on
      arm.policies[band].adjustable[.profiling] = false
    }
    spec.arms = [arm]
    return spec
  }

  @Test(
    "the platform's prediction for a person with profiling off uses no data about that person",
    arguments: [false, true])
  func profilingOffHoldsNothing(profilingOn: Bool) {
    let spec = Self.profiling(profilingOn, TinyWorld.spec(people: 150, items: 1_500, days: 3))
    var segmented = 0
    var logged = 0
    let (worker, _) = Self.simulate(spec, days: 3) { _, worker, _ in
      for entry in worker.responses.entries {
        logged += 1
        if ResponseLog.Response(entry).segment != nil { segmented += 1 }
      }
    }
    let profileMass = worker.state.profile.values.reduce(0, +)
    let personalMass = worker.state.responses.total.reduce(0) { $0 + $1.impressions }
    #expect(logged > 0)
    if profilingOn {
      // The control: with profiling on the same people are profiled, so the checks can fail.
      #expect(segmented > 0 && profileMass > 0 && personalMass > 0)
    } else {
      #expect(segmented == 0, "responses filed under an audience segment")
      #expect(profileMass == 0, "an inferred profile was kept")
      #expect(personalMass == 0, "personal response counts were kept")
      #expect(worker.state.observed.allSatisfy { $0 == 0 })
    }
  }

  @Test("new accounts join on the first measured day with nothing held about them")
  func newAccountsJoinOnDayZero() {
    var spec = TinyWorld.spec(people: 200, items: 1_500, days: 1, burnIn: 3)
    for band in spec.population.bandSpecs.indices {
      spec.population.bandSpecs[band].newAccountShare = 0.5
    }
    let population = World(spec: spec, seed: spec.seed).population
    let newAccounts = (0..<population.count).filter { population.isNewAccount[$0] }
    let established = (0..<population.count).filter { !population.isNewAccount[$0] }
    #expect(!newAccounts.isEmpty && !established.isEmpty)
    _ = Self.simulate(spec, days: 4) { day, worker, _ in
      if day == 2 {
        // the end of the burn-in: new accounts are as they signed up
        for person in newAccounts {
          #expect(worker.state.observed[person] == 0)
          #expect(worker.state.follows.ids(person) == population.follows.ids(person))
        }
        #expect(established.contains { worker.state.observed[$0] > 0 })
      }
      if day == 3 {
        #expect(newAccounts.contains { worker.tally.impressions[$0] > 0 })
      }
    }
    #expect(Cohorts(population: spec.population).names.last == "new_accounts")
  }

  @Test("an exploring feed gives its share of page slots to the random source's candidates")
  func explorationFillsSlots() {
    var spec = Self.profiling(true, TinyWorld.spec(people: 60, items: 2_000, days: 2))
    func exploredSlots(share: Double) -> Int {
      var local = spec
      let engagement = local.feedIndex(named: "engagement") ?? 0
      local.feeds[engagement].exploration = share
      var (worker, context) = Self.simulate(local, days: 2)
      let today = ArmSimulation.firstDay(context: context, spec: local)
      var explored = 0
      for person in 0..<20 {
        var rng = RandomStream(seed: 9, purpose: .candidates, person: person, day: 5)
        _ = worker.buildPage(for: person, lastItem: -1, today: today, context: context, rng: &rng)
        let flagged = Set(worker.pipeline.candidates.filter(\.isExplore).map(\.item))
        explored += worker.pipeline.page.filter { flagged.contains($0) }.count
      }
      return explored
    }
    spec.population.size = 60
    let always = exploredSlots(share: 1)
    let never = exploredSlots(share: 0)
    // 20 pages; the engagement preset draws 5 random candidates for each
    #expect(always >= 80, "explored slots with exploration 1: \(always)")
    #expect(never < always / 2, "explored slots without exploration: \(never)")
  }

  @Test("vulnerable and non-vulnerable children split the children's cohort; adults are in neither")
  func vulnerabilityCohorts() {
    let cohorts = Cohorts(bands: .standard)
    let names = cohorts.names
    func members(_ mask: UInt32) -> Set<String> {
      Set(names.indices.filter { mask & (1 << UInt32($0)) != 0 }.map { names[$0] })
    }
    let vulnerableChild = members(
      cohorts.membership(trueBand: AgeBand(1), assessedBand: AgeBand(1), isVulnerable: true))
    let child = members(cohorts.membership(trueBand: AgeBand(1), assessedBand: AgeBand(1)))
    let vulnerableAdult = members(
      cohorts.membership(trueBand: AgeBand(3), assessedBand: AgeBand(3), isVulnerable: true))
    #expect(vulnerableChild.contains("children_vulnerable"))
    #expect(!vulnerableChild.contains("children_not_vulnerable"))
    #expect(child.contains("children_not_vulnerable"))
    #expect(!vulnerableAdult.contains("children_vulnerable"))
    #expect(!vulnerableAdult.contains("children_not_vulnerable"))
  }
}

/// The outcome of one arm on one seed: per-person tallies and the daily series, with what metrics
/// need to know about the arm (who is in which cohort, how harmful the eligible catalogue is).
public struct ArmOutcome: Sendable {
  /// The arm's name.
  public let arm: String
  /// The seed.
  public let seed: UInt64
  /// What each person saw, in person order.
  public let tally: ExposureTally
  /// Ads, contact, location and data beyond the feed, in person order.
  public let platform: PlatformTally
  /// Daily totals per cohort.
  public let daily: DailySeries
  /// Cohorts each person belongs to (bit mask), in person order.
  public let cohortMask: ContiguousArray<UInt32>
  /// Assessed band of each person, in person order (policies key on it).
  public let assessedBand: ContiguousArray<AgeBand>
  /// Harmful share per measure of the catalogue each assessed band's policy leaves eligible
  /// (published by the last day and not removed by a filter), `[band][measure]`; the denominator
  /// of `amplification`.
  public let eligibleHarmShare: [[Double]]
  /// What the audit accounts were shown and how it measured.
  public var audit: AuditResult = .empty
}

/// Runs one arm of an experiment on one seed's world, day by day.
///
/// Within a day people are independent (shared state such as popularity and trending changes only
/// at day boundaries), so they are split over workers and simulated in parallel; because every
/// draw comes from a stream keyed by (seed, purpose, person, day) and counts are integers, the
/// outcome is bit-identical for any number of threads.
public enum ArmSimulation {
  /// Simulates `arm` over `world` with `threads` workers; `onDay` is called after each day and
  /// `isCancelled` before each. Feeds with an external ranker get one from `rankers` per worker.
  /// - Throws: ``RunCancelled`` when `isCancelled` returns `true`; ``RankerFailure`` when an
  ///   external ranker cannot be started or fails (or there is no `rankers` to start it).
  public static func run(
    spec: ExperimentSpec, arm: Arm, world: World, threads: Int,
    rankers: (any RankerProvider)? = nil,
    isCancelled: () -> Bool = { false }, onDay: (Int) -> Void = { _ in }
  ) throws -> ArmOutcome {
    let context = ArmContext(spec: spec, arm: arm, world: world)
    let people = world.population.count
    let workerCount = max(1, min(threads, people))
    let dayCount = max(1, spec.horizonDays)
    var workers = try (0..<workerCount).map { w in
      Worker(
        people: (people * w / workerCount)..<(people * (w + 1) / workerCount), context: context,
        dayCount: dayCount,
        rankers: try externalRankers(of: spec, arm: arm, seed: world.seed, worker: w, rankers))
    }
    var today = firstDay(context: context, spec: spec)
    for day in 0..<spec.simulatedDays {
      if isCancelled() { throw RunCancelled() }
      if day == spec.burnInDays {
        for w in workers.indices { workers[w].startMeasuring(context: context) }
      }
      today.measuredDay = day >= spec.burnInDays ? day - spec.burnInDays : nil
      simulateDay(today, workers: &workers, context: context)
      if let failure = workers.lazy.compactMap(\.pipeline.rankerFailure).first { throw failure }
      // after the last day nothing reads what a day boundary learns: at a large catalogue its
      // O(items) fold and row rebuild would be a one-day run's largest cost
      if day + 1 < spec.simulatedDays {
        advance(&today, workers: &workers, context: context, spec: spec)
      }
      onDay(day)
    }
    var tally = ExposureTally(people: 0, measureCount: context.measures.count)
    var platform = PlatformTally(people: 0)
    var daily = DailySeries(
      dayCount: dayCount, cohortCount: context.cohorts.count, measureCount: context.measures.count)
    var auditImpressions: [AuditImpression] = []
    for w in workers.indices {
      workers[w].recordDataPoints(context: context)
      let worker = workers[w]
      tally.append(worker.tally)
      platform.append(worker.platformTally)
      daily.add(worker.daily)
      auditImpressions += worker.audit.impressions
    }
    for person in 0..<people {
      for cohort in 0..<context.cohorts.count
      where context.cohortMask[person] & (1 << UInt32(cohort)) != 0 {
        daily.people[cohort] += 1
      }
    }
    return ArmOutcome(
      arm: arm.name, seed: world.seed, tally: tally, platform: platform, daily: daily,
      cohortMask: context.cohortMask,
      assessedBand: context.assessedBand,
      eligibleHarmShare: eligibleHarmShare(context: context, lastDay: spec.simulatedDays - 1),
      audit: AuditMetrics.result(
        auditImpressions, arm: arm.name, seed: world.seed, roster: context.audit,
        catalogue: world.catalogue, measures: context.measures))
  }

  /// Worker `worker`'s rankers, by feed index: one from `provider` for each feed with an external
  /// ranker, `nil` for the rest (an empty list when there is no external feed).
  private static func externalRankers(
    of spec: ExperimentSpec, arm: Arm, seed: UInt64, worker: Int,
    _ provider: (any RankerProvider)?
  ) throws(RankerFailure) -> [(any PageRanker)?] {
    guard spec.feeds.contains(where: { $0.ranker != .weighted }) else { return [] }
    var rankers: [(any PageRanker)?] = []
    for feed in spec.feeds {
      guard case .external(let command) = feed.ranker else {
        rankers.append(nil)
        continue
      }
      guard let provider else {
        throw RankerFailure("feed '\(feed.name)' has an external ranker, and nothing can start it")
      }
      rankers.append(
        try provider.ranker(
          for: feed, command: command, arm: arm.name, seed: seed, worker: worker))
    }
    return rankers
  }

  /// The first simulated day has no history: nothing is learned, popularity is zero and the
  /// trending list is a random draw of published items (ranked by a hash of seed and item), so no
  /// kind of content starts ahead. The burn-in days that follow are what warm the platform up.
  static func firstDay(context: ArmContext, spec: ExperimentSpec) -> DayState {
    let catalogue = context.world.catalogue
    let size = spec.feeds.map(\.trendingSize).max() ?? 0
    let seed = context.seed
    let trending = topItems(count: size, publishedBy: 0, catalogue: catalogue) {
      Float(SplitMix64.mix(seed ^ UInt64($0)) >> 40)
    }
    let statistics = EngagementStatistics(
      itemCount: catalogue.count, segmentCount: context.dimensionCount, learning: spec.learning)
    let popularity = ContiguousArray<Int32>(repeating: 0, count: catalogue.count)
    return DayState(
      day: 0, measuredDay: spec.burnInDays == 0 ? 0 : nil, popularity: popularity,
      maximumPopularity: 0, trending: trending, statistics: statistics,
      prior: statistics.prior,
      scoringRows: ScoringRows(
        catalogue: catalogue, statistics: statistics, popularity: popularity))
  }

  /// The day boundary: the platform learns from today's responses, and today's engagements
  /// become tomorrow's popularity and trending list. Changes `today` in place, so the learned
  /// statistics are never copied.
  static func advance(
    _ today: inout DayState, workers: inout [Worker], context: ArmContext, spec: ExperimentSpec
  ) {
    let catalogue = context.world.catalogue
    today.statistics.fold(workers.map(\.responses), engagements: &today.popularity)
    // Cleared only once the fold has let go of the logs, so each keeps its buffer for tomorrow.
    for w in workers.indices { workers[w].responses.clear() }
    let size = spec.feeds.map(\.trendingSize).max() ?? 0
    let popularity = today.popularity
    today.trending = topItems(count: size, publishedBy: today.day + 1, catalogue: catalogue) {
      Float(popularity[$0])
    }
    today.day += 1
    today.maximumPopularity = popularity.max() ?? 0
    today.prior = today.statistics.prior
    today.scoringRows.update(
      catalogue: catalogue, statistics: today.statistics, popularity: popularity)
  }

  /// The `count` items published by `day` with the highest key, highest first, lower row on ties.
  private static func topItems(
    count: Int, publishedBy day: Int, catalogue: Catalogue, key: (Int) -> Float
  ) -> ContiguousArray<Int32> {
    let published = catalogue.everything.publishedCount(0, by: day)
    let rows = (0..<published).lazy.map { catalogue.everything.item(0, at: $0) }
    return ContiguousArray(TopItems.select(count: count, from: rows, key: key).map(Int32.init))
  }

  /// For each assessed band, the harmful share per measure of the items published by `lastDay`
  /// that the band's policy does not remove.
  private static func eligibleHarmShare(context: ArmContext, lastDay: Int) -> [[Double]] {
    let catalogue = context.world.catalogue
    let measures = context.measures
    let published = catalogue.everything.publishedCount(0, by: lastDay)
    return context.policies.map { policy in
      var eligible = 0
      var harmful = [Int](repeating: 0, count: measures.count)
      for position in 0..<published {
        let item = catalogue.everything.item(0, at: position)
        let predicted = Int(catalogue.predictedHarm[item])
        if predicted >= 0, policy.harmActions[predicted] == .remove { continue }
        eligible += 1
        let harm = Int(catalogue.harm[item])
        guard harm >= 0 else { continue }
        for m in 0..<measures.count where measures.membership[harm] & (1 << UInt64(m)) != 0 {
          harmful[m] += 1
        }
      }
      return harmful.map { eligible > 0 ? Double($0) / Double(eligible) : 0 }
    }
  }
}

/// Thrown when a run is stopped part-way (Ctrl-C); nothing of the unfinished arm is returned.
public struct RunCancelled: Error, Sendable {
  /// A cancellation.
  public init() {}
}

extension Worker {
  /// Fills the data-point columns at the end of a run: observed events and non-zero inferred
  /// profile dimensions, held only where profiling was allowed.
  mutating func recordDataPoints(context: ArmContext) {
    let dims = context.dimensionCount
    let population = context.world.population
    for person in people where context.platform.onPlatform[person] {
      let local = person - people.lowerBound
      // Provided: the declared age, declared interests and follows.
      let provided = Int32(
        1 + population.declaredInterests.filledCount(person) + state.follows.filledCount(local))
      platformTally.providedDataPoints[local] = provided
      guard context.profiling[person] else { continue }
      tally.observedDataPoints[local] = state.observed[local]
      var inferred: Int32 = 0
      for d in 0..<dims where state.profile[local, d] > 0 { inferred += 1 }
      tally.inferredDataPoints[local] = inferred
    }
  }
}

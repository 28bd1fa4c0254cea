import RealModule

extension Worker {
  /// Simulates one person's day: a Poisson number of sessions, each a sequence of pages viewed
  /// top-down until the stopping rule ends the session (possibly mid-page, so only viewed items
  /// count as impressions). Each impression is watched to the end or skipped, and may lead to
  /// engagement, "not interested", interest drift, profile learning and a follow (DESIGN
  /// "Behaviour"); the platform logs the response to learn from it at the day boundary.
  mutating func simulatePersonDay(_ person: Int, today: DayState, context: ArmContext) {
    let population = context.world.population
    let local = person - people.lowerBound
    let seed = context.seed
    var sessionRng = RandomStream(seed: seed, purpose: .sessions, person: person, day: today.day)
    var candidateRng = RandomStream(
      seed: seed, purpose: .candidates, person: person, day: today.day)
    var choiceRng = RandomStream(seed: seed, purpose: .engagement, person: person, day: today.day)
    var stopRng = RandomStream(seed: seed, purpose: .stopping, person: person, day: today.day)
    var adRng = RandomStream(seed: seed, purpose: .ads, person: person, day: today.day)
    let sessions = sessionRng.poisson(mean: Double(population.sessionsPerDay[person]))
    let sessionSeconds = Double(population.sessionMinutes[person]) * 60
    // The stopping hazard is per second of feed time, so a session lasts about `session_minutes`
    // however long each item is watched.
    let stopPerSecond = 1 / max(1, sessionSeconds)
    let skipSeconds = Int64(context.behaviour.skipSeconds)
    let longestSession = Int64(context.behaviour.maximumSessionFactor * sessionSeconds)
    let policy = context.policies[context.assessedBand[person].position]
    var impressionsToday: Int64 = 0
    var secondsToday: Int64 = 0
    for m in 0..<context.measures.count { harmfulToday[m] = 0 }
    recoverInterests(of: person, context: context)
    if context.profiling[person] {
      state.responses.forget(person: local, keeping: Float(context.learning.dailyRetention))
    }

    for _ in 0..<sessions {
      pipeline.startSession()
      var lastItem = -1
      var elapsed: Int64 = 0
      var sessionOver = false
      while !sessionOver {
        let (viewer, overblocked) = buildPage(
          for: person, lastItem: lastItem, today: today, context: context, rng: &candidateRng)
        tally.overblocked[local] += overblocked
        let page = pipeline.page
        if page.isEmpty { break }
        warmCaches(for: page, context: context)
        for position in page.indices {
          let item = Int(page[position])
          let response = react(
            to: item, person: person, policy: policy, context: context, rng: &choiceRng)
          let duration = Int64(context.world.catalogue.durationSeconds[item])
          let seconds = response.watched ? duration : min(duration, skipSeconds)
          if response.watched { tally.watched[local] += 1 }
          recordImpression(of: item, person: person, seconds: seconds, context: context)
          responses.append(
            item: item, segment: viewer.segment, watched: response.watched,
            engaged: response.engaged)
          // viewed: never a candidate again this session
          pipeline.markViewed(item)
          impressionsToday += 1
          secondsToday += seconds
          elapsed += seconds
          lastItem = item
          // Ads fill slots between organic items from their own stream and take their own time,
          // so adding ads never changes what the organic feed shows.
          serveAds(after: item, person: person, context: context, rng: &adRng)
          let stop =
            min(1, Double(seconds) * stopPerSecond)
            * (response.engaged ? context.behaviour.engagementStopFactor : 1)
          if stopRng.bernoulli(stop) || elapsed >= longestSession {
            sessionOver = true
            break
          }
        }
      }
    }
    guard let measuredDay = today.measuredDay else { return }
    let mask = context.cohortMask[person]
    for cohort in 0..<context.cohorts.count where mask & (1 << UInt32(cohort)) != 0 {
      let cell = measuredDay * context.cohorts.count + cohort
      daily.impressions[cell] += impressionsToday
      daily.feedSeconds[cell] += secondsToday
      for m in 0..<context.measures.count {
        daily.harmful[cell * context.measures.count + m] += Int64(harmfulToday[m])
      }
    }
  }

  /// Counts one viewed item in the person's tallies: impressions, feed time, harmful impressions
  /// per measure on the item's *true* label, time to first exposure and streaks.
  mutating func recordImpression(
    of item: Int, person: Int, seconds: Int64, context: ArmContext
  ) {
    let local = person - people.lowerBound
    let measures = context.measures.count
    let harm = Int(context.world.catalogue.harm[item])
    let members: UInt64 = harm >= 0 ? context.measures.membership[harm] : 0
    let before = tally.feedSeconds[local]
    tally.impressions[local] += 1
    tally.feedSeconds[local] += seconds
    if context.world.catalogue.isCommercial[item] {
      countCommercialImpression(of: item, local: local, context: context)
    }
    for m in 0..<measures {
      let cell = local * measures + m
      if members & (1 << UInt64(m)) != 0 {
        tally.harmful[cell] += 1
        harmfulToday[m] += 1
        if tally.firstExposureSeconds[cell] < 0 { tally.firstExposureSeconds[cell] = before }
        tally.currentStreak[cell] += 1
        tally.longestStreak[cell] = max(tally.longestStreak[cell], tally.currentStreak[cell])
      } else {
        tally.currentStreak[cell] = 0
      }
    }
  }

  /// The person's reaction to a viewed item and its effects. One uniform draw decides both
  /// responses, so engaging implies watching to the end: watched when it falls below
  /// σ(logit + watch offset), engaged when it falls below σ(logit) (``BehaviourSpec``).
  /// `notInterestedRate` replaces the population's habit of pressing "not interested" (audit
  /// scripts).
  mutating func react(
    to item: Int, person: Int, policy: BandPolicy, context: ArmContext, rng: inout RandomStream,
    notInterestedRate: Double? = nil
  ) -> (watched: Bool, engaged: Bool) {
    let catalogue = context.world.catalogue
    let behaviour = context.behaviour
    let harm = Int(catalogue.harm[item])
    let fit = state.interests.dot(person - people.lowerBound, catalogue.embedding, item)
    var logit =
      behaviour.intercept + behaviour.interestWeight * Double(fit)
      + behaviour.appealWeight * Double(catalogue.appeal[item])
    if harm >= 0 {
      let susceptibility = context.world.population.susceptibility[person, harm]
      logit += behaviour.harmWeight * Double(susceptibility) * Double(catalogue.severity[item])
    }
    let roll = rng.uniform()
    let watched = roll < 1 / (1 + Double.exp(-(logit + behaviour.watchOffset)))
    let engaged = roll < 1 / (1 + Double.exp(-logit))
    respond(
      to: item, person: person, watched: watched, engaged: engaged, policy: policy,
      notInterestedRate: notInterestedRate ?? behaviour.notInterestedRate, context: context,
      rng: &rng)
    return (watched, engaged)
  }

  /// The effects of a response, whoever decided it (the choice model or an audit script): the
  /// inferred profile learns from what is watched, a skipped harmful item may be marked "not
  /// interested" (with probability `notInterestedRate`), and engaging moves interests and may
  /// lead to a follow.
  mutating func respond(
    to item: Int, person: Int, watched: Bool, engaged: Bool, policy: BandPolicy,
    notInterestedRate: Double, context: ArmContext, rng: inout RandomStream
  ) {
    let catalogue = context.world.catalogue
    let behaviour = context.behaviour
    let local = person - people.lowerBound
    let harm = Int(catalogue.harm[item])
    if watched && context.profiling[person] {
      // The inferred profile learns from what is watched to the end, liked or not (lingering).
      state.profile.blend(
        local, toward: catalogue.embedding, item, share: Float(behaviour.profileLearningRate))
      state.observed[local] += 1
    }
    if context.profiling[person] {
      state.responses.add(
        person: local, dimension: Int(catalogue.contentDimension[item]), watched: watched,
        engaged: engaged)
    }
    guard engaged else {
      // Only a skipped item is marked "not interested": someone who watched it to the end did not
      // reject it.
      if !watched && harm >= 0 && policy.honoursNotInterested && rng.bernoulli(notInterestedRate) {
        state.notInterested[local] |= 1 << UInt64(catalogue.notInterestedDimension(of: item))
      }
      return
    }
    tally.engagements[local] += 1
    // Interests drift toward what was engaged with (the rabbit-hole loop).
    state.interests.blendKeepingUnitLength(
      local, toward: catalogue.embedding, item, share: Float(behaviour.interestDrift))
    if rng.bernoulli(behaviour.followRate) {
      follow(creator: catalogue.creator[item], local: local, context: context)
    }
  }

  /// Moves the person's interests a share `interestRecovery` of the way back to their sign-up
  /// interests at the start of each day (kept at unit length): what a feed pulls someone toward
  /// fades unless the feed keeps pulling, so a person has a steady state.
  mutating func recoverInterests(of person: Int, context: ArmContext) {
    let recovery = Float(context.behaviour.interestRecovery)
    guard recovery > 0 else { return }
    state.interests.blendKeepingUnitLength(
      person - people.lowerBound, toward: context.world.population.interests, person,
      share: recovery)
  }

  /// Adds `creator` to the person's follows if not already followed and a slot is free.
  private mutating func follow(creator: Int32, local: Int, context: ArmContext) {
    for slot in 0..<state.follows.width {
      if state.follows[local, slot] == creator { return }
      if state.follows[local, slot] < 0 {
        state.follows[local, slot] = creator
        return
      }
    }
  }
}

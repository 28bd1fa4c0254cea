extension Worker {
  /// Seeds the inferred profile of each audit account with its persona's sign-up signals, where
  /// profiling is allowed: what a username or bio tells a platform that profiles.
  mutating func seedAuditProfiles(context: ArmContext) {
    let dims = context.dimensionCount
    for person in audit.first..<max(audit.first, people.upperBound) where context.profiling[person]
    {
      let signals = context.audit.persona(of: person).signals
      let local = person - people.lowerBound
      for d in 0..<min(dims, signals.count) { state.profile[local, d] = Float(signals[d]) }
    }
  }

  /// One day of an audit account: from its join day on, one continuous session of the persona's
  /// minutes per day, following its script impression by impression (a phase ends at the
  /// impression that completes it, even mid-page) until the script ends. Nothing of it reaches the
  /// platform's learning unless the scenario says so, and it never counts in cohorts.
  mutating func simulateAuditDay(_ person: Int, today: DayState, context: ArmContext) {
    let persona = context.audit.persona(of: person)
    let cursorIndex = person - audit.first
    guard let measuredDay = today.measuredDay, measuredDay >= persona.joinDay,
      !audit.cursors[cursorIndex].isFinished
    else { return }
    let seed = context.seed
    // Keyed by replica, not row: replica k of every persona draws alike (common random numbers).
    let key = context.world.population.streamKey(person)
    var candidateRng = RandomStream(seed: seed, purpose: .candidates, person: key, day: today.day)
    var choiceRng = RandomStream(seed: seed, purpose: .engagement, person: key, day: today.day)
    let policy = context.policies[context.assessedBand[person].position]
    let skipSeconds = Int64(context.behaviour.skipSeconds)
    let budget = Int64(persona.minutesPerDay * 60)
    let account = Int32(person - context.audit.start)
    recoverInterests(of: person, context: context)
    if context.profiling[person] {
      state.responses.forget(
        person: person - people.lowerBound, keeping: Float(context.learning.dailyRetention))
    }
    pipeline.startSession()
    var cursor = audit.cursors[cursorIndex]
    var elapsed: Int64 = 0
    var lastItem = -1
    session: while elapsed < budget {
      let viewer = buildPage(
        for: person, lastItem: lastItem, today: today, context: context, rng: &candidateRng
      ).viewer
      let page = pipeline.page
      let sources = pipeline.pageSources
      if page.isEmpty { break }
      for position in page.indices {
        let item = Int(page[position])
        let phase = persona.phases[cursor.phase]
        let response = scriptedResponse(
          to: item, person: person, phase: phase, policy: policy, context: context,
          rng: &choiceRng)
        let duration = Int64(context.world.catalogue.durationSeconds[item])
        let seconds = response.watched ? duration : min(duration, skipSeconds)
        recordImpression(of: item, person: person, seconds: seconds, context: context)
        if context.audit.spec.affectsPlatform {
          responses.append(
            item: item, segment: viewer.segment, watched: response.watched,
            engaged: response.engaged)
        }
        pipeline.markViewed(item)
        audit.impressions.append(
          AuditImpression(
            account: account, day: Int16(measuredDay), phase: Int16(cursor.phase),
            position: Int16(position), source: sources[position],
            watched: response.watched, engaged: response.engaged, item: Int32(item),
            secondsBefore: Int32(cursor.seconds), seconds: Int32(seconds)))
        lastItem = item
        elapsed += seconds
        cursor.seconds += seconds
        cursor.secondsInPhase += seconds
        cursor.impressionsInPhase += 1
        if Self.completes(phase, cursor) {
          cursor.phase += 1
          cursor.impressionsInPhase = 0
          cursor.secondsInPhase = 0
          if cursor.phase == persona.phases.count {
            cursor.isFinished = true
            break session
          }
          adopt(persona.phases[cursor.phase].interests, person: person, context: context)
        }
        if elapsed >= budget { break session }
      }
    }
    audit.cursors[cursorIndex] = cursor
  }

  /// Whether the impression just counted completes `phase`.
  private static func completes(_ phase: AuditPhase, _ cursor: AuditCursor) -> Bool {
    switch phase.length {
    case .minutes(let minutes): Double(cursor.secondsInPhase) >= minutes * 60
    case .impressions(let count): cursor.impressionsInPhase >= count
    }
  }

  /// Replaces the account's interests with equal weight on `topics` (none: unchanged).
  private mutating func adopt(_ topics: [Int], person: Int, context: ArmContext) {
    guard !topics.isEmpty else { return }
    let dims = context.dimensionCount
    let local = person - people.lowerBound
    let weight = 1 / Float(topics.count).squareRoot()
    for d in 0..<dims { state.interests[local, d] = 0 }
    for topic in topics { state.interests[local, topic] = weight }
  }

  /// The account's response under `phase`: the population's choice model, or the script's
  /// probabilities for the kind of item; the effects on profile, interests and follows are the
  /// population's either way.
  private mutating func scriptedResponse(
    to item: Int, person: Int, phase: AuditPhase, policy: BandPolicy, context: ArmContext,
    rng: inout RandomStream
  ) -> (watched: Bool, engaged: Bool) {
    let catalogue = context.world.catalogue
    let harm = Int(catalogue.harm[item])
    let topic = Int(catalogue.primaryTopic[item])
    var watched = false
    var engaged = false
    switch phase.behaviour {
    case .population:
      return react(
        to: item, person: person, policy: policy, context: context, rng: &rng,
        notInterestedRate: phase.notInterested)
    case .scripted(let linger, let engage):
      engaged = rng.bernoulli(engage.rate(harm: harm, topic: topic))
      watched = engaged || rng.bernoulli(linger.rate(harm: harm, topic: topic))
    case .stopEngaging:
      break
    }
    respond(
      to: item, person: person, watched: watched, engaged: engaged, policy: policy,
      notInterestedRate: phase.notInterested ?? 0, context: context, rng: &rng)
    return (watched, engaged)
  }
}

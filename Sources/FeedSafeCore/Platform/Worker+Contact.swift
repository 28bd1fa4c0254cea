extension Worker {
  /// One day of contact from unknown adults and of tracking, from the person's own streams.
  ///
  /// Unknown adults find a person by search (public profiles only) or as a suggestion (where the
  /// policy lets them be suggested; twice as often when the profile feeds suggestions), and send
  /// requests; where allowed they also message. A share of these adults are bad actors, and bad
  /// actors also seek out children, sending extra requests to any child they can find. Each
  /// request is accepted with the person's band's acceptance probability, and each accepted one
  /// goes down the funnel (messages, a private channel, a meeting offline) on its own stream, so
  /// the funnel never moves a contact or tracking draw.
  mutating func simulateContact(_ person: Int, today: DayState, context: ArmContext) {
    let spec = context.platformSpec.contact
    let plan = context.platform
    let local = person - people.lowerBound
    var rng = RandomStream(seed: context.seed, purpose: .contact, person: person, day: today.day)
    // Settings change during the horizon; the burn-in keeps the sign-up values.
    let day = today.measuredDay ?? -1
    let search = plan.isSearchable(person, onDay: day) ? 1.0 : 0
    platformTally.locationVisible[local] = plan.isLocationVisible(person, onDay: day)
    platformTally.onDefaultSettings[local] = plan.timeline.isOnDefault(person, onDay: day)
    let suggestion = plan.suggestable[person] ? (context.profiling[person] ? 2.0 : 1) : 0
    let findable = search + (plan.suggestable[person] ? 1 : 0)
    let isChild = context.world.population.bands.isChild(context.world.population.trueBand[person])
    let requests = rng.poisson(
      mean: spec.searchRequestsPerDay * search + spec.suggestionRequestsPerDay * suggestion)
    let badActorRequests = isChild ? rng.poisson(mean: spec.badActorRequestsPerDay * findable) : 0
    let messages =
      plan.messageable[person] && findable > 0
      ? rng.poisson(mean: spec.messagesPerDay * findable) : 0
    let acceptance = spec.acceptance[context.world.population.trueBand[person].position]
    var badActors = badActorRequests
    for _ in 0..<(requests + messages) where rng.bernoulli(spec.badActorShare) { badActors += 1 }
    var accepted = 0
    for _ in 0..<(requests + badActorRequests) where rng.bernoulli(acceptance) { accepted += 1 }
    if accepted > 0 {
      let funnel = spec.funnel
      let segment = Int(context.world.population.segment[person])
      let factor = segment >= 0 ? plan.offlineMeetingFactorBySegment[segment] : 1
      let meeting = min(1, funnel.offlineMeeting * factor)
      var funnelRng = RandomStream(
        seed: context.seed, purpose: .contactFunnel, person: person, day: today.day)
      for _ in 0..<accepted where funnelRng.bernoulli(funnel.messagesExchanged) {
        platformTally.messagesExchanged[local] += 1
        guard funnelRng.bernoulli(funnel.privateChannel) else { continue }
        platformTally.privateChannelRequests[local] += 1
        if funnelRng.bernoulli(meeting) { platformTally.offlineMeetings[local] += 1 }
      }
    }
    platformTally.strangerRequests[local] += Int32(requests + badActorRequests)
    platformTally.acceptedStrangerRequests[local] += Int32(accepted)
    platformTally.strangerContacts[local] += Int32(requests + badActorRequests + messages)
    platformTally.badActorContacts[local] += Int32(badActors)
    if plan.trackingConsent[person] {
      let collected = rng.poisson(mean: context.platformSpec.tracking.thirdPartyDataPointsPerDay)
      platformTally.thirdPartyDataPoints[local] += Int32(collected)
    }
  }
}

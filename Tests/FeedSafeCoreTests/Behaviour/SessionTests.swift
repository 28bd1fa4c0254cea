import Testing

@testable import FeedSafeCore

@Suite("Sessions")
struct SessionTests {
  @Test("no item is viewed twice in one session (docs/feeds.md, step 1)")
  func noRepeatsWithinASession() throws {
    // A catalogue far smaller than a session: without the rule, long sessions would repeat items.
    var spec = TinyWorld.spec(people: 80, items: 40, days: 1)
    for band in spec.population.bandSpecs.indices {
      spec.population.bandSpecs[band].sessionMinutes = 120
    }
    let world = World(spec: spec, seed: spec.seed)
    let outcome = try ArmSimulation.run(spec: spec, arm: spec.arms[0], world: world, threads: 1)
    let published = world.catalogue.dayPublished.filter { $0 <= 0 }.count
    var longest = 0.0
    for person in 0..<world.population.count {
      // the engine's own session count for this person and day
      var sessionRng = RandomStream(seed: spec.seed, purpose: .sessions, person: person, day: 0)
      let sessions = sessionRng.poisson(mean: Double(world.population.sessionsPerDay[person]))
      let impressions = Int(outcome.tally.impressions[person])
      #expect(
        impressions <= sessions * published,
        "person \(person): \(impressions) views in \(sessions) sessions")
      if sessions > 0 { longest = max(longest, Double(impressions) / Double(sessions)) }
    }
    // the bound binds: some sessions run out of unseen items
    #expect(longest > 0.5 * Double(published))
  }
}

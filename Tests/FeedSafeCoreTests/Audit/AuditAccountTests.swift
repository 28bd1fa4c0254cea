import Testing

@testable import FeedSafeCore

/// Audit accounts follow their scripts to the impression, are measured apart from the
/// population, and never move it.
@Suite("Audit accounts")
struct AuditAccountTests {
  let taxonomy = Defaults.taxonomy

  var eatingDisorder: Int { taxonomy.harms.firstIndex { $0.name == "eating_disorder" } ?? 0 }
  var fitness: Int { taxonomy.topics.firstIndex(of: "fitness") ?? 0 }

  /// A persona that engages with everything for `engaging` items, then stops engaging.
  func persona(
    _ name: String, engaging: Int = 200, replicas: Int = 3, signals: [Int: Double] = [:],
    vulnerable: Bool = false
  ) -> Persona {
    var signalVector = [Double](repeating: 0, count: taxonomy.dimensionCount)
    for (dimension, weight) in signals { signalVector[dimension] = weight }
    let population = Defaults.population(size: 1, bands: .standard, taxonomy: taxonomy)
    let all = AuditRates.uniform(1, harms: taxonomy.harms.count, topics: taxonomy.topics.count)
    return Persona(
      name: name, replicas: replicas, age: 13, declaredAge: 13, declaredInterests: [fitness],
      signals: signalVector,
      susceptibility: vulnerable
        ? population.vulnerableSusceptibility : population.baseSusceptibility,
      joinDay: 0, minutesPerDay: 60,
      phases: [
        AuditPhase(
          name: "engage", length: .impressions(engaging),
          behaviour: .scripted(linger: all, engage: all)),
        AuditPhase(name: "stop", length: .minutes(60), behaviour: .stopEngaging),
      ])
  }

  func spec(personas: [Persona], arms: [Arm] = []) -> ExperimentSpec {
    var spec = TinyWorld.spec(people: 150, items: 1_500, days: 3, arms: arms, burnIn: 2)
    spec.audit = AuditSpec(personas: personas)
    return spec
  }

  func audit(_ spec: ExperimentSpec, threads: Int = 1) throws -> [AuditResult] {
    var results: [AuditResult] = []
    _ = try ExperimentRunner.run(spec, threads: threads, onResult: { results.append($0.audit) })
    return results
  }

  @Test("adding audit accounts leaves every population metric bit-identical")
  func populationUnchanged() throws {
    let arms = [TinyWorld.arm("none", .none), TinyWorld.arm("ico", .icoChildrensCode)]
    let without = try TinyWorld.values(spec(personas: [], arms: arms), threads: 2)
    let with = try TinyWorld.values(
      spec(personas: [persona("a"), persona("b", replicas: 5)], arms: arms), threads: 2)
    #expect(!without.isEmpty)
    #expect(with == without)
  }

  @Test("persona metrics and traces are bit-identical for any thread count")
  func threadInvariant() throws {
    let spec = spec(personas: [persona("a"), persona("b", replicas: 4)])
    let one = try audit(spec, threads: 1)
    let three = try audit(spec, threads: 3)
    #expect(one.flatMap(\.values) == three.flatMap(\.values))
    #expect(one.flatMap(\.traces) == three.flatMap(\.traces))
    #expect(one.flatMap(\.windows) == three.flatMap(\.windows))
    #expect(!(one.first?.traces.isEmpty ?? true))
  }

  @Test("a persona that stops engaging at impression 200 has no engagement after it")
  func phaseChangeToTheImpression() throws {
    let traces = try audit(spec(personas: [persona("a", engaging: 200)])).flatMap(\.traces)
    for replica in 0..<3 {
      let trace = traces.filter { $0.replica == replica }
      #expect(trace.count > 250)
      #expect(trace.prefix(200).allSatisfy { $0.engaged && $0.phase == "engage" })
      #expect(trace.dropFirst(200).allSatisfy { !$0.engaged && $0.phase == "stop" })
    }
  }

  @Test(
    "a persona whose sign-up signals vulnerability differs from a plain one only where the platform can see it"
  )
  func signalsOnlyWhereVisible() throws {
    let signalled = persona(
      "signalled", signals: [taxonomy.dimension(of: HarmIndex(eatingDisorder)): 0.8],
      vulnerable: true)
    let plain = persona("plain")
    let arms = [TinyWorld.arm("none", .none), TinyWorld.arm("ico", .icoChildrensCode)]
    let results = try audit(spec(personas: [signalled, plain], arms: arms))
    func items(_ result: AuditResult, _ persona: String) -> [Int] {
      result.traces.filter { $0.persona == persona }.map(\.item)
    }
    // Profiling on: the signal seeds the profile, so the feeds differ.
    #expect(items(results[0], "signalled") != items(results[0], "plain"))
    // Profiling off for children (ICO): the platform cannot use it; the script ignores
    // susceptibility; common random numbers make the two feeds the same item for item.
    #expect(items(results[1], "signalled") == items(results[1], "plain"))
    #expect(!items(results[1], "plain").isEmpty)
  }

  @Test("audit accounts join after the burn-in and are never counted in cohorts")
  func measuredApart() throws {
    let spec = spec(personas: [persona("a")])
    let world = World(spec: spec, seed: spec.seed)
    #expect(world.population.count == 153)
    let outcome = try TinyWorld.outcome(spec)
    #expect(outcome.cohortMask.suffix(3).allSatisfy { $0 == 0 })
    #expect(outcome.audit.traces.allSatisfy { $0.day >= 0 })
    let values = outcome.audit.values
    #expect(values.contains { $0.phase == AuditMetric.wholeScript && $0.metric == .impressions })
  }
}

import Testing

@testable import FeedSafeCore

@Suite("Policy invariants on tiny worlds")
struct PolicyInvariantTests {
  /// Verified ages with no failures, so assessed band = true band and child policies reach
  /// exactly the children.
  static func verified(_ spec: ExperimentSpec) -> ExperimentSpec {
    var spec = spec
    spec.population.ageAssurance = .verification(failureRate: 0)
    return spec
  }

  @Test(
    "profiling off by default (and kept) hides every profile source and feature from children and holds no observed or inferred data"
  )
  func profilingOffHidesProfile() throws {
    var spec = Self.verified(TinyWorld.spec(arms: [TinyWorld.arm("ico", .icoChildrensCode)]))
    spec.population.stickiness = Array(repeating: 1, count: Setting.allCases.count)
    let world = World(spec: spec, seed: spec.seed)
    let context = ArmContext(spec: spec, arm: spec.arms[0], world: world)
    let outcome = try ArmSimulation.run(spec: spec, arm: spec.arms[0], world: world, threads: 1)
    var children = 0
    for person in 0..<world.population.count
    where AgeBands.standard.isChild(world.population.trueBand[person]) {
      children += 1
      #expect(!context.profiling[person])
      #expect(!spec.feeds[Int(context.feedOf[person])].needsProfile)
      #expect(outcome.tally.observedDataPoints[person] == 0)
      #expect(outcome.tally.inferredDataPoints[person] == 0)
    }
    #expect(children > 10)
    // Adults keep profiling and the engagement feed, and the platform holds data about them.
    let adults = (0..<world.population.count).filter {
      !AgeBands.standard.isChild(world.population.trueBand[$0])
    }
    #expect(
      adults.allSatisfy {
        context.profiling[$0] && spec.feeds[Int(context.feedOf[$0])].name == "engagement"
      })
    #expect(adults.contains { outcome.tally.observedDataPoints[$0] > 0 })
  }

  @Test("children who turn profiling on get the profiled feed (stickiness below 1)")
  func moversGetProfiledFeed() throws {
    var spec = Self.verified(
      TinyWorld.spec(people: 400, arms: [TinyWorld.arm("ico", .icoChildrensCode)]))
    spec.population.stickiness = Array(repeating: 0.5, count: Setting.allCases.count)
    let world = World(spec: spec, seed: spec.seed)
    let context = ArmContext(spec: spec, arm: spec.arms[0], world: world)
    let children = (0..<world.population.count).filter {
      AgeBands.standard.isChild(world.population.trueBand[$0])
    }
    let profiled = children.filter { context.profiling[$0] }
    #expect(!profiled.isEmpty && profiled.count < children.count)
    #expect(profiled.allSatisfy { spec.feeds[Int(context.feedOf[$0])].name == "engagement" })
  }

  @Test("removing a category whose classifier has recall 1 leaves children no exposure to it")
  func perfectRecallRemovesAll() throws {
    var spec = Self.verified(TinyWorld.spec(people: 300, days: 3))
    let selfHarm = try #require(spec.taxonomy.harms.firstIndex { $0.name == "self_harm" })
    spec.catalogue.prevalence[selfHarm] = 0.05
    spec.moderation.recall[selfHarm] = 1
    spec.arms = [
      TinyWorld.arm("none", .none),
      TinyWorld.changingChildren(TinyWorld.arm("none", .none), name: "filtered") {
        $0.harmActions[selfHarm] = .remove
      },
    ]
    let values = try TinyWorld.values(spec)
    let before = try #require(values["none/42/children/self_harm/exposure_per_1k"])
    #expect(before > 0)
    #expect(values["filtered/42/children/self_harm/exposure_per_1k"] == 0)
    #expect(values["filtered/42/children/self_harm/reach"] == 0)
  }

  @Test(
    "filters act on predicted labels: with recall 0 a remove filter changes nothing, and exposure is still counted on true labels"
  )
  func filtersUsePredictedLabels() throws {
    var spec = Self.verified(TinyWorld.spec(people: 300, days: 3))
    let selfHarm = try #require(spec.taxonomy.harms.firstIndex { $0.name == "self_harm" })
    spec.catalogue.prevalence[selfHarm] = 0.05
    spec.moderation.recall[selfHarm] = 0
    spec.moderation.falsePositiveRate = Array(repeating: 0, count: spec.taxonomy.harms.count)
    spec.arms = [
      TinyWorld.arm("none", .none),
      TinyWorld.changingChildren(TinyWorld.arm("none", .none), name: "filtered") {
        $0.harmActions[selfHarm] = .remove
      },
    ]
    let values = try TinyWorld.values(spec)
    let unfiltered = try #require(values["none/42/children/self_harm/exposure_per_1k"])
    #expect(unfiltered > 0)
    #expect(values["filtered/42/children/self_harm/exposure_per_1k"] == unfiltered)
  }

  @Test("false positives remove benign items, counted as over-blocking")
  func falsePositivesOverblock() throws {
    var spec = Self.verified(TinyWorld.spec(people: 200, days: 2))
    spec.moderation.falsePositiveRate = Array(repeating: 0.02, count: spec.taxonomy.harms.count)
    spec.arms = [TinyWorld.arm("none", .none), TinyWorld.arm("ofcom", .ofcomChildrenCodes)]
    let values = try TinyWorld.values(spec)
    #expect(values["none/42/children/all/overblocking_per_1k"] == 0)
    #expect(try #require(values["ofcom/42/children/all/overblocking_per_1k"]) > 0)
    #expect(values["ofcom/42/adult/all/overblocking_per_1k"] == 0)
  }

  @Test(
    "a cap of zero predicted-harmful items per page keeps every predicted-harmful item off children's pages"
  )
  func harmfulCap() throws {
    var spec = Self.verified(TinyWorld.spec(people: 300, days: 3))
    spec.moderation.recall = Array(repeating: 1, count: spec.taxonomy.harms.count)
    spec.arms = [
      TinyWorld.changingChildren(TinyWorld.arm("none", .none), name: "capped") {
        $0.maximumHarmfulPerPage = 0
      }
    ]
    let values = try TinyWorld.values(spec)
    #expect(values["capped/42/children/any_harm/exposure_per_1k"] == 0)
    #expect(try #require(values["capped/42/adult/any_harm/exposure_per_1k"]) > 0)
  }
}

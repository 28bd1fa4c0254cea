import Testing

@testable import FeedSafeCore

@Suite("Ads: advertisers' age gates in every targeting mode")
struct AdTargetingTests {
  /// Self-declared ages, so children who lie are served as the adults they claim to be.
  static func spec(people: Int = 600, days: Int = 5) -> ExperimentSpec {
    var spec = TinyWorld.spec(people: people, items: 2_000, days: days)
    spec.population.ageAssurance = .selfDeclaration
    return spec
  }

  @Test(
    "a child who declares an adult age sees restricted ads that a child who declares 14 never sees")
  func ageGateHonouredWhenProfiled() throws {
    var spec = Self.spec()
    spec.platform.ads.untargetedRestrictedShare = 0  // no leakage: every restricted ad is gated
    let world = World(spec: spec, seed: spec.seed)
    let outcome = try ArmSimulation.run(spec: spec, arm: spec.arms[0], world: world, threads: 1)
    let population = world.population
    let children = (0..<population.count).filter { population.trueAge[$0] < 18 }
    let claimsAdult = children.filter { population.declaredAge[$0] >= 18 }
    let claimsMinor = children.filter { (13..<18).contains(population.declaredAge[$0]) }
    #expect(!claimsAdult.isEmpty && !claimsMinor.isEmpty)
    // Under `none` profiling is on for everyone, so these ads were chosen on the profile.
    #expect(claimsMinor.reduce(0) { $0 + outcome.platform.profiledAds[$1] } > 0)
    #expect(claimsMinor.allSatisfy { outcome.platform.restrictedAds[$0] == 0 })
    #expect(claimsAdult.reduce(0) { $0 + outcome.platform.restrictedAds[$1] } > 0)
  }

  @Test("a declared under-13 the platform admits is still served open ads")
  func declaredUnder13SeesOpenAds() throws {
    let spec = Self.spec()
    let world = World(spec: spec, seed: spec.seed)
    let outcome = try ArmSimulation.run(spec: spec, arm: spec.arms[0], world: world, threads: 1)
    let declaredUnder13 = (0..<world.population.count).filter {
      world.population.declaredAge[$0] < 13
    }
    #expect(!declaredUnder13.isEmpty)
    #expect(declaredUnder13.reduce(0) { $0 + outcome.platform.ads[$1] } > 0)
  }

  @Test("halving every child's lie rate reduces the restricted ads children see")
  func halvingLieRateReducesRestrictedAds() throws {
    let spec = Self.spec(people: 1_500)
    var honest = spec
    for band in honest.population.bandSpecs.indices {
      honest.population.bandSpecs[band].lieRate /= 2
    }
    let key = "none/42/children/all/restricted_ads_per_1k_ads"
    let before = try #require(TinyWorld.values(spec)[key])
    let after = try #require(TinyWorld.values(honest)[key])
    #expect(after < before * 0.8)
  }

  @Test("ads chosen without the profile match children's interests less than profiled ads do")
  func alignmentFollowsProfiling() throws {
    let profiled = TinyWorld.arm("profiled", .none)
    let dsa = TinyWorld.arm("dsa", .dsaMinors)
    var spec = Self.spec(people: 800)
    spec.arms = [profiled, dsa]
    spec.population.ageAssurance = .verification(failureRate: 0)
    let values = try TinyWorld.values(spec)
    let key = "42/children/all/ad_interest_alignment"
    let withProfile = try #require(values["profiled/\(key)"])
    let without = try #require(values["dsa/\(key)"])
    #expect(withProfile > without)
    // Creator commercial content is ranked like any item, so no ad rule changes how well it fits.
    let commercial = try #require(values["dsa/42/children/all/commercial_interest_alignment"])
    #expect(commercial > 0 && commercial <= 1)
  }
}

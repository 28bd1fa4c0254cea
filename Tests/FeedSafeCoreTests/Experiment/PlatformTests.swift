import Testing

@testable import FeedSafeCore

@Suite("Beyond the feed: ads, contact, location, consent")
struct PlatformTests {
  static func spec(people: Int = 400, days: Int = 5, arms: [Arm]) -> ExperimentSpec {
    var spec = TinyWorld.spec(people: people, items: 2_000, days: days, arms: arms)
    spec.population.ageAssurance = .verification(failureRate: 0)
    return spec
  }

  static func children(_ outcome: ArmOutcome, _ population: Population) -> [Int] {
    (0..<population.count).filter { AgeBands.standard.isChild(population.trueBand[$0]) }
  }

  @Test("with personalised ads off and kept off, no child's ad is chosen on the profile")
  func noProfiledAdsWithoutPersonalisedAds() throws {
    var spec = Self.spec(arms: [TinyWorld.arm("ico", .icoChildrensCode)])
    spec.population.stickiness = Array(repeating: 1, count: Setting.allCases.count)
    let world = World(spec: spec, seed: spec.seed)
    let outcome = try ArmSimulation.run(spec: spec, arm: spec.arms[0], world: world, threads: 1)
    let children = Self.children(outcome, world.population)
    #expect(children.reduce(0) { $0 + outcome.platform.ads[$1] } > 0)
    #expect(children.allSatisfy { outcome.platform.profiledAds[$0] == 0 })
    let adults = (0..<world.population.count).filter { !children.contains($0) }
    #expect(adults.reduce(0) { $0 + outcome.platform.profiledAds[$1] } > 0)
  }

  @Test("blocking restricted ads keeps every restricted ad from assessed children")
  func restrictedAdsBlocked() throws {
    let open = TinyWorld.arm("open", .none)
    let blocked = TinyWorld.changingChildren(open, name: "blocked") {
      $0.blocksRestrictedAds = true
    }
    var spec = Self.spec(arms: [open, blocked])
    spec.platform.ads.untargetedRestrictedShare = 1  // no advertiser age targeting at all
    let values = try TinyWorld.values(spec)
    #expect(try #require(values["open/42/children/all/restricted_ads_per_1k_ads"]) > 0)
    #expect(values["blocked/42/children/all/restricted_ads_per_1k_ads"] == 0)
  }

  @Test("private profiles without suggestions leave strangers no way in: no requests, no contact")
  func privateByDefault() throws {
    let privateArm = TinyWorld.changingChildren(TinyWorld.arm("private", .none), name: "private") {
      $0.defaults[.publicProfile] = false
      $0.adjustable[.publicProfile] = false
      $0.suggestsToUnknownAdults = false
    }
    let spec = Self.spec(days: 30, arms: [TinyWorld.arm("public", .none), privateArm])
    let values = try TinyWorld.values(spec)
    #expect(try #require(values["public/42/children/all/stranger_requests_per_30d"]) > 0)
    #expect(values["private/42/children/all/stranger_requests_per_30d"] == 0)
    #expect(values["private/42/children/all/contacted_by_unknown_adult"] == 0)
    #expect(values["private/42/children/all/location_visible_to_strangers"] == 0)
  }

  @Test("a child assessed as adult gets the adult defaults, which share no location with strangers")
  func adultDefaultsShareNoLocation() throws {
    var spec = Self.spec(arms: [TinyWorld.arm("ico", .icoChildrensCode)])
    spec.population.ageAssurance = .selfDeclaration
    spec.population.stickiness = Array(repeating: 1, count: Setting.allCases.count)
    spec.platform.settingChanges.changePerDay = 0  // everyone keeps their defaults throughout
    let world = World(spec: spec, seed: spec.seed)
    let outcome = try ArmSimulation.run(spec: spec, arm: spec.arms[0], world: world, threads: 1)
    let population = world.population
    let assessedAsAdult = (0..<population.count).filter {
      population.trueAge[$0] < 18 && population.assessedAge[$0] >= 18
    }
    #expect(!assessedAsAdult.isEmpty)
    #expect((0..<population.count).allSatisfy { !outcome.platform.locationVisible[$0] })
  }

  @Test("an under-13 whose parent does not consent never appears on the platform")
  func consentRefused() throws {
    var spec = Self.spec(arms: [TinyWorld.arm("ico", .icoChildrensCode)])
    spec.platform.underThirteen = UnderThirteenSpec(
      parentalConsentRate: 0, refusesWithoutConsent: true)
    let world = World(spec: spec, seed: spec.seed)
    let outcome = try ArmSimulation.run(spec: spec, arm: spec.arms[0], world: world, threads: 1)
    let under13 = (0..<world.population.count).filter {
      world.population.trueBand[$0] == AgeBand(0)
    }
    #expect(!under13.isEmpty)
    #expect(
      under13.allSatisfy { !outcome.platform.onPlatform[$0] && outcome.tally.impressions[$0] == 0 })
    #expect(
      under13.allSatisfy {
        outcome.platform.strangerContacts[$0] == 0 && outcome.platform.ads[$0] == 0
      })
    let values = try TinyWorld.values(spec)
    #expect(values["ico/42/under_13/all/on_platform"] == 0)
    #expect(values["ico/42/13_15/all/on_platform"] == 1)
  }

  @Test("adding ads does not change a single organic draw: every feed metric is identical")
  func adsLeaveOrganicFeedAlone() throws {
    var without = Self.spec(arms: [TinyWorld.arm("none", .none)])
    without.platform.ads.adLoad = 0
    var with = without
    with.platform.ads.adLoad = 0.2
    let organic = Set(
      Metric.allCases.filter(\.isPerCategory).map(\.rawValue) + ["minutes_per_day", "data_points"])
    let a = try TinyWorld.values(without).filter {
      organic.contains(String($0.key.split(separator: "/").last ?? ""))
    }
    let b = try TinyWorld.values(with).filter {
      organic.contains(String($0.key.split(separator: "/").last ?? ""))
    }
    #expect(!a.isEmpty)
    #expect(a == b)
    #expect(try TinyWorld.values(with)["none/42/all/all/ads_per_hour"] ?? 0 > 0)
  }

  struct Perturbation: CustomTestStringConvertible, Sendable {
    let name: String
    let change: @Sendable (inout PlatformSpec) -> Void
    var testDescription: String { name }
  }

  static let perturbations: [Perturbation] = [
    Perturbation(name: "ads.ad_load") { $0.ads.adLoad = 0.25 },
    Perturbation(name: "ads.inventory_size") { $0.ads.inventorySize = 50 },
    Perturbation(name: "ads.candidates_per_slot") { $0.ads.candidatesPerSlot = 1 },
    Perturbation(name: "ads.categories (restricted share)") { spec in
      for index in spec.ads.categories.indices where spec.ads.categories[index].isRestricted {
        spec.ads.categories[index].share *= 6
      }
    },
    Perturbation(name: "ads.untargeted_restricted_share") { $0.ads.untargetedRestrictedShare = 1 },
    Perturbation(name: "ads.commercial_share") { $0.ads.commercialShare = 0.4 },
    Perturbation(name: "contact.search_requests_per_day") { $0.contact.searchRequestsPerDay = 0.2 },
    Perturbation(name: "contact.suggestion_requests_per_day") {
      $0.contact.suggestionRequestsPerDay = 0.2
    },
    Perturbation(name: "contact.messages_per_day") { $0.contact.messagesPerDay = 0.2 },
    Perturbation(name: "contact.bad_actor_share") { $0.contact.badActorShare = 0.5 },
    Perturbation(name: "contact.bad_actor_requests_per_day") {
      $0.contact.badActorRequestsPerDay = 0.2
    },
    Perturbation(name: "contact.acceptance") {
      $0.contact.acceptance = $0.contact.acceptance.map { _ in 0.9 }
    },
    Perturbation(name: "setting_changes.change_per_day") { $0.settingChanges.changePerDay = 0.5 },
    Perturbation(name: "setting_changes.nudge_factor") { $0.settingChanges.nudgeFactor = 100 },
    Perturbation(name: "under_13.parental_consent_rate") {
      $0.underThirteen.parentalConsentRate = 1
    },
    Perturbation(name: "under_13.without_consent") {
      $0.underThirteen.refusesWithoutConsent = false
    },
    Perturbation(name: "tracking.consent_with_reject") { $0.tracking.consentWithReject = 0.9 },
    Perturbation(name: "tracking.uplift_without_reject") { $0.tracking.upliftWithoutReject = 0.5 },
    Perturbation(name: "tracking.third_party_data_points_per_day") {
      $0.tracking.thirdPartyDataPointsPerDay = 50
    },
  ]

  @Test("every parameter beyond the feed, perturbed, moves some output", arguments: perturbations)
  func everyParameterMatters(_ perturbation: Perturbation) throws {
    // Both presets, so that consent, private profiles and the tracking prompt all come into play.
    let spec = Self.spec(
      people: 300, days: 6,
      arms: [TinyWorld.arm("none", .none), TinyWorld.arm("ico", .icoChildrensCode)])
    var changed = spec
    perturbation.change(&changed.platform)
    #expect(try TinyWorld.values(spec) != TinyWorld.values(changed))
  }
}

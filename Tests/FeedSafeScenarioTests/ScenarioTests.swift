import FeedSafeCore
import FeedSafeScenario
import Foundation
import Testing

@Suite("Scenario files")
struct ScenarioTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static var shippedScenarios: [String] {
    let directory = root.appendingPathComponent("scenarios")
    let files = (try? FileManager.default.subpathsOfDirectory(atPath: directory.path)) ?? []
    // Feed files (`feeds/`) are included by scenarios, not scenarios themselves.
    return files.filter { $0.hasSuffix(".yaml") && !$0.contains("feeds/") }.sorted().map {
      directory.appendingPathComponent($0).path
    }
  }

  @Test("every scenario shipped in scenarios/ loads", arguments: shippedScenarios)
  func shippedScenarioLoads(path: String) throws {
    let scenario = try Scenario.load(path: path)
    #expect(!scenario.spec.arms.isEmpty)
    #expect(!scenario.spec.description.isEmpty)
  }

  @Test("a minimal scenario gets the documented defaults")
  func minimalScenario() throws {
    let scenario = try Scenario.parse("name: minimal\narms:\n  a: {}\n", file: "minimal.yaml")
    let spec = scenario.spec
    #expect(spec.replications == 5)
    #expect(spec.horizonDays == 30)
    #expect(spec.population.size == 2_000)
    #expect(spec.catalogue.size == 20_000)
    #expect(spec.taxonomy.harms.count == 10)
    #expect(spec.population.ageAssurance == .selfDeclaration)
    #expect(
      spec.arms[0].policies.allSatisfy { $0.feed == "engagement" && $0.defaults == .adultDefaults })
  }

  @Test("the ICO preset turns every setting off by default for child bands only")
  func icoPreset() throws {
    let spec = try Scenario.parse(
      "name: ico\narms:\n  a: {preset: ico-childrens-code}\n", file: "x.yaml"
    ).spec
    let bands = spec.population.bands
    for band in bands.all {
      #expect(
        spec.arms[0].policy(for: band).defaults == (bands.isChild(band) ? .allOff : .adultDefaults))
    }
  }

  @Test("filters by group apply to every member; a single category overrides its group")
  func groupFilters() throws {
    let yaml = """
      name: filters
      arms:
        a:
          filters:
            priority: {downrank: 0.5}
            bullying: remove
            primary_priority: remove
      """
    let spec = try Scenario.parse(yaml, file: "x.yaml").spec
    let actions = spec.arms[0].policies[0].harmActions
    for (index, harm) in spec.taxonomy.harms.enumerated() {
      let expected: HarmAction =
        harm.tier == .primaryPriority || harm.name == "bullying" ? .remove : .downrank(factor: 0.5)
      #expect(actions[index] == expected, "\(harm.name)")
    }
  }

  @Test("arm settings apply to all bands, then children, then single bands")
  func layering() throws {
    let yaml = """
      name: layers
      arms:
        a:
          preset: none
          max_harmful_per_page: 3
          children: {max_harmful_per_page: 1, defaults: {profiling: false}}
          bands:
            16_17: {max_harmful_per_page: 2, feed: trending}
      """
    let spec = try Scenario.parse(yaml, file: "x.yaml").spec
    let caps = spec.arms[0].policies.map(\.maximumHarmfulPerPage)
    #expect(caps == [1, 1, 2, 3])
    #expect(
      spec.arms[0].policies.map(\.feed) == ["engagement", "engagement", "trending", "engagement"])
    #expect(spec.arms[0].policies.map { $0.defaults[.profiling] } == [false, false, false, true])
  }

  @Test("a feed can extend a preset and override its quotas, weights and fallback")
  func feedExtends() throws {
    let yaml = """
      name: feeds
      feeds:
        candidate:
          extends: engagement
          scoring: {predicted_engagement: 2, popularity: 0.1}
          page_size: 8
      arms:
        a: {feed: candidate}
      """
    let spec = try Scenario.parse(yaml, file: "x.yaml").spec
    let feed = try #require(spec.feeds.first { $0.name == "candidate" })
    #expect(feed.weight(of: .predictedEngagement) == 2)
    #expect(feed.weight(of: .affinity) == 0)
    #expect(feed.pageSize == 8)
    #expect(feed.fallback == "declared_interests")
    #expect(feed.sources == FeedPreset.engagement.definition.sources)
  }

  @Test("custom age bands and a custom taxonomy are used throughout")
  func customBandsAndTaxonomy() throws {
    let yaml = """
      name: custom
      population:
        age_bands: {kids: 0, teens: 13, grown_ups: 18}
        bands:
          kids: {share: 0.2}
          teens: {share: 0.3}
          grown_ups: {share: 0.5}
      catalogue:
        topics: [fitness, music]
        harms:
          pro_ana: {tier: primary_priority, gateways: [fitness], prevalence: 0.02}
      arms:
        a:
          bands:
            teens: {filters: {pro_ana: remove}}
      """
    let spec = try Scenario.parse(yaml, file: "x.yaml").spec
    #expect(spec.population.bands.names == ["kids", "teens", "grown_ups"])
    #expect(spec.taxonomy.harms.map(\.name) == ["pro_ana"])
    #expect(spec.catalogue.prevalence == [0.02])
    #expect(spec.arms[0].policies.map(\.harmActions) == [[.allow], [.remove], [.allow]])
  }

  @Test("an arm's age assurance method is read with its parameters")
  func armAgeAssurance() throws {
    let yaml = """
      name: aa
      arms:
        a: {age_assurance: {method: estimation, mean_absolute_error: 2}}
        b: {age_assurance: verification}
        c: {}
      """
    let arms = try Scenario.parse(yaml, file: "x.yaml").spec.arms
    #expect(
      arms.map(\.ageAssurance) == [
        .estimation(meanAbsoluteError: 2), .verification(failureRate: 0.01), nil,
      ])
  }
}

@Suite("Scenario keys beyond the feed")
struct PlatformScenarioTests {
  @Test("ads, contact, under-13 and tracking sections and their arm keys are read")
  func platformSections() throws {
    let yaml = """
      name: beyond
      ads:
        ad_load: 0.2
        categories:
          gambling: {restricted: true, share: 0.5, topic: gaming}
          games: {share: 0.5, topic: gaming}
      contact:
        acceptance: 0.3
      under_13: {parental_consent_rate: 0.8, without_consent: limit}
      tracking: {consent_with_reject: 0.4}
      arms:
        a:
          children:
            block_restricted_ads: true
            profiled_ads: false
            suggest_to_unknown_adults: false
            messages_from_unknown_adults: false
            parental_consent: true
            tracking_prompt: reject_on_first_screen
      """
    let spec = try Scenario.parse(yaml, file: "x.yaml").spec
    #expect(spec.platform.ads.adLoad == 0.2)
    #expect(spec.platform.ads.categories.map(\.name) == ["gambling", "games"])
    #expect(spec.platform.ads.categories.map(\.isRestricted) == [true, false])
    #expect(spec.platform.contact.acceptance == [0.3, 0.3, 0.3, 0.3])
    #expect(
      spec.platform.underThirteen
        == UnderThirteenSpec(parentalConsentRate: 0.8, refusesWithoutConsent: false))
    #expect(spec.platform.tracking.consentWithReject == 0.4)
    let child = spec.arms[0].policies[1]
    let adult = spec.arms[0].policies[3]
    #expect(child.blocksRestrictedAds && !child.allowsProfiledAds && !child.suggestsToUnknownAdults)
    #expect(
      !child.allowsMessagesFromUnknownAdults && child.requiresParentalConsent
        && child.offersRejectOnFirstScreen)
    #expect(!adult.blocksRestrictedAds && adult.allowsProfiledAds && !adult.requiresParentalConsent)
  }

  @Test("a bad value beyond the feed is located and says what is allowed")
  func badValue() throws {
    let yaml = "name: x\nunder_13: {without_consent: ask}\nads: {ad_load: 0.9}\narms: {a: {}}\n"
    let error = try #require(throws: ScenarioError.self) {
      try Scenario.parse(yaml, file: "x.yaml")
    }
    #expect(
      error.description == """
        x.yaml:2:29: error: unknown without_consent 'ask'; allowed: refuse, limit
        x.yaml:3:16: error: 'ad_load' must be between 0 and 0.5, got 0.9
        """)
  }
}

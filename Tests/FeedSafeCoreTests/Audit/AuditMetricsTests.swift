import Testing

@testable import FeedSafeCore

/// The audit metrics on traces built by hand, where every answer can be counted.
@Suite("Audit metrics")
struct AuditMetricsTests {
  let spec: ExperimentSpec
  let world: World
  let harmful: Int32
  let benign: Int32

  init() throws {
    var spec = TinyWorld.spec(people: 10, items: 1_000, days: 1)
    let taxonomy = spec.taxonomy
    spec.audit = AuditSpec(personas: [
      Persona(
        name: "p", replicas: 2, age: 13, declaredAge: 13, declaredInterests: [],
        signals: Array(repeating: 0, count: taxonomy.dimensionCount),
        susceptibility: Array(repeating: 1, count: taxonomy.harms.count), joinDay: 0,
        minutesPerDay: 60,
        phases: [
          AuditPhase(name: "harm", length: .impressions(50), behaviour: .stopEngaging),
          AuditPhase(name: "after", length: .impressions(100), behaviour: .stopEngaging),
        ])
    ])
    self.spec = spec
    world = World(spec: spec, seed: spec.seed)
    let catalogue = world.catalogue
    harmful = try #require((0..<catalogue.count).first { catalogue.harm[$0] >= 0 }).int32
    benign = try #require((0..<catalogue.count).first { catalogue.harm[$0] < 0 }).int32
  }

  /// Account `account`'s trace: `items[i]` shown at 10 s each, in phase 0 for the first 50.
  func trace(_ items: [Int32], account: Int32) -> [AuditImpression] {
    items.enumerated().map { index, item in
      AuditImpression(
        account: account, day: 0, phase: index < 50 ? 0 : 1, position: 0, source: 0,
        watched: false, engaged: false, item: item, secondsBefore: Int32(index * 10), seconds: 10)
    }
  }

  func values(_ impressions: [AuditImpression]) -> [String: Double] {
    let result = AuditMetrics.result(
      impressions, arm: "a", seed: 1,
      roster: AuditRoster(spec: spec.audit, population: world.population),
      catalogue: world.catalogue, measures: HarmMeasures(taxonomy: spec.taxonomy))
    var values: [String: Double] = [:]
    for value in result.values where value.category == "any_harm" || !value.metric.isPerCategory {
      values["\(value.phase)/\(value.metric.rawValue)"] = value.value
    }
    return values
  }

  @Test("recovery counts the items until the trailing 50-item harmful share halves")
  func recovery() {
    // 50 harmful, then benign: the window's share falls to 1/2 after 25 benign items.
    let items = Array(repeating: harmful, count: 50) + Array(repeating: benign, count: 100)
    let values = values(trace(items, account: 0) + trace(items, account: 1))
    #expect(values["after/recovery_impressions"] == 25)
    #expect(values["harm/harmful_share"] == 1)
    #expect(values["after/harmful_share"] == 0)
    #expect(values["harm/longest_streak"] == 50)
    #expect(values["harm/items_to_first"] == 0)
    #expect(values["after/items_to_first"] == nil)  // never exposed after the change
    #expect(values["all/impressions"] == 150)
    #expect(values["all/minutes"] == 25)
  }

  @Test("a replica that never recovers is censored, and the median needs half the replicas")
  func censoredRecovery() {
    let recovers = Array(repeating: harmful, count: 50) + Array(repeating: benign, count: 100)
    let stays = Array(repeating: harmful, count: 150)
    // One of two recovers at 25: the Kaplan–Meier estimate reaches 0.5 there.
    #expect(
      values(trace(recovers, account: 0) + trace(stays, account: 1))["after/recovery_impressions"]
        == 25)
    // Neither recovers: undefined.
    #expect(
      values(trace(stays, account: 0) + trace(stays, account: 1))["after/recovery_impressions"]
        == nil)
  }

  @Test("items to first harmful is counted from the phase start, per replica, as a median")
  func firstHarmful() {
    var early = Array(repeating: benign, count: 150)
    early[60] = harmful  // 10 items into the second phase
    var late = Array(repeating: benign, count: 150)
    late[80] = harmful  // 30 items in
    let values = values(trace(early, account: 0) + trace(late, account: 1))
    #expect(values["after/items_to_first"] == 10)
    #expect(values["after/minutes_to_first"] == 100.0 / 60)
    #expect(values["after/recovery_impressions"] == nil)  // nothing to recover from
  }
}

extension Int {
  fileprivate var int32: Int32 { Int32(self) }
}

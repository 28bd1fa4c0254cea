import Testing

@testable import FeedSafeCore

@Suite("Settings that change over time")
struct SettingChangeTests {
  /// Verified ages, so every child is served the child policy.
  static func spec(days: Int, arms: [Arm]) -> ExperimentSpec {
    var spec = TinyWorld.spec(people: 600, items: 2_000, days: days, arms: arms)
    spec.population.ageAssurance = .verification(failureRate: 0)
    return spec
  }

  static let ico = TinyWorld.arm("ico", .icoChildrensCode)
  static let nudged = TinyWorld.changingChildren(ico, name: "nudged") {
    $0.nudgesSettingChanges = true
  }

  @Test("forbidding nudges keeps more children on private defaults after 30 days")
  func nudgesMoveChildrenOffPrivateDefaults() throws {
    let values = try TinyWorld.values(Self.spec(days: 30, arms: [Self.ico, Self.nudged]))
    let forbidden = try #require(values["ico/42/children/all/settings_on_default"])
    let allowed = try #require(values["nudged/42/children/all/settings_on_default"])
    #expect(forbidden > allowed)
  }

  @Test("more days leave fewer people on their defaults; a parent's approval slows the change")
  func changesAccumulate() throws {
    let approval = TinyWorld.changingChildren(Self.nudged, name: "approval") {
      $0.requiresParentalApproval = true
    }
    let short = try TinyWorld.values(Self.spec(days: 2, arms: [Self.nudged]))
    let long = try TinyWorld.values(Self.spec(days: 30, arms: [Self.nudged, approval]))
    let key = "children/all/settings_on_default"
    let day2 = try #require(short["nudged/42/\(key)"])
    let day30 = try #require(long["nudged/42/\(key)"])
    #expect(day30 < day2)
    #expect(try #require(long["approval/42/\(key)"]) > day30)
  }

  @Test("with no changes after sign-up, the last day's settings are the sign-up ones")
  func noChangeKeepsSignUp() throws {
    var spec = Self.spec(days: 10, arms: [Self.nudged])
    spec.platform.settingChanges.changePerDay = 0
    let world = World(spec: spec, seed: spec.seed)
    let context = ArmContext(spec: spec, arm: spec.arms[0], world: world)
    let outcome = try ArmSimulation.run(spec: spec, arm: spec.arms[0], world: world, threads: 1)
    #expect(
      (0..<world.population.count).allSatisfy {
        !outcome.platform.onPlatform[$0]
          || outcome.platform.locationVisible[$0] == context.platform.locationVisible[$0]
      })
  }

  @Test("the first day of a daily chance follows the geometric law")
  func geometricFirstDay() {
    #expect(SettingTimeline.firstDay(rate: 0, u: 0.5) == SettingTimeline.never)
    #expect(SettingTimeline.firstDay(rate: 1, u: 0.5) == 0)
    #expect(SettingTimeline.firstDay(rate: 0.5, u: 0.3) == 1)  // 0.5 ≥ 0.3 > 0.25
  }
}

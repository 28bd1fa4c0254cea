import RealModule

/// How people change their contact and location settings after sign-up
/// (`docs/beyond-the-feed.md`, "Settings over time").
public struct SettingChangeSpec: Sendable, Equatable {
  /// Probability per day that a person still on a setting's default changes it.
  public var changePerDay: Double
  /// Factor on that probability where the default is private and the platform nudges people to
  /// change it (a prompt to turn location on, to go public); ICO standard 13 forbids nudges.
  public var nudgeFactor: Double
  /// Probability that a parent approves a change, where the policy requires their approval.
  public var parentalApprovalRate: Double

  /// Every part given.
  public init(changePerDay: Double, nudgeFactor: Double, parentalApprovalRate: Double) {
    self.changePerDay = changePerDay
    self.nudgeFactor = nudgeFactor
    self.parentalApprovalRate = parentalApprovalRate
  }

  /// The defaults (all assumptions with ranges in `docs/beyond-the-feed.md`).
  public static let standard = SettingChangeSpec(
    changePerDay: 0.002, nudgeFactor: 3, parentalApprovalRate: 0.5)
}

/// The day of the measured horizon on which each person changes each contact or location setting
/// away from its sign-up value, drawn once per arm from the person's own stream.
///
/// Only these settings change over time: they act beyond the feed, day by day. Profiling and
/// personalised ads keep their sign-up values, since the feed and ads resolve them once per arm.
struct SettingTimeline: Sendable {
  /// The settings that change over time, in column order.
  static let settings: [Setting] = [.publicProfile, .geolocation, .shareLocation]
  /// "Never" (beyond any horizon).
  static let never = Int32.max

  /// Each setting's value at sign-up, `count × settings.count`.
  let signUpValue: ContiguousArray<Bool>
  /// Each setting's default under the person's policy, `count × settings.count`.
  let defaultValue: ContiguousArray<Bool>
  /// The measured day from which each setting is flipped, or `never`, `count × settings.count`.
  let changeDay: ContiguousArray<Int32>

  /// Builds the timeline; `resolve(person, setting)` gives (value at sign-up, default, whether
  /// the person may change it, the policy) for one person and setting.
  init(
    count: Int, spec: SettingChangeSpec, seed: UInt64,
    resolve: (Int, Setting) -> (
      value: Bool, defaultValue: Bool, changeable: Bool, policy: BandPolicy
    )
  ) {
    var signUpValue = ContiguousArray<Bool>()
    var defaultValue = ContiguousArray<Bool>()
    var changeDay = ContiguousArray<Int32>()
    for person in 0..<count {
      var rng = RandomStream(seed: seed, purpose: .settingChange, person: person)
      for setting in Self.settings {
        let resolved = resolve(person, setting)
        signUpValue.append(resolved.value)
        defaultValue.append(resolved.defaultValue)
        let u = 1 - rng.uniform()  // drawn for every setting, so columns never shift
        var rate = spec.changePerDay
        if !resolved.defaultValue && resolved.policy.nudgesSettingChanges {
          rate *= spec.nudgeFactor
        }
        if resolved.policy.requiresParentalApproval { rate *= spec.parentalApprovalRate }
        let stillOnDefault = resolved.value == resolved.defaultValue
        changeDay.append(
          resolved.changeable && stillOnDefault
            ? Self.firstDay(rate: min(1, rate), u: u) : Self.never
        )
      }
    }
    self.signUpValue = signUpValue
    self.defaultValue = defaultValue
    self.changeDay = changeDay
  }

  /// The first day (from 0) of a per-day chance `rate`, by inversion of the geometric law.
  static func firstDay(rate: Double, u: Double) -> Int32 {
    guard rate > 0 else { return never }
    guard rate < 1 else { return 0 }
    let day = (Double.log(u) / Double.log(1 - rate)).rounded(.down)
    return day < Double(never) ? Int32(day) : never
  }

  /// The value of setting column `column` for `person` on measured day `day` (−1 for the
  /// burn-in: the sign-up value).
  @inline(__always)
  func value(_ column: Int, of person: Int, onDay day: Int) -> Bool {
    let index = person * Self.settings.count + column
    return signUpValue[index] != (Int32(clamping: day) >= changeDay[index])
  }

  /// Whether every setting of `person` is still at its default on measured day `day`.
  func isOnDefault(_ person: Int, onDay day: Int) -> Bool {
    (0..<Self.settings.count).allSatisfy {
      value($0, of: person, onDay: day) == defaultValue[person * Self.settings.count + $0]
    }
  }
}

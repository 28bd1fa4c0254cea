/// A per-person privacy setting whose *default* a policy chooses (ICO Children's code, standard 7:
/// "settings must be high privacy by default").
public enum Setting: String, CaseIterable, Sendable, Comparable {
  /// Observed and inferred data are collected and used to rank the feed.
  case profiling
  /// Ads may be targeted on the profile.
  case personalisedAds = "personalised_ads"
  /// Precise location is collected.
  case geolocation
  /// The profile is visible to people who do not follow the account.
  case publicProfile = "public_profile"
  /// Precise location is shown on the profile and posts (needs `geolocation`).
  case shareLocation = "share_location"

  public static func < (a: Self, b: Self) -> Bool { a.position < b.position }
  private var position: Int { Setting.allCases.firstIndex(of: self) ?? 0 }
}

/// A value for every ``Setting``.
public struct SettingValues: Sendable, Equatable {
  /// Whether each setting is on, indexed in `Setting.allCases` order.
  public var values: [Bool]

  /// All settings on (the usual adult default on a platform without child protections).
  public static let allOn = SettingValues(
    values: Array(repeating: true, count: Setting.allCases.count))
  /// What an adult account gets on a large social platform (`docs/beyond-the-feed.md`): profiling,
  /// personalised ads, geolocation and a public profile on, but location sharing off, since
  /// showing one's location to others is opt-in for everyone (Snap Map's Ghost Mode, Instagram Map).
  public static let adultDefaults: SettingValues = {
    var values = SettingValues.allOn
    values[.shareLocation] = false
    return values
  }()
  /// All settings off (high privacy).
  public static let allOff = SettingValues(
    values: Array(repeating: false, count: Setting.allCases.count))

  /// Whether `setting` is on.
  public subscript(_ setting: Setting) -> Bool {
    get { values[Setting.allCases.firstIndex(of: setting) ?? 0] }
    set { values[Setting.allCases.firstIndex(of: setting) ?? 0] = newValue }
  }
}

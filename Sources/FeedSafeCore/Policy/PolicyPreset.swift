/// Policy presets an arm can name instead of spelling out every setting. Each models the rule it
/// is named after for people *assessed* to be under 18; `docs/policies.md` gives the sources.
public enum PolicyPreset: String, Sendable, CaseIterable {
  /// No child protections: profiling on and not offered as a choice, no harm filters.
  case none
  /// ICO Age appropriate design code (2020), standards 7, 10 and 12: high-privacy defaults —
  /// profiling, personalised ads and geolocation off by default, profiles private by default;
  /// parental consent for under-13s (UK GDPR Art. 8), a tracking prompt with "reject" up front,
  /// and, standard 13, no nudges to move off the private defaults.
  case icoChildrensCode = "ico-childrens-code"
  /// Ofcom Protection of Children Codes (2025), safer feeds: primary priority content filtered
  /// out, priority content down-ranked, "not interested" feedback honoured; and Ofcom's Illegal
  /// Content Codes (2024) against grooming: children not suggested to, nor messaged by, adults
  /// they do not know.
  case ofcomChildrenCodes = "ofcom-children-codes"
  /// EU Digital Services Act Art. 28(2) and Art. 38: no profiling-based ads to minors and a
  /// feed option not based on profiling (profiling stays on by default but can be turned off).
  case dsaMinors = "dsa-minors"

  /// Down-rank factor used for priority content (an assumption: the codes give no number).
  public static let priorityDownrankFactor = 0.2

  /// The preset's policy for one assessed band, serving `feed`.
  public func policy(
    isChild: Bool, feed: String, taxonomy: Taxonomy
  ) -> BandPolicy {
    let allow = [HarmAction](repeating: .allow, count: taxonomy.harms.count)
    // Every preset starts from what adults get, so a child assessed as adult gets exactly that.
    var policy = BandPolicy(feed: feed, defaults: .adultDefaults, harmActions: allow)
    switch self {
    case .none:
      policy.adjustable[.profiling] = false
    case .icoChildrensCode:
      guard isChild else { break }
      policy.defaults = .allOff
      policy.requiresParentalConsent = true
      policy.offersRejectOnFirstScreen = true
      policy.nudgesSettingChanges = false
    case .ofcomChildrenCodes:
      guard isChild else { break }
      policy.harmActions = taxonomy.harms.map {
        $0.tier == .primaryPriority ? .remove : .downrank(factor: Self.priorityDownrankFactor)
      }
      policy.honoursNotInterested = true
      policy.suggestsToUnknownAdults = false
      policy.allowsMessagesFromUnknownAdults = false
    case .dsaMinors:
      guard isChild else { break }
      policy.defaults[.personalisedAds] = false
      policy.adjustable[.personalisedAds] = false
      policy.allowsProfiledAds = false
    }
    return policy
  }
}

import FeedSafeCore
import Foundation

/// An arm's fully resolved settings (after presets and defaults) as stable JSON, stored with the
/// run so a reader can see exactly what each band got.
enum ArmSettingsJSON {
  struct Band: Encodable {
    let feed: String
    let defaults: [String: Bool]
    let offered: [String: Bool]
    let filters: [String: String]
    let max_harmful_per_page: Int?
    let max_same_topic_in_row: Int?
    let not_interested: Bool
    let block_restricted_ads: Bool
    let profiled_ads: Bool
    let suggest_to_unknown_adults: Bool
    let messages_from_unknown_adults: Bool
    let parental_consent: Bool
    let tracking_prompt: String
  }

  static func encode(_ arm: Arm, spec: ExperimentSpec) -> String {
    var bands: [String: Band] = [:]
    for band in spec.population.bands.all {
      let policy = arm.policy(for: band)
      var filters: [String: String] = [:]
      for (index, action) in policy.harmActions.enumerated() {
        let name = spec.taxonomy.harms[index].name
        switch action {
        case .allow: filters[name] = "allow"
        case .remove: filters[name] = "remove"
        case .downrank(let factor): filters[name] = "downrank(\(factor))"
        }
      }
      bands[spec.population.bands.name(of: band)] = Band(
        feed: policy.feed,
        defaults: Dictionary(
          uniqueKeysWithValues: Setting.allCases.map { ($0.rawValue, policy.defaults[$0]) }),
        offered: Dictionary(
          uniqueKeysWithValues: Setting.allCases.map { ($0.rawValue, policy.adjustable[$0]) }),
        filters: filters, max_harmful_per_page: policy.maximumHarmfulPerPage,
        max_same_topic_in_row: policy.maximumSameTopicInRow,
        not_interested: policy.honoursNotInterested,
        block_restricted_ads: policy.blocksRestrictedAds, profiled_ads: policy.allowsProfiledAds,
        suggest_to_unknown_adults: policy.suggestsToUnknownAdults,
        messages_from_unknown_adults: policy.allowsMessagesFromUnknownAdults,
        parental_consent: policy.requiresParentalConsent,
        tracking_prompt: policy.offersRejectOnFirstScreen
          ? "reject_on_first_screen" : "accept_only_on_first_screen")
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(bands) else {
      preconditionFailure("arm settings are plain strings, numbers and booleans")
    }
    return String(decoding: data, as: UTF8.self)
  }
}

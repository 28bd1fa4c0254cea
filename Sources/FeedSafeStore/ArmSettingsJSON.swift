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
    return json(bands)
  }

  /// A feed definition as stored: sources with quotas, every non-zero weight, the page.
  struct Feed: Encodable {
    let sources: [String: Int]
    let scoring: [String: Double]
    let page_size: Int
    let trending_size: Int
    let fallback: String?
    let exploration: Double
    /// The external ranker's command; absent for the weighted rule.
    let ranker: [String]?
  }

  /// The definitions of every feed the arm serves (each band's feed and the fallbacks they lead
  /// to), by name, as stable JSON: what a `--feeds` file changed, readable from the store.
  static func feeds(_ arm: Arm, spec: ExperimentSpec) -> String {
    var names = spec.population.bands.all.map { arm.policy(for: $0).feed }
    var feeds: [String: Feed] = [:]
    while let name = names.popLast() {
      guard feeds[name] == nil, let index = spec.feedIndex(named: name) else { continue }
      let feed = spec.feeds[index]
      var scoring: [String: Double] = [:]
      for feature in ScoringFeature.allCases where feed.weight(of: feature) != 0 {
        scoring[feature.rawValue] = feed.weight(of: feature)
      }
      feeds[name] = Feed(
        sources: Dictionary(
          feed.sources.map { ($0.source.rawValue, $0.quota) }, uniquingKeysWith: +),
        scoring: scoring, page_size: feed.pageSize, trending_size: feed.trendingSize,
        fallback: feed.fallback, exploration: feed.exploration, ranker: Self.command(feed.ranker))
      if let fallback = feed.fallback { names.append(fallback) }
    }
    return json(feeds)
  }

  private static func command(_ ranker: RankerChoice) -> [String]? {
    guard case .external(let command) = ranker else { return nil }
    return command.arguments
  }

  /// `value` as JSON with sorted keys.
  static func json(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(value) else {
      preconditionFailure("arm settings and feeds are plain strings, numbers and booleans")
    }
    return String(decoding: data, as: UTF8.self)
  }
}

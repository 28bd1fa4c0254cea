import FeedSafeCore
import Yams

extension ScenarioParser {
  static let policyKeys = [
    "feed", "defaults", "offered", "filters", "max_harmful_per_page", "max_same_topic_in_row",
    "not_interested", "block_restricted_ads", "profiled_ads", "suggest_to_unknown_adults",
    "messages_from_unknown_adults", "parental_consent", "tracking_prompt", "nudges",
    "parental_approval",
  ]

  /// The arms: each starts from a policy preset (default `none`), then applies its own settings to
  /// every band, then `children:` to assessed under-18 bands, then `bands:` to single bands.
  mutating func arms(_ node: Node?, feeds: [FeedDefinition], bands: AgeBands, taxonomy: Taxonomy)
    -> [Arm]
  {
    guard let node, let fields = reader.fields(node, context: "arms", allowed: []) else {
      return []
    }
    if fields.entries.isEmpty { reader.fail(at: node, "'arms' must declare at least one arm") }
    var arms: [Arm] = []
    for entry in fields.entries {
      let context = "arms.\(entry.key)"
      guard
        let armFields = reader.fields(
          entry.value, context: context,
          allowed: ["preset", "age_assurance", "children", "bands"] + Self.policyKeys)
      else { continue }
      let presetName = reader.choice(
        armFields["preset"], name: "policy preset", allowed: PolicyPreset.allCases.map(\.rawValue))
      let preset = presetName.flatMap(PolicyPreset.init(rawValue:)) ?? .none
      let feedNames = feeds.map(\.name)
      var feed = FeedPreset.engagement.rawValue
      if let feedNode = armFields["feed"],
        let name = reader.choice(feedNode, name: "feed", allowed: feedNames)
      {
        feed = name
      }
      var policies = bands.all.map {
        preset.policy(isChild: bands.isChild($0), feed: feed, taxonomy: taxonomy)
      }
      for band in bands.all {
        apply(
          armFields, to: &policies[band.position], context: context, feeds: feedNames,
          taxonomy: taxonomy)
      }
      if let children = section(armFields, "children", allowed: Self.policyKeys) {
        for band in bands.all where bands.isChild(band) {
          apply(
            children, to: &policies[band.position], context: children.context, feeds: feedNames,
            taxonomy: taxonomy)
        }
      }
      if let bandsFields = section(armFields, "bands", allowed: bands.names) {
        for bandEntry in bandsFields.entries {
          guard let position = bands.names.firstIndex(of: bandEntry.key),
            let bandFields = reader.fields(
              bandEntry.value, context: "\(bandsFields.context).\(bandEntry.key)",
              allowed: Self.policyKeys)
          else { continue }
          apply(
            bandFields, to: &policies[position], context: bandFields.context, feeds: feedNames,
            taxonomy: taxonomy)
        }
      }
      var ageAssurance: AgeAssurance?
      if let node = armFields["age_assurance"] {
        ageAssurance = self.ageAssurance(node, context: "\(context).age_assurance")
      }
      arms.append(
        Arm(name: entry.key, preset: presetName, policies: policies, ageAssurance: ageAssurance))
    }
    return arms
  }

  /// Applies the policy keys present in `fields` to `policy`.
  private mutating func apply(
    _ fields: Fields, to policy: inout BandPolicy, context: String, feeds: [String],
    taxonomy: Taxonomy
  ) {
    if let node = fields["feed"], let feed = reader.choice(node, name: "feed", allowed: feeds) {
      policy.feed = feed
    }
    policy.defaults = settings(
      fields["defaults"], context: "\(context).defaults", base: policy.defaults)
    policy.adjustable = settings(
      fields["offered"], context: "\(context).offered", base: policy.adjustable)
    if let node = fields["filters"] {
      policy.harmActions = filters(
        node, context: "\(context).filters", base: policy.harmActions, taxonomy: taxonomy)
    }
    if let node = fields["max_harmful_per_page"] {
      policy.maximumHarmfulPerPage = reader.integer(
        node, name: "max_harmful_per_page", range: 0...1_000, fallback: 0)
    }
    if let node = fields["max_same_topic_in_row"] {
      policy.maximumSameTopicInRow = reader.integer(
        node, name: "max_same_topic_in_row", range: 1...1_000, fallback: 1)
    }
    policy.honoursNotInterested = reader.flag(
      fields["not_interested"], name: "not_interested", fallback: policy.honoursNotInterested)
    policy.blocksRestrictedAds = reader.flag(
      fields["block_restricted_ads"], name: "block_restricted_ads",
      fallback: policy.blocksRestrictedAds)
    policy.allowsProfiledAds = reader.flag(
      fields["profiled_ads"], name: "profiled_ads", fallback: policy.allowsProfiledAds)
    policy.suggestsToUnknownAdults = reader.flag(
      fields["suggest_to_unknown_adults"], name: "suggest_to_unknown_adults",
      fallback: policy.suggestsToUnknownAdults)
    policy.allowsMessagesFromUnknownAdults = reader.flag(
      fields["messages_from_unknown_adults"], name: "messages_from_unknown_adults",
      fallback: policy.allowsMessagesFromUnknownAdults)
    policy.requiresParentalConsent = reader.flag(
      fields["parental_consent"], name: "parental_consent", fallback: policy.requiresParentalConsent
    )
    policy.nudgesSettingChanges = reader.flag(
      fields["nudges"], name: "nudges", fallback: policy.nudgesSettingChanges)
    policy.requiresParentalApproval = reader.flag(
      fields["parental_approval"], name: "parental_approval",
      fallback: policy.requiresParentalApproval)
    if let node = fields["tracking_prompt"],
      let prompt = reader.choice(
        node, name: "tracking prompt",
        allowed: ["reject_on_first_screen", "accept_only_on_first_screen"])
    {
      policy.offersRejectOnFirstScreen = prompt == "reject_on_first_screen"
    }
  }

  /// A mapping of setting names to true/false over `base`.
  private mutating func settings(_ node: Node?, context: String, base: SettingValues)
    -> SettingValues
  {
    guard let node,
      let fields = reader.fields(node, context: context, allowed: Setting.allCases.map(\.rawValue))
    else { return base }
    var values = base
    for entry in fields.entries {
      guard let setting = Setting(rawValue: entry.key) else { continue }
      values[setting] = reader.flag(entry.value, name: entry.key, fallback: base[setting])
    }
    return values
  }

  /// Harm filters: category or group name → `allow`, `remove`, `downrank` or `{downrank: factor}`.
  private mutating func filters(
    _ node: Node, context: String, base: [HarmAction], taxonomy: Taxonomy
  ) -> [HarmAction] {
    let groups = harmGroups(taxonomy)
    let names = taxonomy.harms.map(\.name)
    guard let fields = reader.fields(node, context: context, allowed: names + groups.keys.sorted())
    else { return base }
    var actions = base
    for entry in fields.entries.sorted(by: {
      (groups[$0.key] == nil ? 1 : 0) < (groups[$1.key] == nil ? 1 : 0)
    }) {
      guard let action = harmAction(entry.value, name: "\(context).\(entry.key)") else { continue }
      for index in groups[entry.key] ?? [names.firstIndex(of: entry.key) ?? 0] {
        actions[index] = action
      }
    }
    return actions
  }

  private mutating func harmAction(_ node: Node, name: String) -> HarmAction? {
    if node.scalar != nil {
      switch reader.choice(node, name: "filter action", allowed: ["allow", "remove", "downrank"]) {
      case "allow": return .allow
      case "remove": return .remove
      case "downrank": return .downrank(factor: PolicyPreset.priorityDownrankFactor)
      default: return nil
      }
    }
    guard let fields = reader.fields(node, context: name, allowed: ["downrank"]),
      let factor = fields["downrank"]
    else {
      if node.mapping != nil {
        reader.fail(at: node, "'\(name)' must be allow, remove, downrank or {downrank: factor}")
      }
      return nil
    }
    let value = reader.number(factor, name: "downrank", range: 0...1, fallback: .nan)
    return value.isNaN ? nil : .downrank(factor: value)
  }
}

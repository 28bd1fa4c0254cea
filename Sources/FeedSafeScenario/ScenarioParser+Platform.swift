import FeedSafeCore
import Yams

extension ScenarioParser {
  static let platformKeys = ["ads", "contact", "under_13", "tracking", "setting_changes"]

  /// `ads:`, `contact:`, `under_13:` and `tracking:` over the defaults.
  mutating func platform(_ top: Fields, taxonomy: Taxonomy, bands: AgeBands) -> PlatformSpec {
    var spec = PlatformSpec.standard(taxonomy: taxonomy, bands: bands)
    if let fields = section(
      top, "ads",
      allowed: [
        "ad_load", "inventory_size", "candidates_per_slot", "untargeted_restricted_share",
        "commercial_share", "categories",
      ])
    {
      spec.ads.adLoad = reader.number(
        fields["ad_load"], name: "ad_load", range: 0...0.5, fallback: spec.ads.adLoad)
      spec.ads.inventorySize = reader.integer(
        fields["inventory_size"], name: "inventory_size", range: 1...10_000_000,
        fallback: spec.ads.inventorySize)
      spec.ads.candidatesPerSlot = reader.integer(
        fields["candidates_per_slot"], name: "candidates_per_slot", range: 1...10_000,
        fallback: spec.ads.candidatesPerSlot)
      spec.ads.untargetedRestrictedShare = reader.number(
        fields["untargeted_restricted_share"], name: "untargeted_restricted_share", range: 0...1,
        fallback: spec.ads.untargetedRestrictedShare)
      spec.ads.commercialShare = reader.number(
        fields["commercial_share"], name: "commercial_share", range: 0...1,
        fallback: spec.ads.commercialShare)
      if let node = fields["categories"] {
        spec.ads.categories = adCategories(node, taxonomy: taxonomy, base: spec.ads.categories)
      }
    }
    if let fields = section(
      top, "contact",
      allowed: [
        "search_requests_per_day", "suggestion_requests_per_day", "messages_per_day",
        "bad_actor_share",
        "bad_actor_requests_per_day", "acceptance", "messages_exchanged", "private_channel",
        "offline_meeting",
      ])
    {
      let rate = 0.0...100
      spec.contact.searchRequestsPerDay = reader.number(
        fields["search_requests_per_day"], name: "search_requests_per_day", range: rate,
        fallback: spec.contact.searchRequestsPerDay)
      spec.contact.suggestionRequestsPerDay = reader.number(
        fields["suggestion_requests_per_day"], name: "suggestion_requests_per_day", range: rate,
        fallback: spec.contact.suggestionRequestsPerDay)
      spec.contact.messagesPerDay = reader.number(
        fields["messages_per_day"], name: "messages_per_day", range: rate,
        fallback: spec.contact.messagesPerDay)
      spec.contact.badActorShare = reader.number(
        fields["bad_actor_share"], name: "bad_actor_share", range: 0...1,
        fallback: spec.contact.badActorShare)
      spec.contact.badActorRequestsPerDay = reader.number(
        fields["bad_actor_requests_per_day"], name: "bad_actor_requests_per_day", range: rate,
        fallback: spec.contact.badActorRequestsPerDay)
      spec.contact.acceptance = perName(
        fields["acceptance"], name: "acceptance", names: bands.names, range: 0...1,
        defaults: spec.contact.acceptance)
      let funnel = spec.contact.funnel
      spec.contact.funnel = ContactFunnel(
        messagesExchanged: reader.number(
          fields["messages_exchanged"], name: "messages_exchanged", range: 0...1,
          fallback: funnel.messagesExchanged),
        privateChannel: reader.number(
          fields["private_channel"], name: "private_channel", range: 0...1,
          fallback: funnel.privateChannel),
        offlineMeeting: reader.number(
          fields["offline_meeting"], name: "offline_meeting", range: 0...1,
          fallback: funnel.offlineMeeting))
    }
    if let fields = section(
      top, "setting_changes",
      allowed: ["change_per_day", "nudge_factor", "parental_approval_rate"])
    {
      let changes = spec.settingChanges
      spec.settingChanges = SettingChangeSpec(
        changePerDay: reader.number(
          fields["change_per_day"], name: "change_per_day", range: 0...1,
          fallback: changes.changePerDay),
        nudgeFactor: reader.number(
          fields["nudge_factor"], name: "nudge_factor", range: 0...1_000,
          fallback: changes.nudgeFactor),
        parentalApprovalRate: reader.number(
          fields["parental_approval_rate"], name: "parental_approval_rate", range: 0...1,
          fallback: changes.parentalApprovalRate))
    }
    if let fields = section(top, "under_13", allowed: ["parental_consent_rate", "without_consent"])
    {
      spec.underThirteen.parentalConsentRate = reader.number(
        fields["parental_consent_rate"], name: "parental_consent_rate", range: 0...1,
        fallback: spec.underThirteen.parentalConsentRate)
      if let node = fields["without_consent"],
        let choice = reader.choice(node, name: "without_consent", allowed: ["refuse", "limit"])
      {
        spec.underThirteen.refusesWithoutConsent = choice == "refuse"
      }
    }
    if let fields = section(
      top, "tracking",
      allowed: [
        "consent_with_reject", "uplift_without_reject", "third_party_data_points_per_day",
      ])
    {
      spec.tracking.consentWithReject = reader.number(
        fields["consent_with_reject"], name: "consent_with_reject", range: 0...1,
        fallback: spec.tracking.consentWithReject)
      spec.tracking.upliftWithoutReject = reader.number(
        fields["uplift_without_reject"], name: "uplift_without_reject", range: 0...1,
        fallback: spec.tracking.upliftWithoutReject)
      spec.tracking.thirdPartyDataPointsPerDay = reader.number(
        fields["third_party_data_points_per_day"], name: "third_party_data_points_per_day",
        range: 0...10_000,
        fallback: spec.tracking.thirdPartyDataPointsPerDay)
    }
    if spec.tracking.consentWithReject + spec.tracking.upliftWithoutReject > 1,
      let node = top["tracking"]
    {
      reader.fail(at: node, "'consent_with_reject' plus 'uplift_without_reject' must be at most 1")
    }
    return spec
  }

  /// `ads.categories`: name → `{restricted:, share:, topic:}`, replacing the default list.
  private mutating func adCategories(_ node: Node, taxonomy: Taxonomy, base: [AdCategory])
    -> [AdCategory]
  {
    guard let fields = reader.fields(node, context: "ads.categories", allowed: []) else {
      return base
    }
    var categories: [AdCategory] = []
    for entry in fields.entries {
      guard
        let category = reader.fields(
          entry.value, context: "ads.categories.\(entry.key)",
          allowed: ["restricted", "share", "topic"])
      else { continue }
      let topic = reader.choice(
        reader.required(category, "topic"), name: "topic", allowed: taxonomy.topics)
      categories.append(
        AdCategory(
          name: entry.key,
          isRestricted: reader.flag(category["restricted"], name: "restricted", fallback: false),
          share: reader.number(
            reader.required(category, "share"), name: "share", range: 0...1, fallback: 0),
          topic: TopicIndex(topic.flatMap { taxonomy.topics.firstIndex(of: $0) } ?? 0)))
    }
    let total = categories.reduce(0) { $0 + $1.share }
    if categories.isEmpty || abs(total - 1) > 1e-6 {
      reader.fail(
        at: node,
        "ad category shares in 'ads.categories' must sum to 1, got \((total * 1e6).rounded() / 1e6)"
      )
    }
    return categories
  }
}

/// Ads, contact, setting changes, under-13 consent and tracking (`docs/beyond-the-feed.md`).
extension ParameterRegistry {
  static let platform: [Parameter] = [
    ads(
      "ad_load", \.adLoad, unit: "share of slots", range: 0...0.5, default: "0.12",
      .assumption(.values(0.03...0.25), "the brief's realistic range; ads fill their own slots"),
      reach: .ads),
    Parameter(
      "ads.inventory_size", .whole, unit: "ads", range: 1...10_000_000, default: "2,000",
      .assumption(nil), reach: .ads
    ) { spec, _, change in
      spec.platform.ads.inventorySize = Int(change(Double(spec.platform.ads.inventorySize)))
    },
    Parameter(
      "ads.candidates_per_slot", .whole, unit: "ads", range: 1...10_000, default: "20",
      .assumption(nil), reach: .ads
    ) { spec, _, change in
      spec.platform.ads.candidatesPerSlot = Int(
        change(Double(spec.platform.ads.candidatesPerSlot)))
    },
    ads(
      "untargeted_restricted_share", \.untargetedRestrictedShare, unit: "share", range: 0...1,
      default: "0.15",
      .source("ASA, 100 Children Report (2022)", plausible: .values(0.05...0.3)), reach: .ads),
    ads(
      "commercial_share", \.commercialShare, unit: "share of organic items", range: 0...1,
      default: "0.10", .assumption(.values(0.05...0.2), "the brief: about 10%"), reach: .ads),
    contact(
      "search_requests_per_day", \.searchRequestsPerDay, default: "0.0025",
      .calibrated("Ofcom's children's surveys of contact by strangers")),
    contact(
      "suggestion_requests_per_day", \.suggestionRequestsPerDay, default: "0.00125",
      .calibrated("Ofcom's children's surveys of contact by strangers")),
    contact(
      "messages_per_day", \.messagesPerDay, default: "0.005", .assumption(.factor(0.5...2))),
    contact(
      "bad_actor_share", \.badActorShare, unit: "share", range: 0...1, default: "0.05",
      .assumption(.values(0.01...0.1))),
    contact(
      "bad_actor_requests_per_day", \.badActorRequestsPerDay, default: "0.0005",
      .assumption(.factor(0.5...2))),
    Parameter(
      "contact.acceptance.<band>", unit: "share of requests", range: 0...1,
      default: "0.2 children, 0.1 adults", .assumption(.factor(0.5...2)), reach: .platform
    ) { spec, binding, change in spec.platform.contact.acceptance.update(binding[0], change) },
    funnel(
      "messages_exchanged", \.messagesExchanged, default: "0.49",
      .source("Ofcom children's online experiences survey", plausible: nil)),
    funnel(
      "private_channel", \.privateChannel, default: "0.5", .assumption(.values(0.2...0.8))),
    funnel(
      "offline_meeting", \.offlineMeeting, default: "0.42",
      .source("Ofcom children's online experiences survey", plausible: nil)),
    changes(
      "change_per_day", \.changePerDay, unit: "share per day", range: 0...1, default: "0.002",
      plausible: 0.0005...0.01),
    changes(
      "nudge_factor", \.nudgeFactor, unit: "factor", range: 0...1_000, default: "3",
      plausible: 1...10),
    changes(
      "parental_approval_rate", \.parentalApprovalRate, unit: "share", range: 0...1,
      default: "0.5", plausible: 0.2...0.8),
    Parameter(
      "under_13.parental_consent_rate", unit: "share", range: 0...1, default: "0.5",
      .assumption(.values(0.2...0.8)), reach: .feed
    ) { spec, _, change in
      spec.platform.underThirteen.parentalConsentRate = change(
        spec.platform.underThirteen.parentalConsentRate)
    },
    tracking(
      "consent_with_reject", \.consentWithReject, range: 0...1, default: "0.5",
      .assumption(.values(0.3...0.7))),
    tracking(
      "uplift_without_reject", \.upliftWithoutReject, range: 0...1,
      default: "0.22", .assumption(nil)),
    tracking(
      "third_party_data_points_per_day", \.thirdPartyDataPointsPerDay, range: 0...10_000,
      default: "10", .assumption(.factor(0.5...2))),
  ]

  private static func ads(
    _ key: String, _ field: WritableKeyPath<AdsSpec, Double> & Sendable, unit: String,
    range: ClosedRange<Double>, default defaultText: String, _ basis: ParameterBasis,
    reach: Parameter.Reach
  ) -> Parameter {
    Parameter("ads.\(key)", unit: unit, range: range, default: defaultText, basis, reach: reach) {
      spec, _, change in
      spec.platform.ads[keyPath: field] = change(spec.platform.ads[keyPath: field])
    }
  }

  private static func contact(
    _ key: String, _ field: WritableKeyPath<ContactSpec, Double> & Sendable,
    unit: String = "per person per day", range: ClosedRange<Double> = 0...100,
    default defaultText: String, _ basis: ParameterBasis
  ) -> Parameter {
    Parameter(
      "contact.\(key)", unit: unit, range: range, default: defaultText, basis, reach: .platform
    ) { spec, _, change in
      spec.platform.contact[keyPath: field] = change(spec.platform.contact[keyPath: field])
    }
  }

  private static func funnel(
    _ key: String, _ field: WritableKeyPath<ContactFunnel, Double> & Sendable,
    default defaultText: String, _ basis: ParameterBasis
  ) -> Parameter {
    Parameter(
      "contact.\(key)", unit: "share of the step before", range: 0...1, default: defaultText,
      basis, reach: .platform
    ) { spec, _, change in
      spec.platform.contact.funnel[keyPath: field] = change(
        spec.platform.contact.funnel[keyPath: field])
    }
  }

  private static func changes(
    _ key: String, _ field: WritableKeyPath<SettingChangeSpec, Double> & Sendable, unit: String,
    range: ClosedRange<Double>, default defaultText: String, plausible: ClosedRange<Double>
  ) -> Parameter {
    Parameter(
      "setting_changes.\(key)", unit: unit, range: range, default: defaultText,
      .assumption(.values(plausible)), reach: .platform
    ) { spec, _, change in
      spec.platform.settingChanges[keyPath: field] = change(
        spec.platform.settingChanges[keyPath: field])
    }
  }

  private static func tracking(
    _ key: String, _ field: WritableKeyPath<TrackingSpec, Double> & Sendable,
    range: ClosedRange<Double>, default defaultText: String, _ basis: ParameterBasis
  ) -> Parameter {
    Parameter(
      "tracking.\(key)", unit: key.hasSuffix("per_day") ? "per person per day" : "share",
      range: range, default: defaultText, basis, reach: .platform
    ) { spec, _, change in
      spec.platform.tracking[keyPath: field] = change(spec.platform.tracking[keyPath: field])
    }
  }
}

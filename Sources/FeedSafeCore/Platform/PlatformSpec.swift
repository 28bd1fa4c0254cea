/// An ad category, some age-restricted (gambling, alcohol, …), with the topic its ads sit on.
public struct AdCategory: Sendable, Equatable {
  /// The category's name.
  public var name: String
  /// Whether the category is age-restricted (may not be shown to under-18s).
  public var isRestricted: Bool
  /// Share of the ad inventory.
  public var share: Double
  /// The benign topic its ads sit on (interest and contextual targeting match on it).
  public var topic: TopicIndex

  /// An ad category.
  public init(name: String, isRestricted: Bool, share: Double, topic: TopicIndex) {
    self.name = name
    self.isRestricted = isRestricted
    self.share = share
    self.topic = topic
  }
}

/// Ads in the feed (`docs/beyond-the-feed.md` gives every default's source).
public struct AdsSpec: Sendable, Equatable {
  /// Share of feed slots that are ads (0 turns ads off).
  public var adLoad: Double
  /// Ads in the inventory.
  public var inventorySize: Int
  /// Ad candidates drawn per slot, among which targeting picks.
  public var candidatesPerSlot: Int
  /// The categories.
  public var categories: [AdCategory]
  /// Share of restricted-category ads whose advertiser sets no age gate, so they reach declared
  /// minors in every targeting mode (the leakage; ASA *100 Children Report*, 2022).
  public var untargetedRestrictedShare: Double
  /// Share of organic items that are unlabelled commercial content (not covered by ad rules).
  public var commercialShare: Double

  /// The categories' names.
  public var categoryNames: [String] { categories.map(\.name) }

  /// Every part given.
  public init(
    adLoad: Double, inventorySize: Int, candidatesPerSlot: Int, categories: [AdCategory],
    untargetedRestrictedShare: Double, commercialShare: Double
  ) {
    self.adLoad = adLoad
    self.inventorySize = inventorySize
    self.candidatesPerSlot = candidatesPerSlot
    self.categories = categories
    self.untargetedRestrictedShare = untargetedRestrictedShare
    self.commercialShare = commercialShare
  }
}

/// Contact from accounts a person does not know.
public struct ContactSpec: Sendable, Equatable {
  /// Requests per day from unknown adults who find a public profile by search.
  public var searchRequestsPerDay: Double
  /// Requests per day from unknown adults shown the person as a suggestion (doubled where the
  /// profile is used for suggestions, i.e. profiling is on).
  public var suggestionRequestsPerDay: Double
  /// Direct messages per day from unknown adults, where they may message the person.
  public var messagesPerDay: Double
  /// Share of unknown adults' contacts that come from bad actors.
  public var badActorShare: Double
  /// Extra requests per day that bad actors, who seek out children, send to a findable child.
  public var badActorRequestsPerDay: Double
  /// Probability that a person accepts a request from an unknown adult, per age band.
  public var acceptance: [Double]
  /// The funnel after an accepted request: each stage's probability given the one before.
  public var funnel = ContactFunnel.standard

  /// Every part given.
  public init(
    searchRequestsPerDay: Double, suggestionRequestsPerDay: Double, messagesPerDay: Double,
    badActorShare: Double, badActorRequestsPerDay: Double, acceptance: [Double],
    funnel: ContactFunnel = .standard
  ) {
    self.funnel = funnel
    self.searchRequestsPerDay = searchRequestsPerDay
    self.suggestionRequestsPerDay = suggestionRequestsPerDay
    self.messagesPerDay = messagesPerDay
    self.badActorShare = badActorShare
    self.badActorRequestsPerDay = badActorRequestsPerDay
    self.acceptance = acceptance
  }
}

/// What can follow an accepted request from an unknown adult, stage by stage (ONS Crime Survey
/// for England and Wales, year ending March 2023; `docs/beyond-the-feed.md` derives each rate).
public struct ContactFunnel: Sendable, Equatable {
  /// Probability that an accepted request leads to messages exchanged.
  public var messagesExchanged: Double
  /// Probability that, once messages are exchanged, the adult asks to move to a private channel.
  public var privateChannel: Double
  /// Probability that a move to a private channel ends in meeting offline.
  public var offlineMeeting: Double

  /// Every stage given.
  public init(messagesExchanged: Double, privateChannel: Double, offlineMeeting: Double) {
    self.messagesExchanged = messagesExchanged
    self.privateChannel = privateChannel
    self.offlineMeeting = offlineMeeting
  }

  /// The defaults: 0.49 and 0.42 derived from the ONS shares, 0.5 an assumption.
  public static let standard = ContactFunnel(
    messagesExchanged: 0.49, privateChannel: 0.5, offlineMeeting: 0.42)
}

/// What happens to accounts the platform assesses as under 13 (UK GDPR Art. 8).
public struct UnderThirteenSpec: Sendable, Equatable {
  /// Probability that a parent consents when asked.
  public var parentalConsentRate: Double
  /// Without consent: `true` refuses the account; `false` keeps it, limited.
  public var refusesWithoutConsent: Bool

  /// Every part given.
  public init(parentalConsentRate: Double, refusesWithoutConsent: Bool) {
    self.parentalConsentRate = parentalConsentRate
    self.refusesWithoutConsent = refusesWithoutConsent
  }
}

/// The tracking-consent prompt (PECR reg. 6) and what consent lets through.
public struct TrackingSpec: Sendable, Equatable {
  /// Probability of consenting when "reject" is on the first screen.
  public var consentWithReject: Double
  /// Added consent when "reject" is not on the first screen.
  public var upliftWithoutReject: Double
  /// Third-party observed data points collected per day from a person who consented.
  public var thirdPartyDataPointsPerDay: Double

  /// Every part given.
  public init(
    consentWithReject: Double, upliftWithoutReject: Double, thirdPartyDataPointsPerDay: Double
  ) {
    self.consentWithReject = consentWithReject
    self.upliftWithoutReject = upliftWithoutReject
    self.thirdPartyDataPointsPerDay = thirdPartyDataPointsPerDay
  }
}

/// Everything beyond the feed: ads, contact, under-13 consent, tracking consent.
public struct PlatformSpec: Sendable, Equatable {
  /// Ads in the feed.
  public var ads: AdsSpec
  /// Contact from unknown adults.
  public var contact: ContactSpec
  /// Parental consent for under-13s.
  public var underThirteen: UnderThirteenSpec
  /// The tracking-consent prompt.
  public var tracking: TrackingSpec
  /// How people change their profile and location settings after sign-up.
  public var settingChanges = SettingChangeSpec.standard

  /// Every part given.
  public init(
    ads: AdsSpec, contact: ContactSpec, underThirteen: UnderThirteenSpec, tracking: TrackingSpec
  ) {
    self.ads = ads
    self.contact = contact
    self.underThirteen = underThirteen
    self.tracking = tracking
  }

  /// The defaults over `taxonomy` and `bands` (sources in `docs/beyond-the-feed.md`).
  public static func standard(taxonomy: Taxonomy, bands: AgeBands) -> PlatformSpec {
    func topic(_ name: String) -> TopicIndex {
      TopicIndex(taxonomy.topics.firstIndex(of: name) ?? 0)
    }
    let restricted: [(String, String)] = [
      ("gambling", "gaming"), ("alcohol", "music"), ("diet_products", "diet"),
      ("cosmetic_procedures", "beauty"), ("vaping", "music"), ("crypto", "self_improvement"),
    ]
    let open: [(String, String)] = [
      ("games", "gaming"), ("sportswear", "sport"), ("streaming", "music"), ("fashion", "fashion"),
      ("snacks", "food"), ("pet_supplies", "pets"), ("courses", "education"),
      ("cosmetics", "beauty"),
    ]
    let categories =
      restricted.map {
        AdCategory(
          name: $0.0, isRestricted: true, share: 0.05 / Double(restricted.count), topic: topic($0.1)
        )
      }
      + open.map {
        AdCategory(
          name: $0.0, isRestricted: false, share: 0.95 / Double(open.count), topic: topic($0.1))
      }
    return PlatformSpec(
      ads: AdsSpec(
        adLoad: 0.12, inventorySize: 2_000, candidatesPerSlot: 20, categories: categories,
        untargetedRestrictedShare: 0.15, commercialShare: 0.10),
      contact: ContactSpec(
        searchRequestsPerDay: 0.0025, suggestionRequestsPerDay: 0.00125, messagesPerDay: 0.005,
        badActorShare: 0.05,
        badActorRequestsPerDay: 0.0005,
        acceptance: bands.all.map { bands.isChild($0) ? 0.2 : 0.1 }),
      underThirteen: UnderThirteenSpec(parentalConsentRate: 0.5, refusesWithoutConsent: true),
      tracking: TrackingSpec(
        consentWithReject: 0.5, upliftWithoutReject: 0.22, thirdPartyDataPointsPerDay: 10))
  }
}

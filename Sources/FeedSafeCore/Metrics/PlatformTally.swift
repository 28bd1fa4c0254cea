/// What happened to each person beyond the feed over a run, one column per count; row `i` is a
/// person. Integer counts, merged in person order like ``ExposureTally``.
public struct PlatformTally: Sendable, Equatable {
  /// On the platform at all.
  public internal(set) var onPlatform: ContiguousArray<Bool>
  /// Ads seen.
  public internal(set) var ads: ContiguousArray<Int32>
  /// Age-restricted ads seen.
  public internal(set) var restrictedAds: ContiguousArray<Int32>
  /// Ads chosen on the profile (interest targeting).
  public internal(set) var profiledAds: ContiguousArray<Int32>
  /// Organic impressions of unlabelled commercial content.
  public internal(set) var commercialImpressions: ContiguousArray<Int32>
  /// Sum over ads seen of each ad's alignment with the person's interests (0–1 each).
  public internal(set) var adInterestAlignment: ContiguousArray<Double>
  /// Sum over commercial impressions of each item's alignment with the person's interests.
  public internal(set) var commercialInterestAlignment: ContiguousArray<Double>
  /// Requests from unknown adults.
  public internal(set) var strangerRequests: ContiguousArray<Int32>
  /// Requests from unknown adults accepted.
  public internal(set) var acceptedStrangerRequests: ContiguousArray<Int32>
  /// Accepted requests that led to messages exchanged.
  public internal(set) var messagesExchanged: ContiguousArray<Int32>
  /// Of those, the adult asked to move to a private channel.
  public internal(set) var privateChannelRequests: ContiguousArray<Int32>
  /// Of those, a meeting offline.
  public internal(set) var offlineMeetings: ContiguousArray<Int32>
  /// Contacts (requests or messages) from unknown adults.
  public internal(set) var strangerContacts: ContiguousArray<Int32>
  /// Contacts from bad actors.
  public internal(set) var badActorContacts: ContiguousArray<Int32>
  /// Whether strangers can see the person's precise location (on the last day simulated).
  public internal(set) var locationVisible: ContiguousArray<Bool>
  /// Whether the person's profile and location settings are all still at their defaults (on the
  /// last day simulated).
  public internal(set) var onDefaultSettings: ContiguousArray<Bool>
  /// Data points the person provided (declared age, declared interests, follows) at the end.
  public internal(set) var providedDataPoints: ContiguousArray<Int32>
  /// Third-party observed data points collected with tracking consent.
  public internal(set) var thirdPartyDataPoints: ContiguousArray<Int32>

  /// Empty tallies for `people` people.
  init(people: Int) {
    onPlatform = ContiguousArray(repeating: true, count: people)
    ads = ContiguousArray(repeating: 0, count: people)
    restrictedAds = ads
    profiledAds = ads
    commercialImpressions = ads
    adInterestAlignment = ContiguousArray(repeating: 0, count: people)
    commercialInterestAlignment = adInterestAlignment
    strangerRequests = ads
    acceptedStrangerRequests = ads
    messagesExchanged = ads
    privateChannelRequests = ads
    offlineMeetings = ads
    strangerContacts = ads
    badActorContacts = ads
    locationVisible = ContiguousArray(repeating: false, count: people)
    onDefaultSettings = locationVisible
    providedDataPoints = ads
    thirdPartyDataPoints = ads
  }

  /// Appends another tally's people after this one's.
  mutating func append(_ other: PlatformTally) {
    onPlatform += other.onPlatform
    ads += other.ads
    restrictedAds += other.restrictedAds
    profiledAds += other.profiledAds
    commercialImpressions += other.commercialImpressions
    adInterestAlignment += other.adInterestAlignment
    commercialInterestAlignment += other.commercialInterestAlignment
    strangerRequests += other.strangerRequests
    acceptedStrangerRequests += other.acceptedStrangerRequests
    messagesExchanged += other.messagesExchanged
    privateChannelRequests += other.privateChannelRequests
    offlineMeetings += other.offlineMeetings
    strangerContacts += other.strangerContacts
    badActorContacts += other.badActorContacts
    locationVisible += other.locationVisible
    onDefaultSettings += other.onDefaultSettings
    providedDataPoints += other.providedDataPoints
    thirdPartyDataPoints += other.thirdPartyDataPoints
  }
}

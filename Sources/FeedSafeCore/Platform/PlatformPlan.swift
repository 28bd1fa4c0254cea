/// What one arm's policy means for each person beyond the feed, resolved once per arm: whether
/// they are on the platform at all (under-13 consent), their privacy settings, whether ads may be
/// chosen on their profile, whether they can be found and messaged, and whether they consented
/// to tracking. Rules key on the *assessed* band; harm is measured by *true* band.
struct PlatformPlan: Sendable {
  /// On the platform (an assessed under-13 without a parent's consent may be refused).
  let onPlatform: ContiguousArray<Bool>
  /// Ads may be chosen on the profile (profiling, personalised ads and the policy allow it).
  let profiledAds: ContiguousArray<Bool>
  /// Unknown adults can find the profile by search (it is public), at sign-up.
  let searchable: ContiguousArray<Bool>
  /// The person may be suggested to unknown adults.
  let suggestable: ContiguousArray<Bool>
  /// Unknown adults may message the person.
  let messageable: ContiguousArray<Bool>
  /// Precise location is visible to strangers (geolocation and location sharing on, profile
  /// public), at sign-up.
  let locationVisible: ContiguousArray<Bool>
  /// When people change their profile and location settings during the horizon.
  let timeline: SettingTimeline
  /// The person consented to tracking (third-party observed data is collected).
  let trackingConsent: ContiguousArray<Bool>
  /// Each population segment's factor on meeting offline (empty without segments).
  let offlineMeetingFactorBySegment: [Double]

  /// The plan of `arm` over `population`, with `profiling` already resolved by the arm context.
  init(
    spec: PlatformSpec, arm: Arm, population: Population, assessedBand: ContiguousArray<AgeBand>,
    profiling: ContiguousArray<Bool>, seed: UInt64, segments: [PopulationSegment] = []
  ) {
    offlineMeetingFactorBySegment = segments.map(\.offlineMeetingFactor)
    var onPlatform = ContiguousArray<Bool>()
    var profiledAds = ContiguousArray<Bool>()
    var searchable = ContiguousArray<Bool>()
    var suggestable = ContiguousArray<Bool>()
    var messageable = ContiguousArray<Bool>()
    var locationVisible = ContiguousArray<Bool>()
    var trackingConsent = ContiguousArray<Bool>()
    var limitedAccount = ContiguousArray<Bool>()
    for person in 0..<population.count {
      let policy = arm.policy(for: assessedBand[person])
      func setting(_ setting: Setting) -> Bool {
        ArmContext.resolve(setting, of: person, in: population, policy: policy)
      }
      // An assessed under-13 needs a parent's consent where the policy asks for it; without it
      // the account is refused, or kept with every setting at its most private ("limited").
      var consentRng = RandomStream(
        seed: seed, purpose: .parentalConsent, person: population.streamKey(person))
      let consented = consentRng.bernoulli(spec.underThirteen.parentalConsentRate)
      let gated =
        policy.requiresParentalConsent
        && population.bands.maximumAge(of: assessedBand[person]).map { $0 < 13 } == true
      let limited = gated && !consented && !spec.underThirteen.refusesWithoutConsent
      limitedAccount.append(limited)
      onPlatform.append(!gated || consented || limited)
      let isPublic = !limited && setting(.publicProfile)
      profiledAds.append(
        !limited && profiling[person] && setting(.personalisedAds) && policy.allowsProfiledAds)
      searchable.append(isPublic)
      suggestable.append(!limited && policy.suggestsToUnknownAdults)
      messageable.append(!limited && policy.allowsMessagesFromUnknownAdults)
      locationVisible.append(isPublic && setting(.geolocation) && setting(.shareLocation))
      var trackingRng = RandomStream(
        seed: seed, purpose: .trackingConsent, person: population.streamKey(person))
      let uplift = policy.offersRejectOnFirstScreen ? 0 : spec.tracking.upliftWithoutReject
      trackingConsent.append(
        !limited && trackingRng.bernoulli(spec.tracking.consentWithReject + uplift))
    }
    self.onPlatform = onPlatform
    self.profiledAds = profiledAds
    self.searchable = searchable
    self.suggestable = suggestable
    self.messageable = messageable
    self.locationVisible = locationVisible
    self.trackingConsent = trackingConsent
    timeline = SettingTimeline(count: population.count, spec: spec.settingChanges, seed: seed) {
      person, setting in
      let policy = arm.policy(for: assessedBand[person])
      let limited = limitedAccount[person]
      return (
        value: !limited && ArmContext.resolve(setting, of: person, in: population, policy: policy),
        defaultValue: limited ? false : policy.defaults[setting],
        changeable: !limited && policy.adjustable[setting], policy: policy
      )
    }
  }

  /// Unknown adults can find the profile by search on measured day `day` (−1: the burn-in).
  @inline(__always)
  func isSearchable(_ person: Int, onDay day: Int) -> Bool {
    timeline.value(0, of: person, onDay: day)
  }

  /// Strangers can see the precise location on measured day `day` (−1: the burn-in).
  @inline(__always)
  func isLocationVisible(_ person: Int, onDay day: Int) -> Bool {
    timeline.value(0, of: person, onDay: day) && timeline.value(1, of: person, onDay: day)
      && timeline.value(2, of: person, onDay: day)
  }
}

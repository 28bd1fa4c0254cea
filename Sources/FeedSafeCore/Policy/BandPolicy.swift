/// What a policy does with an item the classifier *predicts* is harmful (DESIGN step 3).
public enum HarmAction: Sendable, Equatable {
  /// Ranked like any other item.
  case allow
  /// Score multiplied by `factor` in [0, 1) so it sinks down the page (Ofcom: "down-rank").
  case downrank(factor: Double)
  /// Removed from the candidates (Ofcom: "filter out").
  case remove
}

/// The policy an arm applies to people in one *assessed* age band.
public struct BandPolicy: Sendable, Equatable {
  /// The feed served (by name).
  public var feed: String
  /// Each setting's default for this band.
  public var defaults: SettingValues
  /// Whether people may change each setting at all (a setting not offered keeps its default,
  /// whatever the person's stickiness).
  public var adjustable: SettingValues
  /// Action on items predicted to be in each harm category, in taxonomy order.
  public var harmActions: [HarmAction]
  /// Most items predicted harmful on one page (`nil`: no cap).
  public var maximumHarmfulPerPage: Int?
  /// Most consecutive items of one topic on a page (`nil`: no limit).
  public var maximumSameTopicInRow: Int?
  /// Whether the person is offered "not interested" and it is honoured.
  public var honoursNotInterested: Bool
  /// Whether age-restricted ad categories are withheld (CAP code rules on under-18s).
  public var blocksRestrictedAds = false
  /// Whether ads may be chosen on the profile (DSA Art. 28(2) forbids it for minors).
  public var allowsProfiledAds = true
  /// Whether the person may be suggested to adults they do not know ("people you may know").
  public var suggestsToUnknownAdults = true
  /// Whether adults the person does not know may message them.
  public var allowsMessagesFromUnknownAdults = true
  /// Whether an account assessed as under 13 needs a parent's consent (UK GDPR Art. 8).
  public var requiresParentalConsent = false
  /// Whether the tracking-consent prompt offers "reject" on its first screen.
  public var offersRejectOnFirstScreen = false
  /// Whether the platform nudges people to move off a private default (ICO standard 13 forbids
  /// nudge techniques that lead children to lower their privacy).
  public var nudgesSettingChanges = true
  /// Whether changing a profile or location setting needs a parent's approval.
  public var requiresParentalApproval = false

  /// A band policy with every attribute given.
  public init(
    feed: String, defaults: SettingValues, adjustable: SettingValues = .allOn,
    harmActions: [HarmAction],
    maximumHarmfulPerPage: Int? = nil, maximumSameTopicInRow: Int? = nil,
    honoursNotInterested: Bool = false
  ) {
    self.feed = feed
    self.defaults = defaults
    self.adjustable = adjustable
    self.harmActions = harmActions
    self.maximumHarmfulPerPage = maximumHarmfulPerPage
    self.maximumSameTopicInRow = maximumSameTopicInRow
    self.honoursNotInterested = honoursNotInterested
  }
}

/// A named policy setting of an experiment: one ``BandPolicy`` per assessed age band.
public struct Arm: Sendable, Equatable {
  /// The arm's name.
  public var name: String
  /// The policy preset it started from, if any (for reports).
  public var preset: String?
  /// One policy per age band, in band order.
  public var policies: [BandPolicy]
  /// How this arm's platform assesses age; `nil`: the population's method. Age assurance is a
  /// platform choice, so arms may differ in it while sharing the same people.
  public var ageAssurance: AgeAssurance?

  /// Parameters this arm changes (a sweep or sensitivity point); empty: the scenario's values.
  /// The arm's world is rebuilt from the same seed and streams, so only these values differ.
  public var parameters: [ParameterValue] = []
  /// The sweep point this arm stands for, if it was expanded from a sweep.
  public var sweepPoint: SweepPoint?

  /// An arm named `name` with one policy per band.
  public init(
    name: String, preset: String? = nil, policies: [BandPolicy], ageAssurance: AgeAssurance? = nil,
    parameters: [ParameterValue] = [], sweepPoint: SweepPoint? = nil
  ) {
    self.name = name
    self.preset = preset
    self.policies = policies
    self.ageAssurance = ageAssurance
    self.parameters = parameters
    self.sweepPoint = sweepPoint
  }

  /// The policy for people assessed to be in `band`.
  public func policy(for band: AgeBand) -> BandPolicy { policies[band.position] }
}

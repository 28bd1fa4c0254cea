/// What a random stream is for. Each draw site has its own case with a fixed raw value, so adding
/// a new site never shifts the draws of an old one, and changing a policy never reshuffles the
/// population or the catalogue (world streams are separate from dynamics streams).
public enum StreamPurpose: UInt64, Sendable, CaseIterable {
  // World building: drawn once per seed, shared by every arm.
  /// True and declared age of a person.
  case age = 1
  /// Benign interests and declared interests of a person.
  case interests = 2
  /// Vulnerability and activity level of a person.
  case traits = 3
  /// Whether a person moves away from each setting's default.
  case settingChoice = 4
  /// Initial follows of a person.
  case follows = 5
  /// The platform's age assessment of a person (estimation error, verification failure); shared
  /// by every arm that uses the same method.
  case ageAssessment = 6
  /// The population segment of a person (e.g. gender).
  case segment = 7
  /// Whether a person is a new account, joining on the first measured day.
  case accountAge = 8
  /// Creators and their home topics.
  case creators = 10
  /// Item attributes (topic, harm, appeal, embedding).
  case items = 11
  /// The moderation classifier's label for an item.
  case moderation = 12
  // Dynamics: drawn per (person, day).
  /// Number of sessions a person starts on a day.
  case sessions = 20
  /// Candidate retrieval for a person's pages.
  case candidates = 21
  /// Engagement, "not interested" and follow choices.
  case engagement = 22
  /// Session stopping.
  case stopping = 23
  // Beyond the feed: their own streams, so adding them never moves the organic feed's draws.
  /// The ad inventory.
  case adInventory = 30
  /// Whether an organic item is unlabelled commercial content.
  case commercial = 31
  /// Ad slots and ad choice, per (person, day).
  case ads = 32
  /// Contact from unknown accounts, per (person, day).
  case contact = 33
  /// A parent's consent to an under-13's account.
  case parentalConsent = 34
  /// A person's answer to the tracking-consent prompt.
  case trackingConsent = 35
  /// What follows an accepted request from an unknown adult, per (person, day).
  case contactFunnel = 38
  /// When a person changes a profile or location setting after sign-up, per person.
  case settingChange = 39
  // Not the model: how an experiment chooses its points.
  /// Latin-hypercube samples of sweeps and sensitivity analyses.
  case parameterDesign = 40
  // Not the model: the peers' reference workload (`Benchmarks/Sources/ReferenceWorkload`).
  /// The reference workload's world (items, users), per section.
  case referenceWorld = 90
  /// The reference workload's per-(user, step) draws: candidates, then engagement uniforms.
  case referenceStep = 91
}

/// The rule-based choice model (DESIGN "Behaviour"). Per impression a person is drawn to the item
/// by the logit L = intercept + interestWeight·⟨interest, item⟩ + appealWeight·appeal
/// + harmWeight·susceptibility·severity (the last term only for harmful items): they watch it to
/// the end with probability σ(L + watchOffset), otherwise skip it after `skipSeconds`, and engage
/// (like, share, comment) with probability σ(L). Sources and assumptions: `docs/model.md`.
public struct BehaviourSpec: Sendable, Equatable {
  /// Engagement logit intercept.
  public var intercept: Double
  /// Weight of the interest–item dot product.
  public var interestWeight: Double
  /// Weight of appeal.
  public var appealWeight: Double
  /// Weight of susceptibility × severity for harmful items.
  public var harmWeight: Double
  /// Logit added for watching an item to the end: people watch far more than they like.
  public var watchOffset: Double
  /// Seconds a skipped item is on screen before the person swipes on (at most its duration).
  public var skipSeconds: Double
  /// Probability that a person marks a harmful item they did not engage with "not interested",
  /// where the policy offers it.
  public var notInterestedRate: Double
  /// Probability that an engagement leads to following the creator.
  public var followRate: Double
  /// Share by which an engagement moves interests toward the item (the rabbit-hole loop).
  public var interestDrift: Double
  /// Share of the way back to the sign-up interests that interests move each day, in [0, 1].
  public var interestRecovery: Double
  /// Share by which a view to the end moves the inferred profile toward the item (EMA rate).
  public var profileLearningRate: Double
  /// Factor on the per-impression stopping probability after an engagement (< 1 extends sessions).
  public var engagementStopFactor: Double
  /// Longest session, as a multiple of the person's mean session length.
  public var maximumSessionFactor: Double

  /// A choice model with every attribute given.
  public init(
    intercept: Double = -6, interestWeight: Double = 3, appealWeight: Double = 1,
    harmWeight: Double = 0.8, watchOffset: Double = 3.5, skipSeconds: Double = 3,
    notInterestedRate: Double = 0.3, followRate: Double = 0.02,
    interestDrift: Double = 0.05, interestRecovery: Double = 0.1, profileLearningRate: Double = 0.2,
    engagementStopFactor: Double = 0.5, maximumSessionFactor: Double = 4
  ) {
    self.intercept = intercept
    self.interestWeight = interestWeight
    self.appealWeight = appealWeight
    self.harmWeight = harmWeight
    self.watchOffset = watchOffset
    self.skipSeconds = skipSeconds
    self.notInterestedRate = notInterestedRate
    self.followRate = followRate
    self.interestDrift = interestDrift
    self.interestRecovery = interestRecovery
    self.profileLearningRate = profileLearningRate
    self.engagementStopFactor = engagementStopFactor
    self.maximumSessionFactor = maximumSessionFactor
  }
}

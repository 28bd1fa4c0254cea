/// The rule-based choice model (DESIGN "Behaviour"). Per impression a person engages with
/// probability σ(intercept + interestWeight·⟨interest, item⟩ + appealWeight·appeal
/// + harmWeight·susceptibility·severity), the last term only for harmful items. Defaults follow
/// the reference workload in `shared/peers/workload.py`; the rest are assumptions (`docs/model.md`).
public struct BehaviourSpec: Sendable, Equatable {
  /// Engagement logit intercept.
  public var intercept: Double
  /// Weight of the interest–item dot product.
  public var interestWeight: Double
  /// Weight of appeal.
  public var appealWeight: Double
  /// Weight of susceptibility × severity for harmful items.
  public var harmWeight: Double
  /// Probability that a person marks a harmful item they did not engage with "not interested",
  /// where the policy offers it.
  public var notInterestedRate: Double
  /// Probability that an engagement leads to following the creator.
  public var followRate: Double
  /// Share by which an engagement moves interests toward the item (the rabbit-hole loop).
  public var interestDrift: Double
  /// Share by which an engagement moves the inferred profile toward the item (EMA rate).
  public var profileLearningRate: Double
  /// Factor on the per-impression stopping probability after an engagement (< 1 extends sessions).
  public var engagementStopFactor: Double
  /// Longest session, as a multiple of the person's mean session length.
  public var maximumSessionFactor: Double

  /// A choice model with every attribute given.
  public init(
    intercept: Double = -3, interestWeight: Double = 3, appealWeight: Double = 1,
    harmWeight: Double = 0.8, notInterestedRate: Double = 0.3, followRate: Double = 0.02,
    interestDrift: Double = 0.05, profileLearningRate: Double = 0.2,
    engagementStopFactor: Double = 0.5, maximumSessionFactor: Double = 4
  ) {
    self.intercept = intercept
    self.interestWeight = interestWeight
    self.appealWeight = appealWeight
    self.harmWeight = harmWeight
    self.notInterestedRate = notInterestedRate
    self.followRate = followRate
    self.interestDrift = interestDrift
    self.profileLearningRate = profileLearningRate
    self.engagementStopFactor = engagementStopFactor
    self.maximumSessionFactor = maximumSessionFactor
  }
}

/// The share of a cohort not yet exposed after each number of feed minutes (Kaplan–Meier), for
/// one harm group: the curve behind `minutes_to_first`, drawn in reports.
public struct SurvivalCurve: Sendable, Equatable {
  /// The cohort.
  public var cohort: String
  /// The harm group.
  public var category: String
  /// Feed minutes of each point.
  public var minutes: [Double]
  /// S(t) at each point; `nil` past the last observation.
  public var survival: [Double?]

  /// Feed minutes at which a cohort's curve is evaluated: every 5 minutes over the first 4
  /// hours, where most first exposures happen, then every 30 minutes to `end` (the cohort's
  /// largest feed time, rounded up), so the curve runs to the end of the cohort's feed time.
  /// Points are fixed multiples, so the curves of different seeds and arms share their minutes.
  public static func grid(through end: Double) -> [Double] {
    let early = stride(from: 0, through: 240, by: 5).map(Double.init)
    guard end > 240 else { return early }
    let last = Int((end / 30).rounded(.up)) * 30
    return early + stride(from: 270, through: last, by: 30).map(Double.init)
  }

  /// The curves of `outcome` for every cohort and each harm group.
  public static func curves(of outcome: ArmOutcome, measures: HarmMeasures, cohorts: Cohorts)
    -> [SurvivalCurve]
  {
    let tally = outcome.tally
    var curves: [SurvivalCurve] = []
    for cohort in 0..<cohorts.count {
      let bit = UInt32(1) << UInt32(cohort)
      let members = (0..<tally.count).filter { outcome.cohortMask[$0] & bit != 0 }
      guard !members.isEmpty else { continue }
      for group in HarmMeasures.groupNames {
        guard let m = measures.names.firstIndex(of: group) else { continue }
        let observations = members.map { person in
          let first = tally.firstExposureSeconds[person * measures.count + m]
          return first >= 0
            ? KaplanMeier.Observation(time: Double(first) / 60, isEvent: true)
            : KaplanMeier.Observation(time: Double(tally.feedSeconds[person]) / 60, isEvent: false)
        }
        let minutes = grid(through: observations.map(\.time).max() ?? 0)
        curves.append(
          SurvivalCurve(
            cohort: cohorts.names[cohort], category: group, minutes: minutes,
            survival: KaplanMeier.curve(of: observations, at: minutes)))
      }
    }
    return curves
  }
}

/// Computes every metric of one arm on one seed from its ``ArmOutcome`` (DESIGN "Metrics").
///
/// Rates are pooled over the cohort (total harmful ÷ total impressions), not means of per-person
/// rates, so a person with more feed time weighs more, as their exposure does. A metric with no
/// defined value for a cohort (no impressions, nobody exposed on day 0, median not reached) is
/// omitted rather than reported as 0.
public enum ExposureMetrics {
  /// Every defined metric value of `outcome`.
  public static func values(
    of outcome: ArmOutcome, measures: HarmMeasures, cohorts: Cohorts, horizonDays: Int
  ) -> [MetricValue] {
    var values: [MetricValue] = []
    let tally = outcome.tally
    let measureCount = measures.count
    for cohort in 0..<cohorts.count {
      let bit = UInt32(1) << UInt32(cohort)
      // People an under-13 gate kept off the platform saw nothing; they count only in `on_platform`.
      let members = (0..<tally.count).filter {
        outcome.cohortMask[$0] & bit != 0 && outcome.platform.onPlatform[$0]
      }
      guard !members.isEmpty else { continue }
      func add(_ metric: Metric, _ category: String, _ value: Double?) {
        guard let value, value.isFinite else { return }
        values.append(
          MetricValue(
            arm: outcome.arm, seed: outcome.seed, cohort: cohorts.names[cohort], category: category,
            metric: metric, value: value))
      }
      let impressions = members.reduce(0.0) { $0 + Double(tally.impressions[$1]) }
      let seconds = members.reduce(0.0) { $0 + Double(tally.feedSeconds[$1]) }
      let people = Double(members.count)
      for m in 0..<measureCount {
        let name = measures.names[m]
        let harmful = members.reduce(0.0) { $0 + Double(tally.harmful[$1 * measureCount + m]) }
        add(.exposurePerThousand, name, ratio(harmful * 1000, impressions))
        add(.exposuresPerHour, name, ratio(harmful * 3600, seconds))
        let reached = members.filter { tally.harmful[$0 * measureCount + m] > 0 }.count
        add(.reach, name, Double(reached) / people)
        add(
          .minutesToFirst, name,
          KaplanMeier.median(
            of: members.map { person in
              let first = tally.firstExposureSeconds[person * measureCount + m]
              return first >= 0
                ? KaplanMeier.Observation(time: Double(first) / 60, isEvent: true)
                : KaplanMeier.Observation(
                  time: Double(tally.feedSeconds[person]) / 60, isEvent: false)
            }))
        let eligible = members.reduce(0.0) { total, person in
          total + Double(tally.impressions[person])
            * outcome.eligibleHarmShare[outcome.assessedBand[person].position][m]
        }
        add(.amplification, name, ratio(harmful, eligible))
        add(.drift, name, drift(outcome.daily, cohort: cohort, measure: m))
        add(
          .streakP95, name,
          percentile95(members.map { Double(tally.longestStreak[$0 * measureCount + m]) }))
      }
      let all = Metric.allCategories
      add(.minutesPerDay, all, seconds / 60 / (people * Double(max(1, horizonDays))))
      add(
        .engagementsPerThousand, all,
        ratio(members.reduce(0.0) { $0 + Double(tally.engagements[$1]) } * 1000, impressions))
      add(
        .completionShare, all,
        ratio(members.reduce(0.0) { $0 + Double(tally.watched[$1]) }, impressions))
      add(
        .dataPoints, all,
        members.reduce(0.0) {
          $0 + Double(tally.observedDataPoints[$1]) + Double(tally.inferredDataPoints[$1])
        } / people)
      add(
        .overblockingPerThousand, all,
        ratio(members.reduce(0.0) { $0 + Double(tally.overblocked[$1]) } * 1000, impressions))
    }
    return values + PlatformMetrics.values(of: outcome, cohorts: cohorts, horizonDays: horizonDays)
  }

  /// `numerator ÷ denominator`, or `nil` when the denominator is 0.
  static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
    denominator > 0 ? numerator / denominator : nil
  }

  /// Harmful share on the last day ÷ harmful share on day 0; `nil` if either day had no
  /// impressions or day 0 had no harmful ones.
  static func drift(_ daily: DailySeries, cohort: Int, measure: Int) -> Double? {
    let last = daily.dayCount - 1
    guard
      let first = ratio(
        Double(daily.harmful(day: 0, cohort: cohort, measure: measure)),
        Double(daily.impressions(day: 0, cohort: cohort))), first > 0,
      let final = ratio(
        Double(daily.harmful(day: last, cohort: cohort, measure: measure)),
        Double(daily.impressions(day: last, cohort: cohort)))
    else { return nil }
    return final / first
  }

  /// The nearest-rank 95th percentile: the smallest value at or above 95% of the values.
  static func percentile95(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let rank = Int((0.95 * Double(sorted.count)).rounded(.up))
    return sorted[max(0, rank - 1)]
  }
}

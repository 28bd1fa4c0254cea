import Testing

@testable import FeedSafeCore

/// Metric formulas on a world small enough to compute by hand: three people, two harm categories.
@Suite("Metric formulas on a hand-computed world")
struct ExposureMetricsTests {
  static let taxonomy = Taxonomy(
    topics: ["fitness"],
    harms: [
      HarmCategory(name: "a", tier: .primaryPriority, gatewayTopics: []),
      HarmCategory(name: "b", tier: .priority, gatewayTopics: []),
    ])
  /// a, b, primary_priority, priority, any_harm.
  static let measures = HarmMeasures(taxonomy: taxonomy)
  static let cohorts = Cohorts(bands: .standard)

  /// p0: 13–15, 10 impressions in 600 s, 2 of category a (first after 60 s, a run of 2), one
  ///     benign item over-blocked, 3 observed + 2 inferred data points.
  /// p1: 13–15 assessed as adult, 20 impressions in 1,200 s, 4 of category b (first after 120 s).
  /// p2: adult, 10 impressions in 600 s, nothing harmful.
  static func outcome() -> ArmOutcome {
    let m = measures.count
    var tally = ExposureTally(people: 3, measureCount: m)
    tally.impressions = [10, 20, 10]
    tally.feedSeconds = [600, 1_200, 600]
    tally.overblocked = [1, 0, 0]
    tally.observedDataPoints = [3, 0, 0]
    tally.inferredDataPoints = [2, 0, 0]
    let a = 0, b = 1, primary = 2, priority = 3, any = 4
    for (measure, count) in [(a, 2), (primary, 2), (any, 2)] {
      tally.harmful[0 * m + measure] = Int32(count)
    }
    for (measure, count) in [(b, 4), (priority, 4), (any, 4)] {
      tally.harmful[1 * m + measure] = Int32(count)
    }
    for measure in [a, primary, any] {
      tally.firstExposureSeconds[0 * m + measure] = 60
      tally.longestStreak[0 * m + measure] = 2
    }
    for measure in [b, priority, any] {
      tally.firstExposureSeconds[1 * m + measure] = 120
      tally.longestStreak[1 * m + measure] = 1
    }
    let teen = AgeBand(1), adult = AgeBand(3)
    var daily = DailySeries(dayCount: 5, cohortCount: cohorts.count, measureCount: m)
    let cohort = 1  // 13_15
    daily.impressions[0 * cohorts.count + cohort] = 10
    daily.harmful[(0 * cohorts.count + cohort) * m + any] = 1
    daily.impressions[4 * cohorts.count + cohort] = 5
    daily.harmful[(4 * cohorts.count + cohort) * m + any] = 2
    return ArmOutcome(
      arm: "arm", seed: 1, tally: tally, platform: PlatformTally(people: 3), daily: daily,
      cohortMask: [
        cohorts.membership(trueBand: teen, assessedBand: teen),
        cohorts.membership(trueBand: teen, assessedBand: adult),
        cohorts.membership(trueBand: adult, assessedBand: adult),
      ],
      assessedBand: [teen, adult, adult],
      eligibleHarmShare: [
        [0, 0, 0, 0, 0], [0.05, 0, 0.05, 0, 0.05], [0, 0, 0, 0, 0], [0.1, 0, 0.1, 0, 0.1],
      ])
  }

  static func value(_ metric: Metric, _ category: String, cohort: String = "13_15") -> Double? {
    ExposureMetrics.values(of: outcome(), measures: measures, cohorts: cohorts, horizonDays: 5)
      .first { $0.metric == metric && $0.category == category && $0.cohort == cohort }?.value
  }

  struct Case: CustomTestStringConvertible, Sendable {
    let metric: Metric
    let category: String
    let cohort: String
    let expected: Double?
    var testDescription: String {
      "\(metric.rawValue) of \(category) for \(cohort) is \(expected.map { "\($0)" } ?? "undefined")"
    }
  }

  static let cases: [Case] = [
    Case(
      metric: .exposurePerThousand, category: "any_harm", cohort: "13_15", expected: 6.0 / 30 * 1000
    ),
    Case(metric: .exposurePerThousand, category: "a", cohort: "13_15", expected: 2.0 / 30 * 1000),
    Case(metric: .exposurePerThousand, category: "any_harm", cohort: "adult", expected: 0),
    Case(metric: .exposuresPerHour, category: "any_harm", cohort: "13_15", expected: 12),
    Case(metric: .reach, category: "any_harm", cohort: "13_15", expected: 1),
    Case(metric: .reach, category: "a", cohort: "13_15", expected: 0.5),
    Case(metric: .minutesToFirst, category: "any_harm", cohort: "13_15", expected: 1),
    Case(metric: .minutesToFirst, category: "b", cohort: "13_15", expected: 2),
    Case(metric: .minutesToFirst, category: "any_harm", cohort: "adult", expected: nil),
    // Feed share 6/30 ÷ impression-weighted eligible share (10·0.05 + 20·0.1)/30.
    Case(metric: .amplification, category: "any_harm", cohort: "13_15", expected: 6 / 2.5),
    Case(metric: .drift, category: "any_harm", cohort: "13_15", expected: (2.0 / 5) / (1.0 / 10)),
    Case(metric: .streakP95, category: "any_harm", cohort: "13_15", expected: 2),
    Case(metric: .minutesPerDay, category: "all", cohort: "13_15", expected: 30.0 / (2 * 5)),
    Case(metric: .dataPoints, category: "all", cohort: "13_15", expected: 2.5),
    Case(
      metric: .overblockingPerThousand, category: "all", cohort: "13_15", expected: 1.0 / 30 * 1000),
    Case(
      metric: .exposurePerThousand, category: "any_harm", cohort: "children_assessed_as_adult",
      expected: 200),
    Case(metric: .exposurePerThousand, category: "any_harm", cohort: "children", expected: 200),
    Case(metric: .exposurePerThousand, category: "any_harm", cohort: "all", expected: 150),
  ]

  @Test("each metric matches its hand-computed value", arguments: cases)
  func matchesHandComputation(_ c: Case) throws {
    let value = Self.value(c.metric, c.category, cohort: c.cohort)
    guard let expected = c.expected else {
      #expect(value == nil)
      return
    }
    let actual = try #require(value)
    #expect(abs(actual - expected) < 1e-9)
  }

  @Test("cohorts with nobody in them report nothing")
  func emptyCohortsReportNothing() {
    let values = ExposureMetrics.values(
      of: Self.outcome(), measures: Self.measures, cohorts: Self.cohorts, horizonDays: 5)
    #expect(!values.contains { $0.cohort == "under_13" || $0.cohort == "16_17" })
  }
}

import Testing

@testable import FeedSafeCore

@Suite("Mean and confidence interval over seeds")
struct SeedSummaryTests {
  @Test("the 95% CI of 1, 2, 3 is 2 ± 4.303 · 1/√3")
  func threeValues() throws {
    let (mean, halfWidth) = SeedSummary.meanAndHalfWidth([1, 2, 3])
    #expect(mean == 2)
    let width = try #require(halfWidth)
    #expect(abs(width - 4.303 / 3.0.squareRoot()) < 1e-9)
  }

  @Test("one seed gives a mean and no interval")
  func oneSeed() {
    let (mean, halfWidth) = SeedSummary.meanAndHalfWidth([5])
    #expect(mean == 5)
    #expect(halfWidth == nil)
  }

  @Test(
    "t quantiles match the table and approach 1.96",
    arguments: [(1, 12.706), (9, 2.262), (30, 2.042), (60, 2.000), (1000, 1.962)])
  func tQuantiles(df: Int, expected: Double) {
    #expect(abs(SeedSummary.tQuantile975(degreesOfFreedom: df) - expected) < 0.002)
  }

  @Test("summary rows are ordered by arm, cohort, category and metric as given")
  func ordering() {
    let values = [
      MetricValue(
        arm: "b", seed: 1, cohort: "adult", category: "any_harm", metric: .reach, value: 1),
      MetricValue(
        arm: "a", seed: 2, cohort: "adult", category: "any_harm", metric: .reach, value: 3),
      MetricValue(
        arm: "a", seed: 1, cohort: "adult", category: "any_harm", metric: .reach, value: 1),
      MetricValue(
        arm: "a", seed: 1, cohort: "13_15", category: "any_harm", metric: .reach, value: 0),
    ]
    let rows = SeedSummary.summarise(
      values, arms: ["a", "b"], cohorts: ["13_15", "adult"], categories: ["any_harm"])
    #expect(
      rows.map { "\($0.arm) \($0.cohort) \($0.mean) \($0.n)" } == [
        "a 13_15 0.0 1", "a adult 2.0 2", "b adult 1.0 1",
      ])
  }
}

@Suite("Student t quantiles at any level")
struct StudentTTests {
  @Test("the 0.975 quantile agrees with the table", arguments: [1, 2, 5, 9, 30])
  func agreesWithTable(df: Int) {
    let exact = StudentT.quantile(0.975, degreesOfFreedom: Double(df))
    #expect(abs(exact - SeedSummary.tQuantile975(degreesOfFreedom: df)) < 0.001)
  }

  @Test(
    "published quantiles at other levels",
    arguments: [(0.995, 4.0, 4.604), (0.999, 10.0, 4.144), (0.9, 3.0, 1.638)])
  func otherLevels(probability: Double, df: Double, expected: Double) {
    #expect(abs(StudentT.quantile(probability, degreesOfFreedom: df) - expected) < 0.001)
  }

  @Test("the CDF is symmetric and inverts the quantile")
  func cdf() {
    #expect(abs(StudentT.cdf(0, degreesOfFreedom: 5) - 0.5) < 1e-12)
    let t = StudentT.quantile(0.9, degreesOfFreedom: 7)
    #expect(abs(StudentT.cdf(t, degreesOfFreedom: 7) - 0.9) < 1e-9)
    #expect(abs(StudentT.cdf(-t, degreesOfFreedom: 7) - 0.1) < 1e-9)
  }
}

import FeedSafeCore
import Foundation
import Testing

@testable import FeedSafeReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Gate rules on values whose right answer is known by construction.
@Suite("Regression gate rules")
struct GateTests {
  static let selector = MetricSelector(
    cohort: "children", category: "any_harm", metric: .exposurePerThousand)

  /// Values for `arm` over seeds 1…n: `centre` plus a fixed, symmetric spread.
  static func values(
    _ arm: String, centre: Double, spread: Double = 1, seeds: Int = 8,
    metric: Metric = .exposurePerThousand
  ) -> [MetricValue] {
    (0..<seeds).map { index in
      let offset = (index % 2 == 0 ? 1.0 : -1.0) * spread * Double(index / 2 + 1) / Double(seeds)
      return MetricValue(
        arm: arm, seed: UInt64(index + 1), cohort: "children", category: "any_harm", metric: metric,
        value: centre + offset)
    }
  }

  static func verdict(
    _ rule: ExpectationRule, _ values: [MetricValue], sweeps: [String: SweepPoint] = [:]
  ) -> Verdict? {
    var spec = GateSpec.standard
    spec.expectations = [Expectation(name: "rule", rule: rule)]
    return Gate(values: values, sweeps: sweeps, spec: spec).evaluate(baseline: nil).results.first?
      .verdict
  }

  struct Case: CustomTestStringConvertible, Sendable {
    let description: String
    let rule: ExpectationRule
    let values: [MetricValue]
    let expected: Verdict
    var testDescription: String { description }
  }

  static let cases: [Case] = [
    Case(
      description: "a maximum well above the values passes",
      rule: .bound(arm: "a", selector: selector, minimum: nil, maximum: 20),
      values: values("a", centre: 10), expected: .pass),
    Case(
      description: "a maximum well below the values fails",
      rule: .bound(arm: "a", selector: selector, minimum: nil, maximum: 5),
      values: values("a", centre: 10), expected: .fail),
    Case(
      description: "a maximum inside the noise is undetermined",
      rule: .bound(arm: "a", selector: selector, minimum: nil, maximum: 10.1),
      values: values("a", centre: 10, spread: 4), expected: .undetermined),
    Case(
      description: "a minimum above the values fails",
      rule: .bound(arm: "a", selector: selector, minimum: 12, maximum: nil),
      values: values("a", centre: 10), expected: .fail),
    Case(
      description: "one seed cannot decide a bound",
      rule: .bound(arm: "a", selector: selector, minimum: nil, maximum: 20),
      values: values("a", centre: 10, seeds: 1), expected: .undetermined),
    Case(
      description: "a 60% reduction passes a 30% requirement",
      rule: .reduction(arm: "b", baseline: "a", selector: selector, atLeast: 0.3),
      values: values("a", centre: 10) + values("b", centre: 4), expected: .pass),
    Case(
      description: "a 10% reduction fails a 30% requirement",
      rule: .reduction(arm: "b", baseline: "a", selector: selector, atLeast: 0.3),
      values: values("a", centre: 10) + values("b", centre: 9), expected: .fail),
    Case(
      description: "a reduction near the requirement is undetermined",
      rule: .reduction(arm: "b", baseline: "a", selector: selector, atLeast: 0.3),
      values: values("a", centre: 10, spread: 6) + values("b", centre: 7, spread: 0.1),
      expected: .undetermined),
    Case(
      description: "a sweep that falls step by step is decreasing",
      rule: .monotonic(arm: "a", parameter: "p", selector: selector, direction: .decreasing),
      values: values("a@1", centre: 9) + values("a@2", centre: 6) + values("a@3", centre: 3),
      expected: .pass),
    Case(
      description: "a sweep with a credible rise is not decreasing",
      rule: .monotonic(arm: "a", parameter: "p", selector: selector, direction: .decreasing),
      values: values("a@1", centre: 9) + values("a@2", centre: 12) + values("a@3", centre: 3),
      expected: .fail),
    Case(
      description: "a flat sweep is undetermined",
      rule: .monotonic(arm: "a", parameter: "p", selector: selector, direction: .increasing),
      values: values("a@1", centre: 5, spread: 3) + values("a@2", centre: 5, spread: 3),
      expected: .undetermined),
  ]

  static let sweeps = [
    "a@1": SweepPoint(parameter: "p", value: 0.1, baseArm: "a"),
    "a@2": SweepPoint(parameter: "p", value: 0.5, baseArm: "a"),
    "a@3": SweepPoint(parameter: "p", value: 0.9, baseArm: "a"),
  ]

  @Test("each rule kind passes, fails or is undetermined as it should", arguments: cases)
  func rules(_ c: Case) {
    #expect(Self.verdict(c.rule, c.values, sweeps: Self.sweeps) == c.expected)
  }

  static func baselineVerdict(new: [MetricValue], old: [MetricValue]) -> Verdict? {
    Gate(values: new, sweeps: [:], spec: .standard)
      .evaluate(
        baseline: Gate.Baseline(
          label: "old", values: old, arms: ["a"], cohorts: ["children"], tolerance: nil)
      )
      .results.first { $0.name.hasPrefix("a: children/any_harm/exposure_per_1k") }?.verdict
  }

  @Test("an injected regression beyond tolerance and noise fails the baseline comparison")
  func injectedRegression() {
    #expect(
      Self.baselineVerdict(new: Self.values("a", centre: 14), old: Self.values("a", centre: 10))
        == .fail)
  }

  @Test("a neutral change, and a worsening within tolerance, pass")
  func neutralChange() {
    #expect(
      Self.baselineVerdict(new: Self.values("a", centre: 10), old: Self.values("a", centre: 10))
        == .pass)
    #expect(
      Self.baselineVerdict(new: Self.values("a", centre: 10.5), old: Self.values("a", centre: 10))
        == .pass)
  }

  @Test(
    "a worsening beyond tolerance but within noise is 'worse, not credible', with the seeds to decide it"
  )
  func worseNotCredible() throws {
    let noisy = Self.values("a", centre: 13, spread: 30)
    let old = Self.values("a", centre: 10)
    #expect(Self.baselineVerdict(new: noisy, old: old) == .worseNotCredible)
    let report = Gate(values: noisy, sweeps: [:], spec: .standard).evaluate(
      baseline: Gate.Baseline(
        label: "old", values: old, arms: ["a"], cohorts: ["children"], tolerance: nil))
    let result = try #require(report.results.first { $0.verdict == .worseNotCredible })
    #expect(result.detail.contains("the interval includes 0 (paired by seed"))
    #expect(result.detail.contains("seeds would likely decide it (this run has"))
    #expect(!report.failed(strict: false))
    #expect(report.failed(strict: true))
    let table = GateRenderer.table(report, colour: false)
    #expect(table.contains("WORSE, NOT CREDIBLE"))
    #expect(table.contains("worse, not credible: a: children/any_harm/exposure_per_1k"))
    #expect(
      GateRenderer.json(report, failed: false).contains("\"verdict\" : \"worse, not credible\""))
  }

  @Test("the seeds needed grow as the square of the interval over the observed worsening")
  func seedsNeeded() {
    // n · (halfWidth ÷ distance)² = 4 · (3 ÷ 1)² = 36, plus one for the t quantile's margin.
    #expect(
      Gate.seedsNeeded(n: 4, halfWidth: 3, distance: 1)
        == "about 37 seeds would likely decide it (this run has 4)")
  }

  @Test("an improvement never fails, and minutes to first exposure count lower as worse")
  func direction() {
    #expect(
      Self.baselineVerdict(new: Self.values("a", centre: 5), old: Self.values("a", centre: 10))
        == .pass)
    let gate = Gate(
      values: Self.values("a", centre: 2, metric: .minutesToFirst), sweeps: [:],
      spec: {
        var spec = GateSpec.standard
        spec.baselineCategories = ["any_harm"]
        spec.baselineMetrics = [.minutesToFirst]
        return spec
      }())
    let result = gate.evaluate(
      baseline: Gate.Baseline(
        label: "old", values: Self.values("a", centre: 10, metric: .minutesToFirst), arms: ["a"],
        cohorts: ["children"], tolerance: nil))
    #expect(result.results.first?.verdict == .fail)
  }

  @Test("decisions are Bonferroni-adjusted: more decisions, a higher level each")
  func bonferroni() {
    var spec = GateSpec.standard
    spec.expectations = (0..<5).map {
      Expectation(
        name: "r\($0)", rule: .bound(arm: "a", selector: Self.selector, minimum: nil, maximum: 100))
    }
    let report = Gate(values: Self.values("a", centre: 1), sweeps: [:], spec: spec).evaluate(
      baseline: nil)
    #expect(abs(report.perDecisionLevel - (1 - 0.05 / 5)) < 1e-12)
  }

  @Test("JUnit XML has a suite, one test case per rule, failures and skips where due")
  func junit() throws {
    let report = GateReport(
      results: [
        GateResult(
          name: "ok", kind: "bound", value: "1", reference: "≤ 2", verdict: .pass, detail: ""),
        GateResult(
          name: "bad <rule>", kind: "reduction", value: "5%", reference: "≥ 30%", verdict: .fail,
          detail: "too small"),
        GateResult(
          name: "unsure", kind: "bound", value: "2", reference: "≤ 2", verdict: .undetermined,
          detail: "noise"),
      ], perDecisionLevel: 0.98, familyLevel: 0.95)
    let xml = GateRenderer.junit(report, suite: "demo", strict: false, seconds: 1.5)
    let document = try XMLDocument(xmlString: xml)
    let suites = try #require(document.rootElement())
    #expect(suites.name == "testsuites")
    let suite = try #require(suites.elements(forName: "testsuite").first)
    #expect(suite.attribute(forName: "name")?.stringValue == "demo")
    #expect(suite.attribute(forName: "tests")?.stringValue == "3")
    #expect(suite.attribute(forName: "failures")?.stringValue == "1")
    #expect(suite.attribute(forName: "skipped")?.stringValue == "1")
    let cases = suite.elements(forName: "testcase")
    #expect(cases.count == 3)
    #expect(
      cases.allSatisfy {
        $0.attribute(forName: "classname") != nil && $0.attribute(forName: "name") != nil
      })
    #expect(cases[1].attribute(forName: "name")?.stringValue == "bad <rule>")
    #expect(cases[1].elements(forName: "failure").first?.attribute(forName: "message") != nil)
    #expect(cases[2].elements(forName: "skipped").count == 1)
    #expect(cases.allSatisfy { $0.elements(forName: "system-out").count == 1 })
    let strict = try XMLDocument(
      xmlString: GateRenderer.junit(report, suite: "demo", strict: true, seconds: 1))
    #expect(strict.rootElement()?.attribute(forName: "failures")?.stringValue == "2")
  }

  @Test(
    "in JUnit a 'worse, not credible' rule passes with its reason in system-out, and fails under --strict"
  )
  func junitWorseNotCredible() throws {
    let report = GateReport(
      results: [
        GateResult(
          name: "a vs baseline", kind: "baseline", value: "4.2 (worse by 1.2)", reference: "3",
          verdict: .worseNotCredible, detail: "about 9 seeds would likely decide it")
      ], perDecisionLevel: 0.98, familyLevel: 0.95)
    let document = try XMLDocument(
      xmlString: GateRenderer.junit(report, suite: "demo", strict: false, seconds: 1))
    let testCase = try #require(
      document.rootElement()?.elements(forName: "testsuite").first?
        .elements(forName: "testcase").first)
    #expect(testCase.elements(forName: "failure").isEmpty)
    #expect(testCase.elements(forName: "skipped").isEmpty)
    let output = testCase.elements(forName: "system-out").first?.stringValue ?? ""
    #expect(output.hasPrefix("worse, not credible: 4.2 (worse by 1.2) vs 3:"))
    #expect(output.contains("about 9 seeds"))
    let strict = try XMLDocument(
      xmlString: GateRenderer.junit(report, suite: "demo", strict: true, seconds: 1))
    #expect(strict.rootElement()?.attribute(forName: "failures")?.stringValue == "1")
  }
}

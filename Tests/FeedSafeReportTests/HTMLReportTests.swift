import FeedSafeCore
import Testing

@testable import FeedSafeReport

@Suite("HTML report")
struct HTMLReportTests {
  static func data() -> ReportData {
    var values: [MetricValue] = []
    for seed in UInt64(1)...3 {
      for (arm, base) in [("on", 20.0), ("off", 5.0)] {
        for cohort in ["13_15", "children", "adult"] {
          values.append(
            MetricValue(
              arm: arm, seed: seed, cohort: cohort, category: "any_harm",
              metric: .exposurePerThousand, value: base + Double(seed)))
        }
      }
    }
    let rows = SeedSummary.summarise(
      values, arms: ["on", "off"], cohorts: ["13_15", "children", "adult"], categories: ["any_harm"]
    )
    let document = ResultsDocument(
      runID: "abc",
      scenario: .init(
        name: "demo <&>", description: "d", path: "p", seeds: [1, 2, 3], horizonDays: 2, people: 1,
        items: 1),
      arms: ["on", "off"], cohorts: ["13_15", "children", "adult"],
      childCohorts: ["13_15", "children"],
      categories: ["any_harm"], rows: rows)
    let daily = ["on", "off"].flatMap { arm in
      (UInt64(1)...3).flatMap { seed in
        (0..<2).map { day in
          (arm: arm, seed: seed, day: day, people: 10, harmful: arm == "on" ? 4 : 1)
        }
      }
    }
    var survival: [(arm: String, seed: UInt64, minute: Double, survival: Double)] = []
    for arm in ["on", "off"] {
      for seed in UInt64(1)...3 {
        survival.append((arm, seed, 0, 1))
        survival.append((arm, seed, 5, arm == "on" ? 0.5 : 0.9))
      }
    }
    return ReportData(
      results: document, metadata: [("run", "abc")],
      armSettings: [
        (
          name: "on", preset: "none", ageAssurance: "self_declaration",
          settings:
            #"{"13_15":{"feed":"engagement","defaults":{"profiling":true},"offered":{"profiling":false},"filters":{"self_harm":"remove"},"not_interested":false}}"#
        )
      ],
      values: values, dailyHarm: daily, survival: survival, sweeps: [:])
  }

  @Test("the page is self-contained: no external resources, inline CSS, escaped text")
  func selfContained() {
    let html = HTMLReport.render(Self.data())
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(
      !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
    #expect(html.contains("<style>"))
    #expect(html.contains("demo &lt;&amp;&gt;"))
    #expect(!html.contains("demo <&>"))
  }

  @Test("every chart is there with a text alternative")
  func charts() {
    let html = HTMLReport.render(Self.data())
    for id in ["exposure-by-band", "cumulative-exposure", "survival"] {
      #expect(html.contains("<svg class=\"chart\" id=\"\(id)\""))
      #expect(html.contains("<desc id=\"\(id)-desc\">"))
    }
  }

  @Test("cumulative exposure adds each day's harmful impressions per person")
  func cumulative() throws {
    let series = Self.data().cumulativeHarm()
    let on = try #require(series.first)
    #expect(on.map(\.x) == [1, 2])
    #expect(zip(on.map(\.estimate.mean), [0.4, 0.8]).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  @Test("the headline states the paired effect with its interval")
  func headline() {
    let html = HTMLReport.render(Self.data())
    // off − on is −15 in every seed and "on" averages 22: a 68% reduction, zero-width interval.
    #expect(
      html.contains(
        "With <strong>off</strong> instead of on, children aged 13–15 saw <strong>68% fewer</strong> harmful items"
      ))
    #expect(html.contains("difference -15.00, 95% CI -15.00 to -15.00)."))
  }

  @Test("resolved settings show fixed settings and filters")
  func settingsTable() {
    let html = HTMLReport.render(Self.data())
    #expect(html.contains("<td>on (fixed)</td>"))
    #expect(html.contains("<td>remove: self_harm</td>"))
  }
}

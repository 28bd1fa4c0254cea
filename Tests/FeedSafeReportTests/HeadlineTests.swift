import FeedSafeCore
import Testing

@testable import FeedSafeReport

@Suite("Headline and readable tables")
struct HeadlineTests {
  @Test("a reduction short of 100% never rounds to '100%', and a change never rounds to '0%'")
  func percentRounding() {
    #expect(Headline.percent(0.0129 / 2.759 - 1) == "99.5%")
    #expect(Headline.percent(-0.9999) == "99.99%")
    #expect(Headline.percent(-1) == "100%")
    #expect(Headline.percent(0.004) == "0.4%")
    #expect(Headline.percent(0) == "0%")
    #expect(Headline.percent(-0.42) == "42%")
    #expect(Headline.percent(1.004) == "100.4%")
    #expect(Headline.percent(-0.9996, decimals: 1) == "99.96%")
    #expect(Headline.change(-0.79) == "79% fewer")
    #expect(Headline.change(0.12) == "12% more")
  }

  static func values(arm: String, centre: Double, seeds: Int = 3) -> [MetricValue] {
    (0..<seeds).map {
      MetricValue(
        arm: arm, seed: UInt64($0), cohort: "children", category: "any_harm",
        metric: .exposurePerThousand, value: centre + Double($0))
    }
  }

  @Test("the headline gives each arm against the first with its paired interval")
  func headlineText() {
    let values =
      Self.values(arm: "none", centre: 20) + Self.values(arm: "code", centre: 5)
      + [
        MetricValue(
          arm: "none", seed: 0, cohort: "adult", category: "any_harm",
          metric: .exposurePerThousand, value: 1)
      ]
    let text = Headline.withinRun(values, arms: ["none", "code"])
    let lines = text.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("Children's exposure to any harm"))
    #expect(lines[0].contains("3 seeds"))
    // Every seed differs by exactly −15, so the interval is a point.
    #expect(lines[2] == "  code vs none: 6.000 vs 21.00, 71% fewer (Δ -15.00, -15.00 to -15.00)")
    #expect(Headline.withinRun(values, arms: ["none"]).isEmpty)
  }

  @Test("sectioned tables wrap columns that would pass 120 characters into further blocks")
  func sectionsWrap() {
    let header = ["metric"] + (0..<8).map { "arm_number_\($0)" }
    let row = ["exposure_per_1k · any_harm"] + (0..<8).map { _ in "12.34 [10.00, 14.68]" }
    let text = TextTable.sections(
      header: header, sections: [("children", [row]), ("adult", [row])], fixedColumns: 1)
    let lines = text.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= TextTable.defaultWidth })
    #expect(lines.filter { $0 == "children" }.count > 1)
    #expect(lines.filter { $0.contains("arm_number_7") }.count == 1)
  }
}

@Suite("Comparisons keep every cohort")
struct ComparisonCompletenessTests {
  @Test(
    "a metric with no value in the other arm (a median never reached) keeps its row, shown as –")
  func missingOtherKeepsRow() {
    let base = (0..<3).map {
      MetricValue(
        arm: "a", seed: UInt64($0), cohort: "children", category: "any_harm",
        metric: .minutesToFirst, value: 50 + Double($0))
    }
    let rows = Comparison.withinRun(base, arms: ["a", "b"], baseline: "a")
    #expect(rows.count == 1)
    let row = rows[0]
    #expect(row.cohort == "children" && !row.hasOther && row.baselineMean == 51)
    let table = ComparisonRenderer.render(rows, as: .table)
    #expect(table.contains("children: b vs a"))
    #expect(table.contains("minutes_to_first · any_harm"))
    #expect(ComparisonRenderer.render(rows, as: .json).contains("\"other_mean\" : null"))
  }
}

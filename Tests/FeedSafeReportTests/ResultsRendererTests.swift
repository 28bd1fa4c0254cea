import FeedSafeCore
import Foundation
import Testing

@testable import FeedSafeReport

@Suite("Rendering results")
struct ResultsRendererTests {
  static let document = ResultsDocument(
    runID: nil,
    scenario: .init(
      name: "s", description: "d", path: "s.yaml", seeds: [1, 2], horizonDays: 3, people: 10,
      items: 20),
    arms: ["on", "off"], cohorts: ["13_15", "adult"], childCohorts: ["13_15"],
    categories: ["self_harm", "any_harm"],
    rows: [
      SummaryRow(
        arm: "on", cohort: "13_15", category: "any_harm", metric: .exposurePerThousand, mean: 12.5,
        ciLow: 10, ciHigh: 15, n: 2),
      SummaryRow(
        arm: "off", cohort: "13_15", category: "any_harm", metric: .exposurePerThousand, mean: 2.25,
        ciLow: nil, ciHigh: nil, n: 1),
    ])

  @Test("JSON rows carry null CIs when there is no interval")
  func jsonNulls() throws {
    let text = ResultsRenderer.render(Self.document, as: .json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let rows = try #require(object["metrics"] as? [[String: Any]])
    #expect(rows.count == 2)
    #expect(rows[1]["ci_low"] is NSNull)
    #expect(rows[0]["ci_high"] as? Double == 15)
  }

  @Test(
    "the table shows mean [low, high] per arm under each cohort, and the mean alone without an interval"
  )
  func tableCells() throws {
    let text = ResultsRenderer.render(Self.document, as: .table)
    let lines = text.split(separator: "\n")
    let section = try #require(lines.firstIndex { $0 == "13_15" })
    let line = try #require(
      lines[section...].first { $0.hasPrefix("  exposure_per_1k · any_harm") })
    #expect(line.contains("12.50 [10.00, 15.00]"))
    #expect(line.hasSuffix("2.250"))
  }

  @Test("CSV quotes fields with commas and quotes (RFC 4180)")
  func csvQuoting() {
    #expect(ResultsRenderer.csvField("plain") == "plain")
    #expect(ResultsRenderer.csvField("a,b") == "\"a,b\"")
    #expect(ResultsRenderer.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
  }

  @Test(
    "numbers print with about four significant digits and no exponent",
    arguments: [
      (0.0, "0"), (0.00012, "0.0001"), (1.23456, "1.235"), (12.3456, "12.35"), (1234.56, "1234.6"),
    ])
  func numberFormat(value: Double, expected: String) {
    #expect(ResultsRenderer.format(value) == expected)
  }
}

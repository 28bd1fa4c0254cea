import FeedSafeCore
import FeedSafeReport
import Foundation
import Testing

@Suite("The metric registry")
struct MetricTableTests {
  static func page() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("docs/metrics.md"), encoding: .utf8)
  }

  @Test("docs/metrics.md shows the registry's table of groups, units and report order")
  func documentedTableIsCurrent() throws {
    #expect(try Self.page().contains(MetricTable.markdown()))
  }

  @Test("every unit in the definitions table of docs/metrics.md is the registry's")
  func definitionUnitsAgree() throws {
    var checked = 0
    for line in try Self.page().split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 4, let metric = Metric(rawValue: cells[0].trimmingCharacters(in: ["`"]))
      else { continue }
      #expect(cells[2] == metric.unit, "\(metric.rawValue)")
      checked += 1
    }
    // 12 feed metrics in the definitions table, and all 32 in the registry's.
    #expect(checked == 12 + Metric.allCases.count)
  }

  @Test("the report order lists every metric once, children's exposure first")
  func reportOrderIsComplete() {
    #expect(Metric.reportOrder.count == Metric.allCases.count)
    #expect(Set(Metric.reportOrder).count == Metric.allCases.count)
    #expect(Metric.reportOrder.first == .exposurePerThousand)
  }

  @Test(
    "the metrics beyond the feed are exactly those of the data, ads, contact and settings groups")
  func beyondTheFeedFollowsTheGroup() {
    let beyond = Metric.allCases.filter(\.isBeyondFeed)
    #expect(beyond.contains(.adsPerHour) && beyond.contains(.dataPointsInferred))
    #expect(!beyond.contains(.dataPoints) && !beyond.contains(.overblockingPerThousand))
    #expect(beyond.allSatisfy { [.data, .ads, .contact, .settings].contains($0.group) })
  }
}

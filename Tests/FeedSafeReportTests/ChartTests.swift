import FeedSafeCore
import Testing

@testable import FeedSafeReport

@Suite("Charts draw the data they are given")
struct ChartTests {
  static let chart = BarChart(
    id: "t", title: "T", yLabel: "y", groups: ["a", "b"], series: ["x", "y"],
    values: [
      [Estimate(mean: 10, low: 8, high: 12), Estimate(mean: 20)],
      [Estimate(mean: 5, low: -1, high: 11), nil],
    ])

  @Test("the y axis runs from 0 to a round number at or above the highest whisker")
  func axisRange() {
    let scale = Self.chart.yScale
    #expect(scale.domain == 0...20)
    #expect(scale.start == BarChart.height - BarChart.margin.bottom)
    #expect(scale.end == BarChart.margin.top)
    #expect(scale.ticks() == [0, 5, 10, 15, 20])
  }

  @Test("bar heights are proportional to the means and whiskers span the CI")
  func barGeometry() throws {
    let bars = Self.chart.bars()
    #expect(bars.count == 3)  // the missing value draws no bar
    let pixelsPerUnit = (BarChart.height - BarChart.margin.bottom - BarChart.margin.top) / 20
    let first = try #require(bars.first { $0.series == 0 && $0.group == 0 })
    #expect(abs(first.height - 10 * pixelsPerUnit) < 1e-9)
    #expect(abs(first.y + first.height - (BarChart.height - BarChart.margin.bottom)) < 1e-9)
    #expect(abs((first.whiskerTop ?? 0) - first.y - (-2 * pixelsPerUnit)) < 1e-9)
    #expect(abs((first.whiskerBottom ?? 0) - first.y - 2 * pixelsPerUnit) < 1e-9)
    let second = try #require(bars.first { $0.series == 0 && $0.group == 1 })
    #expect(abs(second.height - 2 * first.height) < 1e-9)
    #expect(second.whiskerTop == nil)
    // A CI reaching below 0 is clipped at the axis, never drawn under it.
    let clipped = try #require(bars.first { $0.series == 1 })
    #expect(clipped.whiskerBottom == BarChart.height - BarChart.margin.bottom)
  }

  @Test("bars of one group sit side by side inside their group's slot")
  func barPositions() throws {
    let bars = Self.chart.bars()
    let a0 = try #require(bars.first { $0.series == 0 && $0.group == 0 })
    let a1 = try #require(bars.first { $0.series == 1 && $0.group == 0 })
    #expect(abs(a1.x - (a0.x + a0.width)) < 1e-9)
    let slot = (BarChart.width - BarChart.margin.left - BarChart.margin.right) / 2
    #expect(a0.x >= BarChart.margin.left && a1.x + a1.width <= BarChart.margin.left + slot)
  }

  @Test("round axis maxima", arguments: [(23.0, 25.0), (0.7, 0.8), (0, 1), (100, 100), (101, 120)])
  func niceMaximum(value: Double, expected: Double) {
    #expect(abs(LinearScale.niceMaximum(value) - expected) < 1e-9)
  }

  @Test("the SVG has a title, a description, one rect pair per bar and a whisker per interval")
  func svgContent() {
    let svg = Self.chart.svg(description: "described <here>")
    #expect(svg.contains("<title id=\"t-title\">T</title>"))
    #expect(svg.contains("<desc id=\"t-desc\">described &lt;here&gt;</desc>"))
    #expect(svg.components(separatedBy: "<g class=\"bar\">").count - 1 == 3)
    #expect(svg.components(separatedBy: "class=\"whisker\"").count - 1 == 2)
    #expect(svg.contains("role=\"img\""))
  }

  @Test("survival curves are drawn as steps on a fixed 0–1 axis")
  func stepLines() {
    let chart = LineChart(
      id: "s", title: "S", xLabel: "x", yLabel: "y", series: ["a"],
      points: [
        [.init(x: 0, estimate: Estimate(mean: 1)), .init(x: 10, estimate: Estimate(mean: 0.5))]
      ],
      fixedYDomain: 0...1, isStep: true)
    let y = chart.yScale
    #expect(y.domain == 0...1)
    let top = Markup.number(y(1))
    let middle = Markup.number(y(0.5))
    #expect(
      chart.path(0)
        == "M\(Markup.number(LineChart.margin.left)) \(top)H\(Markup.number(LineChart.width - LineChart.margin.right))V\(middle)"
    )
  }

  @Test(
    "tick labels have no trailing zeros",
    arguments: [(80.0, "80"), (2.5, "2.5"), (0.05, "0.05"), (0, "0")])
  func tickLabels(value: Double, expected: String) {
    #expect(Markup.tick(value) == expected)
  }
}

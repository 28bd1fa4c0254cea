import Foundation

/// A value with an optional 95% confidence interval, as charts draw it.
public struct Estimate: Sendable, Equatable {
  /// The mean.
  public var mean: Double
  /// Lower end of the CI, if any.
  public var low: Double?
  /// Upper end of the CI, if any.
  public var high: Double?

  /// An estimate.
  public init(mean: Double, low: Double? = nil, high: Double? = nil) {
    self.mean = mean
    self.low = low
    self.high = high
  }
}

/// A grouped bar chart with confidence-interval whiskers: one group per label (age band), one bar
/// per series (arm). Bars start at 0; the axis runs to a round number above the highest whisker.
struct BarChart {
  var id: String
  var title: String
  var yLabel: String
  var groups: [String]
  var series: [String]
  /// `values[series][group]`; `nil` where there is no value.
  var values: [[Estimate?]]

  static let width = 720.0
  static let height = 380.0
  static let margin = (top: 20.0, right: 16.0, bottom: 72.0, left: 64.0)

  struct Bar: Equatable {
    let series: Int
    let group: Int
    let x: Double
    let y: Double
    let width: Double
    let height: Double
    /// Pixel positions of the CI whisker ends, if there is an interval.
    let whiskerTop: Double?
    let whiskerBottom: Double?
  }

  /// The y scale (data → pixels, 0 at the bottom of the plot).
  var yScale: LinearScale {
    let highest =
      values.flatMap { $0 }.compactMap { $0.map { max($0.mean, $0.high ?? $0.mean) } }.max() ?? 0
    let m = Self.margin
    return LinearScale(
      domain: 0...LinearScale.niceMaximum(highest), from: Self.height - m.bottom, to: m.top)
  }

  /// Every bar's geometry. Negative CI ends are clipped at the axis (the metrics are non-negative).
  func bars() -> [Bar] {
    let m = Self.margin
    let plotWidth = Self.width - m.left - m.right
    let groupWidth = plotWidth / Double(max(1, groups.count))
    let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
    let scale = yScale
    var bars: [Bar] = []
    for (s, row) in values.enumerated() {
      for (g, estimate) in row.enumerated() {
        guard let estimate else { continue }
        let x = m.left + Double(g) * groupWidth + groupWidth * 0.1 + Double(s) * barWidth
        let top = scale(max(0, estimate.mean))
        bars.append(
          Bar(
            series: s, group: g, x: x, y: top, width: barWidth, height: scale(0) - top,
            whiskerTop: estimate.high.map { scale(max(0, $0)) },
            whiskerBottom: estimate.low.map { scale(max(0, $0)) }))
      }
    }
    return bars
  }

  /// The chart as SVG, with a title and a text description for screen readers.
  func svg(description: String) -> String {
    let m = Self.margin
    let scale = yScale
    let n = Markup.number
    var svg =
      "<svg class=\"chart\" id=\"\(id)\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
    svg +=
      "<title id=\"\(id)-title\">\(Markup.escape(title))</title><desc id=\"\(id)-desc\">\(Markup.escape(description))</desc>"
    svg += "<defs>\(Palette.definitions)</defs>"
    for tick in scale.ticks() {
      let y = scale(tick)
      svg +=
        "<line class=\"grid\" x1=\"\(n(m.left))\" x2=\"\(n(Self.width - m.right))\" y1=\"\(n(y))\" y2=\"\(n(y))\"/>"
      svg +=
        "<text class=\"tick\" x=\"\(n(m.left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(Markup.tick(tick))</text>"
    }
    svg +=
      "<text class=\"axis-label\" transform=\"translate(14 \(n((m.top + Self.height - m.bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(Markup.escape(yLabel))</text>"
    let groupWidth = (Self.width - m.left - m.right) / Double(max(1, groups.count))
    for (g, group) in groups.enumerated() {
      svg +=
        "<text class=\"group\" x=\"\(n(m.left + (Double(g) + 0.5) * groupWidth))\" y=\"\(n(Self.height - m.bottom + 18))\" text-anchor=\"middle\">\(Markup.escape(group))</text>"
    }
    for bar in bars() {
      let label = "\(series[bar.series]), \(groups[bar.group])"
      svg +=
        "<g class=\"bar\"><title>\(Markup.escape(label)): \(Markup.escape(ResultsRenderer.format(values[bar.series][bar.group]?.mean ?? 0)))</title>"
      svg +=
        "<rect x=\"\(n(bar.x))\" y=\"\(n(bar.y))\" width=\"\(n(bar.width))\" height=\"\(n(bar.height))\" fill=\"\(Palette.colour(bar.series))\"/>"
      svg +=
        "<rect x=\"\(n(bar.x))\" y=\"\(n(bar.y))\" width=\"\(n(bar.width))\" height=\"\(n(bar.height))\" fill=\"\(Palette.hatch(bar.series))\"/>"
      if let top = bar.whiskerTop, let bottom = bar.whiskerBottom {
        let cx = bar.x + bar.width / 2
        svg +=
          "<path class=\"whisker\" d=\"M\(n(cx)) \(n(bottom))V\(n(top))M\(n(cx - 4)) \(n(top))H\(n(cx + 4))M\(n(cx - 4)) \(n(bottom))H\(n(cx + 4))\"/>"
      }
      svg += "</g>"
    }
    svg +=
      "<line class=\"axis\" x1=\"\(n(m.left))\" x2=\"\(n(Self.width - m.right))\" y1=\"\(n(scale(0)))\" y2=\"\(n(scale(0)))\"/>"
    svg += Legend.svg(series: series, y: Self.height - 28, width: Self.width, kind: .bar)
    return svg + "</svg>"
  }
}

/// A legend row: a swatch (bar: colour + hatch; line: colour + dash + marker) and each name.
enum Legend {
  enum Kind { case bar, line }

  static func svg(series: [String], y top: Double, width: Double, kind: Kind) -> String {
    let n = Markup.number
    var y = top
    var x = 64.0
    var svg = "<g class=\"legend\">"
    for (index, name) in series.enumerated() {
      switch kind {
      case .bar:
        svg +=
          "<rect x=\"\(n(x))\" y=\"\(n(y - 10))\" width=\"14\" height=\"12\" fill=\"\(Palette.colour(index))\"/>"
        svg +=
          "<rect x=\"\(n(x))\" y=\"\(n(y - 10))\" width=\"14\" height=\"12\" fill=\"\(Palette.hatch(index))\"/>"
      case .line:
        svg +=
          "<line x1=\"\(n(x))\" x2=\"\(n(x + 18))\" y1=\"\(n(y - 4))\" y2=\"\(n(y - 4))\" stroke=\"\(Palette.colour(index))\" stroke-width=\"2.5\" stroke-dasharray=\"\(Palette.dash(index))\"/>"
        svg += Marker.svg(index, x: x + 9, y: y - 4)
      }
      svg += "<text x=\"\(n(x + 22))\" y=\"\(n(y))\">\(Markup.escape(name))</text>"
      x += 30 + Double(name.count) * 6.5
      if index + 1 < series.count, x + 30 + Double(series[index + 1].count) * 6.5 > width {
        x = 64
        y += 16
      }
    }
    return svg + "</g>"
  }
}

/// A distinct marker shape per series.
enum Marker {
  static func svg(_ index: Int, x: Double, y: Double) -> String {
    let n = Markup.number
    let colour = Palette.colour(index)
    switch index % 4 {
    case 0: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3.5\" fill=\"\(colour)\"/>"
    case 1:
      return
        "<rect x=\"\(n(x - 3.5))\" y=\"\(n(y - 3.5))\" width=\"7\" height=\"7\" fill=\"\(colour)\"/>"
    case 2:
      return
        "<path d=\"M\(n(x)) \(n(y - 4.5))L\(n(x + 4.5)) \(n(y + 3.5))L\(n(x - 4.5)) \(n(y + 3.5))Z\" fill=\"\(colour)\"/>"
    default:
      return
        "<path d=\"M\(n(x)) \(n(y - 4.5))L\(n(x + 4.5)) \(n(y))L\(n(x)) \(n(y + 4.5))L\(n(x - 4.5)) \(n(y))Z\" fill=\"\(colour)\"/>"
    }
  }
}

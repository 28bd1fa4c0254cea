import Foundation

/// A line chart: one line per series (arm), with a distinct colour, dash pattern and marker, and
/// optional CI whiskers at each point. Used for cumulative exposure over days, survival curves
/// and sweeps.
struct LineChart {
  struct Point: Equatable {
    var x: Double
    var estimate: Estimate
  }

  var id: String
  var title: String
  var xLabel: String
  var yLabel: String
  var series: [String]
  /// `points[series]`, in increasing x.
  var points: [[Point]]
  /// A fixed y range (survival: 0…1); otherwise 0 to a round number above the data.
  var fixedYDomain: ClosedRange<Double>?
  /// Whether to draw lines as steps (survival curves).
  var isStep = false

  static let width = 720.0
  static let height = 380.0
  static let margin = (top: 20.0, right: 16.0, bottom: 88.0, left: 64.0)

  var xScale: LinearScale {
    let xs = points.flatMap { $0.map(\.x) }
    let low = xs.min() ?? 0
    let high = xs.max() ?? 1
    let m = Self.margin
    return LinearScale(
      domain: low...(high > low ? high : low + 1), from: m.left, to: Self.width - m.right)
  }

  var yScale: LinearScale {
    let m = Self.margin
    let domain =
      fixedYDomain
      ?? {
        let highest =
          points.flatMap { $0 }.map { max($0.estimate.mean, $0.estimate.high ?? $0.estimate.mean) }
          .max() ?? 0
        return 0...LinearScale.niceMaximum(highest)
      }()
    return LinearScale(domain: domain, from: Self.height - m.bottom, to: m.top)
  }

  /// The SVG path of one series (`M x y L …`, or horizontal-then-vertical steps).
  func path(_ index: Int) -> String {
    let x = xScale
    let y = yScale
    let n = Markup.number
    var d = ""
    for (position, point) in points[index].enumerated() {
      let px = x(point.x)
      let py = y(point.estimate.mean)
      if position == 0 {
        d += "M\(n(px)) \(n(py))"
      } else if isStep {
        d += "H\(n(px))V\(n(py))"
      } else {
        d += "L\(n(px)) \(n(py))"
      }
    }
    return d
  }

  func svg(description: String) -> String {
    let m = Self.margin
    let x = xScale
    let y = yScale
    let n = Markup.number
    var svg =
      "<svg class=\"chart\" id=\"\(id)\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
    svg +=
      "<title id=\"\(id)-title\">\(Markup.escape(title))</title><desc id=\"\(id)-desc\">\(Markup.escape(description))</desc>"
    for tick in y.ticks() {
      svg +=
        "<line class=\"grid\" x1=\"\(n(m.left))\" x2=\"\(n(Self.width - m.right))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>"
      svg +=
        "<text class=\"tick\" x=\"\(n(m.left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(Markup.tick(tick))</text>"
    }
    for tick in x.ticks(count: 6) {
      svg +=
        "<line class=\"axis\" x1=\"\(n(x(tick)))\" x2=\"\(n(x(tick)))\" y1=\"\(n(y.start))\" y2=\"\(n(y.start + 5))\"/>"
      svg +=
        "<text class=\"tick\" x=\"\(n(x(tick)))\" y=\"\(n(y.start + 18))\" text-anchor=\"middle\">\(Markup.tick(tick))</text>"
    }
    svg +=
      "<text class=\"axis-label\" x=\"\(n((m.left + Self.width - m.right) / 2))\" y=\"\(n(Self.height - m.bottom + 36))\" text-anchor=\"middle\">\(Markup.escape(xLabel))</text>"
    svg +=
      "<text class=\"axis-label\" transform=\"translate(14 \(n((m.top + Self.height - m.bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(Markup.escape(yLabel))</text>"
    for index in series.indices {
      svg += "<g class=\"series\"><title>\(Markup.escape(series[index]))</title>"
      svg +=
        "<path d=\"\(path(index))\" fill=\"none\" stroke=\"\(Palette.colour(index))\" stroke-width=\"2.5\" stroke-dasharray=\"\(Palette.dash(index))\"/>"
      let step = max(1, points[index].count / 12)
      for (position, point) in points[index].enumerated()
      where position % step == 0 || position == points[index].count - 1 {
        if let low = point.estimate.low, let high = point.estimate.high {
          let cx = x(point.x)
          svg +=
            "<path class=\"whisker\" d=\"M\(n(cx)) \(n(y(max(y.domain.lowerBound, low))))V\(n(y(min(y.domain.upperBound, high))))\" stroke=\"\(Palette.colour(index))\"/>"
        }
        svg += Marker.svg(index, x: x(point.x), y: y(point.estimate.mean))
      }
      svg += "</g>"
    }
    svg +=
      "<line class=\"axis\" x1=\"\(n(m.left))\" x2=\"\(n(Self.width - m.right))\" y1=\"\(n(y.start))\" y2=\"\(n(y.start))\"/>"
    svg += Legend.svg(series: series, y: Self.height - 28, width: Self.width, kind: .line)
    return svg + "</svg>"
  }
}

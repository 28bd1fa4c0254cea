import Foundation

/// A tornado chart of a sensitivity analysis: one row per factor, the largest swing on top; each
/// bar runs from the effect at the factor's low end to the effect at its high end, split at the
/// base effect (the low end above the high end, drawn differently, so colour is not the only cue); the
/// base effect and 0 are vertical lines, so a bar that crosses 0 is a factor that flips the sign.
struct TornadoChart {
  struct Row {
    var label: String
    var low: Double?
    var high: Double?
  }

  var id: String
  var title: String
  var xLabel: String
  var base: Double
  var rows: [Row]

  static let width = 860.0
  static let rowHeight = 22.0
  static let margin = (top: 24.0, right: 20.0, bottom: 64.0, left: 360.0)

  var height: Double { Self.margin.top + Self.margin.bottom + Double(rows.count) * Self.rowHeight }

  /// The x scale: every bar end, the base and 0, with a little room.
  var xScale: LinearScale {
    let values: [Double] =
      rows.flatMap { row in [row.low, row.high].compactMap { $0 } } + [base, 0]
    let low = values.min() ?? 0
    let high = values.max() ?? 1
    let pad = max((high - low) * 0.05, 1e-9)
    return LinearScale(
      domain: (low - pad)...(high + pad), from: Self.margin.left,
      to: Self.width - Self.margin.right)
  }

  func svg(description: String) -> String {
    let n = Markup.number
    let m = Self.margin
    let scale = xScale
    let bottom = height - m.bottom
    var svg =
      "<svg class=\"chart\" id=\"\(id)\" viewBox=\"0 0 \(n(Self.width)) \(n(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
    svg +=
      "<title id=\"\(id)-title\">\(Markup.escape(title))</title><desc id=\"\(id)-desc\">\(Markup.escape(description))</desc>"
    svg += "<defs>\(Palette.definitions)</defs>"
    for tick in scale.ticks() {
      let x = scale(tick)
      svg +=
        "<line class=\"grid\" x1=\"\(n(x))\" x2=\"\(n(x))\" y1=\"\(n(m.top))\" y2=\"\(n(bottom))\"/>"
      svg +=
        "<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(bottom + 16))\" text-anchor=\"middle\">\(Markup.tick(tick))</text>"
    }
    for (index, row) in rows.enumerated() {
      let y = m.top + Double(index) * Self.rowHeight
      svg +=
        "<text class=\"group\" x=\"\(n(m.left - 8))\" y=\"\(n(y + Self.rowHeight * 0.65))\" text-anchor=\"end\">\(Markup.escape(row.label))</text>"
      for (series, end) in [(0, row.low), (1, row.high)] {
        guard let end else { continue }
        let from = min(scale(base), scale(end))
        let width = max(1, abs(scale(end) - scale(base)))
        let side = series == 0 ? "low end" : "high end"
        // Low end in the upper half of the row, high end in the lower: both stay visible when
        // they fall on the same side of the base.
        let half = (Self.rowHeight - 6) / 2
        let top = y + 3 + Double(series) * half
        svg +=
          "<g class=\"bar\"><title>\(Markup.escape(row.label)), \(side): \(Markup.escape(ResultsRenderer.format(end)))</title>"
        for fill in [Palette.colour(series), Palette.hatch(series)] {
          svg +=
            "<rect x=\"\(n(from))\" y=\"\(n(top))\" width=\"\(n(width))\" height=\"\(n(half))\" fill=\"\(fill)\"/>"
        }
        svg += "</g>"
      }
    }
    for (value, style) in [(base, "axis"), (0.0, "zero")] {
      let x = scale(value)
      svg +=
        "<line class=\"\(style)\" x1=\"\(n(x))\" x2=\"\(n(x))\" y1=\"\(n(m.top - 6))\" y2=\"\(n(bottom))\"\(style == "zero" ? " stroke-dasharray=\"4 3\" stroke=\"#000\"" : "")/>"
    }
    svg +=
      "<text class=\"axis-label\" x=\"\(n((m.left + Self.width - m.right) / 2))\" y=\"\(n(bottom + 34))\" text-anchor=\"middle\">\(Markup.escape(xLabel))</text>"
    svg += Legend.svg(
      series: ["factor at the low end", "factor at the high end"], y: height - 10,
      width: Self.width, kind: .bar)
    return svg + "</svg>"
  }
}

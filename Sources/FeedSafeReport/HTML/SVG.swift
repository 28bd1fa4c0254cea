import Foundation

/// Small helpers for writing SVG and HTML text.
enum Markup {
  /// `text` with &, <, > and quotes escaped for HTML/SVG text and attributes.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A tick label: no trailing zeros, no exponent (`80`, `2.5`, `0.05`).
  static func tick(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e12 { return String(Int(value)) }
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  /// A coordinate with at most two decimals, so the SVG is compact and stable.
  static func number(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
  }
}

/// The Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), with a
/// dash pattern and marker per series so colour is never the only cue.
enum Palette {
  static let colours = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
  ]
  static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "12 2"]
  static let hatches = [
    "none", "url(#hatch-1)", "url(#hatch-2)", "url(#hatch-3)", "url(#hatch-4)", "url(#hatch-5)",
    "url(#hatch-6)", "url(#hatch-7)",
  ]

  static func colour(_ index: Int) -> String { colours[index % colours.count] }
  static func dash(_ index: Int) -> String { dashes[index % dashes.count] }
  static func hatch(_ index: Int) -> String { hatches[index % hatches.count] }

  /// Pattern definitions referenced by `hatch`: stripes at different angles, drawn over the fill.
  static let definitions = (1..<8).map { index in
    "<pattern id=\"hatch-\(index)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(\(index * 45 % 180))\">"
      + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"\(1 + index % 3)\"/></pattern>"
  }.joined()
}

/// A linear scale from a data range to a pixel range.
struct LinearScale: Equatable {
  let domain: ClosedRange<Double>
  /// Pixel position of `domain.lowerBound`.
  let start: Double
  /// Pixel position of `domain.upperBound` (smaller than `start` for a y axis).
  let end: Double

  init(domain: ClosedRange<Double>, from start: Double, to end: Double) {
    self.domain = domain
    self.start = start
    self.end = end
  }

  func callAsFunction(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return start }
    return start + (value - domain.lowerBound) / span * (end - start)
  }

  /// About `count` round tick values covering the domain.
  func ticks(count: Int = 5) -> [Double] {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return [domain.lowerBound] }
    let raw = span / Double(count)
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    var ticks: [Double] = []
    var tick = (domain.lowerBound / step).rounded(.up) * step
    while tick <= domain.upperBound + step * 1e-9 {
      ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
      tick += step
    }
    return ticks
  }

  /// An upper bound for an axis that starts at 0 and must show `maximum`: the next round number.
  static func niceMaximum(_ maximum: Double) -> Double {
    guard maximum > 0 else { return 1 }
    let magnitude = pow(10, floor(log10(maximum)))
    return [1.0, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map { $0 * magnitude }.first { $0 >= maximum }
      ?? maximum
  }
}

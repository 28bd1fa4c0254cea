/// Text from a scenario or store as it may be shown on a terminal or in a CI log.
///
/// Names come from untrusted scenario files: an escape sequence in an arm name could recolour,
/// retitle or rewrite the screen, and a bidirectional override reorder what follows. Tables must
/// also pad by the columns a string takes on screen, not its character count: East Asian wide
/// characters and emoji take two columns, combining marks none.
public enum TerminalText {
  /// `text` with control characters (C0, DEL, C1) and bidirectional overrides escaped, Swift
  /// style (`\n`, `\u{1B}`); everything else unchanged.
  public static func sanitised(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case _ where needsEscape(scalar):
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// The columns `text` takes on a terminal: 2 per wide or emoji character, 0 for a zero-width
  /// one, 1 otherwise, counted per grapheme cluster (an emoji ZWJ sequence is one character).
  /// - Complexity: O(length).
  public static func displayWidth(_ text: String) -> Int {
    text.reduce(0) { $0 + width(of: $1) }
  }

  /// `text` padded with spaces to `width` display columns, on the right or (`leading`) the left.
  public static func padded(_ text: String, to width: Int, leading: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - displayWidth(text)))
    return leading ? padding + text : text + padding
  }

  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value)
  }

  static func width(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.contains("\u{FE0F}") { return 2 }
    let properties = first.properties
    if properties.isEmojiPresentation { return 2 }
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    return isWide(first.value) ? 2 : 1
  }

  /// East Asian Wide and Fullwidth ranges (Unicode UAX #11), the ones terminals draw double.
  static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}

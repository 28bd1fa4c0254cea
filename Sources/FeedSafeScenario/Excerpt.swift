/// How a value the user wrote appears inside a message: at most `limit` characters, control and
/// bidirectional-override characters escaped (`\n`, `\u{1B}`), `…` where it was cut.
///
/// Messages go to terminals and CI logs. Quoting a whole value would let a 100 MiB scalar flood
/// the log, an included file leak its content, and an escape sequence rewrite the screen.
func excerpt(_ value: String, limit: Int = 40) -> String {
  var result = ""
  var characters = 0
  for scalar in value.unicodeScalars {
    if characters == limit {
      result += "…"
      break
    }
    characters += 1
    result += escaped(scalar)
  }
  return result
}

/// `scalar` as printable text: itself, or a Swift-style escape for a control character.
func escaped(_ scalar: Unicode.Scalar) -> String {
  switch scalar {
  case "\n": return "\\n"
  case "\t": return "\\t"
  case "\r": return "\\r"
  default: break
  }
  let value = scalar.value
  let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
  // Bidirectional overrides and isolates reorder what follows them on screen.
  let isBidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
  guard isControl || isBidi else { return String(scalar) }
  return "\\u{\(String(value, radix: 16, uppercase: true))}"
}

/// `message` with every quoted span (between `'`s) cut to an ``excerpt(_:limit:)`` and control
/// characters escaped everywhere, so no message quotes more than a short part of any value
/// however it was built (keys, names and dotted paths are interpolated in many places). A `'`
/// between two letters is an apostrophe ("scenario's"), not a quote.
func sanitised(_ message: String) -> String {
  var spans: [String] = [""]
  var previous: Character = " "
  var characters = Array(message)
  characters.append(" ")
  for (index, character) in characters.dropLast().enumerated() {
    if character == "'" && !(previous.isLetter && characters[index + 1].isLetter) {
      spans.append("")
    } else {
      spans[spans.count - 1].append(character)
    }
    previous = character
  }
  return spans.enumerated().map {
    excerpt($0.element, limit: $0.offset.isMultiple(of: 2) ? 400 : 60)
  }.joined(separator: "'")
}

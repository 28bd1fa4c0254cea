/// The little JSON the ranker protocol needs: a writer for requests whose numbers round-trip
/// exactly (Swift's shortest representation of each `Float`), and a reader for replies that
/// tells a non-finite number (`NaN`, `Infinity`, which Python's `json` writes) from malformed text.
enum RankerJSON: Equatable {
  case object([(key: String, value: RankerJSON)])
  case array([RankerJSON])
  case number(Double)
  /// `NaN`, `Infinity` or `-Infinity`: not JSON, but what a ranker's non-finite score looks like.
  case nonFinite(String)
  case string(String)
  case bool(Bool)
  case null

  static func == (a: RankerJSON, b: RankerJSON) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)):
      x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let x), .array(let y)): x == y
    case (.number(let x), .number(let y)): x == y
    case (.nonFinite(let x), .nonFinite(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.bool(let x), .bool(let y)): x == y
    case (.null, .null): true
    default: false
    }
  }

  /// The value of `key` in an object; `nil` for a missing key or a value that is not an object.
  subscript(key: String) -> RankerJSON? {
    guard case .object(let fields) = self else { return nil }
    return fields.first { $0.key == key }?.value
  }

  /// Parses one line; `nil` when it is not one JSON value.
  static func parse(_ bytes: ArraySlice<UInt8>) -> RankerJSON? {
    var reader = Reader(bytes: bytes)
    guard let value = reader.value() else { return nil }
    reader.skipSpace()
    return reader.isAtEnd ? value : nil
  }

  /// A JSON string literal of `text`.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  private struct Reader {
    let bytes: ArraySlice<UInt8>
    var index: Int

    init(bytes: ArraySlice<UInt8>) {
      self.bytes = bytes
      index = bytes.startIndex
    }

    var isAtEnd: Bool { index == bytes.endIndex }

    mutating func skipSpace() {
      while index < bytes.endIndex {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }

    mutating func literal(_ text: String) -> Bool {
      let utf8 = Array(text.utf8)
      guard bytes.endIndex - index >= utf8.count,
        bytes[index..<index + utf8.count].elementsEqual(utf8)
      else { return false }
      index += utf8.count
      return true
    }

    mutating func value(depth: Int = 0) -> RankerJSON? {
      skipSpace()
      guard index < bytes.endIndex, depth < 32 else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "{"): return object(depth: depth)
      case UInt8(ascii: "["): return array(depth: depth)
      case UInt8(ascii: "\""): return string().map(RankerJSON.string)
      case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
      case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
      case UInt8(ascii: "n"): return literal("null") ? .null : nil
      case UInt8(ascii: "N"): return literal("NaN") ? .nonFinite("NaN") : nil
      case UInt8(ascii: "I"): return literal("Infinity") ? .nonFinite("Infinity") : nil
      default:
        if literal("-Infinity") { return .nonFinite("-Infinity") }
        return number()
      }
    }

    mutating func object(depth: Int) -> RankerJSON? {
      index += 1
      var fields: [(key: String, value: RankerJSON)] = []
      skipSpace()
      if index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(fields)
      }
      while true {
        skipSpace()
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\""), let key = string()
        else { return nil }
        skipSpace()
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        guard let value = value(depth: depth + 1) else { return nil }
        fields.append((key, value))
        skipSpace()
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
        guard bytes[index] == UInt8(ascii: "}") else { return nil }
        index += 1
        return .object(fields)
      }
    }

    mutating func array(depth: Int) -> RankerJSON? {
      index += 1
      var items: [RankerJSON] = []
      skipSpace()
      if index < bytes.endIndex, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        guard let item = value(depth: depth + 1) else { return nil }
        items.append(item)
        skipSpace()
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
        guard bytes[index] == UInt8(ascii: "]") else { return nil }
        index += 1
        return .array(items)
      }
    }

    mutating func string() -> String? {
      index += 1
      var scalars = String.UnicodeScalarView()
      var raw: [UInt8] = []
      while index < bytes.endIndex {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\"") {
          scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
          return String(scalars)
        }
        guard byte == UInt8(ascii: "\\") else {
          raw.append(byte)
          continue
        }
        guard index < bytes.endIndex else { return nil }
        let escaped = bytes[index]
        index += 1
        let simple: [UInt8: UInt8] = [
          UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
          UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D,
          UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
        ]
        if let byte = simple[escaped] {
          raw.append(byte)
        } else if escaped == UInt8(ascii: "u"), bytes.endIndex - index >= 4,
          let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        {
          index += 4
          raw.append(contentsOf: Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8))
        } else {
          return nil
        }
      }
      return nil
    }

    mutating func number() -> RankerJSON? {
      let start = index
      scan: while index < bytes.endIndex {
        switch bytes[index] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
          UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
          index += 1
        default: break scan
        }
      }
      guard index > start, let value = Double(String(decoding: bytes[start..<index], as: UTF8.self))
      else { return nil }
      return .number(value)
    }
  }
}

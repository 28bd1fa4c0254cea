import Yams

/// A YAML mapping's entries in file order, with the key nodes kept for error locations.
struct Fields {
  /// The mapping node itself.
  let node: Node
  /// `(key, key node, value node)` in file order.
  let entries: [(key: String, keyNode: Node, value: Node)]
  /// Where the mapping is, as a dotted path for messages (`population.bands`).
  let context: String

  /// The value of `key`, if present.
  subscript(_ key: String) -> Node? { entries.first { $0.key == key }?.value }
}

/// Reads typed values out of a composed YAML node tree, collecting every problem with its line and
/// column instead of stopping at the first. Each node knows its own position (`node.mark`), so
/// messages point at what the user wrote, never at a decoder's coding path.
struct NodeReader {
  /// The file name used in locations.
  let file: String
  /// Problems found so far.
  private(set) var diagnostics: [ScenarioDiagnostic] = []

  init(file: String) { self.file = file }

  /// Records a problem at `node` (the file's start when `nil`).
  mutating func fail(at node: Node?, _ message: String) {
    fail(at: node, file: file, message)
  }

  /// Records a problem at `node` of another file (an included one).
  mutating func fail(at node: Node?, file: String, _ message: String) {
    let mark = node?.mark
    diagnostics.append(
      ScenarioDiagnostic(
        location: SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
        message: sanitised(message)))
  }

  /// Records a problem found elsewhere (an included file's reader).
  mutating func add(_ diagnostic: ScenarioDiagnostic) { diagnostics.append(diagnostic) }

  /// The entries of mapping `node`, checking every key against `allowed`.
  mutating func fields(_ node: Node, context: String, allowed: [String]) -> Fields? {
    guard let mapping = node.mapping else {
      fail(at: node, "'\(context)' must be a mapping of keys to values, got \(describe(node))")
      return nil
    }
    var entries: [(key: String, keyNode: Node, value: Node)] = []
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      if !allowed.isEmpty && !allowed.contains(key) {
        fail(
          at: keyNode, unknownMessage(kind: "key", name: key, context: context, allowed: allowed))
        continue
      }
      entries.append((key, keyNode, value))
    }
    return Fields(node: node, entries: entries, context: context)
  }

  /// "unknown key 'x' in 'y'; did you mean 'z'?" or a list of what is allowed.
  func unknownMessage(kind: String, name: String, context: String, allowed: [String]) -> String {
    let place = context.isEmpty ? "" : " in '\(context)'"
    if let suggestion = nearest(to: name, in: allowed) {
      return "unknown \(kind) '\(name)'\(place); did you mean '\(suggestion)'?"
    }
    return "unknown \(kind) '\(name)'\(place); allowed: \(allowed.joined(separator: ", "))"
  }

  /// A required key's value, or a "missing" problem at the mapping.
  mutating func required(_ fields: Fields, _ key: String) -> Node? {
    if let value = fields[key] { return value }
    let place = fields.context.isEmpty ? "the scenario" : "'\(fields.context)'"
    fail(at: fields.node, "missing required key '\(key)' in \(place)")
    return nil
  }

  /// A number in `range`, or `fallback` (after recording a problem) when it is not one.
  mutating func number(
    _ node: Node?, name: String, range: ClosedRange<Double>, fallback: Double
  ) -> Double {
    guard let node else { return fallback }
    guard node.scalar != nil, let value = node.float, value.isFinite else {
      fail(at: node, "'\(name)' must be a number, got \(describe(node))")
      return fallback
    }
    guard range.contains(value) else {
      fail(at: node, "'\(name)' must be \(describe(range)), got \(excerpt(node.string ?? ""))")
      return fallback
    }
    return value
  }

  /// A whole number in `range`, or `fallback` (after recording a problem).
  mutating func integer(_ node: Node?, name: String, range: ClosedRange<Int>, fallback: Int) -> Int
  {
    guard let node else { return fallback }
    guard node.scalar != nil, let value = node.int else {
      fail(at: node, "'\(name)' must be a whole number, got \(describe(node))")
      return fallback
    }
    guard range.contains(value) else {
      let bound =
        range.upperBound == Int.max
        ? "at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
      fail(at: node, "'\(name)' must be \(bound), got \(value)")
      return fallback
    }
    return value
  }

  /// A string, or `fallback` (after recording a problem).
  mutating func text(_ node: Node?, name: String, fallback: String) -> String {
    guard let node else { return fallback }
    guard node.scalar != nil, let value = node.string else {
      fail(at: node, "'\(name)' must be text, got \(describe(node))")
      return fallback
    }
    return value
  }

  /// `true` or `false`, or `fallback` (after recording a problem).
  mutating func flag(_ node: Node?, name: String, fallback: Bool) -> Bool {
    guard let node else { return fallback }
    guard node.scalar != nil, let value = node.bool else {
      fail(at: node, "'\(name)' must be true or false, got \(describe(node))")
      return fallback
    }
    return value
  }

  /// A name from `allowed`, or `nil` (after recording a problem with the nearest valid name).
  mutating func choice(_ node: Node?, name: String, allowed: [String]) -> String? {
    guard let node else { return nil }
    let value = text(node, name: name, fallback: "")
    guard allowed.contains(value) else {
      fail(at: node, unknownMessage(kind: name, name: value, context: "", allowed: allowed))
      return nil
    }
    return value
  }

  /// The items of sequence `node`, or `[]` (after recording a problem).
  mutating func list(_ node: Node?, name: String) -> [Node] {
    guard let node else { return [] }
    guard let sequence = node.sequence else {
      fail(at: node, "'\(name)' must be a list, got \(describe(node))")
      return []
    }
    return Array(sequence)
  }

  /// How a node reads in a message: its text quoted, or its kind.
  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): "'\(excerpt(scalar.string))'"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  private func describe(_ range: ClosedRange<Double>) -> String {
    if range.upperBound == .infinity {
      return range.lowerBound == 0 ? "at least 0" : "at least \(format(range.lowerBound))"
    }
    return "between \(format(range.lowerBound)) and \(format(range.upperBound))"
  }

  private func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}

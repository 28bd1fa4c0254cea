import CYaml

/// A cheap pass over a YAML file's parser events that refuses a file exceeding its
/// ``ScenarioLimits`` before the node tree is composed.
///
/// Composing is the expensive part for a hostile file: the YAML library checks each mapping for
/// duplicate keys by hashing every key with its aliases expanded, so a few hundred bytes of nested
/// anchors used as keys take minutes (×10 per nesting level). Events cost O(bytes): this pass
/// counts depth, scalar length, aliases, the size every anchor expands to, and complex keys, and
/// stops at the first limit reached. A syntax error ends the pass quietly; composing reports it.
///
/// It reads libyaml directly (Yams' event API is internal), so the C parser's pointers live in
/// this one file, each used only inside the closure that owns the buffer.
enum YAMLPreScan {
  /// The first limit `text` exceeds, as a message and 1-based line and column; `nil` if none.
  static func firstProblem(in text: String, limits: ScenarioLimits) -> (
    message: String, line: Int, column: Int
  )? {
    var utf8 = Array(text.utf8)
    return utf8.withUnsafeMutableBufferPointer { buffer in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return nil }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      // The buffer outlives the parser: both end with this closure.
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var scan = EventCount(limits: limits)
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        let type = event.type
        if type == YAML_STREAM_END_EVENT { return nil }
        if let message = scan.take(event) {
          return (message, Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
        }
      }
    }
  }
}

/// The running counts of ``YAMLPreScan``.
private struct EventCount {
  /// An open list or mapping: how many values it holds once expanded, and whether the next
  /// event is a key (mappings alternate key, value).
  struct Frame {
    let isMapping: Bool
    let anchor: String?
    var expanded = 1
    var expectsKey: Bool
  }

  let limits: ScenarioLimits
  var frames: [Frame] = []
  /// Expanded size of each anchor, and whether it is a list or mapping.
  var anchors: [String: (expanded: Int, isCollection: Bool)] = [:]
  var aliases = 0
  var complexKeys = 0
  var expanded = 0

  init(limits: ScenarioLimits) { self.limits = limits }

  /// Counts one event; the message of the limit it exceeds, if any.
  mutating func take(_ event: yaml_event_t) -> String? {
    switch event.type {
    case YAML_SCALAR_EVENT:
      let length = event.data.scalar.length
      if length > limits.scalarBytes {
        return "a value of \(length) bytes is longer than the limit of \(limits.scalarBytes) bytes"
      }
      return node(expanded: 1, anchor: name(event.data.scalar.anchor), isCollection: false)
    case YAML_ALIAS_EVENT:
      aliases += 1
      if aliases > limits.aliases {
        return
          "more than \(limits.aliases) aliases ('*name') in one file; the limit is \(limits.aliases)"
      }
      let target = name(event.data.alias.anchor).flatMap { anchors[$0] }
      if target?.isCollection == true, let problem = complexKey() { return problem }
      return node(expanded: target?.expanded ?? 1, anchor: nil, isCollection: false)
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      if let problem = complexKey() { return problem }
      if frames.count >= limits.depth {
        return
          "lists and mappings nest more than \(limits.depth) levels deep; the limit is \(limits.depth)"
      }
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      let anchor = name(
        isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
      frames.append(Frame(isMapping: isMapping, anchor: anchor, expectsKey: isMapping))
      return count(1)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = frames.popLast() else { return nil }
      // The collection's own start was counted when it opened.
      return node(expanded: frame.expanded, anchor: frame.anchor, isCollection: true, counted: true)
    default:
      return nil
    }
  }

  /// A finished value of `expanded` values: added to its parent, remembered under `anchor`.
  private mutating func node(
    expanded size: Int, anchor: String?, isCollection: Bool, counted: Bool = false
  ) -> String? {
    if let anchor { anchors[anchor] = (size, isCollection) }
    if !frames.isEmpty {
      let parent = frames.count - 1
      frames[parent].expanded = saturatingSum(frames[parent].expanded, size)
      if frames[parent].isMapping { frames[parent].expectsKey.toggle() }
    }
    return counted ? nil : count(size)
  }

  /// Adds `size` values to the file's expanded total.
  private mutating func count(_ size: Int) -> String? {
    expanded = saturatingSum(expanded, size)
    guard expanded > limits.expandedNodes else { return nil }
    return
      "aliases expand the file to more than \(limits.expandedNodes) values; the limit is \(limits.expandedNodes)"
  }

  /// The problem if the next value sits in a key position.
  private mutating func complexKey() -> String? {
    guard let top = frames.last, top.isMapping, top.expectsKey else { return nil }
    complexKeys += 1
    guard complexKeys > limits.complexKeys else { return nil }
    return "a mapping key must be a plain name, not a list or mapping"
  }

  private func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    anchor.map { String(cString: $0) }
  }

  private func saturatingSum(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
  }
}

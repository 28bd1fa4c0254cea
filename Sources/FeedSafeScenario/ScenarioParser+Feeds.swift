import FeedSafeCore
import Yams

extension ScenarioParser {
  static let feedKeys = [
    "extends", "sources", "scoring", "page_size", "trending_size", "fallback", "exploration",
    "ranker",
  ]

  /// Every feed arms may name: the presets; then feeds from files named by `include:` (paths
  /// relative to the scenario); then the scenario's own; then `overrideFiles` (`--feeds`). A later
  /// definition replaces an earlier one of the same name, and may `extends:` any earlier feed.
  mutating func feeds(_ node: Node?, overrideFiles: [String]) -> [FeedDefinition] {
    var feeds = FeedPreset.allCases.map(\.definition)
    var fallbacks: [(feed: String, node: Node, file: String)] = []
    if let node, let fields = reader.fields(node, context: "feeds", allowed: []) {
      if let include = fields["include"] {
        let paths =
          include.sequence != nil
          ? reader.list(include, name: "feeds.include").map {
            reader.text($0, name: "include", fallback: "")
          }
          : [reader.text(include, name: "feeds.include", fallback: "")]
        for path in paths where !path.isEmpty {
          defineFeeds(
            fromFile: path, including: reader.file, at: include, into: &feeds,
            fallbacks: &fallbacks)
        }
      }
      defineFeeds(fields, into: &feeds, fallbacks: &fallbacks)
    }
    for file in overrideFiles {
      defineFeeds(
        fromFile: file, including: nil, at: nil, into: &feeds, fallbacks: &fallbacks)
    }
    let names = feeds.map(\.name)
    for (feedName, node, file) in fallbacks {
      guard let feed = feeds.first(where: { $0.name == feedName }), let fallback = feed.fallback
      else { continue }
      if !names.contains(fallback) {
        reader.fail(
          at: node, file: file,
          reader.unknownMessage(kind: "feed", name: fallback, context: "", allowed: names))
      } else if feeds.first(where: { $0.name == fallback })?.needsProfile == true {
        reader.fail(
          at: node, file: file,
          "fallback feed '\(fallback)' itself needs profiling; a fallback must work with profiling off"
        )
      }
    }
    return feeds
  }

  /// The folder part of `file`, with its trailing slash ("" for a bare file name).
  static func folder(of file: String) -> String {
    guard let slash = file.lastIndex(of: "/") else { return "" }
    return String(file[...slash])
  }

  /// Feed definitions from another YAML file (a mapping of feed names to definitions), with
  /// problems reported against that file. `path` is an `include:` entry of `including` (relative
  /// to its folder), or a `--feeds` file when `including` is `nil`; either must resolve inside
  /// the include root, and is refused, unread, when it does not.
  private mutating func defineFeeds(
    fromFile path: String, including: String?, at node: Node?, into feeds: inout [FeedDefinition],
    fallbacks: inout [(feed: String, node: Node, file: String)]
  ) {
    let resolved: String
    switch ScenarioSource.confine(
      path, including: including, root: includeRoot.path, rootIsExplicit: includeRoot.isExplicit)
    {
    case .failure(let refusal):
      let message = refusal.message
      if node == nil {
        reader.add(
          ScenarioDiagnostic(
            location: SourceLocation(file: excerpt(path, limit: 80), line: 1, column: 1),
            message: message + " (--feeds)"))
      } else {
        reader.fail(at: node, message)
      }
      return
    case .success(let found): resolved = found
    }
    // Messages name the file as the user wrote it, beside the including scenario.
    let shown = including.map { Self.folder(of: $0) + path } ?? path
    let text: String
    switch ScenarioSource.read(resolved, limits: limits) {
    case .failure(let error):
      let reason = error.diagnostics.first?.message ?? "cannot read it"
      reader.fail(at: node, "cannot read feed file '\(excerpt(path, limit: 80))': \(reason)")
      return
    case .success(let found): text = found
    }
    inputs.append(
      ScenarioInput(role: including == nil ? .feeds : .include, path: shown, text: text))
    let saved = reader
    reader = NodeReader(file: shown)
    do throws(ScenarioError) {
      if let root = try ScenarioSource.compose(text, file: shown, limits: limits),
        let fields = reader.fields(root, context: "", allowed: [])
      {
        if let include = fields["include"] {
          reader.fail(at: include, "a feed file cannot include other files")
        }
        defineFeeds(fields, into: &feeds, fallbacks: &fallbacks)
      }
    } catch {
      for diagnostic in error.diagnostics { reader.add(diagnostic) }
    }
    let found = reader.diagnostics
    reader = saved
    for diagnostic in found { reader.add(diagnostic) }
  }

  /// Defines the feeds of one `feeds:` mapping (or feed file) on top of `feeds`.
  private mutating func defineFeeds(
    _ fields: Fields, into feeds: inout [FeedDefinition],
    fallbacks: inout [(feed: String, node: Node, file: String)]
  ) {
    for entry in fields.entries where entry.key != "include" {
      let context = fields.context.isEmpty ? entry.key : "\(fields.context).\(entry.key)"
      guard let feedFields = reader.fields(entry.value, context: context, allowed: Self.feedKeys)
      else { continue }
      var feed = FeedDefinition(name: entry.key, sources: [], weights: [:])
      if let base = feedFields["extends"] {
        let names = feeds.map(\.name)
        if let baseName = reader.choice(base, name: "feed", allowed: names),
          let found = feeds.first(where: { $0.name == baseName })
        {
          feed = found
          feed.name = entry.key
        }
      }
      if let node = feedFields["sources"],
        let sources = reader.fields(
          node, context: "\(context).sources", allowed: CandidateSource.allCases.map(\.rawValue))
      {
        feed.sources = sources.entries.compactMap { source in
          let quota = reader.integer(
            source.value, name: "sources.\(source.key)", range: 0...10_000, fallback: 0)
          return CandidateSource(rawValue: source.key).map { SourceQuota($0, quota: quota) }
        }
      }
      if let node = feedFields["scoring"] {
        let names = ScoringFeature.allCases.map(\.rawValue)
        feed.weights = perName(
          node, name: "\(context).scoring", names: names, range: 0...1_000,
          defaults: Array(repeating: 0, count: names.count))
      }
      feed.pageSize = reader.integer(
        feedFields["page_size"], name: "page_size", range: 1...1_000, fallback: feed.pageSize)
      feed.trendingSize = reader.integer(
        feedFields["trending_size"], name: "trending_size", range: 1...1_000_000,
        fallback: feed.trendingSize)
      feed.exploration = reader.number(
        feedFields["exploration"], name: "exploration", range: 0...1, fallback: feed.exploration)
      if let fallback = feedFields["fallback"] {
        feed.fallback = reader.text(fallback, name: "fallback", fallback: "")
        fallbacks.append((entry.key, fallback, reader.file))
      }
      if let node = feedFields["ranker"] {
        feed.ranker = ranker(node, context: "\(context).ranker") ?? feed.ranker
      }
      if feed.sources.allSatisfy({ $0.quota == 0 }) {
        reader.fail(
          at: entry.value, "feed '\(entry.key)' has no candidate source with a quota above 0")
      }
      if let existing = feeds.firstIndex(where: { $0.name == entry.key }) {
        feeds[existing] = feed
      } else {
        feeds.append(feed)
      }
    }
  }

  /// An external ranker (`ranker: {command: [python3, my_ranker.py], timeout_seconds: 10}`), or
  /// `ranker: weighted` for the feed's `scoring:` weights; `nil` after a reported problem.
  private mutating func ranker(_ node: Node, context: String) -> RankerChoice? {
    if node.scalar != nil {
      return reader.choice(node, name: "ranker", allowed: ["weighted"]) == nil ? nil : .weighted
    }
    guard
      let fields = reader.fields(node, context: context, allowed: ["command", "timeout_seconds"])
    else { return nil }
    guard let commandNode = fields["command"] else {
      reader.fail(
        at: node, "'\(context)' needs a 'command', the program and its arguments as a list")
      return nil
    }
    let arguments = reader.list(commandNode, name: "\(context).command").map {
      reader.text($0, name: "command", fallback: "")
    }
    guard let program = arguments.first, !program.isEmpty else {
      reader.fail(at: commandNode, "'\(context).command' must name a program first")
      return nil
    }
    let timeout = reader.number(
      fields["timeout_seconds"], name: "timeout_seconds", range: 0.001...3_600, fallback: 10)
    guard limits.allowsExternalRankers else {
      reader.fail(
        at: commandNode,
        "'\(context).command' would run '\(arguments.joined(separator: " "))'; scenario files are "
          + "untrusted input, so FeedSafe runs a ranker's command only with --allow-rankers "
          + "(docs/security.md)")
      return nil
    }
    return .external(ExternalRankerCommand(arguments: arguments, timeoutSeconds: timeout))
  }
}

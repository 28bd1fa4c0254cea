import FeedSafeCore
import Yams

extension ScenarioParser {
  static let feedKeys = ["extends", "sources", "scoring", "page_size", "trending_size", "fallback"]

  /// Every feed arms may name: the presets, then the scenario's own (which may extend a preset or
  /// an earlier feed, and may replace a preset of the same name).
  mutating func feeds(_ node: Node?) -> [FeedDefinition] {
    var feeds = FeedPreset.allCases.map(\.definition)
    guard let node, let fields = reader.fields(node, context: "feeds", allowed: []) else {
      return feeds
    }
    var fallbacks: [(feed: String, node: Node)] = []
    for entry in fields.entries {
      let context = "feeds.\(entry.key)"
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
      if let fallback = feedFields["fallback"] {
        feed.fallback = reader.text(fallback, name: "fallback", fallback: "")
        fallbacks.append((entry.key, fallback))
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
    let names = feeds.map(\.name)
    for (feedName, node) in fallbacks {
      guard let feed = feeds.first(where: { $0.name == feedName }), let fallback = feed.fallback
      else { continue }
      if !names.contains(fallback) {
        reader.fail(
          at: node, reader.unknownMessage(kind: "feed", name: fallback, context: "", allowed: names)
        )
      } else if feeds.first(where: { $0.name == fallback })?.needsProfile == true {
        reader.fail(
          at: node,
          "fallback feed '\(fallback)' itself needs profiling; a fallback must work with profiling off"
        )
      }
    }
    return feeds
  }
}

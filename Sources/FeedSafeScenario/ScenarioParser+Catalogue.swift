import FeedSafeCore
import Yams

extension ScenarioParser {
  static let catalogueKeys = [
    "size", "topics", "harms", "prevalence", "appeal_uplift", "benign_appeal", "appeal_spread",
    "severity", "gateway_weight", "duration_seconds", "back_catalogue_days",
    "back_catalogue_share", "items_per_creator",
  ]
  static let harmKeys = ["tier", "gateways", "prevalence", "appeal_uplift"]

  /// Topics and harm categories: `catalogue.topics` replaces the benign topics and
  /// `catalogue.harms` the whole harm taxonomy (add, remove, rename, regroup).
  mutating func taxonomy(_ fields: Fields?) -> Taxonomy {
    var topics = Defaults.topics
    if let node = fields?["topics"] {
      let names = reader.list(node, name: "catalogue.topics").map {
        reader.text($0, name: "topic", fallback: "")
      }
      if names.isEmpty {
        reader.fail(at: node, "'catalogue.topics' must list at least one topic")
      } else if Set(names).count != names.count {
        reader.fail(at: node, "'catalogue.topics' lists a topic twice")
      } else {
        topics = names
      }
    }
    guard let node = fields?["harms"] else {
      if fields?["topics"] == nil { return Defaults.taxonomy }
      // Custom topics with the default harms: keep the gateways that still exist.
      return Taxonomy(
        topics: topics,
        harms: Defaults.harms.map { harm in
          HarmCategory(
            name: harm.name, tier: harm.tier,
            gatewayTopics: harm.gateways.compactMap { topics.firstIndex(of: $0) }.map(
              TopicIndex.init))
        })
    }
    guard let harms = reader.fields(node, context: "catalogue.harms", allowed: []) else {
      return Defaults.taxonomy
    }
    var categories: [HarmCategory] = []
    for entry in harms.entries {
      if HarmMeasures.groupNames.contains(entry.key) || entry.key == Metric.allCategories {
        reader.fail(
          at: entry.keyNode,
          "'\(entry.key)' is a reserved group name and cannot name a harm category")
        continue
      }
      guard
        let harm = reader.fields(
          entry.value, context: "catalogue.harms.\(entry.key)", allowed: Self.harmKeys)
      else { continue }
      let tier =
        reader.choice(harm["tier"], name: "tier", allowed: HarmTier.allCases.map(\.rawValue))
        .flatMap(HarmTier.init(rawValue:)) ?? .priority
      var gateways: [TopicIndex] = []
      for gateway in reader.list(harm["gateways"], name: "gateways") {
        guard let topic = reader.choice(gateway, name: "gateway topic", allowed: topics) else {
          continue
        }
        gateways.append(TopicIndex(topics.firstIndex(of: topic) ?? 0))
      }
      categories.append(HarmCategory(name: entry.key, tier: tier, gatewayTopics: gateways))
    }
    if categories.count > 61 {
      reader.fail(at: node, "at most 61 harm categories are supported, got \(categories.count)")
    }
    if topics.count + categories.count > 64 {
      reader.fail(
        at: node,
        "topics plus harm categories must be at most 64, got \(topics.count + categories.count)")
    }
    return Taxonomy(topics: topics, harms: Array(categories.prefix(61)))
  }

  /// The catalogue section over `taxonomy`.
  mutating func catalogue(_ fields: Fields?, taxonomy: Taxonomy) -> CatalogueSpec {
    let size = reader.integer(
      fields?["size"], name: "catalogue.size", range: 1...100_000_000, fallback: 20_000)
    var spec = Defaults.catalogue(size: size, taxonomy: taxonomy)
    guard let fields else { return spec }
    let names = taxonomy.harms.map(\.name)
    let groups = harmGroups(taxonomy)
    spec.prevalence = perName(
      fields["prevalence"], name: "prevalence", names: names, groups: groups, range: 0...1,
      defaults: spec.prevalence)
    spec.harmAppealUplift = perName(
      fields["appeal_uplift"], name: "appeal_uplift", names: names, groups: groups, range: -1...1,
      defaults: spec.harmAppealUplift)
    // Per-harm entries override the catalogue-wide maps.
    if let harms = fields["harms"]?.mapping {
      for (key, value) in harms {
        guard let index = names.firstIndex(of: key.string ?? ""), let entry = value.mapping else {
          continue
        }
        if let node = entry["prevalence"] {
          spec.prevalence[index] = reader.number(
            node, name: "prevalence", range: 0...1, fallback: spec.prevalence[index])
        }
        if let node = entry["appeal_uplift"] {
          spec.harmAppealUplift[index] = reader.number(
            node, name: "appeal_uplift", range: -1...1, fallback: spec.harmAppealUplift[index])
        }
      }
    }
    let totalPrevalence = spec.prevalence.reduce(0, +)
    if totalPrevalence > 1 {
      reader.fail(
        at: fields["prevalence"] ?? fields["harms"] ?? fields.node,
        "harm prevalences must sum to at most 1, got \((totalPrevalence * 1e6).rounded() / 1e6)")
    }
    spec.benignAppeal = reader.number(
      fields["benign_appeal"], name: "benign_appeal", range: 0...1, fallback: spec.benignAppeal)
    spec.appealSpread = reader.number(
      fields["appeal_spread"], name: "appeal_spread", range: 0...1, fallback: spec.appealSpread)
    spec.severityRange = pair(
      fields["severity"], name: "severity", range: 0...1, fallback: spec.severityRange)
    spec.gatewayWeight = reader.number(
      fields["gateway_weight"], name: "gateway_weight", range: 0...10, fallback: spec.gatewayWeight)
    let duration = pair(
      fields["duration_seconds"], name: "duration_seconds", range: 1...86_400,
      fallback: Double(spec.durationSeconds.lowerBound)...Double(spec.durationSeconds.upperBound))
    spec.durationSeconds = Int(duration.lowerBound)...Int(duration.upperBound)
    spec.backCatalogueDays = reader.integer(
      fields["back_catalogue_days"], name: "back_catalogue_days", range: 1...3650,
      fallback: spec.backCatalogueDays)
    spec.backCatalogueShare = reader.number(
      fields["back_catalogue_share"], name: "back_catalogue_share", range: 0...1,
      fallback: spec.backCatalogueShare)
    spec.itemsPerCreator = reader.integer(
      fields["items_per_creator"], name: "items_per_creator", range: 1...1_000_000,
      fallback: spec.itemsPerCreator)
    return spec
  }

  /// The moderation section: per-category recall and false-positive rate.
  mutating func moderation(_ fields: Fields?, taxonomy: Taxonomy) -> ModerationSpec {
    var spec = Defaults.moderation(harmCount: taxonomy.harms.count)
    guard let fields else { return spec }
    let names = taxonomy.harms.map(\.name)
    let groups = harmGroups(taxonomy)
    spec.recall = perName(
      fields["recall"], name: "recall", names: names, groups: groups, range: 0...1,
      defaults: spec.recall)
    spec.falsePositiveRate = perName(
      fields["false_positive_rate"], name: "false_positive_rate", names: names, groups: groups,
      range: 0...1,
      defaults: spec.falsePositiveRate)
    return spec
  }
}

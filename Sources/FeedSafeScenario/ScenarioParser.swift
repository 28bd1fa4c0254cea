import FeedSafeCore
import Yams

/// Turns a composed YAML tree into an ``ExperimentSpec``, filling defaults and recording every
/// problem in its ``NodeReader``. Sections are read in dependency order: the taxonomy and age bands
/// first, because population, moderation, feeds and arms refer to them by name.
struct ScenarioParser {
  var reader: NodeReader
  /// Feed files (`--feeds`) whose definitions replace the scenario's.
  let feedOverrideFiles: [String]
  /// The folder included files must lie inside, and whether the user chose it (`--include-root`)
  /// rather than it being the scenario's own folder.
  let includeRoot: (path: String, isExplicit: Bool)
  /// What each file may cost to read.
  let limits: ScenarioLimits
  /// Every included and `--feeds` file read so far, in order.
  var inputs: [ScenarioInput] = []

  init(
    file: String, feedOverrideFiles: [String] = [], includeRoot: String? = nil,
    limits: ScenarioLimits = .standard
  ) {
    reader = NodeReader(file: file)
    self.feedOverrideFiles = feedOverrideFiles
    let folder = Self.folder(of: file)
    self.includeRoot = (includeRoot ?? (folder.isEmpty ? "." : folder), includeRoot != nil)
    self.limits = limits
  }

  static let topLevelKeys = [
    "version", "name", "description", "seed", "replications", "horizon", "population",
    "catalogue", "moderation", "behaviour", "feeds", "arms", "sweep", "expect", "tolerance",
    "baseline_gate", "ads", "contact", "under_13", "tracking", "burn_in_days", "learning",
    "audit_accounts", "setting_changes",
  ]

  /// The whole experiment, or `nil` if the root is not a mapping.
  mutating func experiment(_ root: Node) -> ExperimentSpec? {
    guard let top = reader.fields(root, context: "", allowed: Self.topLevelKeys) else { return nil }
    let version = reader.integer(top["version"], name: "version", range: 1...Int.max, fallback: 1)
    if version != Scenario.formatVersion, let node = top["version"] {
      reader.fail(
        at: node,
        "scenario format version \(version) is not supported; this feedsafe reads version \(Scenario.formatVersion)"
      )
    }
    let name = reader.text(reader.required(top, "name"), name: "name", fallback: "")
    if top["name"] != nil && name.isEmpty {
      reader.fail(at: top["name"], "'name' must not be empty")
    }
    let description = reader.text(top["description"], name: "description", fallback: "")
    let seed = reader.integer(top["seed"], name: "seed", range: 0...Int.max, fallback: 1)
    let replications = reader.integer(
      top["replications"], name: "replications", range: 1...10_000, fallback: 5)
    let horizon = reader.integer(top["horizon"], name: "horizon", range: 1...3650, fallback: 30)
    let burnIn = reader.integer(
      top["burn_in_days"], name: "burn_in_days", range: 0...3650, fallback: Defaults.burnInDays)

    let catalogueFields = section(top, "catalogue", allowed: Self.catalogueKeys)
    let taxonomy = taxonomy(catalogueFields)
    let populationFields = section(top, "population", allowed: Self.populationKeys)
    let bands = ageBands(populationFields)
    let population = population(populationFields, bands: bands, taxonomy: taxonomy)
    let catalogue = catalogue(catalogueFields, taxonomy: taxonomy)
    let moderation = moderation(
      section(top, "moderation", allowed: ["recall", "false_positive_rate"]), taxonomy: taxonomy)
    let feeds = feeds(top["feeds"], overrideFiles: feedOverrideFiles)
    let arms = arms(reader.required(top, "arms"), feeds: feeds, bands: bands, taxonomy: taxonomy)
    var spec = ExperimentSpec(
      name: name, description: description, seed: UInt64(seed), replications: replications,
      horizonDays: horizon, population: population, catalogue: catalogue, moderation: moderation,
      behaviour: BehaviourSpec(), feeds: feeds, arms: arms,
      platform: platform(top, taxonomy: taxonomy, bands: bands))
    spec.burnInDays = burnIn
    for name in ["behaviour", "learning"] {
      registered(
        section(top, name, allowed: ParameterRegistry.keys(inSection: name)), section: name,
        into: &spec)
    }
    spec.audit = audit(
      section(top, "audit_accounts", allowed: Self.auditKeys), taxonomy: taxonomy,
      population: population, horizon: horizon)
    spec.arms += sweeps(top["sweep"], arms: arms, spec: spec)
    spec.gate = gate(top, spec: spec)
    return spec
  }

  /// A section of plain numeric keys (`behaviour`, `learning`), read through the parameter
  /// registry: each key's range and meaning are its registry entry's.
  mutating func registered(_ fields: Fields?, section: String, into spec: inout ExperimentSpec) {
    guard let fields else { return }
    for entry in fields.entries {
      guard
        case .success(let resolved) = ParameterRegistry.resolve("\(section).\(entry.key)", in: spec)
      else { continue }
      let value = reader.number(
        entry.value, name: entry.key, range: resolved.parameter.range, fallback: .nan)
      guard !value.isNaN else { continue }
      spec = ParameterRegistry.apply([ParameterValue(path: resolved.path, value: value)], to: spec)
    }
  }

  /// The fields of an optional section (empty when absent).
  mutating func section(_ parent: Fields, _ key: String, allowed: [String]) -> Fields? {
    guard let node = parent[key] else { return nil }
    let context = parent.context.isEmpty ? key : "\(parent.context).\(key)"
    return reader.fields(node, context: context, allowed: allowed)
  }

  /// A value for each of `names`: one number for all, or a mapping from name (or a group name that
  /// stands for several) to number; unnamed entries keep `defaults`.
  mutating func perName(
    _ node: Node?, name: String, names: [String], groups: [String: [Int]] = [:],
    range: ClosedRange<Double>, defaults: [Double]
  ) -> [Double] {
    guard let node else { return defaults }
    if node.scalar != nil {
      let value = reader.number(node, name: name, range: range, fallback: .nan)
      return value.isNaN ? defaults : Array(repeating: value, count: names.count)
    }
    var values = defaults
    let allowed = names + groups.keys.sorted()
    guard let fields = reader.fields(node, context: name, allowed: allowed) else { return defaults }
    // Groups first, then single names, so `{priority: 0.5, bullying: 0.9}` means what it says.
    for entry in fields.entries.sorted(by: {
      (groups[$0.key] == nil ? 1 : 0) < (groups[$1.key] == nil ? 1 : 0)
    }) {
      let value = reader.number(
        entry.value, name: "\(name).\(entry.key)", range: range, fallback: .nan)
      guard !value.isNaN else { continue }
      for index in groups[entry.key] ?? [names.firstIndex(of: entry.key) ?? 0] {
        values[index] = value
      }
    }
    return values
  }

  /// Harm group names and the categories in each, for per-category maps.
  func harmGroups(_ taxonomy: Taxonomy) -> [String: [Int]] {
    var groups: [String: [Int]] = [HarmMeasures.anyHarm: Array(taxonomy.harms.indices)]
    for tier in HarmTier.allCases {
      groups[tier.rawValue] = taxonomy.harms.indices.filter { taxonomy.harms[$0].tier == tier }
    }
    return groups
  }

  /// `[low, high]` with low ≤ high in `range`, or `fallback`.
  mutating func pair(
    _ node: Node?, name: String, range: ClosedRange<Double>, fallback: ClosedRange<Double>
  ) -> ClosedRange<Double> {
    guard let node else { return fallback }
    let items = reader.list(node, name: name)
    guard items.count == 2 else {
      if node.sequence != nil {
        reader.fail(at: node, "'\(name)' must be a list of two numbers [low, high]")
      }
      return fallback
    }
    let low = reader.number(items[0], name: name, range: range, fallback: .nan)
    let high = reader.number(items[1], name: name, range: range, fallback: .nan)
    guard !low.isNaN, !high.isNaN else { return fallback }
    guard low <= high else {
      reader.fail(at: node, "'\(name)' must be [low, high] with low ≤ high")
      return fallback
    }
    return low...high
  }
}

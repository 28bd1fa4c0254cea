/// Every numeric scenario key (`docs/parameters.md` is generated from it). A sweep or a
/// sensitivity analysis names a key by its path; the registry finds the entry, binds its
/// placeholders to the scenario's names and changes the value on a copy of the experiment, so a
/// swept key means exactly what it means in a scenario file.
public enum ParameterRegistry {
  /// Every entry, in documentation order.
  public static let all: [Parameter] =
    population + catalogue + moderation + behaviour + learning
    + feeds + platform + experiment

  /// A key path bound to the scenario's names.
  public struct Resolved: Sendable {
    /// The registry entry.
    public let parameter: Parameter
    /// The concrete path (`moderation.recall.self_harm`).
    public let path: String
    /// The indices each placeholder stands for.
    let binding: ParameterBinding
  }

  /// Why a key path names no parameter: the message, and the valid keys nearest to it for the
  /// caller to suggest (the scenario module ranks them by edit distance).
  public struct Problem: Error, Sendable {
    /// What is wrong, without location.
    public let message: String
    /// Concrete keys the path could have meant (every key of the scenario when the path is
    /// unknown; the allowed names when one placeholder's name is).
    public let candidates: [String]
    /// The part of the path the candidates replace (the whole path, or one name).
    public let offending: String
  }

  /// The entry and binding `path` names in `spec`.
  public static func resolve(_ path: String, in spec: ExperimentSpec) -> Result<Resolved, Problem> {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var nameProblem: Problem?
    for parameter in all {
      // A path that stops before a trailing placeholder means every name, as in a scenario file
      // (`moderation.recall: 0.9` sets every category).
      let omitsLast =
        parameter.parts.count == parts.count + 1
        && parameter.parts.last.flatMap({ Placeholder(pattern: $0) }) != nil
      guard parameter.parts.count == parts.count || omitsLast else { continue }
      var binding: ParameterBinding = []
      var matches = true
      for (pattern, part) in zip(parameter.parts, parts) {
        if let placeholder = Placeholder(pattern: pattern) {
          let names = placeholder.names(in: spec)
          if let indices = names[part] {
            binding.append(indices)
          } else {
            nameProblem =
              nameProblem
              ?? Problem(
                message: "'\(part)' is not a \(placeholder.noun) of this scenario in '\(path)'",
                candidates: names.keys.sorted(), offending: part)
            matches = false
            break
          }
        } else if pattern != part {
          matches = false
          break
        }
      }
      if matches, omitsLast, let last = parameter.parts.last.flatMap({ Placeholder(pattern: $0) }) {
        binding.append(last.names(in: spec)["*"] ?? [])
      }
      if matches { return .success(Resolved(parameter: parameter, path: path, binding: binding)) }
    }
    if let nameProblem,
      all.contains(where: { matchesLiterals($0, parts) })
    {
      return .failure(nameProblem)
    }
    return .failure(
      Problem(message: "unknown parameter '\(path)'", candidates: keys(in: spec), offending: path))
  }

  /// `spec` with every value applied in order. Each value must resolve (``resolve(_:in:)``);
  /// one that does not is skipped.
  public static func apply(_ values: [ParameterValue], to spec: ExperimentSpec) -> ExperimentSpec {
    var result = spec
    for value in values {
      guard case .success(let resolved) = resolve(value.path, in: spec) else { continue }
      let whole = resolved.parameter.kind == .whole
      resolved.parameter.update(&result, resolved.binding) { current in
        let next = value.mode == .set ? value.value : current * value.value
        return whole ? next.rounded() : next
      }
    }
    return result
  }

  /// The value(s) `resolved` stands for in `spec`, in index order.
  public static func values(of resolved: Resolved, in spec: ExperimentSpec) -> [Double] {
    var seen: [Double] = []
    var copy = spec
    resolved.parameter.update(&copy, resolved.binding) { value in
      seen.append(value)
      return value
    }
    return seen
  }

  /// The keys of a section whose entries are plain keys (`behaviour` → `interest_weight`, …).
  public static func keys(inSection section: String) -> [String] {
    all.filter { $0.section == section && $0.parts.count == 2 }.map { $0.parts[1] }
  }

  /// Every concrete key of `spec`: placeholders expanded over the scenario's names and `*`.
  public static func keys(in spec: ExperimentSpec) -> [String] {
    all.flatMap { parameter in
      parameter.parts.reduce([""]) { prefixes, part in
        let options = Placeholder(pattern: part).map { $0.names(in: spec).keys.sorted() } ?? [part]
        return prefixes.flatMap { prefix in options.map { prefix.isEmpty ? $0 : "\(prefix).\($0)" }
        }
      }
    }
  }

  /// What a changed experiment breaks among the rules that tie several keys together, if any.
  public static func constraintProblem(in spec: ExperimentSpec) -> String? {
    let prevalence = spec.catalogue.prevalence.reduce(0, +)
    if prevalence > 1 {
      return "harm prevalences must sum to at most 1, got \(ResultsFormatting.compact(prevalence))"
    }
    if spec.platform.tracking.consentWithReject + spec.platform.tracking.upliftWithoutReject > 1 {
      return "'consent_with_reject' plus 'uplift_without_reject' must be at most 1"
    }
    return nil
  }

  private static func matchesLiterals(_ parameter: Parameter, _ parts: [String]) -> Bool {
    zip(parameter.parts, parts).allSatisfy { Placeholder(pattern: $0) != nil || $0 == $1 }
  }
}

/// A name a key path leaves to the scenario, and the names (and groups of names) it accepts.
enum Placeholder: String {
  case category, band, setting, feed, feature, source, topic, segment

  init?(pattern part: String) {
    guard part.hasPrefix("<"), part.hasSuffix(">") else { return nil }
    self.init(rawValue: String(part.dropFirst().dropLast()))
  }

  var noun: String {
    switch self {
    case .category: "harm category or group"
    case .band: "age band"
    case .setting: "setting"
    case .feed: "feed"
    case .feature: "scoring feature"
    case .source: "candidate source"
    case .topic: "topic"
    case .segment: "population segment"
    }
  }

  /// Name → the indices it stands for; `*` stands for all.
  func names(in spec: ExperimentSpec) -> [String: [Int]] {
    var names: [String: [Int]]
    switch self {
    case .category:
      let harms = spec.taxonomy.harms
      names = Dictionary(uniqueKeysWithValues: harms.indices.map { (harms[$0].name, [$0]) })
      names[HarmMeasures.anyHarm] = Array(harms.indices)
      for tier in HarmTier.allCases {
        names[tier.rawValue] = harms.indices.filter { harms[$0].tier == tier }
      }
    case .band:
      let bands = spec.population.bands
      names = Dictionary(uniqueKeysWithValues: bands.names.indices.map { (bands.names[$0], [$0]) })
      names["children"] = bands.all.filter(bands.isChild).map(\.position)
    case .setting: names = Self.indexed(Setting.allCases.map(\.rawValue))
    case .feed: names = Self.indexed(spec.feeds.map(\.name))
    case .feature: names = Self.indexed(ScoringFeature.allCases.map(\.rawValue))
    case .source: names = Self.indexed(CandidateSource.allCases.map(\.rawValue))
    case .topic: names = Self.indexed(spec.taxonomy.topics)
    case .segment: names = Self.indexed(spec.population.segments.map(\.name))
    }
    names["*"] = Array(0..<(names.values.map { ($0.max() ?? -1) + 1 }.max() ?? 0))
    return names
  }

  private static func indexed(_ list: [String]) -> [String: [Int]] {
    Dictionary(list.indices.map { (list[$0], [$0]) }, uniquingKeysWith: { first, _ in first })
  }
}

extension Array where Element == Double {
  /// Changes the elements at `indices` (those in range) by `change`.
  mutating func update(_ indices: [Int], _ change: (Double) -> Double) {
    for index in indices where self.indices.contains(index) { self[index] = change(self[index]) }
  }
}

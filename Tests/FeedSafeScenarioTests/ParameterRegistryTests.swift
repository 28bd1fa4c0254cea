import FeedSafeCore
import FeedSafeScenario
import Foundation
import Testing

@Suite("The parameter registry")
struct ParameterRegistryTests {
  /// Names that stand in for each placeholder in a probe scenario.
  static let names = [
    "<category>": "self_harm", "<band>": "13_15", "<setting>": "profiling", "<feed>": "probe",
    "<feature>": "popularity", "<source>": "trending", "<topic>": "gaming", "<segment>": "probe",
  ]

  /// A scenario (JSON is YAML) that writes `value` at `parameter`'s key, plus what it needs.
  static func probe(_ parameter: Parameter, _ value: Double) -> String {
    var root: [String: Any] = ["name": "probe", "arms": ["a": ["preset": "none"]]]
    let parts = parameter.parts.map { names[$0] ?? $0 }
    merge(&root, parts[...], value)
    if parts.first == "feeds" {
      var feed = (root["feeds"] as? [String: Any])?["probe"] as? [String: Any] ?? [:]
      feed["extends"] = "engagement"
      if var sources = feed["sources"] as? [String: Any] {
        sources["following"] = 10
        feed["sources"] = sources
      }
      root["feeds"] = ["probe": feed]
    }
    if parts.starts(with: ["population", "age_assurance"]) {
      merge(&root, ["population", "age_assurance", "method"], "estimation_with_challenge")
    }
    if parts.starts(with: ["population", "segments"]), parts[3] != "share" {
      merge(&root, ["population", "segments", "probe", "share"], 1)
    }
    let data = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// Sets `value` at `keys` inside `dictionary`, keeping what is already there.
  static func merge(_ dictionary: inout [String: Any], _ keys: ArraySlice<String>, _ value: Any) {
    guard let key = keys.first else { return }
    if keys.count == 1 {
      dictionary[key] = value
      return
    }
    var child = dictionary[key] as? [String: Any] ?? [:]
    merge(&child, keys.dropFirst(), value)
    dictionary[key] = child
  }

  static func accepts(_ parameter: Parameter, _ value: Double) -> Bool {
    (try? Scenario.parse(probe(parameter, value), file: "probe.yaml")) != nil
  }

  /// Entries whose key a file can write with one number (pairs and shares that must sum to 1
  /// are checked by their own tests).
  static let probed = ParameterRegistry.all.filter { $0.isScenarioKey && $0.notSweepable == nil }

  @Test(
    "the parser accepts every key at the lower end of its registered range and refuses values outside it"
  )
  func parserAgreesWithTheRegistry() {
    #expect(Self.probed.count > 60)
    for parameter in Self.probed {
      let low = parameter.range.lowerBound
      let step = parameter.kind == .whole ? 1 : max(1e-3, abs(low) * 1e-3)
      #expect(
        Self.accepts(parameter, low), "\(parameter.path) at \(low): \(Self.probe(parameter, low))")
      #expect(!Self.accepts(parameter, low - step), "\(parameter.path) below \(low)")
      let high = parameter.range.upperBound
      let above = parameter.kind == .whole ? high + 1 : high + max(1e-3, abs(high) * 1e-3)
      #expect(!Self.accepts(parameter, above), "\(parameter.path) above \(high)")
    }
  }

  @Test(
    "a key the parser reads means what the registry changes: parsing a value equals applying it")
  func parsingEqualsApplying() throws {
    let base = try Scenario.parse(Self.probe(Self.probed[0], 2_000), file: "probe.yaml").spec
    for parameter in Self.probed
    where parameter.section == "behaviour" || parameter.section == "catalogue" {
      let value = min(parameter.range.upperBound, max(parameter.range.lowerBound, 0.5))
      let parsed = try Scenario.parse(Self.probe(parameter, value), file: "probe.yaml").spec
      let path = parameter.parts.map { Self.names[$0] ?? $0 }.joined(separator: ".")
      let applied = ParameterRegistry.apply([ParameterValue(path: path, value: value)], to: base)
      #expect(parsed.behaviour == applied.behaviour, "\(path)")
      #expect(parsed.catalogue == applied.catalogue, "\(path)")
    }
  }

  @Test("a path that stops before its last placeholder means every name, as in a scenario file")
  func omittedPlaceholderMeansEvery() throws {
    let spec = try Scenario.parse("name: p\narms:\n  a: {}\n", file: "p.yaml").spec
    let applied = ParameterRegistry.apply(
      [ParameterValue(path: "moderation.recall", value: 0.5)], to: spec)
    #expect(applied.moderation.recall.allSatisfy { $0 == 0.5 })
    let scaled = ParameterRegistry.apply(
      [ParameterValue(path: "population.bands.*.sessions_per_day", value: 2, mode: .scale)],
      to: spec)
    #expect(
      scaled.population.bandSpecs.map(\.sessionsPerDay)
        == spec.population.bandSpecs.map { $0.sessionsPerDay * 2 })
  }
}

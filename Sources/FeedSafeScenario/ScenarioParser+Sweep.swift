import FeedSafeCore
import Yams

extension ScenarioParser {
  /// The `sweep:` section (one sweep or a list): each value of the swept parameter becomes an arm
  /// named `<arm>@<parameter>=<value>`, a copy of `arm` with that world parameter changed.
  mutating func sweeps(_ node: Node?, arms: [Arm], spec: ExperimentSpec) -> [Arm] {
    guard let node else { return [] }
    let items = node.sequence != nil ? reader.list(node, name: "sweep") : [node]
    var expanded: [Arm] = []
    for item in items {
      guard
        let fields = reader.fields(item, context: "sweep", allowed: ["arm", "parameter", "values"])
      else { continue }
      let armName = reader.choice(
        reader.required(fields, "arm"), name: "arm", allowed: arms.map(\.name))
      let parameterNode = reader.required(fields, "parameter")
      let parameter = reader.text(parameterNode, name: "parameter", fallback: "")
      let values = reader.list(reader.required(fields, "values"), name: "values").map {
        reader.number($0, name: "values", range: 0...1, fallback: .nan)
      }
      if fields["values"] != nil && values.isEmpty {
        reader.fail(at: fields["values"], "'sweep.values' must list at least one value")
      }
      guard let armName, let base = arms.first(where: { $0.name == armName }), parameterNode != nil
      else { continue }
      for value in values where !value.isNaN {
        guard
          let override = override(
            parameter, value: value, node: parameterNode, spec: spec, base: base.worldOverride)
        else { break }
        var arm = base
        arm.name = "\(armName)@\(parameter)=\(ResultsFormatting.compact(value))"
        arm.worldOverride = override
        arm.sweepPoint = SweepPoint(parameter: parameter, value: value, baseArm: armName)
        expanded.append(arm)
      }
    }
    return expanded
  }

  static let sweepable = [
    "moderation.recall", "moderation.recall.<category or group>", "moderation.false_positive_rate",
    "moderation.false_positive_rate.<category or group>", "population.stickiness",
    "population.stickiness.<setting>", "population.lie_rate", "population.bands.<band>.lie_rate",
  ]

  /// The world override that sets `parameter` to `value`, or `nil` (after a problem) if the
  /// parameter cannot be swept.
  private mutating func override(
    _ parameter: String, value: Double, node: Node?, spec: ExperimentSpec, base: WorldOverride?
  ) -> WorldOverride? {
    var result = base ?? WorldOverride()
    let parts = parameter.split(separator: ".").map(String.init)
    let harms = spec.taxonomy.harms.map(\.name)
    let groups = harmGroups(spec.taxonomy)
    func categories(_ name: String?) -> [Int]? {
      guard let name else { return Array(harms.indices) }
      return groups[name] ?? harms.firstIndex(of: name).map { [$0] }
    }
    switch (parts.first, parts.count > 1 ? parts[1] : nil) {
    case ("moderation", "recall"), ("moderation", "false_positive_rate"):
      guard parts.count <= 3, let indices = categories(parts.count == 3 ? parts[2] : nil) else {
        break
      }
      var values =
        parts[1] == "recall"
        ? (result.recall ?? spec.moderation.recall)
        : (result.falsePositiveRate ?? spec.moderation.falsePositiveRate)
      for index in indices { values[index] = value }
      if parts[1] == "recall" { result.recall = values } else { result.falsePositiveRate = values }
      return result
    case ("population", "stickiness"):
      var values = result.stickiness ?? spec.population.stickiness
      if parts.count == 2 {
        values = values.map { _ in value }
      } else if parts.count == 3, let setting = Setting(rawValue: parts[2]),
        let index = Setting.allCases.firstIndex(of: setting)
      {
        values[index] = value
      } else {
        break
      }
      result.stickiness = values
      return result
    case ("population", "lie_rate") where parts.count == 2:
      let bands = spec.population.bands
      result.lieRates = bands.all.map {
        bands.isChild($0) ? value : spec.population.bandSpecs[$0.position].lieRate
      }
      return result
    case ("population", "bands") where parts.count == 4 && parts[3] == "lie_rate":
      guard let band = spec.population.bands.names.firstIndex(of: parts[2]) else { break }
      var rates = result.lieRates ?? spec.population.bandSpecs.map(\.lieRate)
      rates[band] = value
      result.lieRates = rates
      return result
    default:
      break
    }
    reader.fail(
      at: node,
      "cannot sweep '\(parameter)'; sweepable parameters: \(Self.sweepable.joined(separator: ", "))"
    )
    return nil
  }
}

/// Number formatting shared by generated names.
enum ResultsFormatting {
  /// The shortest text that reads back as `value` (`0.5`, `1`, `0.99`).
  static func compact(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}

import FeedSafeCore
import Yams

extension ScenarioParser {
  static let sweepKeys = [
    "arm", "arms", "parameter", "values", "range", "grid", "latin_hypercube",
  ]

  /// The `sweep:` section (one sweep or a list). Each point of a sweep becomes, for each arm it
  /// copies, an arm named `<arm>@<key>=<value>` (one key), `<arm>@<key>=<value>,…` (a grid) or
  /// `<arm>@lhs<n>` (a Latin-hypercube point), with those parameters changed.
  mutating func sweeps(_ node: Node?, arms: [Arm], spec: ExperimentSpec) -> [Arm] {
    guard let node else { return [] }
    let items = node.sequence != nil ? reader.list(node, name: "sweep") : [node]
    var expanded: [Arm] = []
    for item in items {
      guard let fields = reader.fields(item, context: "sweep", allowed: Self.sweepKeys),
        let design = sweepDesign(fields, spec: spec)
      else { continue }
      for base in sweptArms(fields, arms: arms) {
        for (index, point) in design.points.enumerated() {
          var arm = base
          arm.name =
            if case .latinHypercube = design {
              "\(base.name)@lhs\(index + 1)"
            } else {
              "\(base.name)@" + point.map(\.label).joined(separator: ",")
            }
          arm.parameters = base.parameters + point
          if point.count == 1, let only = point.first {
            arm.sweepPoint = SweepPoint(parameter: only.path, value: only.value, baseArm: base.name)
          }
          if let problem = ParameterRegistry.constraintProblem(
            in: ParameterRegistry.apply(arm.parameters, to: spec))
          {
            reader.fail(at: item, "sweep point '\(arm.name)': \(problem)")
          }
          expanded.append(arm)
        }
      }
    }
    let names = arms.map(\.name) + expanded.map(\.name)
    if Set(names).count != names.count {
      reader.fail(at: node, "the sweeps make two arms of the same name; sweep each point once")
    }
    return expanded
  }

  /// The arms a sweep copies: `arm: name` or `arms: [names]`.
  private mutating func sweptArms(_ fields: Fields, arms: [Arm]) -> [Arm] {
    let names: [String?]
    if let list = fields["arms"] {
      names = reader.list(list, name: "sweep.arms").map {
        reader.choice($0, name: "arm", allowed: arms.map(\.name))
      }
    } else {
      names = [
        reader.choice(reader.required(fields, "arm"), name: "arm", allowed: arms.map(\.name))
      ]
    }
    return names.compactMap { name in arms.first { $0.name == name } }
  }

  /// `parameter:` with `values:` or `range:`; `grid:`; or `latin_hypercube:`.
  private mutating func sweepDesign(_ fields: Fields, spec: ExperimentSpec) -> SweepDesign? {
    let forms = ["parameter", "grid", "latin_hypercube"].filter { fields[$0] != nil }
    guard forms.count == 1, let form = forms.first else {
      reader.fail(
        at: fields.node,
        "a sweep needs exactly one of 'parameter' (with 'values' or 'range'), 'grid' or 'latin_hypercube'"
      )
      return nil
    }
    switch form {
    case "parameter":
      guard let keyNode = fields["parameter"],
        let axis = axis(keyNode, values: fields["values"], range: fields["range"], spec: spec)
      else { return nil }
      return .grid([axis])
    case "grid":
      guard let grid = fields["grid"],
        let keys = reader.fields(grid, context: "sweep.grid", allowed: [])
      else { return nil }
      let axes = keys.entries.compactMap { entry in
        entry.value.sequence != nil
          ? axis(entry.keyNode, values: entry.value, range: nil, spec: spec)
          : axis(entry.keyNode, values: nil, range: entry.value, spec: spec)
      }
      guard axes.count == keys.entries.count, !axes.isEmpty else { return nil }
      return .grid(axes)
    default:
      return latinHypercube(fields["latin_hypercube"], spec: spec)
    }
  }

  /// One key and its values: `values: [...]` or `range: {from:, to:, steps:}`.
  private mutating func axis(_ keyNode: Node, values: Node?, range: Node?, spec: ExperimentSpec)
    -> SweepDesign.Axis?
  {
    guard let parameter = sweptParameter(keyNode, spec: spec) else { return nil }
    let name = parameter.path
    var numbers: [Double] = []
    if let values {
      numbers = reader.list(values, name: "values").map {
        sweepValue($0, parameter: parameter.parameter, name: name)
      }
      if values.sequence != nil && numbers.isEmpty {
        reader.fail(at: values, "'sweep.values' must list at least one value")
      }
    } else if let range, let steps = steps(range, parameter: parameter.parameter, name: name) {
      numbers = steps
    } else {
      reader.fail(at: keyNode, "sweep of '\(parameter.path)' needs 'values' or 'range'")
      return nil
    }
    guard !numbers.contains(where: \.isNaN), !numbers.isEmpty else { return nil }
    return SweepDesign.Axis(path: parameter.path, values: numbers)
  }

  /// `{from:, to:, steps:}`: `steps` evenly spaced values from `from` to `to`, both included.
  private mutating func steps(_ node: Node, parameter: Parameter, name: String) -> [Double]? {
    guard let fields = reader.fields(node, context: "range", allowed: ["from", "to", "steps"])
    else { return nil }
    let from = sweepValue(reader.required(fields, "from"), parameter: parameter, name: name)
    let to = sweepValue(reader.required(fields, "to"), parameter: parameter, name: name)
    let count = reader.integer(
      reader.required(fields, "steps"), name: "steps", range: 2...1_000, fallback: 0)
    guard !from.isNaN, !to.isNaN, count >= 2 else { return nil }
    let values = (0..<count).map { from + (to - from) * Double($0) / Double(count - 1) }
    return parameter.kind == .whole ? Array(Set(values.map { $0.rounded() })).sorted() : values
  }

  /// `latin_hypercube: {points:, seed:, parameters: {key: [low, high] or plausible}}`.
  private mutating func latinHypercube(_ node: Node?, spec: ExperimentSpec) -> SweepDesign? {
    guard let node,
      let fields = reader.fields(
        node, context: "sweep.latin_hypercube", allowed: ["points", "seed", "parameters"])
    else { return nil }
    let points = reader.integer(
      reader.required(fields, "points"), name: "points", range: 2...10_000, fallback: 0)
    let seed = reader.integer(
      fields["seed"], name: "seed", range: 0...Int.max, fallback: Int(spec.seed))
    guard let keysNode = reader.required(fields, "parameters"),
      let keys = reader.fields(keysNode, context: "latin_hypercube.parameters", allowed: [])
    else { return nil }
    var ranges: [SweepDesign.Range] = []
    for entry in keys.entries {
      guard let parameter = sweptParameter(entry.keyNode, spec: spec) else { continue }
      if entry.value.string == "plausible" {
        guard let plausible = parameter.parameter.basis.plausible else {
          reader.fail(
            at: entry.value,
            "'\(parameter.path)' has no documented plausible range; give [low, high]")
          continue
        }
        ranges.append(.init(path: parameter.path, bounds: plausible.bounds, mode: plausible.mode))
        continue
      }
      let pair = reader.list(entry.value, name: parameter.path)
      let ends = pair.map {
        sweepValue($0, parameter: parameter.parameter, name: "range of '\(parameter.path)'")
      }
      guard ends.count == 2, ends[0] <= ends[1] else {
        if entry.value.sequence != nil {
          reader.fail(at: entry.value, "'\(parameter.path)' needs [low, high] with low ≤ high")
        }
        continue
      }
      ranges.append(.init(path: parameter.path, bounds: ends[0]...ends[1]))
    }
    guard points >= 2, ranges.count == keys.entries.count, !ranges.isEmpty else { return nil }
    return .latinHypercube(points: points, seed: UInt64(seed), ranges: ranges)
  }

  /// The registry entry a swept key names, or `nil` after a located problem.
  private mutating func sweptParameter(_ node: Node, spec: ExperimentSpec)
    -> ParameterRegistry.Resolved?
  {
    let path = reader.text(node, name: "parameter", fallback: "")
    switch ParameterRegistry.resolve(path, in: spec) {
    case .failure(let problem):
      reader.fail(at: node, ParameterNames.message(for: problem, path: path))
      return nil
    case .success(let resolved):
      if let reason = resolved.parameter.notSweepable {
        reader.fail(at: node, "cannot sweep '\(path)': \(reason)")
        return nil
      }
      return resolved
    }
  }

  /// A value the swept key accepts (its range; whole for whole-number keys), or NaN.
  private mutating func sweepValue(_ node: Node?, parameter: Parameter, name: String) -> Double {
    let value = reader.number(node, name: name, range: parameter.range, fallback: .nan)
    if parameter.kind == .whole, !value.isNaN, value != value.rounded() {
      reader.fail(at: node, "'\(name)' must be whole numbers, got \(value)")
      return .nan
    }
    return value
  }
}

/// Messages for key paths that name no parameter, with the nearest valid key.
public enum ParameterNames {
  /// "unknown parameter 'x'; did you mean 'y'?" (or the problem as the registry states it).
  public static func message(for problem: ParameterRegistry.Problem, path: String) -> String {
    if let suggestion = nearest(to: problem.offending, in: problem.candidates) {
      return "\(problem.message); did you mean '\(suggestion)'?"
    }
    return problem.candidates.count <= 12
      ? "\(problem.message); allowed: \(problem.candidates.joined(separator: ", "))"
      : "\(problem.message) ('feedsafe parameters' lists every key)"
  }
}

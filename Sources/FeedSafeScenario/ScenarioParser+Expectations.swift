import FeedSafeCore
import Yams

extension ScenarioParser {
  static let selectorKeys = ["name", "arm", "compare", "sweep", "cohort", "category", "metric"]
  static let ruleKeys = selectorKeys + ["min", "max", "reduction_at_least", "monotonic"]

  /// `expect:`, `tolerance:` and `baseline_gate:`: what `feedsafe check` verifies.
  mutating func gate(_ top: Fields, spec: ExperimentSpec) -> GateSpec {
    var gate = GateSpec.standard
    let cohorts = Cohorts(population: spec.population).names
    let categories = HarmMeasures(taxonomy: spec.taxonomy).names
    for item in reader.list(top["expect"], name: "expect") {
      if let expectation = expectation(item, spec: spec, cohorts: cohorts, categories: categories) {
        gate.expectations.append(expectation)
      }
    }
    if let fields = section(top, "tolerance", allowed: ["relative", "absolute", "metrics"]) {
      gate.tolerance = tolerance(fields, base: gate.tolerance)
      if let node = fields["metrics"],
        let metrics = reader.fields(
          node, context: "tolerance.metrics", allowed: Metric.allCases.map(\.rawValue))
      {
        for entry in metrics.entries {
          guard let metric = Metric(rawValue: entry.key),
            let values = reader.fields(
              entry.value, context: "tolerance.metrics.\(entry.key)",
              allowed: ["relative", "absolute"])
          else { continue }
          gate.metricTolerances[metric] = tolerance(values, base: gate.tolerance)
        }
      }
    }
    if let fields = section(top, "baseline_gate", allowed: ["cohorts", "categories", "metrics"]) {
      if fields["cohorts"] != nil {
        gate.baselineCohorts = names(fields["cohorts"], name: "cohort", allowed: cohorts)
      }
      if fields["categories"] != nil {
        gate.baselineCategories = names(
          fields["categories"], name: "category", allowed: categories + [Metric.allCategories])
      }
      if fields["metrics"] != nil {
        gate.baselineMetrics = names(
          fields["metrics"], name: "metric", allowed: Metric.allCases.map(\.rawValue)
        )
        .compactMap(Metric.init(rawValue:))
      }
    }
    return gate
  }

  private mutating func tolerance(_ fields: Fields, base: Tolerance) -> Tolerance {
    Tolerance(
      relative: reader.number(
        fields["relative"], name: "relative", range: 0...100, fallback: base.relative),
      absolute: reader.number(
        fields["absolute"], name: "absolute", range: 0...1e12, fallback: base.absolute))
  }

  private mutating func names(_ node: Node?, name: String, allowed: [String]) -> [String] {
    reader.list(node, name: name).compactMap { reader.choice($0, name: name, allowed: allowed) }
  }

  /// One rule: exactly one of `arm` (with `min`/`max`), `compare` (with `reduction_at_least`) or
  /// `sweep` (with `monotonic`).
  private mutating func expectation(
    _ node: Node, spec: ExperimentSpec, cohorts: [String], categories: [String]
  ) -> Expectation? {
    guard let fields = reader.fields(node, context: "expect", allowed: Self.ruleKeys) else {
      return nil
    }
    let arms = spec.arms.map(\.name)
    let selected = selector(fields, cohorts: cohorts, categories: categories)
    let forms = ["arm", "compare", "sweep"].filter { fields[$0] != nil }
    guard forms.count == 1 else {
      reader.fail(
        at: node,
        "a rule in 'expect' needs exactly one of 'arm' (with min/max), 'compare' (with reduction_at_least) or 'sweep' (with monotonic)"
      )
      return nil
    }
    let rule: ExpectationRule
    switch forms[0] {
    case "arm":
      guard let arm = reader.choice(fields["arm"], name: "arm", allowed: arms) else { return nil }
      let minimum = fields["min"].map {
        reader.number($0, name: "min", range: -1e12...1e12, fallback: .nan)
      }
      let maximum = fields["max"].map {
        reader.number($0, name: "max", range: -1e12...1e12, fallback: .nan)
      }
      guard minimum != nil || maximum != nil else {
        reader.fail(at: node, "a bound rule needs 'min', 'max' or both")
        return nil
      }
      guard minimum?.isNaN != true, maximum?.isNaN != true, let selector = selected else {
        return nil
      }
      rule = .bound(arm: arm, selector: selector, minimum: minimum, maximum: maximum)
    case "compare":
      guard
        let compare = reader.fields(
          fields["compare"] ?? node, context: "expect.compare", allowed: ["arm", "baseline"]),
        let arm = reader.choice(reader.required(compare, "arm"), name: "arm", allowed: arms),
        let baseline = reader.choice(
          reader.required(compare, "baseline"), name: "arm", allowed: arms)
      else { return nil }
      guard let amount = reader.required(fields, "reduction_at_least") else { return nil }
      let share = reader.number(amount, name: "reduction_at_least", range: -10...1, fallback: .nan)
      guard !share.isNaN, let selector = selected else { return nil }
      rule = .reduction(arm: arm, baseline: baseline, selector: selector, atLeast: share)
    default:
      guard
        let sweep = reader.fields(
          fields["sweep"] ?? node, context: "expect.sweep", allowed: ["arm", "parameter"]),
        let arm = reader.choice(reader.required(sweep, "arm"), name: "arm", allowed: arms),
        let parameterNode = reader.required(sweep, "parameter")
      else { return nil }
      let parameter = reader.text(parameterNode, name: "parameter", fallback: "")
      let swept = spec.arms.compactMap(\.sweepPoint).filter { $0.baseArm == arm }.map(\.parameter)
      guard swept.contains(parameter) else {
        reader.fail(
          at: parameterNode,
          "arm '\(arm)' has no sweep of '\(parameter)'"
            + (swept.isEmpty ? "" : "; its sweeps: \(Set(swept).sorted().joined(separator: ", "))"))
        return nil
      }
      guard
        let direction = reader.choice(
          reader.required(fields, "monotonic"), name: "direction",
          allowed: ExpectationRule.Direction.allCases.map(\.rawValue)
        )
        .flatMap(ExpectationRule.Direction.init(rawValue:)), let selector = selected
      else { return nil }
      rule = .monotonic(arm: arm, parameter: parameter, selector: selector, direction: direction)
    }
    let name = reader.text(fields["name"], name: "name", fallback: Self.describe(rule))
    return Expectation(name: name, rule: rule)
  }

  private mutating func selector(_ fields: Fields, cohorts: [String], categories: [String])
    -> MetricSelector?
  {
    let cohort = reader.choice(reader.required(fields, "cohort"), name: "cohort", allowed: cohorts)
    let metricNode = reader.required(fields, "metric")
    let metric = reader.choice(metricNode, name: "metric", allowed: Metric.allCases.map(\.rawValue))
      .flatMap(Metric.init(rawValue:))
    let categoryNode = fields["category"]
    let category: String?
    if let metric, !metric.isPerCategory {
      category = Metric.allCategories
      if let categoryNode, categoryNode.string != Metric.allCategories {
        reader.fail(
          at: categoryNode,
          "'\(metric.rawValue)' is not per harm category; use category 'all' or leave it out")
      }
    } else {
      category = reader.choice(
        reader.required(fields, "category"), name: "category", allowed: categories)
    }
    guard let cohort, let metric, let category else { return nil }
    return MetricSelector(cohort: cohort, category: category, metric: metric)
  }

  /// A readable name for a rule without one.
  static func describe(_ rule: ExpectationRule) -> String {
    func number(_ value: Double) -> String { ResultsFormatting.compact(value) }
    switch rule {
    case .bound(let arm, let s, let minimum, let maximum):
      let bounds = [minimum.map { "≥ \(number($0))" }, maximum.map { "≤ \(number($0))" }].compactMap
      { $0 }
      return "\(arm): \(s.label) \(bounds.joined(separator: " and "))"
    case .reduction(let arm, let baseline, let s, let share):
      return "\(arm) vs \(baseline): \(s.label) at least \(number(share * 100))% lower"
    case .monotonic(let arm, let parameter, let s, let direction):
      return "\(arm) over \(parameter): \(s.label) \(direction.rawValue)"
    }
  }
}

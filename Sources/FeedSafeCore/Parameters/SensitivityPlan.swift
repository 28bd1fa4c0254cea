/// The question a sensitivity analysis asks: how much `metric` for `cohort` and `category`
/// differs between arm `treatment` and arm `baseline` (treatment − baseline, paired by seed).
public struct EffectQuestion: Sendable, Codable, Equatable {
  public var baseline: String
  public var treatment: String
  public var metric: String
  public var cohort: String
  public var category: String

  public init(baseline: String, treatment: String, metric: String, cohort: String, category: String)
  {
    self.baseline = baseline
    self.treatment = treatment
    self.metric = metric
    self.cohort = cohort
    self.category = category
  }

  /// "exposure_per_1k (children, any_harm): profiling_off − profiling_on".
  public var description: String {
    "\(metric) (\(cohort), \(category)): \(treatment) − \(baseline)"
  }
}

/// A sensitivity analysis as a set of points, each run for both arms of the question on the same
/// seeds (common random numbers, so differences between points are not noise between worlds).
///
/// One at a time: every factor at the low and the high end of its plausible range with the others
/// at the scenario's values (2k + 1 points for k factors), which gives each factor's swing and
/// the tornado chart. Then a Latin-hypercube check: points that move every factor at once, to
/// show whether the conclusion survives them together (interactions one-at-a-time cannot see).
public struct SensitivityPlan: Sendable, Codable, Equatable {
  /// One varied key and its range.
  public struct Factor: Sendable, Codable, Equatable {
    public var path: String
    public var low: Double
    public var high: Double
    /// `set` (absolute values) or `scale` (factors on the scenario's values).
    public var mode: String
    public init(path: String, low: Double, high: Double, mode: ParameterValue.Mode) {
      self.path = path
      self.low = low
      self.high = high
      self.mode = mode.rawValue
    }
    var valueMode: ParameterValue.Mode { ParameterValue.Mode(rawValue: mode) ?? .set }
  }

  /// One point: the scenario's values, one factor at one end, or a joint sample.
  public struct Point: Sendable, Codable, Equatable {
    /// `base`, `low`, `high` or `sample`.
    public var role: String
    /// The factor moved (one-at-a-time points).
    public var factor: Int?
    /// What the point changes.
    public var values: [ParameterValue]
    /// How its arms are named: `<arm>@<label>` (the base point keeps the arms' names).
    public var label: String
  }

  public var question: EffectQuestion
  public var factors: [Factor]
  public var points: [Point]

  /// The one-at-a-time points, then `samples` Latin-hypercube points drawn from `seed`.
  public init(question: EffectQuestion, factors: [Factor], samples: Int, seed: UInt64) {
    self.question = question
    self.factors = factors
    var points = [Point(role: "base", factor: nil, values: [], label: "base")]
    for (index, factor) in factors.enumerated() {
      for (role, value) in [("low", factor.low), ("high", factor.high)] {
        let change = ParameterValue(path: factor.path, value: value, mode: factor.valueMode)
        points.append(Point(role: role, factor: index, values: [change], label: change.label))
      }
    }
    if samples >= 2, !factors.isEmpty {
      let design = SweepDesign.latinHypercube(
        points: samples, seed: seed,
        ranges: factors.map {
          SweepDesign.Range(path: $0.path, bounds: $0.low...$0.high, mode: $0.valueMode)
        })
      for (index, values) in design.points.enumerated() {
        points.append(Point(role: "sample", factor: nil, values: values, label: "lhs\(index + 1)"))
      }
    }
    self.points = points
  }

  /// The arm of `name` at `point`.
  public func armName(_ name: String, at point: Point) -> String {
    point.role == "base" ? name : "\(name)@\(point.label)"
  }

  /// Both arms of the question at every point, from the scenario's arms.
  public func arms(from spec: ExperimentSpec) -> [Arm] {
    let pair = [question.baseline, question.treatment].compactMap { name in
      spec.arms.first { $0.name == name }
    }
    return points.flatMap { point in
      pair.map { arm in
        var copy = arm
        copy.name = armName(arm.name, at: point)
        copy.parameters = arm.parameters + point.values
        return copy
      }
    }
  }
}

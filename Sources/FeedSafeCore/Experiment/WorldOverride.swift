/// World parameters an arm changes for itself, so a sweep can vary what is otherwise shared
/// (classifier quality, default stickiness, lie rates). The arm's world is rebuilt from the same
/// seed and streams, so only the varied parameter differs: a higher recall catches a superset of
/// the items a lower one catches, and the same people lie or keep defaults where rates allow.
public struct WorldOverride: Sendable, Equatable {
  /// Recall per harm category, replacing `moderation.recall`.
  public var recall: [Double]?
  /// False-positive rate per harm category, replacing `moderation.false_positive_rate`.
  public var falsePositiveRate: [Double]?
  /// Stickiness per setting, replacing `population.stickiness`.
  public var stickiness: [Double]?
  /// Lie rate per age band, replacing each band's `lie_rate`.
  public var lieRates: [Double]?

  /// An override of the given parameters (`nil`: unchanged).
  public init(
    recall: [Double]? = nil, falsePositiveRate: [Double]? = nil, stickiness: [Double]? = nil,
    lieRates: [Double]? = nil
  ) {
    self.recall = recall
    self.falsePositiveRate = falsePositiveRate
    self.stickiness = stickiness
    self.lieRates = lieRates
  }

  /// `spec` with this override applied.
  public func applied(to spec: ExperimentSpec) -> ExperimentSpec {
    var spec = spec
    if let recall { spec.moderation.recall = recall }
    if let falsePositiveRate { spec.moderation.falsePositiveRate = falsePositiveRate }
    if let stickiness { spec.population.stickiness = stickiness }
    if let lieRates {
      for (band, rate) in lieRates.enumerated() { spec.population.bandSpecs[band].lieRate = rate }
    }
    return spec
  }
}

/// The point of a parameter sweep an arm stands for (for reports: sweeps are shown as series).
public struct SweepPoint: Sendable, Equatable {
  /// The swept parameter, as the scenario names it (`moderation.recall`).
  public var parameter: String
  /// Its value in this arm.
  public var value: Double
  /// The arm the sweep varies.
  public var baseArm: String

  /// A sweep point.
  public init(parameter: String, value: Double, baseArm: String) {
    self.parameter = parameter
    self.value = value
    self.baseArm = baseArm
  }
}

/// How a sweep chooses its points: the values of one key, the cartesian grid of several, or a
/// Latin-hypercube sample of several (each key's range cut into as many equal strata as there
/// are points, one point per stratum, strata paired at random), which covers a many-key space
/// with few points.
public enum SweepDesign: Sendable, Equatable {
  /// Every combination of the keys' values, the first key varying slowest.
  case grid([Axis])
  /// `points` points over the keys' ranges, drawn from `seed`.
  case latinHypercube(points: Int, seed: UInt64, ranges: [Range])

  /// One swept key and its values.
  public struct Axis: Sendable, Equatable {
    public var path: String
    public var values: [Double]
    public init(path: String, values: [Double]) {
      self.path = path
      self.values = values
    }
  }

  /// One sampled key, its range and whether the sample sets or scales it.
  public struct Range: Sendable, Equatable {
    public var path: String
    public var bounds: ClosedRange<Double>
    public var mode: ParameterValue.Mode
    public init(path: String, bounds: ClosedRange<Double>, mode: ParameterValue.Mode = .set) {
      self.path = path
      self.bounds = bounds
      self.mode = mode
    }
  }

  /// The points, in order; each point sets every key of the design.
  public var points: [[ParameterValue]] {
    switch self {
    case .grid(let axes):
      return axes.reduce([[]]) { points, axis in
        points.flatMap { point in
          axis.values.map { point + [ParameterValue(path: axis.path, value: $0)] }
        }
      }
    case .latinHypercube(let count, let seed, let ranges):
      var rng = RandomStream(seed: seed, purpose: .parameterDesign)
      let columns = ranges.map { range -> [ParameterValue] in
        // A random permutation of the strata, then a uniform draw inside each stratum.
        var strata = Array(0..<count)
        for index in stride(from: count - 1, to: 0, by: -1) {
          strata.swapAt(index, rng.index(below: index + 1))
        }
        return strata.map { stratum in
          let share = (Double(stratum) + rng.uniform()) / Double(count)
          let width = range.bounds.upperBound - range.bounds.lowerBound
          return ParameterValue(
            path: range.path, value: range.bounds.lowerBound + share * width, mode: range.mode)
        }
      }
      return (0..<count).map { point in columns.map { $0[point] } }
    }
  }
}

/// The point of a one-key sweep an arm stands for (for reports: such sweeps are shown as series).
public struct SweepPoint: Sendable, Equatable {
  /// The swept key, as the scenario names it (`moderation.recall`).
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

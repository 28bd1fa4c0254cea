/// One numeric scenario key, described once: the sweeps, `feedsafe sensitivity`, the parameter
/// table in `docs/parameters.md` and the parser's range test all read this description.
public struct Parameter: Sendable {
  /// The documented key path, with `<placeholders>` for names the scenario defines
  /// (`moderation.recall.<category>`). A placeholder also accepts `*` (every name).
  public let path: String
  /// Whole numbers or real numbers.
  public let kind: Kind
  /// What one unit is (`share`, `days`, `weight`).
  public let unit: String
  /// The values the scenario format accepts.
  public let range: ClosedRange<Double>
  /// The default, as the docs state it (`0.85 per category`).
  public let defaultText: String
  /// Where the default comes from, and how far it may plausibly be wrong.
  public let basis: ParameterBasis
  /// Which outcomes the parameter can reach (sensitivity varies only those that reach the
  /// question's metric by default).
  public let reach: Reach
  /// Why the key cannot be swept on its own (its values must sum to 1, say), or `nil`.
  public let notSweepable: String?
  /// Whether a scenario file may write the key (`false`: a sweep shorthand for several keys).
  public let isScenarioKey: Bool
  /// Changes the value(s) the key stands for under `binding`: one index list per placeholder.
  let update: @Sendable (inout ExperimentSpec, ParameterBinding, (Double) -> Double) -> Void

  /// Whole or real numbers.
  public enum Kind: String, Sendable { case real, whole }

  /// The outcomes a parameter reaches.
  public enum Reach: String, Sendable {
    /// The feed and everything measured on it (exposure, time, engagement, data).
    case feed
    /// Ads and commercial content only.
    case ads
    /// Contact, settings after sign-up, consent and tracking only.
    case platform
    /// The size of the experiment, not a claim about the world.
    case size
  }

  init(
    _ path: String, _ kind: Kind = .real, unit: String, range: ClosedRange<Double>,
    default defaultText: String, _ basis: ParameterBasis, reach: Reach = .feed,
    notSweepable: String? = nil, isScenarioKey: Bool = true,
    update: @escaping @Sendable (inout ExperimentSpec, ParameterBinding, (Double) -> Double) -> Void
  ) {
    self.path = path
    self.kind = kind
    self.unit = unit
    self.range = range
    self.defaultText = defaultText
    self.basis = basis
    self.reach = reach
    self.notSweepable = notSweepable
    self.isScenarioKey = isScenarioKey
    self.update = update
  }

  /// The path's dotted parts.
  public var parts: [String] { path.split(separator: ".").map(String.init) }

  /// The scenario section the key belongs to (`catalogue`).
  public var section: String { parts.first ?? path }
}

/// Where a default comes from.
public struct ParameterBasis: Sendable {
  /// Empirical, calibrated, an assumption, or what the scenario chooses to compare.
  public let kind: Kind
  /// The source, or why the value was chosen.
  public let note: String
  /// How far the value may plausibly be wrong: `feedsafe sensitivity` varies it over this range.
  public let plausible: PlausibleRange?

  /// The kinds of basis.
  public enum Kind: String, Sendable {
    case source, calibrated, assumption
    /// A design choice of the scenario (its size, a feed's weights): varied only when asked.
    case choice
  }

  /// An empirical source, with the uncertainty it leaves, if any.
  static func source(_ note: String, plausible: PlausibleRange? = nil) -> Self {
    Self(kind: .source, note: note, plausible: plausible)
  }
  /// Calibrated on platform or behavioural data.
  static func calibrated(_ note: String) -> Self {
    Self(kind: .calibrated, note: note, plausible: nil)
  }
  /// No empirical source: chosen to be plausible, with the range over which it plausibly lies.
  static func assumption(_ plausible: PlausibleRange?, _ note: String = "") -> Self {
    Self(kind: .assumption, note: note, plausible: plausible)
  }
  /// What the scenario compares or chooses.
  static func choice(_ note: String = "") -> Self {
    Self(kind: .choice, note: note, plausible: nil)
  }
}

/// A plausible range: absolute values, or factors on the scenario's value(s) where the key
/// stands for several values that differ by design (sessions per day: children 3, adults 2).
public enum PlausibleRange: Sendable, Equatable {
  case values(ClosedRange<Double>)
  case factor(ClosedRange<Double>)

  /// The range's ends.
  public var bounds: ClosedRange<Double> {
    switch self {
    case .values(let range), .factor(let range): range
    }
  }

  /// How a value at `point` of the range changes the parameter.
  public var mode: ParameterValue.Mode {
    switch self {
    case .values: .set
    case .factor: .scale
    }
  }
}

/// The indices each placeholder of a parameter's path stands for, in order.
public typealias ParameterBinding = [[Int]]

/// One parameter set to a value at a concrete key path (`catalogue.gateway_weight = 1.3`), or
/// scaled by a factor (`population.bands.*.sessions_per_day × 0.5`).
public struct ParameterValue: Sendable, Equatable, Hashable, Codable {
  /// The concrete key path.
  public var path: String
  /// The value, or the factor.
  public var value: Double
  /// Set or scale.
  public var mode: Mode

  /// Set the value, or multiply the current value(s) by it.
  public enum Mode: String, Sendable, Codable { case set, scale }

  /// A parameter value.
  public init(path: String, value: Double, mode: Mode = .set) {
    self.path = path
    self.value = value
    self.mode = mode
  }

  /// `path=value` or `path×factor`.
  public var label: String {
    let number = ResultsFormatting.compact(value)
    return mode == .set ? "\(path)=\(number)" : "\(path)×\(number)"
  }
}

/// Number formatting shared by generated names.
public enum ResultsFormatting {
  /// The shortest text that reads back as `value` (`0.5`, `1`, `0.99`).
  public static func compact(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}

import FeedSafeCore

/// The factors of a sensitivity analysis: the registry's assumptions that apply to a scenario
/// (each over its plausible range), plus keys the user names with `--vary KEY[=LOW:HIGH]`.
public enum SensitivityFactors {
  /// Which assumptions to vary.
  public enum Selection: Sendable {
    /// Those whose mechanism can reach `metric` (feed metrics are untouched by contact rates).
    case reaching(Metric)
    case all
    /// None: only `--vary`.
    case none
  }

  /// A problem with the user's choice of factors.
  public struct Problem: Error, CustomStringConvertible, Sendable {
    public let description: String
  }

  /// The factors for `spec`, in registry order, then the `vary` keys not already among them.
  /// A `--vary` key replaces the range of an assumption of the same path.
  public static func factors(
    in spec: ExperimentSpec, selection: Selection, vary: [String]
  ) throws(Problem) -> [SensitivityPlan.Factor] {
    var factors: [SensitivityPlan.Factor] = []
    let reaches = reach(of: selection)
    for parameter in ParameterRegistry.all
    where parameter.basis.plausible != nil && reaches.contains(parameter.reach)
      && !parameter.path.contains("<feed>") && parameter.notSweepable == nil
    {
      let path = parameter.parts.map { $0.hasPrefix("<") ? "*" : $0 }.joined(separator: ".")
      guard case .success(let resolved) = ParameterRegistry.resolve(path, in: spec),
        !ParameterRegistry.values(of: resolved, in: spec).isEmpty,
        let plausible = parameter.basis.plausible
      else { continue }  // does not apply here (no segments; a method without that parameter)
      factors.append(factor(path, plausible.bounds, plausible.mode))
    }
    for text in vary {
      let chosen = try varied(text, in: spec)
      if let index = factors.firstIndex(where: { $0.path == chosen.path }) {
        factors[index] = chosen
      } else {
        factors.append(chosen)
      }
    }
    guard !factors.isEmpty else {
      throw Problem(description: "no factor to vary: name one with --vary KEY=LOW:HIGH")
    }
    return factors
  }

  /// `KEY=LOW:HIGH`, or `KEY` for its plausible range.
  private static func varied(_ text: String, in spec: ExperimentSpec) throws(Problem)
    -> SensitivityPlan.Factor
  {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    let path = parts.first ?? ""
    let resolved: ParameterRegistry.Resolved
    switch ParameterRegistry.resolve(path, in: spec) {
    case .failure(let problem):
      throw Problem(description: "--vary: " + ParameterNames.message(for: problem, path: path))
    case .success(let found): resolved = found
    }
    let parameter = resolved.parameter
    if let reason = parameter.notSweepable {
      throw Problem(description: "--vary: cannot vary '\(path)': \(reason)")
    }
    guard parts.count == 2 else {
      guard let plausible = parameter.basis.plausible else {
        throw Problem(
          description: "--vary: '\(path)' has no documented plausible range; give \(path)=LOW:HIGH")
      }
      return factor(path, plausible.bounds, plausible.mode)
    }
    let ends = parts[1].split(separator: ":", omittingEmptySubsequences: false).map {
      Double($0.trimmingCharacters(in: .whitespaces))
    }
    guard ends.count == 2, let low = ends[0], let high = ends[1], low.isFinite, high.isFinite,
      low < high
    else {
      throw Problem(description: "--vary: '\(text)' must be KEY=LOW:HIGH with LOW < HIGH")
    }
    guard parameter.range.contains(low), parameter.range.contains(high) else {
      let valid =
        "\(ResultsFormatting.compact(parameter.range.lowerBound))–\(ResultsFormatting.compact(parameter.range.upperBound))"
      throw Problem(
        description: "--vary: '\(path)' must stay within \(valid), got \(parts[1])")
    }
    return factor(path, low...high, .set)
  }

  private static func factor(
    _ path: String, _ bounds: ClosedRange<Double>, _ mode: ParameterValue.Mode
  ) -> SensitivityPlan.Factor {
    SensitivityPlan.Factor(
      path: path, low: bounds.lowerBound, high: bounds.upperBound, mode: mode)
  }

  private static func reach(of selection: Selection) -> Set<Parameter.Reach> {
    switch selection {
    case .none: []
    case .all: [.feed, .ads, .platform]
    case .reaching(let metric):
      feedMetrics.contains(metric)
        ? [.feed] : adMetrics.contains(metric) ? [.feed, .ads] : [.feed, .ads, .platform]
    }
  }

  /// Metrics measured on the organic feed: only feed mechanisms reach them.
  static let feedMetrics: Set<Metric> = [
    .exposurePerThousand, .exposuresPerHour, .reach, .minutesToFirst, .amplification, .drift,
    .streakP95, .minutesPerDay, .engagementsPerThousand, .completionShare,
    .overblockingPerThousand,
  ]
  /// Metrics of ads and commercial content.
  static let adMetrics: Set<Metric> = [
    .adsPerHour, .restrictedAdsPerThousandAds, .profiledAdsShare, .commercialContentPerThousand,
  ]
}

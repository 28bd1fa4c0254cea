import FeedSafeCore

extension RunStore {
  /// The run a `check` compares with: `latest-complete` (or `latest`) is the newest complete,
  /// whole run of the scenario `name` other than `current` (the run just made); anything else
  /// is a run reference. A shard holds part of a run's results and is never a baseline.
  public func baselineRun(_ reference: String, name: String, excluding current: String?) throws
    -> RunRecord
  {
    guard reference == "latest-complete" || reference == "latest" else {
      return try completeRun(reference)
    }
    guard
      let run = try runs().first(where: {
        $0.name == name && $0.status == .complete && $0.id != current && $0.shard == nil
      })
    else {
      throw StoreError(
        "no complete baseline run of '\(name)' in '\(path)'; run the scenario there first",
        isBadInput: true)
    }
    return run
  }
}

extension RunRecord {
  /// Throws unless the run has the arms, cohorts and harm categories of `spec`: a baseline of
  /// another shape cannot be compared metric by metric.
  public func requireShape(of spec: ExperimentSpec) throws {
    let cohorts = Cohorts(population: spec.population).names
    let categories = HarmMeasures(taxonomy: spec.taxonomy).names
    var differences: [String] = []
    if arms != spec.arms.map(\.name) {
      differences.append(
        "arms: baseline [\(arms.joined(separator: ", "))], new [\(spec.arms.map(\.name).joined(separator: ", "))]"
      )
    }
    if self.cohorts != cohorts { differences.append("cohorts differ") }
    if self.categories != categories { differences.append("harm categories differ") }
    guard differences.isEmpty else {
      throw StoreError(
        "baseline run \(id) has a different scenario shape: " + differences.joined(separator: "; "),
        isBadInput: true)
    }
  }
}

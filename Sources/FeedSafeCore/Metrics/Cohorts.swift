/// The groups of people metrics are reported for, by *true* age (DESIGN "Metrics"): each age band,
/// `children` (every band under 18), `all`, and `children_assessed_as_adult` (children the
/// platform's age assurance believes are adults — what age assurance misses).
public struct Cohorts: Sendable, Equatable {
  /// Cohort names, in reporting order: child bands first, then adult bands, then the groups.
  public let names: [String]
  private let bandCohort: [Int]
  private let childrenCohort: Int
  private let allCohort: Int
  private let missedCohort: Int
  private let bands: AgeBands

  /// The cohorts of `bands`.
  public init(bands: AgeBands) {
    self.bands = bands
    let bandNames = bands.names
    names = bandNames + ["children", "all", "children_assessed_as_adult"]
    bandCohort = Array(bandNames.indices)
    childrenCohort = bandNames.count
    allCohort = bandNames.count + 1
    missedCohort = bandNames.count + 2
  }

  /// Number of cohorts.
  public var count: Int { names.count }

  /// A bit mask of the cohorts a person with these bands belongs to.
  public func membership(trueBand: AgeBand, assessedBand: AgeBand) -> UInt32 {
    var mask: UInt32 = (1 << UInt32(bandCohort[trueBand.position])) | (1 << UInt32(allCohort))
    if bands.isChild(trueBand) {
      mask |= 1 << UInt32(childrenCohort)
      if !bands.isChild(assessedBand) { mask |= 1 << UInt32(missedCohort) }
    }
    return mask
  }

  /// Whether cohort `cohort` holds only children (the cohorts child-protection rules are about).
  public func isChildCohort(_ cohort: Int) -> Bool {
    if cohort < bands.count { return bands.isChild(AgeBand(cohort)) }
    return cohort == childrenCohort || cohort == missedCohort
  }
}

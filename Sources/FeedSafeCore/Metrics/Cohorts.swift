/// The groups of people metrics are reported for, by *true* age (DESIGN "Metrics"): each age band,
/// `children` (every band under 18), `all`, `children_assessed_as_adult` (children the platform's
/// age assurance believes are adults — what age assurance misses), `children_vulnerable` and
/// `children_not_vulnerable` (so a vulnerable-vs-standard ratio is read from one run), then
/// `children_<segment>` for each declared population segment and `new_accounts` when some people
/// join on day 0.
public struct Cohorts: Sendable, Equatable {
  /// Cohort names, in reporting order: child bands first, then adult bands, then the groups.
  public let names: [String]
  private let bands: AgeBands
  private let segmentCount: Int
  private let hasNewAccounts: Bool

  /// At most this many cohorts (a person's membership is a 32-bit mask).
  public static let maximumCount = 32

  /// The cohorts of a population with `bands`, `segments` (names, in declaration order) and,
  /// when `hasNewAccounts`, people who join on day 0.
  public init(bands: AgeBands, segments: [String] = [], hasNewAccounts: Bool = false) {
    self.bands = bands
    segmentCount = segments.count
    self.hasNewAccounts = hasNewAccounts
    names =
      bands.names
      + [
        Self.children, Self.everyone, Self.childrenAssessedAsAdult, Self.childrenVulnerable,
        Self.childrenNotVulnerable,
      ] + segments.map { "children_\($0)" } + (hasNewAccounts ? [Self.newAccounts] : [])
  }

  /// Every child (all under-18 bands): the cohort of the headline, gates and charts.
  public static let children = "children"
  /// Everyone.
  public static let everyone = "all"
  /// People who join on day 0.
  public static let newAccounts = "new_accounts"
  /// Children the platform's age assurance takes for adults.
  public static let childrenAssessedAsAdult = "children_assessed_as_adult"
  /// Vulnerable children, and the other children.
  public static let childrenVulnerable = "children_vulnerable"
  public static let childrenNotVulnerable = "children_not_vulnerable"

  /// The adult age bands among `cohorts` (those neither a child cohort in `childCohorts` nor a
  /// group of people of every age): found by role, so a scenario may name its bands freely.
  public static func adultBands(_ cohorts: [String], childCohorts: some Collection<String>)
    -> [String]
  {
    cohorts.filter { !childCohorts.contains($0) && $0 != everyone && $0 != newAccounts }
  }

  /// The cohorts of `population`.
  public init(population: PopulationSpec) {
    self.init(
      bands: population.bands, segments: population.segments.map(\.name),
      hasNewAccounts: population.bandSpecs.contains { $0.newAccountShare > 0 })
  }

  /// Number of cohorts.
  public var count: Int { names.count }

  private var childrenCohort: Int { bands.count }
  private var allCohort: Int { bands.count + 1 }
  private var missedCohort: Int { bands.count + 2 }
  private var vulnerableCohort: Int { bands.count + 3 }
  private var notVulnerableCohort: Int { bands.count + 4 }
  private var firstSegmentCohort: Int { bands.count + 5 }
  private var newAccountCohort: Int { firstSegmentCohort + segmentCount }

  /// A bit mask of the cohorts a person belongs to; `segment` is `nil` for none.
  public func membership(
    trueBand: AgeBand, assessedBand: AgeBand, isVulnerable: Bool = false, segment: Int? = nil,
    isNewAccount: Bool = false
  ) -> UInt32 {
    var mask: UInt32 = (1 << UInt32(trueBand.position)) | (1 << UInt32(allCohort))
    if bands.isChild(trueBand) {
      mask |= 1 << UInt32(childrenCohort)
      if !bands.isChild(assessedBand) { mask |= 1 << UInt32(missedCohort) }
      mask |= 1 << UInt32(isVulnerable ? vulnerableCohort : notVulnerableCohort)
      if let segment { mask |= 1 << UInt32(firstSegmentCohort + segment) }
    }
    if isNewAccount && hasNewAccounts { mask |= 1 << UInt32(newAccountCohort) }
    return mask
  }

  /// Whether cohort `cohort` holds only children (the cohorts child-protection rules are about).
  public func isChildCohort(_ cohort: Int) -> Bool {
    if cohort < bands.count { return bands.isChild(AgeBand(cohort)) }
    return cohort != allCohort && !(hasNewAccounts && cohort == newAccountCohort)
  }
}

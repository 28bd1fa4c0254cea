/// The synthetic population as built at sign-up, one column per attribute; row `i` is
/// `PersonIndex(i)`.
///
/// Built once per seed and shared read-only by every arm (common random numbers). What changes
/// during a run (interests, profile, follows) lives in ``AudienceState``, which starts from here.
public struct Population: Sendable {
  /// The age bands.
  public let bands: AgeBands
  /// Embedding dimensions of interest vectors.
  public let dimensionCount: Int
  /// The age-assurance method `assessedAge` was assessed with.
  public let ageAssurance: AgeAssurance
  /// Harm categories (columns of `susceptibility`).
  public var harmCount: Int { susceptibility.width }
  /// True age in years.
  public internal(set) var trueAge: ContiguousArray<Int16>
  /// Age declared at sign-up.
  public internal(set) var declaredAge: ContiguousArray<Int16>
  /// Age the platform believes under the population's default age-assurance method (an arm may
  /// use another method; see `Arm.ageAssurance`).
  public internal(set) var assessedAge: ContiguousArray<Int16>
  /// Band of the true age (cohorts are by true age).
  public internal(set) var trueBand: ContiguousArray<AgeBand>
  /// Band of `assessedAge`.
  public internal(set) var assessedBand: ContiguousArray<AgeBand>
  /// Whether the person is vulnerable.
  public internal(set) var isVulnerable: ContiguousArray<Bool>
  /// Susceptibility per harm category, a row of `harmCount` per person.
  public internal(set) var susceptibility: VectorRows
  /// Interests at sign-up: unit length, benign topics only, one row of `dimensionCount` per
  /// person.
  public internal(set) var interests: VectorRows
  /// Declared interests (topic positions), up to `maximum_declared_interests` per person.
  public internal(set) var declaredInterests: SlotRows<Int16>
  /// Creators followed at sign-up, up to `maximum_follows` per person.
  public internal(set) var follows: SlotRows<Int32>
  /// Whether the person moves away from each setting's default, `count × Setting.allCases.count`.
  public internal(set) var overridesDefault: ContiguousArray<Bool>
  /// Population segment of each person (`-1`: no segments declared).
  public internal(set) var segment: ContiguousArray<Int8>
  /// Whether each person is a new account, joining on the first measured day.
  public internal(set) var isNewAccount: ContiguousArray<Bool>
  /// Mean sessions per day.
  public internal(set) var sessionsPerDay: ContiguousArray<Float>
  /// Mean session length in minutes.
  public internal(set) var sessionMinutes: ContiguousArray<Float>

  /// The first row of the audit accounts, which follow the population (`count` when there are
  /// none). They belong to no cohort, so population metrics never count them.
  public internal(set) var auditStart = Int.max

  /// Number of people, audit accounts included.
  public var count: Int { trueAge.count }

  /// The stream key of each audit account: the first audit row plus its replica number, so
  /// replica `k` of every persona draws the same random numbers and two personas differ only by
  /// their definitions (common random numbers).
  public internal(set) var auditStreamKeys: ContiguousArray<Int32> = []

  /// Whether `person` is an audit account.
  @inline(__always)
  public func isAuditAccount(_ person: Int) -> Bool { person >= auditStart }

  /// The `person` its random streams are keyed by: itself, or for an audit account the key its
  /// replica shares with the same replica of every other persona.
  @inline(__always)
  public func streamKey(_ person: Int) -> Int {
    person < auditStart ? person : Int(auditStreamKeys[person - auditStart])
  }

  /// The value of `setting` for `person` when the policy's default is `defaultValue`: the default,
  /// unless this person is one of those who change it.
  @inlinable
  public func setting(_ setting: Setting, of person: Int, defaultValue: Bool) -> Bool {
    let column = Setting.allCases.firstIndex(of: setting) ?? 0
    return overridesDefault[person * Setting.allCases.count + column] ? !defaultValue : defaultValue
  }
}

extension Population {
  /// Appends the audit accounts of `audit` after the population: every replica of every persona,
  /// in declaration order. They sign up as new accounts with what the persona declares, follow no
  /// one, keep every setting's default (as audit protocols do) and draw from streams keyed by
  /// their own rows, so the population's draws never move.
  mutating func appendAuditAccounts(_ audit: AuditSpec, seed: UInt64) {
    auditStart = count
    let dims = dimensionCount
    for persona in audit.personas {
      for replica in 0..<persona.replicas {
        let key = auditStart + replica
        auditStreamKeys.append(Int32(key))
        let assessed = Self.assessedAge(
          trueAge: persona.age, declared: persona.declaredAge, method: ageAssurance, seed: seed,
          person: key)
        trueAge.append(Int16(persona.age))
        declaredAge.append(Int16(persona.declaredAge))
        assessedAge.append(Int16(assessed))
        trueBand.append(bands.band(ofAge: persona.age))
        assessedBand.append(bands.band(ofAge: assessed))
        isVulnerable.append(false)
        susceptibility.append(row: persona.susceptibility.map(Float.init))
        var own = [Float](repeating: 0, count: dims)
        let weight = 1 / Float(max(1, persona.declaredInterests.count)).squareRoot()
        for topic in persona.declaredInterests { own[topic] = weight }
        interests.append(row: own)
        declaredInterests.append(row: persona.declaredInterests.map { Int16($0) })
        follows.append(row: [])
        overridesDefault.append(contentsOf: repeatElement(false, count: Setting.allCases.count))
        segment.append(-1)
        isNewAccount.append(true)
        sessionsPerDay.append(1)
        sessionMinutes.append(Float(persona.minutesPerDay))
      }
    }
  }
}

/// Which persona and replica each audit account is, for the worker and the metrics.
struct AuditRoster: Sendable {
  /// The audit accounts' spec.
  let spec: AuditSpec
  /// The first audit row of the population.
  let start: Int
  /// Persona of each audit account (by account, `row - start`).
  let personaOf: ContiguousArray<Int16>
  /// Replica of each audit account within its persona.
  let replicaOf: ContiguousArray<Int32>

  init(spec: AuditSpec, population: Population) {
    self.spec = spec
    start = min(population.auditStart, population.count)
    var personaOf = ContiguousArray<Int16>()
    var replicaOf = ContiguousArray<Int32>()
    for (position, persona) in spec.personas.enumerated() {
      for replica in 0..<persona.replicas {
        personaOf.append(Int16(position))
        replicaOf.append(Int32(replica))
      }
    }
    self.personaOf = personaOf
    self.replicaOf = replicaOf
  }

  /// The persona of audit row `person`.
  @inline(__always)
  func persona(of person: Int) -> Persona { spec.personas[Int(personaOf[person - start])] }
}

import RealModule

extension Population {
  /// Builds the population for one seed. Each person draws from their own streams (age,
  /// interests, traits, setting choices, follows), so people never depend on each other or on
  /// any policy. Initial follows are creators of the person's declared interests.
  /// - Complexity: O(size × (dimensions + follows)).
  public static func build(spec: PopulationSpec, catalogue: Catalogue, seed: UInt64) -> Population {
    let dims = catalogue.dimensionCount
    let topicCount = catalogue.taxonomy.topics.count
    let harmCount = catalogue.taxonomy.harms.count
    let settings = Setting.allCases
    let creatorsByTopic = (0..<topicCount).map { topic in
      catalogue.creatorDimension.indices.filter { Int(catalogue.creatorDimension[$0]) == topic }
    }
    var p = Population(
      bands: spec.bands, dimensionCount: dims, ageAssurance: spec.ageAssurance,
      trueAge: [], declaredAge: [], assessedAge: [], trueBand: [], assessedBand: [],
      isVulnerable: [], susceptibility: VectorRows(width: harmCount),
      interests: VectorRows(width: dims),
      declaredInterests: SlotRows(width: spec.maximumDeclaredInterests),
      follows: SlotRows(width: spec.maximumFollows), overridesDefault: [], segment: [],
      isNewAccount: [],
      sessionsPerDay: [], sessionMinutes: [])
    let bandShares = spec.bandSpecs.map(\.share)
    for person in 0..<spec.size {
      var ageRng = RandomStream(seed: seed, purpose: .age, person: person)
      let band = AgeBand(Self.pick(bandShares, with: &ageRng))
      let bandSpec = spec.bandSpecs[band.position]
      let lowest = spec.bands.minimumAge(of: band)
      let highest = spec.bands.maximumAge(of: band) ?? max(lowest, 64)
      let trueAge = lowest + ageRng.index(below: highest - lowest + 1)
      let declaredAge = Self.declaredAge(trueAge: trueAge, band: bandSpec, rng: &ageRng)
      let assessed = Self.assessedAge(
        trueAge: trueAge, declared: declaredAge, method: spec.ageAssurance, seed: seed,
        person: person)
      p.trueAge.append(Int16(trueAge))
      p.declaredAge.append(Int16(declaredAge))
      p.assessedAge.append(Int16(assessed))
      p.trueBand.append(band)
      p.assessedBand.append(spec.bands.band(ofAge: assessed))

      var interestRng = RandomStream(seed: seed, purpose: .interests, person: person)
      var weights = bandSpec.topicPriors.map {
        interestRng.gamma(shape: max(1e-3, bandSpec.interestConcentration * $0))
      }
      let norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
      weights = weights.map { norm > 0 ? $0 / norm : 1 / Double(topicCount).squareRoot() }
      p.interests.append(
        row: weights.map(Float.init) + repeatElement(0, count: dims - topicCount))
      let declaredCount = 1 + interestRng.index(below: max(1, spec.maximumDeclaredInterests))
      let declared = Self.topTopics(weights, count: declaredCount)
      p.declaredInterests.append(row: declared.map { Int16($0) })

      var traitRng = RandomStream(seed: seed, purpose: .traits, person: person)
      let vulnerable = traitRng.bernoulli(bandSpec.vulnerableShare)
      p.isVulnerable.append(vulnerable)
      var susceptibility = vulnerable ? spec.vulnerableSusceptibility : spec.baseSusceptibility
      // Own streams, so declaring segments or new accounts never moves any other draw.
      var segmentRng = RandomStream(seed: seed, purpose: .segment, person: person)
      let segment =
        spec.segments.isEmpty ? -1 : Self.pick(spec.segments.map(\.share), with: &segmentRng)
      if segment >= 0 {
        let factors = spec.segments[segment].susceptibilityFactor
        susceptibility = susceptibility.indices.map { susceptibility[$0] * factors[$0] }
      }
      p.segment.append(Int8(segment))
      var joinRng = RandomStream(seed: seed, purpose: .accountAge, person: person)
      p.isNewAccount.append(joinRng.bernoulli(bandSpec.newAccountShare))
      p.susceptibility.append(row: susceptibility.map(Float.init))
      p.sessionsPerDay.append(Float(bandSpec.sessionsPerDay))
      p.sessionMinutes.append(Float(bandSpec.sessionMinutes))

      var settingRng = RandomStream(seed: seed, purpose: .settingChoice, person: person)
      for setting in settings {
        p.overridesDefault.append(!settingRng.bernoulli(spec.stickiness(of: setting)))
      }

      var followRng = RandomStream(seed: seed, purpose: .follows, person: person)
      var followed: [Int32] = []
      let wanted = min(spec.maximumFollows, followRng.poisson(mean: spec.initialFollows))
      for _ in 0..<wanted {
        let topic = declared[followRng.index(below: declared.count)]
        let pool = creatorsByTopic[topic]
        guard !pool.isEmpty else { continue }
        let creator = Int32(pool[followRng.index(below: pool.count)])
        if !followed.contains(creator) { followed.append(creator) }
      }
      p.follows.append(row: followed)
    }
    return p
  }

  /// An index drawn with probability proportional to `weights`.
  static func pick(_ weights: [Double], with rng: inout RandomStream) -> Int {
    let total = weights.reduce(0, +)
    var roll = rng.uniform() * total
    for (index, weight) in weights.enumerated() {
      if roll < weight { return index }
      roll -= weight
    }
    return weights.count - 1
  }

  /// The age declared at sign-up: the true age, or for a child who lies (`lieRate`), a false age
  /// that is adult (18–24) for a share `adultDeclaredShare` of liars and otherwise from 13, or one
  /// above the true age, to 17. Two parts, as Ofcom reports two figures for 8–12s: 60% have
  /// their own profile on a 13+ service, 23% have a user age of 18+.
  static func declaredAge(trueAge: Int, band: BandSpec, rng: inout RandomStream) -> Int {
    let lies = rng.bernoulli(band.lieRate)
    guard lies, trueAge < 18 else { return trueAge }
    let youngest = max(13, trueAge + 1)
    // No draw when every liar looks adult, so bands without the split keep their streams.
    let looksAdult =
      youngest > 17 || band.adultDeclaredShare >= 1 || rng.bernoulli(band.adultDeclaredShare)
    return looksAdult ? 18 + rng.index(below: 7) : youngest + rng.index(below: 18 - youngest)
  }

  /// The age the platform believes under `method` (see ``AgeAssurance``), drawn from the person's
  /// own age-assessment stream so every arm using the same method assesses them alike.
  public static func assessedAge(
    trueAge: Int, declared: Int, method: AgeAssurance, seed: UInt64, person: Int
  ) -> Int {
    var rng = RandomStream(seed: seed, purpose: .ageAssessment, person: person)
    switch method {
    case .selfDeclaration:
      return declared
    case .estimation(let meanAbsoluteError):
      // A normal error with standard deviation σ has mean absolute error σ·√(2/π).
      let sigma = meanAbsoluteError * (Double.pi / 2).squareRoot()
      return max(0, Int((Double(trueAge) + 0.5 + sigma * rng.normal()).rounded(.down)))
    case .verification(let failureRate):
      return rng.bernoulli(failureRate) ? declared : trueAge
    case .challengeAge(let meanAbsoluteError, let buffer, let failureRate):
      let sigma = meanAbsoluteError * (Double.pi / 2).squareRoot()
      let estimate = Double(trueAge) + 0.5 + sigma * rng.normal()
      let estimated = max(0, Int(estimate.rounded(.down)))
      // A claimed minor is never assessed older than their claim.
      guard declared >= 18 else { return min(estimated, declared) }
      guard estimate < 18 + buffer else { return estimated }
      // Below the challenge age: a document check decides (failing back to the declared age).
      return rng.bernoulli(failureRate) ? declared : trueAge
    }
  }

  /// Positions of the `count` largest weights, largest first (ties: lower position first).
  static func topTopics(_ weights: [Double], count: Int) -> [Int] {
    Array(weights.indices.sorted { (weights[$0], $1) > (weights[$1], $0) }.prefix(count))
  }
}

import Testing

@testable import FeedSafeCore

@Suite("Synthetic population")
struct PopulationTests {
  static func build(size: Int = 20_000, _ change: (inout PopulationSpec) -> Void = { _ in })
    -> Population
  {
    var spec = TinyWorld.spec(people: size, items: 2_000)
    change(&spec.population)
    let catalogue = Catalogue.build(
      spec: spec.catalogue, moderation: spec.moderation, seed: 5, horizonDays: 4)
    return Population.build(spec: spec.population, catalogue: catalogue, seed: 5)
  }

  @Test("band shares and true ages follow the spec")
  func bandShares() {
    let population = Self.build()
    let bands = AgeBands.standard
    for band in bands.all {
      let members = (0..<population.count).filter { population.trueBand[$0] == band }
      let share = Double(members.count) / Double(population.count)
      #expect(abs(share - Defaults.band(band.position, topics: Defaults.topics).share) < 0.01)
      #expect(members.allSatisfy { bands.band(ofAge: Int(population.trueAge[$0])) == band })
    }
  }

  @Test("children lie about their age at the configured rate, and self-declaration believes them")
  func lieRates() {
    let population = Self.build()
    let teens = (0..<population.count).filter { population.trueBand[$0] == AgeBand(1) }
    let liars = teens.filter { population.declaredAge[$0] >= 18 }
    #expect(abs(Double(liars.count) / Double(teens.count) - 0.32) < 0.03)
    #expect(
      (0..<population.count).allSatisfy { population.assessedAge[$0] == population.declaredAge[$0] }
    )
    let under13 = (0..<population.count).filter { population.trueBand[$0] == AgeBand(0) }
    let under13Liars = under13.filter { population.declaredAge[$0] >= 13 }
    #expect(abs(Double(under13Liars.count) / Double(under13.count) - 0.6) < 0.04)
  }

  @Test("60% of under-13s pass as 13 or older and 23% as adults, both Ofcom figures at once")
  func under13DeclaredAges() {
    let population = Self.build(size: 20_000)
    let under13 = (0..<population.count).filter { population.trueBand[$0] == AgeBand(0) }
    func share(_ test: (Int) -> Bool) -> Double {
      Double(under13.filter(test).count) / Double(under13.count)
    }
    #expect(abs(share { population.declaredAge[$0] >= 13 } - 0.6) < 0.04)
    #expect(abs(share { population.declaredAge[$0] >= 18 } - 0.23) < 0.04)
  }

  @Test("with a challenge age hardly any child passes as adult, where plain estimation lets many")
  func challengeAge() {
    func childrenAssessedAdult(_ method: AgeAssurance) -> Int {
      let population = Self.build { $0.ageAssurance = method }
      return (0..<population.count).filter {
        population.trueAge[$0] < 18 && population.assessedAge[$0] >= 18
      }.count
    }
    let plain = childrenAssessedAdult(.estimation(meanAbsoluteError: 1.5))
    let challenged = childrenAssessedAdult(
      .challengeAge(meanAbsoluteError: 1.5, challengeBuffer: 5, failureRate: 0))
    // Only a child who looks 23 or older (about 3 standard deviations for a 17-year-old) passes.
    #expect(plain > 100 && challenged * 20 < plain)
    // Adults below the challenge age go to the document check and are still assessed as adults.
    let population = Self.build {
      $0.ageAssurance = .challengeAge(meanAbsoluteError: 1.5, challengeBuffer: 5, failureRate: 0)
    }
    #expect(
      (0..<population.count).allSatisfy {
        population.trueAge[$0] < 18 || population.assessedAge[$0] >= 18
      })
  }

  @Test("verification without failures assesses the true age")
  func verification() {
    let population = Self.build(size: 2_000) { $0.ageAssurance = .verification(failureRate: 0) }
    #expect(
      (0..<population.count).allSatisfy { population.assessedAge[$0] == population.trueAge[$0] })
  }

  @Test("age estimation has the configured mean absolute error", arguments: [1.0, 3.0])
  func estimationError(meanAbsoluteError: Double) {
    let population = Self.build {
      $0.ageAssurance = .estimation(meanAbsoluteError: meanAbsoluteError)
    }
    let errors = (0..<population.count).map {
      abs(Double(population.assessedAge[$0]) - Double(population.trueAge[$0]))
    }
    let mean = errors.reduce(0, +) / Double(errors.count)
    // Rounding to whole years adds about 1/12 year² of variance: a small, known upward bias.
    #expect(abs(mean - meanAbsoluteError) < 0.12)
  }

  @Test(
    "interests are unit vectors on benign topics only, and declared interests are the strongest")
  func interests() {
    let population = Self.build(size: 500)
    let topics = Defaults.topics.count
    for person in 0..<population.count {
      let row = Array(population.interests.row(person))
      let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
      #expect(abs(norm - 1) < 1e-4)
      #expect(row[topics...].allSatisfy { $0 == 0 })
      let first = Int(population.declaredInterests[person, 0])
      #expect(row[first] == row[..<topics].max())
    }
  }

  @Test("stickiness is the share keeping each default")
  func stickiness() {
    let population = Self.build { $0.stickiness = [0.9, 0.5, 1, 0, 0.7] }
    let n = population.count
    for (index, setting) in Setting.allCases.enumerated() {
      let keep = (0..<n).filter { population.setting(setting, of: $0, defaultValue: true) }.count
      #expect(abs(Double(keep) / Double(n) - [0.9, 0.5, 1, 0, 0.7][index]) < 0.015)
    }
  }

  @Test("vulnerable people have the vulnerable susceptibility")
  func vulnerability() {
    let population = Self.build(size: 5_000)
    let vulnerable = (0..<population.count).filter { population.isVulnerable[$0] }
    let expected = 0.78 * 0.17 + 0.22 * 0.20  // adults' share and children's share, weighted
    #expect(abs(Double(vulnerable.count) / Double(population.count) - expected) < 0.015)
    #expect(vulnerable.allSatisfy { population.susceptibility[$0, 0] == 1.5 })
  }

  @Test("a population segment scales its members' susceptibility per harm category")
  func segmentsScaleSusceptibility() {
    let taxonomy = Defaults.taxonomy
    let eatingDisorder = taxonomy.harms.firstIndex { $0.name == "eating_disorder" } ?? 0
    var girls = Array(repeating: 1.0, count: taxonomy.harms.count)
    girls[eatingDisorder] = 2
    var boys = Array(repeating: 1.0, count: taxonomy.harms.count)
    boys[eatingDisorder] = 0
    let population = Self.build(size: 4_000) {
      $0.segments = [
        PopulationSegment(name: "girls", share: 0.5, susceptibilityFactor: girls),
        PopulationSegment(name: "boys", share: 0.5, susceptibilityFactor: boys),
      ]
    }
    let vulnerable = (0..<population.count).filter { population.isVulnerable[$0] }
    let inGirls = vulnerable.filter { population.segment[$0] == 0 }
    #expect(abs(Double(inGirls.count) / Double(vulnerable.count) - 0.5) < 0.05)
    for person in vulnerable {
      let factor = population.segment[person] == 0 ? 2.0 : 0.0
      #expect(population.susceptibility[person, eatingDisorder] == Float(1.5 * factor))
      #expect(population.susceptibility[person, 0] == 1.5)
    }
  }
}

import Testing

@testable import FeedSafeCore

@Suite("\"Not interested\" on what the platform can see")
struct NotInterestedTests {
  struct RecallStep: CustomTestStringConvertible, Sendable {
    let lower: Double
    let higher: Double
    var testDescription: String { "recall \(lower) → \(higher)" }
  }

  /// Children under the safer-feeds preset (filters plus "not interested") with every category's
  /// recall set to `recall`, nothing else changed.
  static func exposure(recall: Double) throws -> Double {
    var spec = TinyWorld.spec(
      people: 600, items: 3_000, days: 8, arms: [TinyWorld.arm("ofcom", .ofcomChildrenCodes)])
    spec.population.ageAssurance = .verification(failureRate: 0)
    spec.catalogue.prevalence = spec.catalogue.prevalence.map { _ in 0.02 }
    spec.moderation.recall = spec.moderation.recall.map { _ in recall }
    return try #require(TinyWorld.values(spec)["ofcom/42/children/any_harm/exposure_per_1k"])
  }

  @Test(
    "a higher recall never raises exposure when nothing else changes",
    arguments: [RecallStep(lower: 0.5, higher: 0.8), RecallStep(lower: 0.95, higher: 0.99)])
  func higherRecallNeverRaisesExposure(_ step: RecallStep) throws {
    #expect(try Self.exposure(recall: step.higher) <= Self.exposure(recall: step.lower))
  }

  @Test("a missed harmful item's \"not interested\" suppresses its theme, not its gateway topic")
  func missedItemSuppressesItsTheme() {
    let spec = TinyWorld.spec()
    var moderation = spec.moderation
    moderation.recall = moderation.recall.map { _ in 0 }
    let catalogue = Catalogue.build(
      spec: spec.catalogue, moderation: moderation, seed: 5, horizonDays: 4)
    let topics = catalogue.taxonomy.topics.count
    let harmful = (0..<catalogue.count).filter { catalogue.isHarmful($0) }
    #expect(!harmful.isEmpty)
    #expect(
      harmful.allSatisfy {
        catalogue.notInterestedDimension(of: $0) == topics + Int(catalogue.harm[$0])
      })
  }
}

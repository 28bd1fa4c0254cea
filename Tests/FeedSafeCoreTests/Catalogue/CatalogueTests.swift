import Testing

@testable import FeedSafeCore

@Suite("Synthetic catalogue and moderation")
struct CatalogueTests {
  static let spec = TinyWorld.spec(items: 40_000, days: 10)
  static let catalogue = Catalogue.build(
    spec: spec.catalogue, moderation: spec.moderation, seed: 9, horizonDays: 10)

  @Test("each harm category has its configured prevalence")
  func prevalence() {
    let catalogue = Self.catalogue
    for h in 0..<Self.spec.taxonomy.harms.count {
      let count = (0..<catalogue.count).filter { catalogue.harm[$0] == Int8(h) }.count
      #expect(abs(Double(count) / Double(catalogue.count) - 0.005) < 0.0015)
    }
  }

  @Test("harmful items sit near one of their gateway topics and on their harm theme")
  func gatewayAdjacency() {
    let catalogue = Self.catalogue
    let taxonomy = Self.spec.taxonomy
    for item in 0..<catalogue.count where catalogue.harm[item] >= 0 {
      let harm = Int(catalogue.harm[item])
      let topic = Int(catalogue.primaryTopic[item])
      #expect(taxonomy.harms[harm].gatewayTopics.contains(TopicIndex(topic)))
      #expect(catalogue.embedding[item, taxonomy.topics.count + harm] > 0.5)
      #expect(catalogue.embedding[item, topic] > 0.4)
    }
  }

  @Test("the classifier's recall and false-positive rate match the spec")
  func classifier() {
    let catalogue = Self.catalogue
    let harmful = (0..<catalogue.count).filter { catalogue.isHarmful($0) }
    let caught = harmful.filter { catalogue.predictedHarm[$0] == catalogue.harm[$0] }
    #expect(abs(Double(caught.count) / Double(harmful.count) - 0.85) < 0.03)
    #expect(
      harmful.allSatisfy {
        catalogue.predictedHarm[$0] == -1 || catalogue.predictedHarm[$0] == catalogue.harm[$0]
      })
    let benign = (0..<catalogue.count).filter { !catalogue.isHarmful($0) }
    let flagged = benign.filter { catalogue.predictedHarm[$0] >= 0 }
    #expect(abs(Double(flagged.count) / Double(benign.count) - 0.01) < 0.003)
  }

  @Test("items are in publication order and each bucket's published prefix grows by day")
  func publicationIndex() {
    let catalogue = Self.catalogue
    #expect(zip(catalogue.dayPublished, catalogue.dayPublished.dropFirst()).allSatisfy { $0 <= $1 })
    for day in 0..<10 {
      let published = catalogue.everything.publishedCount(0, by: day)
      #expect(published == catalogue.dayPublished.filter { $0 <= day }.count)
    }
    for dimension in 0..<catalogue.dimensionCount {
      let count = catalogue.byDimension.publishedCount(dimension, by: 9)
      for position in 0..<count {
        let item = catalogue.byDimension.item(dimension, at: position)
        let onTopic = Int(catalogue.primaryTopic[item]) == dimension
        let onTheme =
          catalogue.harm[item] >= 0
          && Self.spec.taxonomy.topics.count + Int(catalogue.harm[item]) == dimension
        #expect(onTopic || onTheme)
      }
    }
  }

  @Test("every item's creator makes content on the item's home topic or theme")
  func creators() {
    let catalogue = Self.catalogue
    let topics = Self.spec.taxonomy.topics.count
    for item in stride(from: 0, to: catalogue.count, by: 97) {
      let home =
        catalogue.harm[item] >= 0
        ? topics + Int(catalogue.harm[item]) : Int(catalogue.primaryTopic[item])
      #expect(Int(catalogue.creatorDimension[Int(catalogue.creator[item])]) == home)
    }
  }
}

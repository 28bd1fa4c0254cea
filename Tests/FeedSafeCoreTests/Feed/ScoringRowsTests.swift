import Testing

@testable import FeedSafeCore

@Suite("Scoring rows")
struct ScoringRowsTests {
  @Test("a scoring row is half a cache line and the rows start on one, so no row spans two")
  func rowsAreLineAligned() {
    #expect(MemoryLayout<ScoringRow>.stride == 32)
    let world = World(spec: TinyWorld.spec(people: 10, items: 300), seed: 1)
    for _ in 0..<8 {
      let rows = ScoringRows(
        catalogue: world.catalogue,
        statistics: EngagementStatistics(
          itemCount: world.catalogue.count, segmentCount: 2, learning: .standard),
        popularity: ContiguousArray(repeating: 0, count: world.catalogue.count))
      #expect(rows.startsOnCacheLine)
    }
  }

  @Test("each row holds its item's catalogue columns and popularity, and an update rewrites them")
  func rowsCopyTheColumns() {
    let catalogue = World(spec: TinyWorld.spec(people: 10, items: 300), seed: 1).catalogue
    let statistics = EngagementStatistics(
      itemCount: catalogue.count, segmentCount: 2, learning: .standard)
    var rows = ScoringRows(
      catalogue: catalogue, statistics: statistics,
      popularity: ContiguousArray(repeating: 0, count: catalogue.count))
    let popularity = ContiguousArray((0..<catalogue.count).map { Int32($0 % 7) })
    rows.update(catalogue: catalogue, statistics: statistics, popularity: popularity)
    for item in 0..<catalogue.count {
      let row = rows[item]
      #expect(row.popularity == popularity[item])
      #expect(row.dayPublished == catalogue.dayPublished[item])
      #expect(row.appeal.bitPattern == catalogue.appeal[item].bitPattern)
      #expect(row.primaryTopic == catalogue.primaryTopic[item])
      #expect(row.predictedHarm == catalogue.predictedHarm[item])
      #expect(row.harm == catalogue.harm[item])
      #expect(row.watchRate.bitPattern == statistics.itemRates[item].watch.bitPattern)
    }
  }
}

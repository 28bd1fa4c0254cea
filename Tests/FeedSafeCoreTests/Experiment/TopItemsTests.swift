import Testing

@testable import FeedSafeCore

@Suite("Selecting the top items")
struct TopItemsTests {
  @Test(
    "the bounded heap returns exactly the prefix of a full sort, ties by lower row",
    arguments: [1, 7, 200, 5_000])
  func matchesFullSort(count: Int) {
    var rng = RandomStream(seed: UInt64(count), purpose: .items)
    // Few distinct keys, so ties are common.
    let keys = (0..<3_000).map { _ in Float(rng.index(below: 40)) }
    var generator = Xoshiro256StarStar(seed: UInt64(count))
    let rows = Array(0..<3_000).shuffled(using: &generator)  // arrival order must not matter
    let full = rows.sorted { (keys[$0], $1) > (keys[$1], $0) }
    #expect(
      TopItems.select(count: count, from: rows, key: { keys[$0] }) == Array(full.prefix(count)))
  }
}

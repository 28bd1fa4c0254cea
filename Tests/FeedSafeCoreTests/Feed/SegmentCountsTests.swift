import Testing

@testable import FeedSafeCore

@Suite("Segment counts, sparse then dense")
struct SegmentCountsTests {
  /// The same responses and daily scalings applied to ``SegmentCounts`` and to a plain dense
  /// array: every pair must read the same, bit for bit, before and after the move to dense.
  @Test(
    "sparse and dense counts are bit-identical to a plain array through adds, scalings and the move"
  )
  func matchesPlainArray() {
    let items = 5_000
    let segments = 3
    var counts = SegmentCounts(itemCount: items, segmentCount: segments)
    var plain = ContiguousArray(repeating: ResponseCounts(), count: items * segments)
    var rng = RandomStream(seed: 7, purpose: .engagement, person: 0, day: 0)
    var sawSparse = false
    func expectSame() {
      for segment in 0..<segments {
        for item in 0..<items {
          let a = counts[segment, item]
          let b = plain[segment * items + item]
          guard a.impressions.bitPattern == b.impressions.bitPattern,
            a.watched.bitPattern == b.watched.bitPattern,
            a.engaged.bitPattern == b.engaged.bitPattern
          else {
            Issue.record("segment \(segment), item \(item): \(a) vs \(b)")
            return
          }
        }
      }
    }
    for day in 0..<12 {
      counts.scale(by: 0.8)
      for i in plain.indices { plain[i].scale(by: 0.8) }
      for _ in 0..<(day < 3 ? 300 : 2_000) {
        let segment = rng.index(below: segments)
        let item = rng.index(below: items)
        let watched = rng.bernoulli(0.5)
        let engaged = watched && rng.bernoulli(0.2)
        counts.add(segment: segment, item: item, watched: watched, engaged: engaged)
        plain[segment * items + item].add(watched: watched, engaged: engaged)
      }
      if !counts.isDense { sawSparse = true }
      expectSame()
    }
    #expect(sawSparse, "the first days fit the table")
    #expect(counts.isDense, "once most pairs are seen the counts are dense")
  }

  @Test("a pair never seen reads zero, and a catalogue too small for a table starts dense")
  func unseenPairsAndSmallCatalogues() {
    var counts = SegmentCounts(itemCount: 1_000_000, segmentCount: 21)
    counts.add(segment: 20, item: 999_999, watched: true, engaged: false)
    #expect(!counts.isDense)
    #expect(counts[20, 999_999].watched == 1)
    #expect(counts[0, 999_999].impressions == 0)
    #expect(SegmentCounts(itemCount: 10, segmentCount: 3).isDense)
  }
}

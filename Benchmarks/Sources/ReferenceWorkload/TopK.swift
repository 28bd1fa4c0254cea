/// The best `k` (score, item) pairs seen so far for each of up to `slots` users.
///
/// Each slot is a binary min-heap of `k` entries, so the k-th best score (the root) is the
/// threshold an item must beat, and admitting an item costs O(log k). Items are offered in
/// catalogue or candidate order, so the fast kernels and their safe twins, which offer the same
/// scores in the same order, end with the same page. Scores start at -infinity, so padding items
/// (scored -infinity) never enter.
struct TopK: Sendable {
  /// Entries per user (the page size).
  let k: Int
  var scores: [Float]
  var items: [Int32]

  init(k: Int, slots: Int) {
    self.k = k
    scores = [Float](repeating: -.infinity, count: k * slots)
    items = [Int32](repeating: 0, count: k * slots)
  }

  /// Empties every slot.
  mutating func reset() {
    for index in scores.indices { scores[index] = -.infinity }
  }

  /// The k-th best score in `slot`: an item must beat it to enter.
  func threshold(slot: Int) -> Float { scores[slot * k] }

  /// Offers one item to `slot`'s list.
  @inline(__always)
  mutating func offer(slot: Int, score: Float, item: Int) {
    if score > threshold(slot: slot) { replaceWeakest(slot: slot, score: score, item: item) }
  }

  /// Offers 16 consecutive items `firstItem ..< firstItem + 16`, lane by lane, in order.
  mutating func offer(slot: Int, scores lanes: SIMD16<Float>, firstItem: Int) {
    for lane in 0..<16 { offer(slot: slot, score: lanes[lane], item: firstItem + lane) }
  }

  /// Writes `slot`'s page, best first (ties by lower item index), to `page[offset ..< offset + k]`.
  /// Sorts the slot's entries in place; `reset()` before reusing it.
  mutating func writePage(slot: Int, into page: inout [Int32], at offset: Int) {
    let base = slot * k
    for position in base + 1..<base + k {
      let score = scores[position]
      let item = items[position]
      var current = position
      while current > base
        && (scores[current - 1] < score
          || (scores[current - 1] == score && items[current - 1] > item))
      {
        scores[current] = scores[current - 1]
        items[current] = items[current - 1]
        current -= 1
      }
      scores[current] = score
      items[current] = item
    }
    for position in 0..<k { page[offset + position] = items[base + position] }
  }
}

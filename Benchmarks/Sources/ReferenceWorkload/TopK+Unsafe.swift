extension TopK {
  /// Puts the item at the root of `slot`'s heap (its weakest entry) and sifts it down.
  ///
  /// Safe because every index is `slot × k + node` with `node < k` (children are checked
  /// against `k` before use) inside arrays of `slots × k` entries, and no pointer leaves the
  /// closures. The tests check the pages against a full sort of the offered scores.
  mutating func replaceWeakest(slot: Int, score: Float, item: Int) {
    let k = self.k
    scores.withUnsafeMutableBufferPointer { scoreBuffer in
      items.withUnsafeMutableBufferPointer { itemBuffer in
        guard let scoreBase = scoreBuffer.baseAddress, let itemBase = itemBuffer.baseAddress else {
          return
        }
        let scores = scoreBase + slot * k
        let items = itemBase + slot * k
        var node = 0
        while true {
          let left = 2 * node + 1
          guard left < k else { break }
          let right = left + 1
          let smaller = right < k && scores[right] < scores[left] ? right : left
          guard scores[smaller] < score else { break }
          scores[node] = scores[smaller]
          items[node] = items[smaller]
          node = smaller
        }
        scores[node] = score
        items[node] = Int32(item)
      }
    }
  }
}

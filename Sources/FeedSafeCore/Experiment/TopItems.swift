/// The `count` best items by a key: highest key first, lower row first on ties — the same order
/// as sorting everything, found with a bounded heap in O(n log count) instead of O(n log n), so
/// the daily trending list does not cost a full sort of a large catalogue.
enum TopItems {
  /// Whether `a` ranks before `b`.
  @inline(__always)
  static func ranksBefore(_ a: (key: Float, row: Int), _ b: (key: Float, row: Int)) -> Bool {
    a.key > b.key || (a.key == b.key && a.row < b.row)
  }

  /// The best `count` of `rows` (each with its key), best first.
  static func select(count: Int, from rows: some Sequence<Int>, key: (Int) -> Float) -> [Int] {
    guard count > 0 else { return [] }
    // A heap whose root is the worst item kept.
    var heap: [(key: Float, row: Int)] = []
    heap.reserveCapacity(count)
    for row in rows {
      let entry = (key: key(row), row: row)
      if heap.count < count {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
          let parent = (child - 1) / 2
          guard ranksBefore(heap[parent], heap[child]) else { break }
          heap.swapAt(parent, child)
          child = parent
        }
      } else if ranksBefore(entry, heap[0]) {
        heap[0] = entry
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var worst = parent
          if left < heap.count && ranksBefore(heap[worst], heap[left]) { worst = left }
          if right < heap.count && ranksBefore(heap[worst], heap[right]) { worst = right }
          guard worst != parent else { break }
          heap.swapAt(parent, worst)
          parent = worst
        }
      }
    }
    return heap.sorted { ranksBefore($0, $1) }.map(\.row)
  }
}

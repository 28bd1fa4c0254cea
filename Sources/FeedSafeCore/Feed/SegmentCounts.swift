/// The decayed responses of each audience segment to each item (``EngagementStatistics``), held
/// sparsely while few (segment, item) pairs have any and densely once most would.
///
/// Dense, the counts take segments × items × 16 bytes: 336 MB at 1M items and 21 dimensions,
/// zeroed when an arm starts and scaled every day, although a day of 10k people responds to a
/// small share of the pairs. Zeroing that array was the largest single cost an arm's set-up adds
/// with the catalogue (`Benchmarks/RESULTS.md`, "Catalogue size"). So the counts start in an
/// open-addressing table of the pairs seen (linear probing, 16-byte entries) and move to the
/// dense array when the table would take half of its memory. Either way a pair's counts go through the same
/// additions and daily scalings in the same order, so the values, and every metric, are bit for
/// bit the same whichever representation holds them.
struct SegmentCounts: Sendable {
  let itemCount: Int
  let segmentCount: Int
  /// The pairs seen and their counts, while sparse; a slot's ``ResponseCounts/key`` is its pair
  /// + 1, 0 where it is empty.
  private var table: ContiguousArray<ResponseCounts>
  /// How many slots of `table` are filled.
  private var filled = 0
  /// All counts, `segment × itemCount + item`, once dense (empty before).
  private(set) var dense: ContiguousArray<ResponseCounts> = []

  /// The table grows (to half full) once more than this share of its slots is filled; linear
  /// probing then needs about 1.8 probes to find a pair and 3.6 to miss one.
  private static let maximumLoad = 0.6

  /// Nothing counted yet.
  init(itemCount: Int, segmentCount: Int) {
    self.itemCount = itemCount
    self.segmentCount = segmentCount
    table = ContiguousArray(repeating: ResponseCounts(), count: 1_024)
    if Self.prefersDense(capacity: table.count, pairs: itemCount * segmentCount) { makeDense() }
  }

  /// Whether the counts are held densely.
  var isDense: Bool { !dense.isEmpty }

  /// The counts of `segment` for `item` (zero where nothing was seen).
  @inline(__always)
  subscript(segment: Int, item: Int) -> ResponseCounts {
    let pair = segment &* itemCount &+ item
    if !dense.isEmpty { return dense[pair] }
    let key = Int32(truncatingIfNeeded: pair &+ 1)
    var slot = Self.home(of: pair, capacity: table.count)
    while true {
      let entry = table[slot]
      if entry.key == key { return entry }
      if entry.key == 0 { return ResponseCounts() }
      slot = slot &+ 1 == table.count ? 0 : slot &+ 1
    }
  }

  /// Adds one response of a person of `segment` to `item`.
  mutating func add(segment: Int, item: Int, watched: Bool, engaged: Bool) {
    let pair = segment * itemCount + item
    if !dense.isEmpty {
      dense[pair].add(watched: watched, engaged: engaged)
      return
    }
    if Double(filled + 1) > Self.maximumLoad * Double(table.count) {
      grow(toHold: filled + 1)
      if !dense.isEmpty {
        dense[pair].add(watched: watched, engaged: engaged)
        return
      }
    }
    let slot = self.slot(of: pair)
    if table[slot].key == 0 {
      table[slot].key = Int32(pair + 1)
      filled += 1
    }
    table[slot].add(watched: watched, engaged: engaged)
  }

  /// Makes room for `additional` more pairs at once, so a day's fold resizes the table once
  /// instead of again and again (or goes dense, if a table that large would not pay).
  mutating func reserve(_ additional: Int) {
    guard dense.isEmpty, Double(filled + additional) > Self.maximumLoad * Double(table.count)
    else { return }
    grow(toHold: filled + additional)
  }

  /// Scales every count by `factor` (the day's forgetting).
  mutating func scale(by factor: Float) {
    if !dense.isEmpty {
      for i in dense.indices { dense[i].scale(by: factor) }
    } else {
      for i in table.indices where table[i].key != 0 { table[i].scale(by: factor) }
    }
  }

  /// The slot holding `pair`, or the empty slot where it goes.
  private func slot(of pair: Int) -> Int {
    let key = Int32(pair + 1)
    var slot = Self.home(of: pair, capacity: table.count)
    while table[slot].key != 0 && table[slot].key != key {
      slot = slot + 1 == table.count ? 0 : slot + 1
    }
    return slot
  }

  /// A table with room for `pairs` pairs at half load, or the dense array if that is smaller.
  private mutating func grow(toHold pairs: Int) {
    let capacity = max(table.count, 2 * pairs)
    if Self.prefersDense(capacity: capacity, pairs: itemCount * segmentCount) {
      makeDense()
      return
    }
    let old = table
    table = ContiguousArray(repeating: ResponseCounts(), count: capacity)
    for entry in old where entry.key != 0 { table[slot(of: Int(entry.key) - 1)] = entry }
  }

  private mutating func makeDense() {
    dense = ContiguousArray(repeating: ResponseCounts(), count: max(1, itemCount * segmentCount))
    for entry in table where entry.key != 0 {
      var counts = entry
      counts.key = 0
      dense[Int(entry.key) - 1] = counts
    }
    table = []
    filled = 0
  }

  /// Whether a table of `capacity` slots would take more than half the memory of the dense
  /// array (or its keys would not fit 32 bits). Half, so that moving to dense, which holds both
  /// for a moment, peaks at 1.5 × the dense array (``MemoryEstimate`` counts on it).
  private static func prefersDense(capacity: Int, pairs: Int) -> Bool {
    2 * capacity > pairs || pairs >= Int(Int32.max)
  }

  /// The first slot to probe for `pair`: Fibonacci hashing, mapped onto the capacity by a
  /// multiply-shift (which needs no power-of-two capacity).
  @inline(__always)
  private static func home(of pair: Int, capacity: Int) -> Int {
    let hash = (UInt64(truncatingIfNeeded: pair) &* 0x9E37_79B9_7F4A_7C15) >> 32
    return Int(truncatingIfNeeded: (hash &* UInt64(truncatingIfNeeded: capacity)) >> 32)
  }
}

/// A set of item rows that empties in constant time: an open-addressing hash table (linear
/// probing) whose slots remember the generation they were filled in, so `removeAll()` only starts
/// a new generation.
///
/// Page building uses two of them, the page's candidates and the session's viewed items, instead
/// of a stamp per catalogue item: such a column is as long as the catalogue (8 bytes per item and
/// worker), and with 1M items each check read a random row that had left every cache level
/// (`Benchmarks/RESULTS.md`, "Default engine, catalogue size"). A page has tens of candidates and
/// a session hundreds of views, so these tables stay in the L1 cache whatever the catalogue size.
/// The table doubles when half full and keeps its capacity, so the steady state allocates nothing.
struct ItemSet: Sendable {
  private struct Slot: Sendable {
    var item: Int32 = 0
    /// The generation the slot was filled in; 0 never is, so a fresh slot is empty.
    var generation: UInt32 = 0
  }

  private var slots: ContiguousArray<Slot>
  private var generation: UInt32 = 1
  private var count = 0

  /// An empty set with room for about `capacity` items before it first grows.
  init(capacity: Int) {
    var size = 16
    while size < 2 * capacity { size *= 2 }
    slots = ContiguousArray(repeating: Slot(), count: size)
  }

  /// Whether `item` is in the set.
  @inline(__always)
  func contains(_ item: Int) -> Bool {
    var slot = home(of: item)
    while slots[slot].generation == generation {
      if slots[slot].item == Int32(item) { return true }
      slot = (slot + 1) & (slots.count - 1)
    }
    return false
  }

  /// Adds `item`; returns `false` if it was already in the set.
  @inline(__always)
  mutating func insert(_ item: Int) -> Bool {
    var slot = home(of: item)
    while slots[slot].generation == generation {
      if slots[slot].item == Int32(item) { return false }
      slot = (slot + 1) & (slots.count - 1)
    }
    slots[slot] = Slot(item: Int32(item), generation: generation)
    count += 1
    if 2 * count > slots.count { grow() }
    return true
  }

  /// Empties the set in O(1) (O(capacity) once every 2³² calls, when the generation wraps).
  mutating func removeAll() {
    count = 0
    generation &+= 1
    if generation == 0 {
      for slot in slots.indices { slots[slot].generation = 0 }
      generation = 1
    }
  }

  /// The slot probing starts from: the low bits of `item × 2³²/φ` (an odd multiplier permutes
  /// them, so neighbouring rows land far apart).
  @inline(__always)
  private func home(of item: Int) -> Int {
    Int((UInt64(UInt32(truncatingIfNeeded: item)) &* 0x9E37_79B9) & UInt64(slots.count - 1))
  }

  /// Doubles the table and reinserts this generation's items.
  private mutating func grow() {
    let old = slots
    slots = ContiguousArray(repeating: Slot(), count: 2 * old.count)
    count = 0
    for slot in old where slot.generation == generation { _ = insert(Int(slot.item)) }
  }
}

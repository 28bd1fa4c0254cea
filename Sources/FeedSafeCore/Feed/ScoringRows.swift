/// The day's ``ScoringRow``s, one per item, each 32 bytes from a 64-byte boundary, so reading a
/// candidate's row touches one cache line. An array of rows cannot promise that: its elements
/// start 16 bytes past a line, so half of its 32-byte rows would span two, and at 1M items
/// these reads are scoring's largest cost (`Benchmarks/RESULTS.md`, "Catalogue size").
///
/// The rows live in a byte array 64 bytes longer than they need, starting at its first 64-byte
/// boundary; the offset is worked out from the buffer's address at every access
/// (`ScoringRows+Unsafe.swift`), so it stays right if a copy moves the bytes: every change is
/// ``update(catalogue:statistics:popularity:)``, which rewrites every row.
struct ScoringRows: Sendable {
  /// Rows: one per catalogue item.
  let count: Int
  /// `count × 32 + 64` bytes; read and written only through the accessors.
  var bytes: ContiguousArray<UInt8>

  /// The rows of day 0.
  init(catalogue: Catalogue, statistics: EngagementStatistics, popularity: ContiguousArray<Int32>) {
    count = catalogue.count
    bytes = ContiguousArray(repeating: 0, count: count * Self.rowBytes + Self.lineBytes)
    update(catalogue: catalogue, statistics: statistics, popularity: popularity)
  }

  static let rowBytes = MemoryLayout<ScoringRow>.stride
  static let lineBytes = 64
}

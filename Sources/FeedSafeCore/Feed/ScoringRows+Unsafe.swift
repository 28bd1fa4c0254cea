extension ScoringRows {
  /// Item `item`'s row.
  ///
  /// Safe because `item` is checked against `count`, and row `item` occupies bytes
  /// `start + 32 × item ..< start + 32 × (item + 1)` with `start < 64`, inside the `count × 32 +
  /// 64` bytes; the pointer does not leave the closure.
  @inline(__always)
  subscript(item: Int) -> ScoringRow {
    precondition(item >= 0 && item < count, "item \(item) is outside the catalogue (\(count))")
    return bytes.withUnsafeBytes { buffer in
      buffer.load(
        fromByteOffset: Self.firstRow(in: buffer.baseAddress) + item * Self.rowBytes,
        as: ScoringRow.self)
    }
  }

  /// Whether row 0 starts a cache line, so that no row spans two (the tests check it).
  var startsOnCacheLine: Bool {
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return false }
      return Int(bitPattern: base + Self.firstRow(in: base)) % Self.lineBytes == 0
    }
  }

  /// Rebuilds every row from the catalogue, the learned rates and the popularity.
  ///
  /// Safe for the same bounds as the subscript (`item < count`); a trivial type, so storing over
  /// earlier bytes needs no deinitialisation.
  /// - Complexity: O(items), sequential.
  mutating func update(
    catalogue: Catalogue, statistics: EngagementStatistics, popularity: ContiguousArray<Int32>
  ) {
    precondition(catalogue.count == count, "the rows were made for another catalogue")
    let count = self.count
    bytes.withUnsafeMutableBytes { buffer in
      let start = Self.firstRow(in: UnsafeRawPointer(buffer.baseAddress))
      for item in 0..<count {
        buffer.storeBytes(
          of: ScoringRow(
            item: item, catalogue: catalogue, statistics: statistics, popularity: popularity),
          toByteOffset: start + item * Self.rowBytes, as: ScoringRow.self)
      }
    }
  }

  /// Bytes from `base` to the first 64-byte boundary at or after it (0 ..< 64).
  @inline(__always)
  private static func firstRow(in base: UnsafeRawPointer?) -> Int {
    (lineBytes - Int(bitPattern: base) % lineBytes) % lineBytes
  }
}

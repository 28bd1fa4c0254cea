/// Up to `width` ids per row, filled from the front, `-1` in the empty slots: each person's
/// declared interests (topics) and followed creators. The one home of `row × width + slot` for
/// them, as ``VectorRows`` is for vectors.
public struct SlotRows<Element: FixedWidthInteger & SignedInteger & Sendable>: Sendable,
  Equatable
{
  /// The ids, row-major: `rowCount × width`, `-1` where a slot is empty.
  public internal(set) var values: ContiguousArray<Element>
  /// Slots per row.
  public let width: Int

  /// No rows yet, `width` slots each.
  init(width: Int) {
    self.width = width
    values = []
  }

  /// A copy of rows `range` of `other`.
  init(rows range: Range<Int>, of other: SlotRows) {
    width = other.width
    values = ContiguousArray(
      other.values[(range.lowerBound * other.width)..<(range.upperBound * other.width)])
  }

  /// The id in slot `slot` of row `row` (`-1`: empty).
  @inline(__always)
  public subscript(row: Int, slot: Int) -> Element {
    get { values[row &* width &+ slot] }
    set { values[row &* width &+ slot] = newValue }
  }

  /// How many slots of row `row` are filled (they are the first ones).
  @inline(__always)
  public func filledCount(_ row: Int) -> Int {
    var filled = 0
    while filled < width && self[row, filled] >= 0 { filled += 1 }
    return filled
  }

  /// The filled slots of row `row`, in slot order.
  public func ids(_ row: Int) -> [Int] { (0..<filledCount(row)).map { Int(self[row, $0]) } }

  /// Appends a row holding the first `width` of `ids`, the rest of its slots empty.
  mutating func append(row ids: some Collection<Element>) {
    values.append(contentsOf: ids.prefix(width))
    values.append(contentsOf: repeatElement(-1, count: width - min(width, ids.count)))
  }
}

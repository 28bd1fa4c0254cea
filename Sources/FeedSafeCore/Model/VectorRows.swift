/// Vectors of one width stored row after row: an embedding per item, interests or an inferred
/// profile per person. The one home of `row × width + column`, so no file computes offsets by
/// hand, and of the vector arithmetic whose summation order the built-in ranker and the features
/// sent to external rankers must share (their scores are compared bit for bit).
public struct VectorRows: Sendable, Equatable {
  /// The values, row-major: `rowCount × width`.
  public internal(set) var values: ContiguousArray<Float>
  /// Values per row (the embedding dimensions).
  public let width: Int

  /// Rows of `width` values, `values` row after row.
  init(width: Int, values: ContiguousArray<Float> = []) {
    self.width = width
    self.values = values
  }

  /// `count` rows of zeros.
  init(zeros count: Int, width: Int) {
    self.init(width: width, values: ContiguousArray(repeating: 0, count: count * width))
  }

  /// A copy of rows `range` of `other`.
  init(rows range: Range<Int>, of other: VectorRows) {
    self.init(
      width: other.width,
      values: ContiguousArray(
        other.values[(range.lowerBound * other.width)..<(range.upperBound * other.width)]))
  }

  /// The number of rows.
  public var rowCount: Int { width > 0 ? values.count / width : 0 }

  /// Value `column` of row `row`.
  @inline(__always)
  public subscript(row: Int, column: Int) -> Float {
    get { values[row &* width &+ column] }
    set { values[row &* width &+ column] = newValue }
  }

  /// Row `row`'s values.
  public func row(_ row: Int) -> ArraySlice<Float> {
    values[(row * width)..<((row + 1) * width)]
  }

  /// Appends one row (`width` values).
  mutating func append<S: Sequence<Float>>(row: S) { values.append(contentsOf: row) }

  /// `Σ_d self[row, d] × other[otherRow, d]`, added in dimension order.
  @inline(__always)
  func dot(_ row: Int, _ other: VectorRows, _ otherRow: Int) -> Float {
    var sum: Float = 0
    for d in 0..<width { sum += self[row, d] * other[otherRow, d] }
    return sum
  }

  /// The sum of row `row`'s values, added in dimension order.
  func sum(_ row: Int) -> Float {
    var total: Float = 0
    for d in 0..<width { total += self[row, d] }
    return total
  }

  /// Moves row `row` a share `share` of the way toward `other`'s row `otherRow`:
  /// `(1 − share) × self + share × other`, value by value.
  @inline(__always)
  mutating func blend(_ row: Int, toward other: VectorRows, _ otherRow: Int, share: Float) {
    for d in 0..<width {
      self[row, d] = (1 - share) * self[row, d] + share * other[otherRow, d]
    }
  }

  /// ``blend(_:toward:_:share:)``, then row `row` scaled back to unit length (unless it is zero).
  mutating func blendKeepingUnitLength(
    _ row: Int, toward other: VectorRows, _ otherRow: Int, share: Float
  ) {
    blend(row, toward: other, otherRow, share: share)
    let norm = dot(row, self, row).squareRoot()
    if norm > 0 { for d in 0..<width { self[row, d] /= norm } }
  }
}

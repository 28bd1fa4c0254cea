import Testing

@testable import FeedSafeCore

@Suite("Vector rows: embeddings, interests and profiles")
struct VectorRowsTests {
  /// Three rows of width 4 whose rows differ, so a wrong offset shows; every value and every
  /// blend below is exact in binary, so the expectations are exact too.
  static let rows = VectorRows(
    width: 4, values: [0.5, 1, 1.5, 2, 1, 2, 3, 4, 0.5, 0.25, 0.125, 0.0625])

  @Test("row r, column d is value r × width + d, and a row copy starts at its own row")
  func indexing() {
    #expect(Self.rows.rowCount == 3)
    #expect(Self.rows[1, 2] == 3)
    #expect(Array(Self.rows.row(2)) == [0.5, 0.25, 0.125, 0.0625])
    let copy = VectorRows(rows: 1..<3, of: Self.rows)
    #expect(copy[0, 0] == 1 && copy[1, 3] == 0.0625)
  }

  @Test("a dot product adds its terms in dimension order, bit for bit as a hand loop does")
  func dotOrder() {
    var expected: Float = 0
    for d in 0..<4 { expected += Self.rows[0, d] * Self.rows[2, d] }
    #expect(Self.rows.dot(0, Self.rows, 2).bitPattern == expected.bitPattern)
  }

  @Test(
    "blending moves a row part of the way and leaves the other rows alone; the unit-length blend stays unit length"
  )
  func blend() {
    var rows = Self.rows
    rows.blend(0, toward: Self.rows, 1, share: 0.5)
    #expect(Array(rows.row(0)) == [0.75, 1.5, 2.25, 3])
    #expect(Array(rows.row(1)) == Array(Self.rows.row(1)))
    rows.blendKeepingUnitLength(2, toward: Self.rows, 1, share: 0.3)
    #expect(abs(rows.dot(2, rows, 2) - 1) < 1e-6)
  }
}

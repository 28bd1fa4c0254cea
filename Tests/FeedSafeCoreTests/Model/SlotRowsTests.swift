import Testing

@testable import FeedSafeCore

@Suite("Slot rows: declared interests and follows")
struct SlotRowsTests {
  @Test("a row keeps its first width ids and pads the rest with -1")
  func appendPadsAndTruncates() {
    var rows = SlotRows<Int32>(width: 3)
    rows.append(row: [7, 9])
    rows.append(row: [1, 2, 3, 4])
    rows.append(row: [])
    #expect(rows.values == [7, 9, -1, 1, 2, 3, -1, -1, -1])
    #expect(rows.filledCount(0) == 2 && rows.filledCount(1) == 3 && rows.filledCount(2) == 0)
    #expect(rows.ids(1) == [1, 2, 3])
    #expect(rows[1, 2] == 3)
  }

  @Test("a copy of some rows starts at row 0 and leaves the original unchanged when written")
  func copiedRows() {
    var rows = SlotRows<Int16>(width: 2)
    for id in Int16(0)..<4 { rows.append(row: [id]) }
    var copy = SlotRows(rows: 2..<4, of: rows)
    #expect(copy.ids(0) == [2] && copy.ids(1) == [3])
    copy[0, 1] = 5
    #expect(copy.ids(0) == [2, 5])
    #expect(rows.ids(2) == [2])
  }
}

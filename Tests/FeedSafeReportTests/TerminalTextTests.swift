import FeedSafeReport
import Testing

@Suite("Terminal text")
struct TerminalTextTests {
  @Test("control characters and bidirectional overrides are escaped, other text is unchanged")
  func sanitises() {
    #expect(TerminalText.sanitised("a\u{1B}[2Jb\u{7}\n") == "a\\u{1B}[2Jb\\u{7}\\n")
    #expect(TerminalText.sanitised("x\u{202E}y") == "x\\u{202E}y")
    #expect(TerminalText.sanitised("ico_default 儿童 🧒 café") == "ico_default 儿童 🧒 café")
  }

  @Test("display width counts wide characters and emoji as two columns, combining marks as none")
  func widths() {
    #expect(TerminalText.displayWidth("abc") == 3)
    #expect(TerminalText.displayWidth("儿童") == 4)
    #expect(TerminalText.displayWidth("🧒") == 2)
    #expect(TerminalText.displayWidth("👩‍👧") == 2)
    #expect(TerminalText.displayWidth("e\u{301}") == 1)
    #expect(TerminalText.displayWidth("한국") == 4)
  }

  @Test("a table with wide and emoji names keeps its columns aligned on screen")
  func alignedTable() {
    let text = TextTable.render(
      header: ["arm", "value"], rows: [["儿童 🧒", "1"], ["plain", "22"]], rightAligned: [1])
    let lines = text.split(separator: "\n").map(String.init)
    let widths = Set(lines.map(TerminalText.displayWidth))
    #expect(widths.count == 1, "\(lines)")
    #expect(lines[2] == "儿童 🧒      1")
  }

  @Test("a table never prints a cell's escape sequence raw")
  func sanitisedCells() {
    let text = TextTable.render(header: ["arm"], rows: [["\u{1B}[31mred"]])
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("\\u{1B}[31mred"))
  }
}

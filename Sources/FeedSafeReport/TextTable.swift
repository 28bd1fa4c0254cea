/// Aligned plain-text tables, the one layout every table the CLI prints uses: columns two spaces
/// apart, the header underlined with dashes, numbers right-aligned. Cells are sanitised
/// (``TerminalText/sanitised(_:)``) and padded by display width, so a name with an escape
/// sequence cannot reach the terminal raw and wide characters keep the columns aligned.
public enum TextTable {
  /// `header` and `rows` as aligned text. `rightAligned` columns are padded on the left;
  /// `decorate` may wrap a data row's finished line (e.g. in a terminal colour), given its index.
  public static func render(
    header: [String], rows: [[String]], rightAligned: Set<Int> = [], underlineHeader: Bool = true,
    decorate: (Int, String) -> String = { $1 }
  ) -> String {
    let all = ([header] + rows).map { $0.map(TerminalText.sanitised) }
    let widths = header.indices.map { column in
      all.map { TerminalText.displayWidth($0[column]) }.max() ?? 0
    }
    var output = ""
    for (index, line) in all.enumerated() {
      let cells = line.enumerated().map { column, cell in
        TerminalText.padded(cell, to: widths[column], leading: rightAligned.contains(column))
      }
      let text = cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
      output += (index == 0 ? text : decorate(index - 1, text)) + "\n"
      if index == 0 && underlineHeader {
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
      }
    }
    return output
  }

  /// The width default tables are kept within.
  public static let defaultWidth = 120

  /// Rows in titled sections under one header, columns aligned across sections: each section's
  /// title on its own line, then its rows indented by two spaces. When the columns after the
  /// first `fixedColumns` would make lines wider than `width`, they are wrapped: printed in as
  /// many blocks as needed, each repeating the fixed columns.
  public static func sections(
    header: [String], sections: [(title: String, rows: [[String]])], fixedColumns: Int,
    rightAligned: Set<Int> = [], width: Int = defaultWidth,
    decorate: (_ section: Int, _ row: Int, String) -> String = { $2 }
  ) -> String {
    let all = ([header] + sections.flatMap(\.rows)).map { $0.map(TerminalText.sanitised) }
    let widths = header.indices.map { column in
      all.map { TerminalText.displayWidth($0[column]) }.max() ?? 0
    }
    // Split the other columns into blocks that fit beside the fixed ones.
    let fixedWidth = 2 + widths.prefix(fixedColumns).reduce(0) { $0 + $1 + 2 }
    var blocks: [[Int]] = []
    for column in fixedColumns..<header.count {
      if let last = blocks.last,
        last.reduce(fixedWidth, { $0 + widths[$1] + 2 }) + widths[column] <= width
      {
        blocks[blocks.count - 1].append(column)
      } else {
        blocks.append([column])
      }
    }
    if blocks.isEmpty { blocks = [[]] }
    var output = ""
    for (blockIndex, block) in blocks.enumerated() {
      let columns = Array(0..<fixedColumns) + block
      func line(_ cells: [String]) -> String {
        columns.map { column in
          TerminalText.padded(
            cells[column], to: widths[column], leading: rightAligned.contains(column))
        }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
      }
      if blockIndex > 0 { output += "\n" }
      output += "  " + line(all[0]) + "\n"
      output +=
        "  " + columns.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ")
        + "\n"
      var offset = 1
      for (sectionIndex, section) in sections.enumerated() {
        output += TerminalText.sanitised(section.title) + "\n"
        for rowIndex in section.rows.indices {
          output += decorate(sectionIndex, rowIndex, "  " + line(all[offset + rowIndex])) + "\n"
        }
        offset += section.rows.count
      }
    }
    return output
  }
}

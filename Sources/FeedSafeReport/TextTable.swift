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
}

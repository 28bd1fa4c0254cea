import FeedSafeReport
import Foundation
import Testing

@Suite("The parameter table")
struct ParameterTableTests {
  @Test("docs/parameters.md is the registry's table as generated")
  func documentedTableIsCurrent() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let page = try String(
      contentsOf: root.appendingPathComponent("docs/parameters.md"), encoding: .utf8)
    #expect(
      page == ParameterTable.markdown(),
      "regenerate: feedsafe parameters --format markdown > docs/parameters.md")
  }

}

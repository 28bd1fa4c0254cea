import FeedSafeCore
import Foundation
import Testing

@testable import FeedSafeRanker

@Suite("the ranker code a run's provenance hashes")
struct RankerCodeTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  @Test("a Python ranker's files include the modules it imports from its folder, each once")
  func importedModulesAreHashed() {
    let script = Self.root + "/examples/rankers/for_you.py"
    let files = RankerCode.files(
      of: ExternalRankerCommand(arguments: ["python3", script])
    ).map { ($0.path as NSString).lastPathComponent }
    // for_you imports engagement and engagement_numpy, which imports engagement again; numpy,
    // json and sys are not files of the ranker.
    #expect(files == ["for_you.py", "engagement.py", "engagement_numpy.py"])
  }

  @Test("import lines give their top-level modules; other lines give none")
  func importLines() {
    let source = """
      import json, sys as system
      from engagement_numpy import score  # helper
      import numpy as np
      print("import nothing")
      # import commented
      """
    #expect(
      RankerCode.pythonImports(in: source) == ["json", "sys", "engagement_numpy", "numpy"])
  }
}

import FeedSafeScenario
import Foundation
import Testing

/// One file of `Tests/Fixtures/bad/`, with the exact messages `validate` must print beside it.
struct BadScenario: CustomTestStringConvertible, Sendable {
  let name: String
  let yaml: String
  let expectedMessage: String
  var testDescription: String { name }

  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/bad")

  static var all: [BadScenario] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".yaml") }.sorted().map { file in
      let base = String(file.dropLast(".yaml".count))
      let read = { (name: String) in
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
      }
      return BadScenario(
        name: file, yaml: read(file),
        expectedMessage: read(base + ".expected").trimmingCharacters(in: .newlines))
    }
  }
}

@Suite("Bad scenarios")
struct BadScenarioTests {
  @Test("the fixtures are all there", .tags(.fixtures))
  func fixturesPresent() {
    #expect(BadScenario.all.count >= 17)
    #expect(BadScenario.all.allSatisfy { !$0.expectedMessage.isEmpty })
  }

  @Test("a bad scenario is rejected with its exact, located message", arguments: BadScenario.all)
  func rejectsBadScenario(_ bad: BadScenario) throws {
    let error = try #require(throws: ScenarioError.self) {
      try Scenario.parse(bad.yaml, file: bad.name)
    }
    #expect(error.description == bad.expectedMessage)
  }

  @Test("the same external ranker is accepted once the person running FeedSafe allows rankers")
  func rankerAllowed() throws {
    let bad = try #require(BadScenario.all.first { $0.name == "ranker-not-allowed.yaml" })
    let scenario = try Scenario.parse(
      bad.yaml, file: bad.name, limits: .standard(allowingExternalRankers: true))
    #expect(scenario.spec.feeds.contains { $0.ranker != .weighted })
  }

  @Test("a missing file is reported with its path")
  func missingFile() throws {
    let error = try #require(throws: ScenarioError.self) {
      try Scenario.load(path: "/nonexistent/kids.yaml")
    }
    #expect(error.description == "/nonexistent/kids.yaml:1:1: error: no such file")
  }

  @Test("messages never show Swift type names or decoder paths", arguments: BadScenario.all)
  func noInternals(_ bad: BadScenario) {
    for word in ["DecodingError", "CodingKeys", "Swift.", "Optional(", "keyNotFound"] {
      #expect(!bad.expectedMessage.contains(word))
    }
  }
}

extension Tag {
  @Tag static var fixtures: Self
}

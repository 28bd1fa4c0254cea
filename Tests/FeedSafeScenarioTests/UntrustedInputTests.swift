import FeedSafeScenario
import Foundation
import Testing

/// A temporary folder tree for include tests, removed when the test ends.
struct TemporaryTree: ~Copyable {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "feedsafe-untrusted-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Writes `text` at `path` (relative to the root), creating folders; returns the full path.
  @discardableResult
  func write(_ path: String, _ text: String) throws -> String {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }
}

@Suite("Untrusted scenario input")
struct UntrustedInputTests {
  static let secret = "SECRET_TOKEN=hunter2"
  static let feed = "calm: {sources: {following: 10}}\n"

  static func scenario(including path: String) -> String {
    "name: includer\nfeeds:\n  include: \(path)\narms:\n  a: {}\n"
  }

  @Test("an include inside the scenario's folder is read")
  func includeInside() throws {
    let tree = try TemporaryTree()
    try tree.write("project/feeds/calm.yaml", Self.feed)
    let path = try tree.write("project/s.yaml", Self.scenario(including: "feeds/calm.yaml"))
    let scenario = try Scenario.load(path: path)
    #expect(scenario.spec.feeds.contains { $0.name == "calm" })
  }

  @Test("an include that climbs out of the folder is refused, located, without its content")
  func includeEscaping() throws {
    let tree = try TemporaryTree()
    try tree.write("outside/secrets.env", Self.secret)
    let path = try tree.write("project/s.yaml", Self.scenario(including: "../outside/secrets.env"))
    let error = try #require(throws: ScenarioError.self) { try Scenario.load(path: path) }
    #expect(
      error.description
        == "\(path):3:12: error: feed file '../outside/secrets.env' is outside the scenario's folder; "
        + "an included file must be inside it (pass --include-root DIR to allow another folder)")
    #expect(!error.description.contains("hunter2"))
  }

  @Test("a symlink inside the folder that points outside it is refused")
  func includeThroughSymlink() throws {
    let tree = try TemporaryTree()
    let secret = try tree.write("outside/secrets.env", Self.secret)
    let path = try tree.write("project/s.yaml", Self.scenario(including: "link.yaml"))
    try FileManager.default.createSymbolicLink(
      atPath: tree.root.appendingPathComponent("project/link.yaml").path,
      withDestinationPath: secret)
    let error = try #require(throws: ScenarioError.self) { try Scenario.load(path: path) }
    #expect(error.description.contains("feed file 'link.yaml' is outside the scenario's folder"))
    #expect(!error.description.contains("hunter2"))
  }

  @Test("an absolute include is refused unless an include root is given, and then must be in it")
  func includeAbsolute() throws {
    let tree = try TemporaryTree()
    let feed = try tree.write("shared/calm.yaml", Self.feed)
    let path = try tree.write("project/s.yaml", Self.scenario(including: feed))
    let error = try #require(throws: ScenarioError.self) { try Scenario.load(path: path) }
    #expect(error.description.contains("is an absolute path; includes are relative"))
    let widened = try Scenario.load(path: path, includeRoot: tree.root.path)
    #expect(widened.spec.feeds.contains { $0.name == "calm" })
    let elsewhere = try #require(throws: ScenarioError.self) {
      try Scenario.load(path: path, includeRoot: tree.root.appendingPathComponent("project").path)
    }
    #expect(elsewhere.description.contains("is outside the include root"))
  }

  @Test("a --feeds file outside the scenario's folder is refused")
  func overrideOutside() throws {
    let tree = try TemporaryTree()
    let secret = try tree.write("outside/secrets.env", Self.secret)
    let path = try tree.write("project/s.yaml", "name: x\narms:\n  a: {}\n")
    let error = try #require(throws: ScenarioError.self) {
      try Scenario.load(path: path, feedOverrides: [secret])
    }
    #expect(error.description.contains("is outside the scenario's folder"))
    #expect(!error.description.contains("hunter2"))
  }

  @Test("a value in a message is a short excerpt with control characters escaped")
  func excerptInMessages() throws {
    let value = "\u{1B}]0;pwned\u{7}" + String(repeating: "A", count: 10_000)
    let yaml =
      "name: x\nseed: \"\(value.replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "\u{7}", with: "\\a"))\"\narms:\n  a: {}\n"
    let error = try #require(throws: ScenarioError.self) {
      try Scenario.parse(yaml, file: "x.yaml")
    }
    #expect(
      error.description
        == "x.yaml:2:7: error: 'seed' must be a whole number, got '\\u{1B}]0;pwned\\u{7}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…'"
    )
  }

  @Test("a directory given as a scenario is reported as a directory")
  func directoryAsScenario() throws {
    let tree = try TemporaryTree()
    let error = try #require(throws: ScenarioError.self) {
      try Scenario.load(path: tree.root.path)
    }
    #expect(error.description == "\(tree.root.path):1:1: error: is a directory, not a YAML file")
  }

  @Test("a file over the size limit is refused without being read to the end")
  func fileTooLarge() throws {
    let tree = try TemporaryTree()
    let path = try tree.write("big.yaml", "name: big\n# " + String(repeating: "x", count: 2_000))
    let error = try #require(throws: ScenarioError.self) {
      try Scenario.load(path: path, limits: ScenarioLimits(fileBytes: 1_024))
    }
    #expect(
      error.description
        == "\(path):1:1: error: the file is larger than the limit of 1024 bytes (1 KiB)")
  }

  @Test("every limit can be lowered and reports where it was reached")
  func lowerLimits() throws {
    let cases: [(ScenarioLimits, String, String)] = [
      (
        ScenarioLimits(scalarBytes: 4), "name: abcdef\narms: {a: {}}\n",
        "x.yaml:1:7: error: a value of 6 bytes is longer than the limit of 4 bytes"
      ),
      (
        ScenarioLimits(depth: 2), "name: x\narms: {a: {b: {}}}\n",
        "x.yaml:2:11: error: lists and mappings nest more than 2 levels deep; the limit is 2"
      ),
      (
        ScenarioLimits(aliases: 1), "name: &n x\ndescription: *n\nseed: *n\narms: {a: {}}\n",
        "x.yaml:3:7: error: more than 1 aliases ('*name') in one file; the limit is 1"
      ),
    ]
    for (limits, yaml, expected) in cases {
      let error = try #require(throws: ScenarioError.self) {
        try Scenario.parse(yaml, file: "x.yaml", limits: limits)
      }
      #expect(error.description == expected)
    }
  }

  @Test("a file of nested anchors used as keys is refused in well under a second")
  func laughsAsKeysAreFast() throws {
    let fixture = BadScenario.all.first { $0.name == "aliases-as-keys.yaml" }
    let bad = try #require(fixture)
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = try? Scenario.parse(bad.yaml, file: bad.name) }
    #expect(elapsed < .milliseconds(250))
  }
}

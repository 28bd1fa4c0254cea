import Foundation
import Testing

@Suite("feedsafe check as a CI gate", .serialized)
struct CheckCommandTests {
  @Test("a broken rule exits 1 with a summary table and JUnit XML; a passing scenario exits 0")
  func exitCodes() throws {
    let folder = try StoreCommandTests.Folder()
    let junit = folder.url.appendingPathComponent("check.xml").path
    let failing = try CLI.run([
      "check", "Tests/Fixtures/check/rules.yaml", "--no-store", "-q", "--junit", junit,
    ])
    #expect(failing.status == 1, "\(failing.stderr)")
    #expect(failing.stdout.contains("no child ever sees harm"))
    #expect(failing.stdout.contains("FAIL"))
    #expect(failing.stdout.contains("check FAILED"))
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.contains("<testsuite name=\"check-fixture\" tests=\"2\" failures=\"1\""))
    let passing = try CLI.run([
      "check", "Tests/Fixtures/check/passing.yaml", "--no-store", "-q", "--format", "json",
    ])
    #expect(passing.status == 0, "\(passing.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(passing.stdout.utf8)) as? [String: Any])
    #expect(object["passed"] as? Bool == true)
  }

  @Test("a rule naming an unknown arm or metric is bad input, located in the file")
  func badRule() throws {
    let result = try CLI.run(["check", "Tests/Fixtures/check/bad-rule.yaml", "--no-store"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("bad-rule.yaml:5:10: error: unknown arm 'nobody'"))
    #expect(
      result.stderr.contains(
        "bad-rule.yaml:8:13: error: unknown metric 'exposure_per_1000'; did you mean 'exposure_per_1k'?"
      ))
  }

  @Test("a scenario with nothing to check is bad input")
  func nothingToCheck() throws {
    let result = try CLI.run(["check", "scenarios/quickstart.yaml", "--no-store"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("nothing to check"))
  }

  @Test("a baseline of another scenario shape is refused; the same scenario compares")
  func baselineShape() throws {
    let folder = try StoreCommandTests.Folder()
    let other = try CLI.run(
      ["run", "scenarios/safer-feeds.yaml"] + CLI.small + ["--db", folder.db])
    #expect(other.status == 0)
    let id = try #require(other.stderr.split(separator: " ").dropFirst().first.map(String.init))
    let refused = try CLI.run([
      "check", "Tests/Fixtures/check/passing.yaml", "--baseline", id, "--db", folder.db,
      "--no-store", "-q",
    ])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("different scenario shape"))
    #expect(
      try CLI.run(["run", "Tests/Fixtures/check/passing.yaml", "--db", folder.db, "-q"]).status == 0
    )
    let same = try CLI.run([
      "check", "Tests/Fixtures/check/passing.yaml", "--baseline", "latest-complete", "--db",
      folder.db, "-q",
    ])
    #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
    #expect(same.stdout.contains("vs baseline"))
    #expect(same.stdout.contains("(unchanged)"))
  }
}

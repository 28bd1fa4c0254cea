import Foundation
import Testing

@Suite("external rankers over the ranker protocol, as a user runs them")
struct ExternalRankerTests {
  /// A world small enough for a Python ranker to score every page in seconds.
  static let tiny = [
    "--people", "120", "--items", "1200", "--days", "2", "--burn-in", "1", "--seeds", "1",
    "--include-root", ".", "--allow-rankers",
  ]

  @Test("the Python engagement example gives metrics bit-identical to the built-in ranker")
  func pythonEngagementMatchesBuiltIn() throws {
    let common = ["run", "scenarios/quickstart.yaml", "--format", "json", "--no-store", "-q"]
    let builtIn = try CLI.run(common + Self.tiny + ["--threads", "1"])
    let external = try CLI.run(
      common + Self.tiny + ["--threads", "2", "--feeds", "examples/rankers/engagement.yaml"])
    #expect(builtIn.status == 0, "\(builtIn.stderr)")
    #expect(external.status == 0, "\(external.stderr)")
    #expect(!builtIn.stdout.isEmpty)
    #expect(external.stdout == builtIn.stdout)
  }

  /// Whether `python3` imports NumPy, which the protocol-2 example needs. CI sets
  /// `FEEDSAFE_REQUIRE_NUMPY` so that a missing NumPy fails there instead of skipping.
  static let numpyAvailable: Bool = {
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", "import numpy"]
    python.standardError = FileHandle.nullDevice
    guard (try? python.run()) != nil else { return false }
    python.waitUntilExit()
    return python.terminationStatus == 0
  }()

  static var numpyTestEnabled: Bool {
    numpyAvailable || ProcessInfo.processInfo.environment["FEEDSAFE_REQUIRE_NUMPY"] != nil
  }

  @Test(
    "the NumPy example over protocol 2 (candidates as columns) is bit-identical to the built-in ranker",
    .enabled(if: numpyTestEnabled))
  func numpyColumnsMatchBuiltIn() throws {
    try #require(Self.numpyAvailable, "FEEDSAFE_REQUIRE_NUMPY is set but python3 lacks numpy")
    let common = ["run", "scenarios/quickstart.yaml", "--format", "json", "--no-store", "-q"]
    let builtIn = try CLI.run(common + Self.tiny)
    let external = try CLI.run(
      common + Self.tiny + ["--verify-ranker", "--feeds", "examples/rankers/engagement-numpy.yaml"])
    #expect(builtIn.status == 0, "\(builtIn.stderr)")
    #expect(external.status == 0, "\(external.stderr)")
    #expect(!builtIn.stdout.isEmpty)
    #expect(external.stdout == builtIn.stdout)
  }

  struct Fault: CustomTestStringConvertible, Sendable {
    let mode: String
    let message: String
    var testDescription: String { "\(mode): \(message)" }
  }

  static let faults = [
    Fault(mode: "crash", message: "exited with status 4 before answering request 'd0.p"),
    Fault(mode: "hang", message: "within 0.5 s (set 'timeout_seconds'"),
    Fault(mode: "malformed", message: "the answer is not JSON: '{\"id\": \"d0.p"),
    Fault(mode: "unknown_id", message: "item 999999999 is not a candidate of this request"),
    Fault(mode: "non_finite", message: "has a non-finite score (NaN); scores must be finite"),
    Fault(mode: "short_columns", message: " candidates; expected {\"id\": \"d0.p"),
    Fault(mode: "protocol_3", message: "speaks protocol 3; FeedSafe speaks 1 and 2"),
  ]

  @Test(
    "a ranker that breaks the protocol fails the run with exit 3, a message naming the request, and no complete run",
    arguments: faults)
  func faultFailsTheRun(_ fault: Fault) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "feedsafe-ranker-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("runs.sqlite").path
    let result = try CLI.run(
      ["run", "scenarios/quickstart.yaml", "--db", db, "-q"] + Self.tiny + [
        "--feeds", "Tests/Fixtures/rankers/faulty-\(fault.mode).yaml",
      ])
    #expect(result.status == 3)
    #expect(result.stderr.contains("ranker of feed 'engagement'"), "\(result.stderr)")
    #expect(result.stderr.contains(fault.message), "\(result.stderr)")
    #expect(result.stderr.contains("is marked failed"), "\(result.stderr)")
    let runs = try CLI.run(["runs", "--db", db])
    #expect(runs.stdout.contains("failed"), "\(runs.stdout)")
    #expect(!runs.stdout.contains("complete"), "\(runs.stdout)")
  }

  @Test("without --allow-rankers a scenario naming a ranker is refused (exit 2) and nothing runs")
  func rankersNeedPermission() throws {
    let result = try CLI.run(
      ["run", "scenarios/quickstart.yaml", "--no-store", "-q"] + Self.tiny.dropLast() + [
        "--feeds", "Tests/Fixtures/rankers/faulty-crash.yaml",
      ])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains(
        "faulty-crash.yaml:5:14: error: '"),
      "\(result.stderr)")
    #expect(
      result.stderr.contains("ranker.command' would run 'python3 Tests/Fixtures/rankers/faulty.py"),
      "\(result.stderr)")
    #expect(result.stderr.contains("only with --allow-rankers"), "\(result.stderr)")
    #expect(!result.stderr.contains("faulty ranker: giving up"), "\(result.stderr)")
  }

  @Test("--verify-ranker fails a ranker that answers the same request differently")
  func verifyRankerCatchesImpurity() throws {
    let result = try CLI.run(
      ["run", "scenarios/quickstart.yaml", "--no-store", "-q", "--verify-ranker"] + Self.tiny + [
        "--feeds", "Tests/Fixtures/rankers/faulty-impure.yaml",
      ])
    #expect(result.status == 3)
    #expect(result.stderr.contains("is not deterministic: request 'd0.p"), "\(result.stderr)")
  }

  @Test("--verify-ranker passes the deterministic example, and the run stores its ranker")
  func verifyRankerPassesThePureExample() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "feedsafe-ranker-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("runs.sqlite").path
    let result = try CLI.run(
      ["run", "scenarios/quickstart.yaml", "--db", db, "-q", "--verify-ranker"] + Self.tiny + [
        "--feeds", "examples/rankers/engagement.yaml",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let runs = try CLI.run(["runs", "--db", db, "--detail"])
    #expect(runs.stdout.contains("examples/rankers/engagement.py"), "\(runs.stdout)")
  }
}

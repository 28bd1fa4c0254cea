import Foundation
import Testing

@Suite("Sweeps over any key and sensitivity analyses")
struct SensitivityCommandTests {
  static let oneLever = "Tests/Fixtures/sensitivity/one-lever.yaml"
  static let factors = [
    "--assumptions", "none", "--vary", "feeds.candidate.scoring.popularity=0:6", "--vary",
    "behaviour.follow_rate", "--vary", "catalogue.gateway_weight", "--samples", "4",
    "--baseline", "current", "--treatment", "changed", "--metric", "engagements_per_1k",
    "--cohort", "all", "--category", "all", "--quiet",
  ]

  /// The factor rows of the CSV analysis: (factor, swing), ranked.
  static func ranking(_ csv: String) -> [(factor: String, swing: Double)] {
    csv.split(separator: "\n").dropFirst().compactMap { line in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard cells.count == 15, cells[1] != "base" else { return nil }
      return (cells[1], Double(cells[11]) ?? .nan)
    }
  }

  @Test("an effect built to depend on one parameter ranks that parameter first and the others at 0")
  func ranksTheLeverFirst() throws {
    let result = try CLI.run(
      ["sensitivity", Self.oneLever, "--no-store", "--format", "csv"] + Self.factors)
    #expect(result.status == 0, "\(result.stderr)")
    let ranking = Self.ranking(result.stdout)
    #expect(ranking.map(\.factor).first == "feeds.candidate.scoring.popularity", "\(result.stdout)")
    #expect(ranking.count == 3)
    #expect((ranking.first?.swing ?? 0) > 0)
    // With the lever at its base value the two arms are the same feed: the effect is exactly 0
    // wherever the other factors are, so their swings are exactly 0.
    #expect(ranking.dropFirst().allSatisfy { $0.swing == 0 }, "\(result.stdout)")
    #expect(result.stdout.contains("\n0,base,,,,0.0,0.0,0.0,"), "\(result.stdout)")
  }

  @Test("the same scenario and seed give the same sensitivity output for 1 and 3 threads")
  func deterministicAcrossThreads() throws {
    let one = try CLI.run(
      ["sensitivity", Self.oneLever, "--no-store", "--threads", "1"] + Self.factors)
    let three = try CLI.run(
      ["sensitivity", Self.oneLever, "--no-store", "--threads", "3"] + Self.factors)
    #expect(one.status == 0 && three.status == 0)
    #expect(one.stdout == three.stdout)
    #expect(!one.stdout.isEmpty)
  }

  @Test("a stored sensitivity run is shown as its analysis and reported with a tornado chart")
  func storedAndReported() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "feedsafe-sensitivity-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("s.sqlite").path
    let ran = try CLI.run(["sensitivity", Self.oneLever, "--db", db] + Self.factors)
    #expect(ran.status == 0, "\(ran.stderr)")
    let shown = try CLI.run(["show", "latest", "--db", db])
    #expect(
      shown.stdout.contains("sensitivity of engagements_per_1k (all, all): changed − current"))
    let compared = try CLI.run(["compare", "latest", "--db", db])
    #expect(compared.stdout.contains("sensitivity of engagements_per_1k"), "\(compared.stdout)")
    let exported = try CLI.run(["export", "latest", "--db", db, "--table", "arm_parameters"])
    #expect(exported.stdout.contains("changed@lhs4,0,feeds.candidate.scoring.popularity,"))
    let html = folder.appendingPathComponent("r.html").path
    let report = try CLI.run(["report", "latest", "--db", db, "-o", html])
    #expect(report.status == 0, "\(report.stderr)")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.contains("id=\"tornado\""))
    #expect(page.contains("feeds.candidate.scoring.popularity 0–6"))
    if CompareReportTests.browserTestEnabled {
      let browser = try #require(CompareReportTests.chromium)
      let (status, dom, log) = try CompareReportTests.load(html, in: browser)
      #expect(status == 0)
      #expect(dom.contains("data-charts=\"1\" data-charts-rendered=\"1\""), "\(dom.prefix(300))")
      #expect(!log.contains(":CONSOLE"), "\(log)")
    }
  }

  @Test("a sweep over a feed weight and a behaviour parameter runs, is stored and exported")
  func gridSweepIsStored() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "feedsafe-sweep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = folder.appendingPathComponent("grid.yaml")
    let text =
      try String(
        contentsOfFile: CLI.root.appendingPathComponent(Self.oneLever).path, encoding: .utf8)
        + """
        sweep:
          arm: changed
          grid:
            feeds.candidate.scoring.popularity: [0, 3]
            behaviour.engagement_stop_factor: {from: 0.25, to: 1, steps: 2}

        """
    try text.write(to: scenario, atomically: true, encoding: .utf8)
    let db = folder.appendingPathComponent("s.sqlite").path
    let ran = try CLI.run(["run", scenario.path, "--db", db, "--quiet"])
    #expect(ran.status == 0, "\(ran.stderr)")
    let compared = try CLI.run(["compare", "latest", "--db", db])
    #expect(compared.stdout.contains("sweep points:"), "\(compared.stdout)")
    #expect(
      compared.stdout.contains(
        "feeds.candidate.scoring.popularity=0, behaviour.engagement_stop_factor=1\n"))
    let arms = try CLI.run(["export", "latest", "--db", db, "--table", "arm_parameters"])
    let rows = arms.stdout.split(separator: "\n").dropFirst()
    #expect(rows.count == 8)  // 4 points × 2 keys
    #expect(
      arms.stdout.contains(
        "\"changed@feeds.candidate.scoring.popularity=3,behaviour.engagement_stop_factor=0.25\",1,behaviour.engagement_stop_factor,0.25,set"
      ))
  }

  @Test(
    "a sweep over an unknown key or an out-of-range value is a located error with the nearest key")
  func badSweepKeys() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "feedsafe-badsweep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = folder.appendingPathComponent("bad.yaml")
    try """
    version: 1
    name: bad-sweep
    arms:
      a: {preset: none, feed: engagement}
    sweep:
      - arm: a
        parameter: behaviour.engagment_stop_factor
        values: [0.5]
      - arm: a
        parameter: feeds.engagement.scoring.popularity
        values: [-1]

    """.write(to: scenario, atomically: true, encoding: .utf8)
    let result = try CLI.run(["validate", scenario.path])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains(
        "bad.yaml:7:16: error: unknown parameter 'behaviour.engagment_stop_factor'; did you mean 'behaviour.engagement_stop_factor'?"
      ), "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "bad.yaml:11:14: error: 'feeds.engagement.scoring.popularity' must be between 0 and 1000, got -1"
      ), "\(result.stderr)")
    let vary = try CLI.run([
      "sensitivity", Self.oneLever, "--no-store", "--vary", "catalogue.gatway_weight=0:1",
    ])
    #expect(vary.status == 2)
    #expect(vary.stderr.contains("did you mean 'catalogue.gateway_weight'?"), "\(vary.stderr)")
  }
}

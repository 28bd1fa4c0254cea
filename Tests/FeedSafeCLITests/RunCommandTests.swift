import Foundation
import Testing

@Suite("feedsafe run and validate, as a user runs them")
struct RunCommandTests {
  /// Small runs that are not stored (the store has its own tests).
  static let small = CLI.small + ["--no-store"]

  @Test("run --format json prints scenario, arms and metric rows with mean, CI and n")
  func runJSON() throws {
    let result = try CLI.run(["run", "scenarios/quickstart.yaml", "--format", "json"] + Self.small)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let scenario = try #require(object["scenario"] as? [String: Any])
    #expect(scenario["name"] as? String == "quickstart")
    #expect(object["arms"] as? [String] == ["no_protections", "childrens_code"])
    let metrics = try #require(object["metrics"] as? [[String: Any]])
    #expect(metrics.count > 100)
    let row = try #require(metrics.first)
    #expect(
      Set(row.keys) == ["arm", "cohort", "category", "metric", "mean", "ci_low", "ci_high", "n"])
    #expect(
      metrics.contains {
        $0["cohort"] as? String == "13_15" && $0["metric"] as? String == "exposure_per_1k"
      })
    #expect(result.stderr.isEmpty)
  }

  @Test(
    "run opens with the headline, then a table with arms as columns, children's bands first, within 120 columns"
  )
  func runTable() throws {
    let result = try CLI.run(["run", "scenarios/quickstart.yaml"] + Self.small)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("Children's exposure to any harm") == true)
    #expect(lines.dropFirst(2).first?.hasPrefix("  childrens_code vs no_protections: ") == true)
    let header = try #require(lines.first { $0.hasPrefix("  metric · category") })
    #expect(header.contains("no_protections") && header.contains("childrens_code"))
    let firstBand = try #require(lines.firstIndex { $0 == "under_13" })
    let firstAdult = try #require(lines.firstIndex { $0 == "adult" })
    #expect(firstBand < firstAdult)
    #expect(lines.allSatisfy { $0.count <= 120 })
  }

  @Test("run --format csv prints one header and one line per row")
  func runCSV() throws {
    let result = try CLI.run(["run", "scenarios/quickstart.yaml", "--format", "csv"] + Self.small)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "arm,cohort,category,metric,mean,ci_low,ci_high,n")
    #expect(
      lines.dropFirst().allSatisfy {
        $0.split(separator: ",", omittingEmptySubsequences: false).count == 8
      })
  }

  @Test("1 and 2 threads print identical results")
  func threadsIdentical() throws {
    let one = try CLI.run(
      ["run", "scenarios/quickstart.yaml", "--format", "csv", "--threads", "1"] + Self.small)
    let two = try CLI.run(
      ["run", "scenarios/quickstart.yaml", "--format", "csv", "--threads", "2"] + Self.small)
    #expect(one.status == 0 && two.status == 0)
    #expect(one.stdout == two.stdout)
  }

  @Test(
    "FEEDSAFE_PROGRESS=lines prints one plain progress line per seed and arm, then the total, on a piped stderr; without it, none"
  )
  func progressLines() throws {
    let arguments = [
      "run", "scenarios/quickstart.yaml", "--no-store", "--format", "csv", "--people", "150",
      "--items", "1500", "--days", "2", "--seeds", "2",
    ]
    let logged = try CLI.run(arguments, environment: ["FEEDSAFE_PROGRESS": "lines"])
    #expect(logged.status == 0, "\(logged.stderr)")
    let lines = logged.stderr.split(separator: "\n").map(String.init)
    let steps = lines.filter { $0.hasPrefix("seed ") }.map {
      $0.components(separatedBy: "  ").prefix(2).joined(separator: "  ")
    }
    #expect(
      steps == [
        "seed 1/2  arm 1/2 no_protections", "seed 1/2  arm 2/2 childrens_code",
        "seed 2/2  arm 1/2 no_protections", "seed 2/2  arm 2/2 childrens_code",
      ])
    #expect(lines.last?.hasPrefix("quickstart: 2 arms × 2 seeds in ") == true)
    #expect(!logged.stderr.contains("\u{1B}"))
    let silent = try CLI.run(arguments)
    #expect(silent.status == 0 && silent.stderr.isEmpty, "\(silent.stderr)")
    #expect(silent.stdout == logged.stdout)
  }

  @Test("a bad scenario exits 2 with a located message on stderr and nothing on stdout")
  func badScenario() throws {
    let result = try CLI.run(["run", "Tests/Fixtures/bad/unknown-key.yaml"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "Tests/Fixtures/bad/unknown-key.yaml:2:1: error: unknown key 'horizn'; did you mean 'horizon'?\n"
    )
  }

  @Test("a missing file exits 2")
  func missingFile() throws {
    let result = try CLI.run(["run", "no-such.yaml"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no-such.yaml:1:1: error: no such file"))
  }

  @Test(
    "bad flags exit 2 with a usage message",
    arguments: [["--threads", "0"], ["--format", "xml"], ["--seeds", "0"]])
  func badFlags(_ flags: [String]) throws {
    let result = try CLI.run(["run", "scenarios/quickstart.yaml"] + flags)
    #expect(result.status == 2)
    #expect(result.stderr.contains("rror"))
  }

  @Test("validate accepts every shipped scenario and lists every problem of a bad one")
  func validate() throws {
    let good = try CLI.run(["validate", "scenarios/quickstart.yaml", "scenarios/safer-feeds.yaml"])
    #expect(good.status == 0)
    #expect(good.stdout.contains("quickstart.yaml: ok"))
    let bad = try CLI.run(["validate", "Tests/Fixtures/bad/several-problems.yaml"])
    #expect(bad.status == 2)
    #expect(bad.stderr.split(separator: "\n").count == 5)
  }

  @Test(
    "children see less harmful content with profiling off by default (profiling-off-by-default.yaml, small size)"
  )
  func profilingOffReducesChildrensExposure() throws {
    let result = try CLI.run([
      "run", "scenarios/profiling-off-by-default.yaml", "--people", "400", "--items", "3000",
      "--days", "6", "--seeds", "3", "--format", "json", "--quiet", "--no-store",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let metrics = try #require(object["metrics"] as? [[String: Any]])
    func exposure(_ arm: String) throws -> Double {
      let row = try #require(
        metrics.first {
          $0["arm"] as? String == arm && $0["cohort"] as? String == "children"
            && $0["category"] as? String == "any_harm"
            && $0["metric"] as? String == "exposure_per_1k"
        })
      return try #require(row["mean"] as? Double)
    }
    #expect(try exposure("profiling_off_by_default") < exposure("profiling_on"))
  }
}

@Suite("Cohorts found by role, not by name")
struct RenamedBandsTests {
  @Test("a scenario that renames its bands keeps the adult band's beyond-the-feed rows")
  func renamedAdultBandKeepsItsRows() throws {
    let result = try CLI.run(
      ["run", "Tests/Fixtures/bands/renamed-bands.yaml", "--no-store", "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    // A section is its cohort's name on a line of its own, then its indented metric rows.
    func section(_ cohort: String) -> [Substring] {
      let lines = result.stdout.split(separator: "\n")
      guard let start = lines.firstIndex(of: Substring(cohort)) else { return [] }
      return Array(lines[(start + 1)...].prefix { $0.hasPrefix(" ") })
    }
    #expect(section("grown_ups").contains { $0.contains("ads_per_hour") }, "\(result.stdout)")
    #expect(section("children").contains { $0.contains("ads_per_hour") })
  }
}

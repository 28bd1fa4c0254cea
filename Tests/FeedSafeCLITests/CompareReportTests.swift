import Foundation
import Testing

@Suite("feedsafe compare and report", .serialized)
struct CompareReportTests {
  /// A store with two runs of the quickstart (seeds 1–3 and 11–13) and one single-seed run.
  final class Store {
    let folder: StoreCommandTests.Folder
    let first: String
    let second: String
    let single: String

    init() throws {
      let folder = try StoreCommandTests.Folder()
      self.folder = folder
      first = try Self.run([], db: folder.db)
      second = try Self.run(["--seed", "11"], db: folder.db)
      single = try Self.run(["--seeds", "1"], db: folder.db)
    }

    static func run(_ extra: [String], db: String) throws -> String {
      let result = try CLI.run(
        ["run", "scenarios/quickstart.yaml"] + CLI.small + ["--seeds", "3", "--db", db] + extra)
      guard result.status == 0, let id = result.stderr.split(separator: " ").dropFirst().first
      else {
        throw CLIError.failed(result.stderr)
      }
      return String(id)
    }
  }

  enum CLIError: Error { case failed(String) }

  @Test("compare RUN shows paired effects of every arm against the first, children first")
  func compareWithinRun() throws {
    let store = try Store()
    let result = try CLI.run(["compare", store.first, "--format", "csv", "--db", store.folder.db])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(
      lines.first?.hasPrefix(
        "cohort,metric,category,baseline,other,baseline_mean,other_mean,difference") == true)
    #expect(
      lines.dropFirst().first?.hasPrefix(
        "under_13,exposure_per_1k,any_harm,no_protections,childrens_code") == true)
    #expect(!lines.contains { $0.hasPrefix("all,") })
  }

  @Test("--baseline picks the reference arm; an unknown arm is bad input")
  func baselineArm() throws {
    let store = try Store()
    let swapped = try CLI.run([
      "compare", store.first, "--baseline", "childrens_code", "--format", "json", "--db",
      store.folder.db,
    ])
    #expect(swapped.status == 0)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(swapped.stdout.utf8)) as? [[String: Any]])
    #expect(
      rows.allSatisfy {
        $0["baseline"] as? String == "childrens_code" && $0["other"] as? String == "no_protections"
      })
    let unknown = try CLI.run([
      "compare", store.first, "--baseline", "nope", "--db", store.folder.db,
    ])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("has no arm 'nope'; its arms: no_protections, childrens_code"))
  }

  @Test("compare RUN_A RUN_B compares the same arms across runs (Welch); markdown is pasteable")
  func compareRuns() throws {
    let store = try Store()
    let result = try CLI.run([
      "compare", store.first, store.second, "--format", "markdown", "--db", store.folder.db,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasSuffix("Welch (unpaired): the runs' seeds differ") == true)
    #expect(lines.contains { $0.hasPrefix("Welch, unpaired; the difference Δ with its 95% CI:") })
    let header = try #require(
      lines.firstIndex { $0.hasPrefix("| cohort | metric | category | baseline | other |") })
    #expect(
      lines.dropFirst(header + 2).first?.contains(
        "| \(store.first)/no_protections | \(store.second)/no_protections |") == true)
  }

  @Test(
    "compare RUN@PATH RUN reads each run from its own store and pairs runs of one world and seeds")
  func compareAcrossStores() throws {
    let store = try Store()
    let other = try StoreCommandTests.Folder()
    let candidate = try Store.run(["--seeds", "3"], db: other.db)
    let result = try CLI.run([
      "compare", "\(store.first)@\(store.folder.db)", "latest", "--format", "csv", "--db", other.db,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "\(store.first) (\(store.folder.db)) vs \(candidate) (\(other.db)): paired by seed"))
    // Same scenario, seeds and sizes: every per-seed difference is 0, so the interval is [0, 0].
    let row = try #require(
      result.stdout.split(separator: "\n").first {
        $0.hasPrefix("children,exposure_per_1k,any_harm,")
      })
    #expect(row.hasSuffix(",0.0,0.0,0.0,0.0,3,"))
    let bad = try CLI.run(["compare", "latest@", "--db", other.db])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("'latest@' is not RUN@PATH"))
  }

  @Test("runs of different scenario shapes are refused with what differs")
  func differentShapes() throws {
    let store = try Store()
    let other = try CLI.run(
      ["run", "scenarios/safer-feeds.yaml"] + CLI.small + ["--db", store.folder.db])
    #expect(other.status == 0)
    let id = try #require(other.stderr.split(separator: " ").dropFirst().first.map(String.init))
    let result = try CLI.run(["compare", store.first, id, "--db", store.folder.db])
    #expect(result.status == 2)
    #expect(result.stderr.contains("different scenario shapes"))
    #expect(
      result.stderr.contains("arms: only in \(store.first): [no_protections, childrens_code]"))
  }

  @Test("a single-seed run compares without intervals and says so")
  func singleSeed() throws {
    let store = try Store()
    let result = try CLI.run(["compare", store.single, "--format", "csv", "--db", store.folder.db])
    #expect(result.status == 0)
    #expect(result.stderr.contains("one seed has no confidence intervals"))
    let first = try #require(result.stdout.split(separator: "\n").dropFirst().first)
    #expect(first.split(separator: ",", omittingEmptySubsequences: false)[9] == "")
  }

  @Test("report writes one self-contained HTML file with every chart")
  func report() throws {
    let store = try Store()
    let path = store.folder.url.appendingPathComponent("report.html").path
    let result = try CLI.run(["report", "latest", "-o", path, "--db", store.folder.db])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      html.contains("id=\"exposure-by-band\"") && html.contains("id=\"survival\"")
        && html.contains("id=\"cumulative-exposure\""))
    #expect(!html.contains("src=\"http"))
  }

  static var chromium: String? {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  static var browserTestEnabled: Bool {
    chromium != nil || ProcessInfo.processInfo.environment["FEEDSAFE_REQUIRE_BROWSER"] != nil
  }

  @Test(
    "the report loads in a real headless browser with no console errors and every chart rendered",
    .enabled(if: browserTestEnabled))
  func reportInBrowser() throws {
    let store = try Store()
    let path = store.folder.url.appendingPathComponent("report.html").path
    #expect(try CLI.run(["report", store.first, "-o", path, "--db", store.folder.db]).status == 0)
    let browser = try #require(
      Self.chromium, "FEEDSAFE_REQUIRE_BROWSER is set but chromium is not installed")
    let screenshot = store.folder.url.appendingPathComponent("report.png").path
    let (status, dom, log) = try Self.load(path, in: browser, screenshot: screenshot)
    #expect(status == 0)
    #expect(dom.contains("data-charts=\"3\" data-charts-rendered=\"3\""), "\(dom.prefix(300))")
    #expect(!log.contains(":CONSOLE"), "\(log)")
    let attributes = try FileManager.default.attributesOfItem(atPath: screenshot)
    #expect((attributes[.size] as? Int ?? 0) > 10_000)
  }

  /// Loads the page at `path` in headless `browser`: its exit status, the DOM after scripts ran
  /// and the console log; with `screenshot`, also saves a PNG there.
  static func load(_ path: String, in browser: String, screenshot: String? = nil) throws -> (
    status: Int32, dom: String, log: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--enable-logging=stderr", "--v=0", "--window-size=1200,2400",
      ] + (screenshot.map { ["--screenshot=\($0)"] } ?? []) + ["--dump-dom", "file://\(path)"]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, dom, log)
  }
}

import FeedSafeCore
import FeedSafeScenario
import Foundation
import Testing

/// One reduced-size run whose peak memory is measured against ``MemoryEstimate``.
struct MeasuredSize: CustomTestStringConvertible, Sendable {
  let people: Int
  let items: Int
  let days: Int
  var testDescription: String { "\(people) people, \(items) items, \(days) days" }

  /// Sizes where, in turn, the runtime, the catalogue and the people dominate; small enough
  /// for a debug build (≈ 10 s together).
  static let all = [
    MeasuredSize(people: 1_500, items: 10_000, days: 2),
    MeasuredSize(people: 1_000, items: 1_500_000, days: 1),
    MeasuredSize(people: 20_000, items: 20_000, days: 1),
  ]

  var flags: [String] {
    ["--people", "\(people)", "--items", "\(items)", "--days", "\(days)", "--seeds", "1"]
  }
}

@Suite("Memory estimate")
struct MemoryEstimateTests {
  /// How far the estimate may be from the measured peak resident memory, either way.
  static let tolerance = 2.0

  @Test(
    "the estimate is within 2× of the measured peak memory of a run",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")),
    arguments: MeasuredSize.all)
  func estimateMatchesPeak(_ size: MeasuredSize) throws {
    let path = CLI.root.appendingPathComponent("scenarios/quickstart.yaml").path
    var spec = try Scenario.load(path: path).spec
    spec.population.size = size.people
    spec.catalogue.size = size.items
    spec.horizonDays = size.days
    spec.replications = 1
    let estimate = MemoryEstimate(spec: spec, threads: 2).bytes

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    process.arguments =
      ["-f", "peak %M", CLI.binary.path, "run", path, "--no-store", "--quiet", "--threads", "2"]
      + size.flags
    process.currentDirectoryURL = CLI.root
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(stderr)")
    let line = try #require(stderr.split(separator: "\n").last { $0.hasPrefix("peak ") })
    let peak = try #require(Double(line.dropFirst("peak ".count))) * 1024
    let ratio = estimate / peak
    print(
      "memory estimate \(size.testDescription): \(Int(estimate / 1_048_576)) MiB estimated, "
        + "\(Int(peak / 1_048_576)) MiB peak RSS, ratio \(ratio)")
    #expect(ratio <= Self.tolerance && ratio >= 1 / Self.tolerance)
  }

  @Test("absurd sizes give a finite estimate instead of overflowing")
  func absurdSizes() throws {
    let path = CLI.root.appendingPathComponent("scenarios/quickstart.yaml").path
    var spec = try Scenario.load(path: path).spec
    spec.population.size = Int.max
    spec.catalogue.size = Int.max
    spec.horizonDays = Int.max
    spec.replications = Int.max
    let estimate = MemoryEstimate(spec: spec, threads: Int.max)
    #expect(estimate.bytes.isFinite && estimate.bytes > 1e18)
    #expect(estimate.terms.allSatisfy { $0.bytes >= 0 })
  }

  @Test("a run too large for this machine is refused with the figure, exit 2, and nothing stored")
  func refusesTooLarge() throws {
    let db = FileManager.default.temporaryDirectory
      .appendingPathComponent("feedsafe-memory-\(UUID().uuidString).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: db) }
    for flags in [
      ["--people", "2000000000"], ["--days", "1000000000"], ["--seeds", "1000000000000"],
    ] {
      let result = try CLI.run(["run", "scenarios/quickstart.yaml", "--quiet", "--db", db] + flags)
      #expect(result.status == 2)
      #expect(
        result.stderr.range(
          of:
            #"^error: this run needs ≈ [0-9.e+]+ GiB of memory; this machine has [0-9.]+ (GiB|MiB) available"#,
          options: .regularExpression) != nil, "\(result.stderr)")
      #expect(!result.stderr.contains("Fatal error"))
    }
    let runs = try CLI.run(["runs", "--db", db])
    #expect(!runs.stdout.contains("running"))
  }

  @Test("validate reports the estimate and refuses a scenario too large for this machine")
  func validateReports() throws {
    let ok = try CLI.run(["validate", "scenarios/quickstart.yaml"])
    #expect(ok.status == 0)
    #expect(ok.stdout.contains("; needs ≈ "))
    let tree = FileManager.default.temporaryDirectory
      .appendingPathComponent("feedsafe-huge-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: tree) }
    try "name: huge\npopulation: {size: 100000000}\ncatalogue: {size: 100000000}\narms:\n  a: {}\n"
      .write(to: tree, atomically: true, encoding: .utf8)
    let huge = try CLI.run(["validate", tree.path])
    #expect(huge.status == 2)
    #expect(huge.stderr.contains("error: this run needs ≈ "))
  }
}

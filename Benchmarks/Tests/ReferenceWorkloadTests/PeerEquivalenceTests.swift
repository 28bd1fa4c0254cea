import Foundation
import Testing

@testable import ReferenceWorkload

/// The NumPy peer's per-seed results at one configuration (see Fixtures/README.md).
struct PeerFixture {
  let runs: PeerRuns

  init(file: String) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/\(file)")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    let rows = try lines.map {
      try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    var runs = PeerRuns()
    runs.childExposure = rows.compactMap { $0["child_exposure_per_1k"] as? Double }
    runs.adultExposure = rows.compactMap { $0["adult_exposure_per_1k"] as? Double }
    runs.engagements = rows.compactMap { ($0["engagements"] as? Int).map(Double.init) }
    self.runs = runs
  }
}

/// Mean and sample standard deviation.
func meanAndSD(_ values: [Double]) -> (mean: Double, sd: Double) {
  let mean = values.reduce(0, +) / Double(values.count)
  let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
  return (mean, variance.squareRoot())
}

/// FeedSafe's per-seed results at the fixtures' configuration (seeds 101–110).
func feedSafeRuns(candidates: Int, engagementIntercept: Float = -3) -> PeerRuns {
  var runs = PeerRuns()
  for seed in 101...110 {
    var p = WorkloadParameters(
      users: 600, items: 3_000, steps: 30, candidates: candidates, seed: UInt64(seed))
    p.engagementIntercept = engagementIntercept
    var simulation = WorkloadSimulation(world: WorkloadWorld(parameters: p), threads: 2)
    simulation.run()
    runs.childExposure.append(simulation.result.exposurePerThousand(band: 0))
    runs.adultExposure.append(simulation.result.exposurePerThousand(band: 1))
    runs.engagements.append(Double(simulation.result.engagements))
  }
  return runs
}

/// Per-seed results of one engine.
struct PeerRuns {
  var childExposure: [Double] = []
  var adultExposure: [Double] = []
  var engagements: [Double] = []

  /// The metrics whose means differ by more than `standardErrors` standard errors (Welch).
  func disagreements(with other: PeerRuns, standardErrors: Double) -> [String] {
    let pairs = [
      ("child exposure per 1k", childExposure, other.childExposure),
      ("adult exposure per 1k", adultExposure, other.adultExposure),
      ("engagements", engagements, other.engagements),
    ]
    return pairs.compactMap { name, ours, theirs in
      let (a, b) = (meanAndSD(ours), meanAndSD(theirs))
      let standardError = (a.sd * a.sd / Double(ours.count) + b.sd * b.sd / Double(theirs.count))
        .squareRoot()
      guard abs(a.mean - b.mean) > standardErrors * standardError else { return nil }
      return "\(name): FeedSafe \(a.mean) ± \(a.sd), NumPy \(b.mean) ± \(b.sd)"
    }
  }
}

@Suite("Statistical equivalence with the NumPy peer")
struct PeerEquivalenceTests {
  /// Largest accepted difference of means, in standard errors of that difference (Welch). The
  /// draws differ, so only the distributions can agree; 3 standard errors is a 0.3% false alarm
  /// rate per comparison if they do.
  static let standardErrors = 3.0

  @Test(
    "exposure per 1,000 by band and engagements agree with NumPy's over 10 seeds",
    arguments: [(0, "numpy-U600-I3000-S30-C0.jsonl"), (200, "numpy-U600-I3000-S30-C200.jsonl")])
  func agreesWithNumPy(candidates: Int, file: String) throws {
    let peer = try PeerFixture(file: file).runs
    #expect(peer.engagements.count == 10)
    let disagreements = feedSafeRuns(candidates: candidates).disagreements(
      with: peer, standardErrors: Self.standardErrors)
    #expect(disagreements.isEmpty, "\(disagreements)")
  }

  @Test("the check tells a different workload apart (engagement intercept -2.8 instead of -3)")
  func noticesADifferentWorkload() throws {
    let peer = try PeerFixture(file: "numpy-U600-I3000-S30-C200.jsonl").runs
    let disagreements = feedSafeRuns(candidates: 200, engagementIntercept: -2.8)
      .disagreements(with: peer, standardErrors: Self.standardErrors)
    #expect(disagreements.contains { $0.hasPrefix("engagements") })
  }
}

import FeedSafeCore
import Testing

@testable import FeedSafeReport

@Suite("Regression gate stability")
struct GateStabilityTests {
  /// A small real world: no protections vs the Children's code defaults.
  static func spec(seed: UInt64) -> ExperimentSpec {
    let taxonomy = Defaults.taxonomy
    let bands = AgeBands.standard
    var spec = ExperimentSpec(
      name: "stability", description: "", seed: seed, replications: 10, horizonDays: 4,
      population: Defaults.population(size: 300, bands: bands, taxonomy: taxonomy),
      catalogue: Defaults.catalogue(size: 2_000, taxonomy: taxonomy),
      moderation: Defaults.moderation(harmCount: taxonomy.harms.count), behaviour: BehaviourSpec(),
      feeds: FeedPreset.allCases.map(\.definition),
      arms: [PolicyPreset.none, .icoChildrensCode].map { preset in
        Arm(
          name: preset.rawValue,
          policies: bands.all.map {
            preset.policy(isChild: bands.isChild($0), feed: "engagement", taxonomy: taxonomy)
          })
      })
    // Verified ages: the policy reaches every child, so the true reduction is large (about two
    // thirds) and 10 seeds decide a "at least a fifth" rule; what is tested is that the verdict
    // does not flip with the seeds.
    spec.population.ageAssurance = .verification(failureRate: 0)
    spec.burnInDays = 2  // a briefly warmed world: this test is about the gate, not the model
    spec.gate.expectations = [
      Expectation(
        name: "the Children's code defaults cut children's exposure by at least a fifth",
        rule: .reduction(
          arm: "ico-childrens-code", baseline: "none",
          selector: MetricSelector(
            cohort: "children", category: "any_harm", metric: .exposurePerThousand), atLeast: 0.2))
    ]
    return spec
  }

  @Test("a passing check re-run with 20 different base seeds passes at least 19 times")
  func passesNineteenTimesInTwenty() throws {
    var verdicts: [Verdict] = []
    for base in 0..<20 {
      let spec = Self.spec(seed: UInt64(1_000 + 100 * base))
      var values: [MetricValue] = []
      _ = try ExperimentRunner.run(spec, threads: 2, onResult: { values += $0.values })
      let report = Gate(values: values, sweeps: [:], spec: spec.gate).evaluate(baseline: nil)
      verdicts += report.results.map(\.verdict)
    }
    let passes = verdicts.filter { $0 == .pass }.count
    #expect(!verdicts.contains(.fail), "seeds: \(verdicts.map(\.rawValue))")
    #expect(passes >= 19, "passed \(passes) of 20: \(verdicts.map(\.rawValue))")
  }
}

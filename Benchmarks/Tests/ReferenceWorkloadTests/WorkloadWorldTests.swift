import Testing

@testable import ReferenceWorkload

@Suite("Reference workload world and policy")
struct WorkloadWorldTests {
  @Test(
    "the world has the peers' shapes: unit vectors, 30% children, 8% harmful items, recall 0.85")
  func worldMatchesThePeersDistributions() {
    var p = WorkloadParameters()
    p.users = 2_000
    p.items = 40_000
    let world = WorkloadWorld(parameters: p)
    #expect(p.childCount == 600)
    #expect(world.isChild(599) && !world.isChild(600))
    for item in [0, 17, 39_999] {
      let row = world.itemRows[item * world.rowStride..<item * world.rowStride + p.topics]
      #expect(abs(row.reduce(0) { $0 + Double($1) * Double($1) } - 1) < 1e-5)
    }
    let harmful = world.harmCategory.filter { $0 >= 0 }.count
    #expect(abs(Double(harmful) / Double(p.items) - 0.08) < 0.006)  // ±4.5 binomial SDs
    let caught = zip(world.harmCategory, world.isPredictedHarmful).filter { $0.0 >= 0 && $0.1 }
      .count
    #expect(abs(Double(caught) / Double(harmful) - 0.85) < 0.03)
    let falseAlarms = zip(world.harmCategory, world.isPredictedHarmful).filter { $0.0 < 0 && $0.1 }
      .count
    #expect(abs(Double(falseAlarms) / Double(p.items - harmful) - 0.01) < 0.003)
    // Beta(2, 5) has mean 2/7; harmful items add 0.1
    let meanAppeal = world.appeal.reduce(0) { $0 + Double($1) } / Double(p.items)
    #expect(abs(meanAppeal - (2.0 / 7.0 + 0.1 * Double(harmful) / Double(p.items))) < 0.005)
    let meanChildSusceptibility = world.susceptibility[0..<600].reduce(0) { $0 + Double($1) } / 600
    #expect(abs(meanChildSusceptibility - 1.5) < 0.05)
  }

  @Test("the same seed gives the same world; another seed another")
  func worldIsDeterministic() {
    let p = smallParameters()
    var other = p
    other.seed += 1
    #expect(WorkloadWorld(parameters: p).itemRows == WorkloadWorld(parameters: p).itemRows)
    #expect(WorkloadWorld(parameters: p).itemRows != WorkloadWorld(parameters: other).itemRows)
  }

  @Test(
    "with a perfect classifier children see no harmful item; adults still do", arguments: [0, 60])
  func perfectRecallProtectsChildren(candidates: Int) {
    var p = smallParameters(users: 120, items: 2_000, steps: 10, candidates: candidates)
    p.recall = 1
    var simulation = WorkloadSimulation(world: WorkloadWorld(parameters: p))
    simulation.run()
    let result = simulation.result
    #expect(result.exposurePerThousand(band: 0) == 0)
    #expect(result.exposurePerThousand(band: 1) > 0)
    #expect(
      result.impressions == [
        p.childCount * p.steps * p.pageSize, (p.users - p.childCount) * p.steps * p.pageSize,
      ])
  }

  @Test("without the filter children see more harmful items than with it")
  func filterLowersChildrenExposure() {
    var p = smallParameters(users: 200, items: 2_000, steps: 10, candidates: 100)
    var filtered = WorkloadSimulation(world: WorkloadWorld(parameters: p))
    filtered.run()
    p.recall = 0
    p.falsePositiveRate = 0
    var unfiltered = WorkloadSimulation(world: WorkloadWorld(parameters: p))
    unfiltered.run()
    // recall 0.85 removes most harmful candidates; the 15% it misses still reach children
    #expect(
      unfiltered.result.exposurePerThousand(band: 0) > 2
        * filtered.result.exposurePerThousand(band: 0))
  }

  @Test("bad sizes are reported in the peers' flag names")
  func problemsNameTheFlags() {
    var p = WorkloadParameters()
    p.candidates = 5
    p.items = 3
    #expect(
      p.problems == [
        "--I must be at least --k (10), got 3", "--C must be at least --k (10) when set, got 5",
      ])
    #expect(WorkloadParameters.scaleB.problems.isEmpty)
  }
}

import FeedSafeCore
import Testing

@testable import ReferenceWorkload

/// A small world for exact comparisons.
func smallParameters(
  users: Int = 45, items: Int = 307, topics: Int = 20, steps: Int = 6, candidates: Int = 0
) -> WorkloadParameters {
  WorkloadParameters(
    users: users, items: items, topics: topics, steps: steps, candidates: candidates, seed: 7)
}

struct TwinCase: CustomTestStringConvertible, Sendable {
  let parameters: WorkloadParameters
  let testDescription: String

  static let all: [TwinCase] = [
    TwinCase(
      parameters: smallParameters(),
      testDescription: "whole catalogue, 20 topics, items not a multiple of 16"),
    TwinCase(
      parameters: smallParameters(topics: 13),
      testDescription: "whole catalogue, 13 topics (padded rows)"),
    TwinCase(
      parameters: smallParameters(users: 150, items: 5_000, steps: 3),
      testDescription: "whole catalogue, 3 blocks of users, 3 item tiles (the last partial)"),
    TwinCase(
      parameters: smallParameters(candidates: 61), testDescription: "61 candidates (odd), 20 topics"
    ),
    TwinCase(
      parameters: smallParameters(topics: 9, candidates: 40),
      testDescription: "40 candidates, 9 topics"),
  ]
}

@Suite("SIMD kernels and their safe twins")
struct KernelTwinTests {
  @Test(
    "the SIMD kernels give exactly the safe twins' pages, counts and drifted profiles",
    arguments: TwinCase.all)
  func kernelsMatchTwins(_ twin: TwinCase) {
    let world = WorkloadWorld(parameters: twin.parameters)
    var fast = WorkloadSimulation(world: world, usesFastKernels: true)
    var safe = WorkloadSimulation(world: world, usesFastKernels: false)
    fast.run()
    safe.run()
    #expect(fast.result == safe.result)
    #expect(fast.profiles == safe.profiles)
    #expect(fast.interests == safe.interests)
    #expect(fast.result.engagements > 0)
  }

  @Test("results are bit-identical for 1, 2 and 3 threads", arguments: [0, 50])
  func threadCountDoesNotMatter(candidates: Int) {
    let world = WorkloadWorld(parameters: smallParameters(users: 203, candidates: candidates))
    var runs: [WorkloadSimulation] = []
    for threads in 1...3 {
      var simulation = WorkloadSimulation(world: world, threads: threads)
      simulation.run()
      runs.append(simulation)
    }
    for run in runs.dropFirst() {
      #expect(run.result == runs[0].result)
      #expect(run.profiles == runs[0].profiles)
    }
  }

  @Test("the top-k keeps exactly the k best offered scores, best first")
  func topKMatchesSort() {
    var rng = SplitMix64(seed: 3)
    let scores = (0..<500).map { _ in Float(rng.next() >> 40) * 0x1p-24 }
    var top = TopK(k: 10, slots: 2)
    for (item, score) in scores.enumerated() { top.offer(slot: 1, score: score, item: item) }
    var page = [Int32](repeating: -1, count: 20)
    top.writePage(slot: 1, into: &page, at: 10)
    let expected = scores.indices.sorted { scores[$0] > scores[$1] }.prefix(10).map { Int32($0) }
    #expect(Array(page[10..<20]) == expected)
    #expect(page[0..<10].allSatisfy { $0 == -1 })
  }
}

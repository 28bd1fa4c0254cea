import ArgumentParser
import Dispatch
import Foundation
import ReferenceWorkload

/// `reference-workload`: the peers' reference workload in compiled Swift, one JSON line out.
@main
struct ReferenceWorkloadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reference-workload",
    abstract:
      "Run the peers' reference workload (shared/peers/workload.py) and print one JSON line.",
    discussion: """
      Flags are the peer scripts' (--U --I --T --S --k --C --seed), so one command line fits \
      every engine. Scale A: --U 1000 --I 10000 --S 100 (add --C 500 for candidates); scale B: \
      --U 10000 --I 50000 --S 30. The timed part is the step loop, as in the peers; world \
      generation is reported as setup_seconds.
      """)

  @Option(name: .customLong("U"), help: "Users (the first 30% are children).") var users = 1_000
  @Option(name: .customLong("I"), help: "Items in the catalogue.") var items = 10_000
  @Option(name: .customLong("T"), help: "Topics (the last 4 are harm categories).") var topics = 20
  @Option(name: .customLong("S"), help: "Steps (pages per user).") var steps = 100
  @Option(name: .customLong("k"), help: "Items per page.") var pageSize = 10
  @Option(name: .customLong("C"), help: "Candidates scored per page; 0 scores the whole catalogue.")
  var candidates = 0
  @Option(help: "The run's seed.") var seed: UInt64 = 42
  @Option(help: "Threads (default: every core). 1 runs on the calling thread only.")
  var threads = ProcessInfo.processInfo.activeProcessorCount
  @Flag(help: "Score with the kernels' safe twins (plain loops) instead of the SIMD kernels.")
  var safeKernels = false

  func validate() throws {
    let problems = parameters.problems
    if !problems.isEmpty { throw ValidationError(problems.joined(separator: "; ")) }
    if threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
  }

  var parameters: WorkloadParameters {
    WorkloadParameters(
      users: users, items: items, topics: topics, steps: steps, pageSize: pageSize,
      candidates: candidates, seed: seed)
  }

  func run() throws {
    let p = parameters
    let started = DispatchTime.now().uptimeNanoseconds
    let world = WorkloadWorld(parameters: p)
    var simulation = WorkloadSimulation(
      world: world, threads: threads, usesFastKernels: !safeKernels)
    let stepsStarted = DispatchTime.now().uptimeNanoseconds
    simulation.run()
    let finished = DispatchTime.now().uptimeNanoseconds
    let seconds = Double(finished - stepsStarted) / 1e9
    let result = simulation.result
    let userSteps = p.users * p.steps
    let h = p.harmTopics
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
      let peakMiB = Double(usage.ru_maxrss) / 1024  // KiB on Linux
    #else
      getrusage(RUSAGE_SELF, &usage)
      let peakMiB = Double(usage.ru_maxrss) / 1024 / 1024  // bytes on macOS
    #endif
    #if FEEDSAFE_TARGET_CPU_FLAG
      let build = "release, target-cpu flag"
    #else
      let build = "default target"
    #endif
    let fields: [(String, String)] = [
      ("engine", "\"feedsafe\""), ("U", "\(p.users)"), ("I", "\(p.items)"), ("T", "\(p.topics)"),
      ("S", "\(p.steps)"), ("k", "\(p.pageSize)"),
      ("C", "\(p.usesCandidates ? p.candidates : p.items)"),
      ("seed", "\(p.seed)"), ("threads", "\(threads)"),
      ("kernels", safeKernels ? "\"safe\"" : "\"simd\""),
      ("build", "\"\(build)\""), ("user_steps", "\(userSteps)"), ("seconds", rounded(seconds, 4)),
      ("setup_seconds", rounded(Double(stepsStarted - started) / 1e9, 3)),
      ("user_steps_per_s", rounded(Double(userSteps) / seconds, 1)),
      ("impressions_per_s", rounded(Double(userSteps * p.pageSize) / seconds, 0)),
      ("child_exposure_per_1k", rounded(result.exposurePerThousand(band: 0), 3)),
      ("adult_exposure_per_1k", rounded(result.exposurePerThousand(band: 1), 3)),
      ("exposures", "[\(list(result.exposures[0..<h])), \(list(result.exposures[h..<2 * h]))]"),
      ("engagements", "\(result.engagements)"),
      ("maxrss_MiB", rounded(peakMiB, 1)),
    ]
    print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
  }

  private func rounded(_ value: Double, _ places: Int) -> String {
    String(format: "%.\(places)f", value)
  }

  private func list(_ values: ArraySlice<Int>) -> String {
    "[" + values.map(String.init).joined(separator: ", ") + "]"
  }
}

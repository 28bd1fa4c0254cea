import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeScenario
import Foundation

/// `feedsafe validate FILE`: checks a scenario without running it.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Check a scenario file without running it; lists every problem with its line and column.")

  @Argument(help: "The scenario file (YAML).")
  var files: [String]

  @Option(
    help: ArgumentHelp(
      "The folder included feed files must lie inside; by default each scenario's own folder.",
      valueName: "dir"))
  var includeRoot: String?

  @Flag(help: "Accept feeds that name an external ranker (as 'run --allow-rankers'); none is run.")
  var allowRankers = false

  @Option(
    parsing: .unconditional,
    help: "Worker threads assumed for the memory estimate (as 'run --threads').")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  func run() throws {
    var problems: [ScenarioError] = []
    var tooLarge: [String] = []
    for file in files {
      do {
        let scenario = try Scenario.load(
          path: file, includeRoot: includeRoot,
          limits: .standard(allowingExternalRankers: allowRankers))
        let spec = scenario.spec
        if let problem = MemoryCheck.problem(spec: spec, threads: max(1, threads)) {
          tooLarge.append("\(file): error: \(problem)")
          continue
        }
        let memory = MemoryEstimate(spec: spec, threads: max(1, threads)).bytes
        print(
          "\(file): ok — '\(TerminalText.sanitised(spec.name))': \(spec.arms.count) arm\(spec.arms.count == 1 ? "" : "s"), "
            + "\(spec.replications) seed\(spec.replications == 1 ? "" : "s"), \(spec.horizonDays) days "
            + "after a \(spec.burnInDays)-day burn-in, "
            + "\(spec.population.size) people, \(spec.catalogue.size) items"
            + (spec.audit.personas.isEmpty
              ? ""
              : ", \(spec.audit.accountCount) audit accounts (\(TerminalText.sanitised(spec.audit.personas.map(\.name).joined(separator: ", "))))")
            + "; "
            + "needs ≈ \(MemoryCheck.text(memory)) of memory")
      } catch {
        problems.append(error)
      }
    }
    guard problems.isEmpty else {
      for line in tooLarge { FeedSafeCommand.printError(line) }
      throw ScenarioError(diagnostics: problems.flatMap(\.diagnostics))
    }
    guard tooLarge.isEmpty else {
      for line in tooLarge { FeedSafeCommand.printError(line) }
      throw CommandFailure.badInput("")
    }
  }
}

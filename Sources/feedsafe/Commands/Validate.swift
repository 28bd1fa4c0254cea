import ArgumentParser
import FeedSafeScenario

/// `feedsafe validate FILE`: checks a scenario without running it.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Check a scenario file without running it; lists every problem with its line and column.")

  @Argument(help: "The scenario file (YAML).")
  var files: [String]

  func run() throws {
    var problems: [ScenarioError] = []
    for file in files {
      do {
        let scenario = try Scenario.load(path: file)
        let spec = scenario.spec
        print(
          "\(file): ok — '\(spec.name)': \(spec.arms.count) arm\(spec.arms.count == 1 ? "" : "s"), "
            + "\(spec.replications) seed\(spec.replications == 1 ? "" : "s"), \(spec.horizonDays) days, "
            + "\(spec.population.size) people, \(spec.catalogue.size) items")
      } catch {
        problems.append(error)
      }
    }
    guard problems.isEmpty else {
      throw ScenarioError(diagnostics: problems.flatMap(\.diagnostics))
    }
  }
}

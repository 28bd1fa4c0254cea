import ArgumentParser
import FeedSafeCore
import FeedSafeScenario
import Foundation

/// Flags shared by every command that loads and runs a scenario.
struct ScenarioOptions: ParsableArguments {
  @Argument(help: "The scenario file (YAML).")
  var file: String?

  @Option(
    parsing: .unconditional,
    help: "Number of seeds (replications), overriding the scenario's 'replications'.")
  var seeds: Int?

  @Option(
    name: .customLong("feeds"),
    help: ArgumentHelp(
      "A YAML file of feed definitions that replace the scenario's feeds of the same name (repeatable).",
      valueName: "file"))
  var feedFiles: [String] = []

  @Option(help: "Base seed, overriding the scenario's 'seed' (replication r uses seed + r).")
  var seed: UInt64?

  @Option(
    parsing: .unconditional,
    help: "People, overriding 'population.size' (for a quick, reduced-size run).")
  var people: Int?

  @Option(
    parsing: .unconditional,
    help: "Catalogue items, overriding 'catalogue.size'.")
  var items: Int?

  @Option(
    parsing: .unconditional,
    help: "Days, overriding 'horizon'.")
  var days: Int?

  @Option(
    name: .customLong("burn-in"), parsing: .unconditional,
    help: ArgumentHelp(
      "Unmeasured days simulated before the horizon, overriding 'burn_in_days' (0: a cold start).",
      valueName: "days"))
  var burnInDays: Int?

  @Option(
    help: ArgumentHelp(
      "The folder included feed files (and --feeds files) must lie inside; by default the scenario's own folder.",
      valueName: "dir"))
  var includeRoot: String?

  @Flag(
    help: ArgumentHelp(
      "Run the external rankers the scenario's feeds name (their 'ranker: {command: …}'); without it such a scenario is refused, since scenario files are untrusted input."
    ))
  var allowRankers = false

  /// The limits the scenario is read with: the standard ones, with rankers as `--allow-rankers`
  /// says.
  var limits: ScenarioLimits { .standard(allowingExternalRankers: allowRankers) }

  /// The scenario with the overrides applied.
  func load() throws -> Scenario {
    guard let file else { throw CommandFailure.badInput("missing the scenario file (FILE)") }
    for feedFile in feedFiles where !FileManager.default.fileExists(atPath: feedFile) {
      throw CommandFailure.badInput("--feeds: no such file '\(feedFile)'")
    }
    var scenario = try Scenario.load(
      path: file, feedOverrides: feedFiles, includeRoot: includeRoot, limits: limits)
    var spec = scenario.spec
    if let seeds { spec.replications = try positive(seeds, "--seeds") }
    if let seed { spec.seed = seed }
    if let people { spec.population.size = try positive(people, "--people", atMost: Self.rows) }
    if let items { spec.catalogue.size = try positive(items, "--items", atMost: Self.rows) }
    // Burn-in days come on top of the horizon (at most 3650 of them).
    if let days { spec.horizonDays = try positive(days, "--days", atMost: Self.rows - 3650) }
    if let burnInDays {
      guard (0...3650).contains(burnInDays) else {
        throw CommandFailure.badInput("--burn-in must be between 0 and 3650, got \(burnInDays)")
      }
      spec.burnInDays = burnInDays
    }
    scenario = Scenario(
      path: scenario.path, text: scenario.text, spec: spec, inputs: scenario.inputs)
    return scenario
  }

  /// The engine stores item, creator and day numbers as `Int32`.
  static let rows = Int(Int32.max)

  private func positive(_ value: Int, _ flag: String, atMost limit: Int = .max) throws -> Int {
    guard value > 0 else {
      throw CommandFailure.badInput("\(flag) must be at least 1, got \(value)")
    }
    guard value <= limit else {
      throw CommandFailure.badInput("\(flag) must be at most \(limit), got \(value)")
    }
    return value
  }
}

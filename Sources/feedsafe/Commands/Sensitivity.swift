import ArgumentParser
import FeedSafeCore
import FeedSafeReport
import FeedSafeScenario
import FeedSafeStore
import Foundation

/// `feedsafe sensitivity FILE`: how far each assumption, moved over its plausible range, moves
/// one effect of the scenario (docs/sensitivity.md).
struct Sensitivity: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Vary every assumption over its plausible range and rank how far each moves an effect (treatment − baseline on one metric).",
    discussion: """
      One at a time (each factor at both ends of its plausible range, the others at the \
      scenario's values), then a Latin-hypercube check that moves every factor at once. Every \
      point runs both arms on the same seeds (common random numbers). Runs at a screening size \
      unless --people, --items, --days, --burn-in or --seeds say otherwise: \
      \(SensitivitySize.standard.description). Stored as one run; 'feedsafe report RUN' draws \
      the tornado chart. See docs/sensitivity.md.
      """)

  @OptionGroup var scenario: ScenarioOptions
  @OptionGroup var store: StoreOptions
  @OptionGroup var sharding: ShardOptions

  @Option(
    help: ArgumentHelp(
      "The arm the effect is measured from (default: the first arm).", valueName: "arm"))
  var baseline: String?

  @Option(
    help: ArgumentHelp(
      "The arm whose difference is the effect (default: the second arm).", valueName: "arm"))
  var treatment: String?

  @Option(help: "The metric (docs/metrics.md).")
  var metric: String = Metric.exposurePerThousand.rawValue

  @Option(help: "The cohort.")
  var cohort: String = Cohorts.children

  @Option(help: "The harm measure, or 'all'.")
  var category: String = HarmMeasures.anyHarm

  @Option(
    help: ArgumentHelp(
      "Which assumptions to vary: 'reach' (those that can reach the metric), 'all', or 'none' (only --vary).",
      valueName: "set"))
  var assumptions: SensitivitySet = .reach

  @Option(
    help: ArgumentHelp(
      "Also vary KEY over LOW:HIGH (or its plausible range when no range is given); repeatable. Replaces an assumption's range.",
      valueName: "key[=low:high]"))
  var vary: [String] = []

  @Option(
    help: ArgumentHelp(
      "Latin-hypercube points for the joint check (0: none; default 20, or 2 × factors when fewer).",
      valueName: "n"))
  var samples: Int?

  @Option(parsing: .unconditional, help: "Worker threads (results are identical for any number).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Do not store the run.")
  var noStore = false

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

  @Option(help: "table, or csv (the ranked factors, numbers unrounded).")
  var format: Format = .table

  @Flag(name: .shortAndLong, help: "No progress on stderr.")
  var quiet = false

  func validate() throws {
    guard threads >= 1 else {
      throw ValidationError("--threads must be at least 1, got \(threads)")
    }
    if sharding.shard != .whole, noStore {
      throw ValidationError(
        "--shard stores its share of the analysis for 'feedsafe merge'; drop --no-store")
    }
    if let samples, samples < 0 || samples == 1 || samples > 10_000 {
      throw ValidationError("--samples must be 0 or between 2 and 10000, got \(samples)")
    }
  }

  func run() throws {
    var loaded = try scenario.load()
    let size = SensitivitySize.standard.applied(to: loaded.spec, keeping: scenario)
    let question = try question(in: size)
    let selection: SensitivityFactors.Selection =
      switch assumptions {
      case .reach: .reaching(Metric(rawValue: question.metric) ?? .exposurePerThousand)
      case .all: .all
      case .none: .none
      }
    let factors: [SensitivityPlan.Factor]
    do {
      factors = try SensitivityFactors.factors(in: size, selection: selection, vary: vary)
    } catch {
      throw CommandFailure.badInput(error.description)
    }
    let design = SensitivityPlan(
      question: question, factors: factors,
      samples: samples ?? min(20, 2 * factors.count), seed: size.seed)
    var spec = size
    spec.arms = design.arms(from: size)
    spec.sensitivity = design
    spec.audit = .none
    loaded = Scenario(path: loaded.path, text: loaded.text, spec: spec, inputs: loaded.inputs)
    if !quiet {
      FileHandle.standardError.write(
        Data(
          "sensitivity: \(design.factors.count) factors, \(design.points.count) points × 2 arms × \(spec.replications) seeds at \(spec.population.size) people, \(spec.catalogue.size) items, \(spec.burnInDays) + \(spec.horizonDays) days\n"
            .utf8))
    }
    var values: [MetricValue] = []
    let outcome = try ScenarioExecution.perform(
      loaded, store: noStore ? nil : store.openForWriting(), threads: threads, quiet: quiet,
      armsPerPoint: 2, shard: sharding.shard,
      onResult: { result in
        values += result.values.filter {
          $0.metric.rawValue == question.metric && $0.cohort == question.cohort
            && $0.category == question.category
        }
      })
    if sharding.shard != .whole {
      print(
        ShardOptions.stored(sharding.shard, spec: spec, runID: outcome.runID, path: store.path),
        terminator: "")
      return
    }
    let analysis = SensitivityAnalysis(plan: design, values: values)
    if format == .csv {
      print(SensitivityRenderer.csv(analysis), terminator: "")
      return
    }
    print(SensitivityRenderer.render(analysis, seeds: spec.replications), terminator: "")
    if let runID = outcome.runID {
      print("\nstored as run \(runID); 'feedsafe report \(runID)' draws the tornado chart")
    }
  }

  /// The question from the flags, checked against the scenario.
  private func question(in spec: ExperimentSpec) throws -> EffectQuestion {
    let arms = spec.arms.map(\.name)
    guard arms.count >= 2 || (baseline != nil && treatment != nil) else {
      throw CommandFailure.badInput(
        "the scenario has one arm; an effect compares two (--baseline, --treatment)")
    }
    let chosen = try [(baseline, "baseline", 0), (treatment, "treatment", 1)].map {
      name, flag, position in
      let name = name ?? arms[position]
      guard arms.contains(name) else {
        throw CommandFailure.badInput(
          "--\(flag): no arm '\(name)' in the scenario; arms: \(arms.joined(separator: ", "))")
      }
      return name
    }
    guard chosen[0] != chosen[1] else {
      throw CommandFailure.badInput("--baseline and --treatment name the same arm '\(chosen[0])'")
    }
    guard Metric(rawValue: metric) != nil else {
      throw CommandFailure.badInput(
        "--metric: unknown metric '\(metric)'; metrics: "
          + Metric.allCases.map(\.rawValue).joined(separator: ", "))
    }
    let cohorts = Cohorts(population: spec.population).names
    guard cohorts.contains(cohort) else {
      throw CommandFailure.badInput(
        "--cohort: no cohort '\(cohort)'; cohorts: \(cohorts.joined(separator: ", "))")
    }
    let categories = HarmMeasures(taxonomy: spec.taxonomy).names + [Metric.allCategories]
    guard categories.contains(category) else {
      throw CommandFailure.badInput(
        "--category: no harm measure '\(category)'; measures: \(categories.joined(separator: ", "))"
      )
    }
    return EffectQuestion(
      baseline: chosen[0], treatment: chosen[1], metric: metric, cohort: cohort,
      category: category)
  }
}

enum SensitivitySet: String, ExpressibleByArgument, CaseIterable { case reach, all, none }

/// The size a sensitivity analysis runs at unless the command line says otherwise: small enough
/// that 2k + 1 + samples points fit in minutes, large enough that children's exposure is measured
/// on a few hundred children (docs/sensitivity.md).
struct SensitivitySize: CustomStringConvertible {
  var people: Int
  var items: Int
  var days: Int
  var burnInDays: Int
  var seeds: Int

  static let standard = SensitivitySize(
    people: 1_000, items: 10_000, days: 7, burnInDays: 7, seeds: 3)

  var description: String {
    "\(people) people, \(items) items, \(burnInDays) + \(days) days, \(seeds) seeds"
  }

  /// `spec` at this size, except where `options` set a size.
  func applied(to spec: ExperimentSpec, keeping options: ScenarioOptions) -> ExperimentSpec {
    var spec = spec
    if options.people == nil { spec.population.size = min(spec.population.size, people) }
    if options.items == nil { spec.catalogue.size = min(spec.catalogue.size, items) }
    if options.days == nil { spec.horizonDays = min(spec.horizonDays, days) }
    if options.burnInDays == nil { spec.burnInDays = min(spec.burnInDays, burnInDays) }
    if options.seeds == nil { spec.replications = min(spec.replications, seeds) }
    return spec
  }
}

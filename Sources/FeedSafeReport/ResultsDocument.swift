import FeedSafeCore
import Foundation

/// The results of a run as users read them: the scenario summary, the arms and the summary rows.
/// Rendered as an aligned table, JSON or CSV by ``ResultsRenderer``.
public struct ResultsDocument: Sendable {
  /// Scenario summary.
  public struct ScenarioSummary: Codable, Sendable, Equatable {
    /// The scenario's name.
    public var name: String
    /// Its description.
    public var description: String
    /// The file it came from.
    public var path: String
    /// Seeds run.
    public var seeds: [UInt64]
    /// Days simulated.
    public var horizonDays: Int
    /// People simulated.
    public var people: Int
    /// Items in the catalogue.
    public var items: Int

    /// A scenario summary.
    public init(
      name: String, description: String, path: String, seeds: [UInt64], horizonDays: Int,
      people: Int, items: Int
    ) {
      self.name = name
      self.description = description
      self.path = path
      self.seeds = seeds
      self.horizonDays = horizonDays
      self.people = people
      self.items = items
    }

    enum CodingKeys: String, CodingKey {
      case name, description, path, seeds, people, items
      case horizonDays = "horizon_days"
    }
  }

  /// The stored run's id, or `nil` when the run was not stored.
  public var runID: String?
  /// The scenario.
  public var scenario: ScenarioSummary
  /// Arm names, in scenario order.
  public var arms: [String]
  /// Cohort names, in reporting order.
  public var cohorts: [String]
  /// Which cohorts hold only children (shown first).
  public var childCohorts: Set<String>
  /// Harm measure names (categories, then groups).
  public var categories: [String]
  /// The metrics, mean and CI over seeds.
  public var rows: [SummaryRow]
  /// The audit accounts' metrics, mean and CI over seeds (empty without audit accounts).
  public var audit: [AuditSummaryRow] = []

  /// A results document.
  public init(
    runID: String?, scenario: ScenarioSummary, arms: [String], cohorts: [String],
    childCohorts: Set<String>, categories: [String], rows: [SummaryRow]
  ) {
    self.runID = runID
    self.scenario = scenario
    self.arms = arms
    self.cohorts = cohorts
    self.childCohorts = childCohorts
    self.categories = categories
    self.rows = rows
  }

  /// The document of a finished run of `spec` loaded from `path`.
  public init(spec: ExperimentSpec, path: String, rows: [SummaryRow], runID: String?) {
    let cohorts = Cohorts(population: spec.population)
    self.init(
      runID: runID,
      scenario: ScenarioSummary(
        name: spec.name, description: spec.description, path: path, seeds: spec.seeds,
        horizonDays: spec.horizonDays, people: spec.population.size, items: spec.catalogue.size),
      arms: spec.arms.map(\.name), cohorts: cohorts.names,
      childCohorts: Set(
        cohorts.names.indices.filter(cohorts.isChildCohort).map { cohorts.names[$0] }),
      categories: HarmMeasures(taxonomy: spec.taxonomy).names, rows: rows)
  }
}

/// A whole experiment as plain values: the world, the feeds, the arms and how long and how often
/// to run it. The scenario module turns a YAML file into one of these; nothing here knows YAML.
public struct ExperimentSpec: Sendable, Equatable {
  /// The scenario's name.
  public var name: String
  /// What question the scenario answers.
  public var description: String
  /// Base seed; replication `r` uses seed `seed + r`.
  public var seed: UInt64
  /// Number of replications (seeds).
  public var replications: Int
  /// Days measured.
  public var horizonDays: Int
  /// Days simulated before the measured horizon and not measured, so that the platform starts
  /// the horizon warmed up: popularity, trending, profiles, follows and the learned engagement
  /// statistics come from earlier use, as on a platform that has been running for years.
  public var burnInDays: Int = Defaults.burnInDays
  /// The population.
  public var population: PopulationSpec
  /// The catalogue.
  public var catalogue: CatalogueSpec
  /// The moderation classifier.
  public var moderation: ModerationSpec
  /// The choice model.
  public var behaviour: BehaviourSpec
  /// What the platform learns from engagement, and how fast it forgets.
  public var learning: LearningSpec = .standard
  /// Every feed an arm may name (presets and the scenario's own).
  public var feeds: [FeedDefinition]
  /// The policy settings compared.
  public var arms: [Arm]
  /// What `feedsafe check` verifies.
  public var gate: GateSpec = .standard
  /// Ads, contact, under-13 consent and tracking consent.
  public var platform: PlatformSpec
  /// Scripted audit accounts that join the warmed-up platform (`docs/audits.md`).
  public var audit: AuditSpec = .none
  /// The sensitivity analysis whose points the arms are (`feedsafe sensitivity`), if any.
  public var sensitivity: SensitivityPlan?

  /// An experiment with every part given.
  public init(
    name: String, description: String, seed: UInt64, replications: Int, horizonDays: Int,
    population: PopulationSpec, catalogue: CatalogueSpec, moderation: ModerationSpec,
    behaviour: BehaviourSpec, feeds: [FeedDefinition], arms: [Arm], platform: PlatformSpec? = nil
  ) {
    self.name = name
    self.description = description
    self.seed = seed
    self.replications = replications
    self.horizonDays = horizonDays
    self.population = population
    self.catalogue = catalogue
    self.moderation = moderation
    self.behaviour = behaviour
    self.feeds = feeds
    self.arms = arms
    self.platform = platform ?? .standard(taxonomy: catalogue.taxonomy, bands: population.bands)
  }

  /// Days simulated in all: the burn-in, then the measured horizon.
  public var simulatedDays: Int { burnInDays + horizonDays }

  /// The seeds of every replication, in order.
  public var seeds: [UInt64] { (0..<replications).map { seed &+ UInt64($0) } }

  /// The index of the feed named `name`.
  public func feedIndex(named name: String) -> Int? { feeds.firstIndex { $0.name == name } }

  /// The taxonomy shared by catalogue and metrics.
  public var taxonomy: Taxonomy { catalogue.taxonomy }
}

/// The world of one seed: population and catalogue, built once and shared by every arm.
public struct World: Sendable {
  /// The seed it was built from.
  public let seed: UInt64
  /// The catalogue.
  public let catalogue: Catalogue
  /// The population.
  public let population: Population
  /// The ad inventory.
  public let ads: AdInventory

  /// Builds the world of `seed` for `spec` (catalogue first: follows refer to its creators).
  public init(spec: ExperimentSpec, seed: UInt64) {
    self.seed = seed
    catalogue = Catalogue.build(
      spec: spec.catalogue, moderation: spec.moderation, seed: seed,
      horizonDays: spec.simulatedDays,
      commercialShare: spec.platform.ads.commercialShare)
    var population = Population.build(spec: spec.population, catalogue: catalogue, seed: seed)
    population.appendAuditAccounts(spec.audit, seed: seed)
    self.population = population
    ads = AdInventory.build(spec: spec.platform.ads, taxonomy: spec.taxonomy, seed: seed)
  }
}

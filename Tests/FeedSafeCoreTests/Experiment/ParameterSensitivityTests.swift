import Testing

@testable import FeedSafeCore

/// Every scenario parameter must change something: perturbing any one of them moves some output
/// (a long-standing bug class in peer simulators is parameters that are read and then ignored).
@Suite("Every model parameter matters")
struct ParameterSensitivityTests {
  struct Perturbation: CustomTestStringConvertible, Sendable {
    let name: String
    let change: @Sendable (inout ExperimentSpec) -> Void
    var testDescription: String { name }
  }

  static func band(_ change: @escaping @Sendable (inout BandSpec) -> Void)
    -> @Sendable (inout ExperimentSpec) -> Void
  {
    { spec in
      for index in spec.population.bandSpecs.indices { change(&spec.population.bandSpecs[index]) }
    }
  }

  static let perturbations: [Perturbation] = [
    .init(name: "behaviour.engagement_intercept") { $0.behaviour.intercept = -1 },
    .init(name: "behaviour.interest_weight") { $0.behaviour.interestWeight = 6 },
    .init(name: "behaviour.appeal_weight") { $0.behaviour.appealWeight = 3 },
    .init(name: "behaviour.harm_weight") { $0.behaviour.harmWeight = 3 },
    .init(name: "behaviour.not_interested_rate") { $0.behaviour.notInterestedRate = 1 },
    .init(name: "behaviour.follow_rate") { $0.behaviour.followRate = 0.5 },
    .init(name: "behaviour.interest_drift") { $0.behaviour.interestDrift = 0.3 },
    .init(name: "behaviour.profile_learning_rate") { $0.behaviour.profileLearningRate = 0.6 },
    .init(name: "behaviour.engagement_stop_factor") { $0.behaviour.engagementStopFactor = 1 },
    .init(name: "behaviour.maximum_session_factor") { $0.behaviour.maximumSessionFactor = 1 },
    .init(name: "behaviour.watch_offset") { $0.behaviour.watchOffset = 0 },
    .init(name: "behaviour.skip_seconds") { $0.behaviour.skipSeconds = 10 },
    .init(name: "behaviour.interest_recovery") { $0.behaviour.interestRecovery = 0.9 },
    .init(name: "burn_in_days") { $0.burnInDays = 2 },
    .init(name: "learning.prior_impressions") { $0.learning.priorImpressions = 1 },
    .init(name: "learning.personal_prior_impressions") {
      $0.learning.personalPriorImpressions = 50
    },
    .init(name: "learning.daily_retention") { $0.learning.dailyRetention = 0 },
    .init(name: "feeds.exploration") { spec in
      for i in spec.feeds.indices { spec.feeds[i].exploration = 0.5 }
    },
    .init(name: "population.bands.new_account_share", change: band { $0.newAccountShare = 0.5 }),
    .init(name: "population.segments") { spec in
      spec.population.segments = [
        PopulationSegment(
          name: "a", share: 0.5,
          susceptibilityFactor: Array(repeating: 3, count: spec.taxonomy.harms.count)),
        PopulationSegment(
          name: "b", share: 0.5,
          susceptibilityFactor: Array(repeating: 0, count: spec.taxonomy.harms.count)),
      ]
    },
    .init(name: "catalogue.prevalence") {
      $0.catalogue.prevalence = $0.catalogue.prevalence.map { $0 * 3 }
    },
    .init(name: "catalogue.benign_appeal") { $0.catalogue.benignAppeal = 0.6 },
    .init(name: "catalogue.appeal_spread") { $0.catalogue.appealSpread = 0.3 },
    .init(name: "catalogue.appeal_uplift") {
      $0.catalogue.harmAppealUplift = $0.catalogue.harmAppealUplift.map { _ in 0.6 }
    },
    .init(name: "catalogue.severity") { $0.catalogue.severityRange = 0.1...0.2 },
    .init(name: "catalogue.gateway_weight") { $0.catalogue.gatewayWeight = 2 },
    .init(name: "catalogue.duration_seconds") { $0.catalogue.durationSeconds = 30...90 },
    .init(name: "catalogue.back_catalogue_days") { $0.catalogue.backCatalogueDays = 3 },
    .init(name: "catalogue.back_catalogue_share") { $0.catalogue.backCatalogueShare = 0.9 },
    .init(name: "catalogue.items_per_creator") { $0.catalogue.itemsPerCreator = 5 },
    .init(name: "moderation.recall") {
      $0.moderation.recall = $0.moderation.recall.map { _ in 0.2 }
    },
    .init(name: "moderation.false_positive_rate") {
      $0.moderation.falsePositiveRate = $0.moderation.falsePositiveRate.map { _ in 0.01 }
    },
    .init(name: "population.bands.share") { spec in
      spec.population.bandSpecs[0].share += 0.1
      spec.population.bandSpecs[3].share -= 0.1
    },
    .init(name: "population.bands.lie_rate", change: band { $0.lieRate = 0.9 }),
    .init(name: "population.bands.topic_priors", change: band { $0.topicPriors[0] = 50 }),
    .init(
      name: "population.bands.interest_concentration",
      change: band { $0.interestConcentration = 20 }),
    .init(name: "population.bands.vulnerable_share", change: band { $0.vulnerableShare = 0.9 }),
    .init(name: "population.bands.sessions_per_day", change: band { $0.sessionsPerDay = 6 }),
    .init(name: "population.bands.session_minutes", change: band { $0.sessionMinutes = 30 }),
    .init(name: "population.age_assurance") {
      $0.population.ageAssurance = .estimation(meanAbsoluteError: 3)
    },
    .init(name: "population.susceptibility.base") {
      $0.population.baseSusceptibility = $0.population.baseSusceptibility.map { _ in 2 }
    },
    .init(name: "population.susceptibility.vulnerable") {
      $0.population.vulnerableSusceptibility = $0.population.vulnerableSusceptibility.map { _ in 5 }
    },
    .init(name: "population.stickiness") {
      $0.population.stickiness = $0.population.stickiness.map { _ in 0.3 }
    },
    .init(name: "population.initial_follows") { $0.population.initialFollows = 5 },
    .init(name: "population.maximum_follows") { $0.population.maximumFollows = 1 },
    .init(name: "population.declared_interests") { $0.population.maximumDeclaredInterests = 1 },
    .init(name: "feeds.page_size") { spec in
      for i in spec.feeds.indices { spec.feeds[i].pageSize = 4 }
    },
    .init(name: "feeds.trending_size") { spec in
      for i in spec.feeds.indices { spec.feeds[i].trendingSize = 5 }
    },
    .init(name: "feeds.sources") { spec in
      for i in spec.feeds.indices {
        spec.feeds[i].sources = spec.feeds[i].sources.map {
          SourceQuota($0.source, quota: $0.quota * 2)
        }
      }
    },
    .init(name: "feeds.scoring") { spec in
      for i in spec.feeds.indices { spec.feeds[i].weights[2] += 2 }
    },
    .init(name: "horizon") { $0.horizonDays += 1 },
    .init(name: "seed") { $0.seed += 1 },
  ]

  /// Three presets, plus an arm offering "not interested" to everyone with no filters, so that
  /// the "not interested" parameters act on plenty of harmful impressions.
  static let base: ExperimentSpec = {
    var notInterested = TinyWorld.arm("not_interested", .none)
    for index in notInterested.policies.indices {
      notInterested.policies[index].honoursNotInterested = true
    }
    return TinyWorld.spec(
      people: 250, items: 2_000, days: 3,
      arms: [
        TinyWorld.arm("none", .none), TinyWorld.arm("ofcom", .ofcomChildrenCodes),
        TinyWorld.arm("ico", .icoChildrensCode), notInterested,
      ], burnIn: 1)
  }()

  @Test("perturbing the parameter moves some output", arguments: perturbations)
  func parameterMatters(_ perturbation: Perturbation) throws {
    var changed = Self.base
    perturbation.change(&changed)
    #expect(try TinyWorld.values(Self.base) != TinyWorld.values(changed))
  }
}

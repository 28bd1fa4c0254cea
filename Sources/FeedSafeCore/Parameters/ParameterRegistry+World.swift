/// The population, catalogue and moderation keys. Sources and plausible ranges are argued in
/// `docs/model.md`; the notes here are their short form.
extension ParameterRegistry {
  static let population: [Parameter] =
    [
      Parameter(
        "population.size", .whole, unit: "people", range: 1...100_000_000, default: "2,000",
        .choice("the experiment's size; rates per 1,000 impressions barely depend on it"),
        reach: .size
      ) { spec, _, change in
        spec.population.size = Int(change(Double(spec.population.size)))
      },
      band(
        "share", \.share, unit: "share", default: "5%, 10%, 7%, 78%",
        .assumption(nil, "a general-audience platform"),
        notSweepable: "band shares must sum to 1; change them in the file"),
      band(
        "lie_rate", \.lieRate, unit: "share", default: "0.6 under 13, 0.32 for 13–17",
        .source(
          "Ofcom / Yonder, Children's online user ages (2022): 32% of 8–17s with a profile have a user age of 18+",
          plausible: .factor(0.75...1.25))),
      band(
        "adult_declared_share", \.adultDeclaredShare, unit: "share of liars",
        default: "0.38 under 13, 1 otherwise",
        .source("Ofcom / Yonder (2022): 23% of 8–12s have a user age of 18+")),
      band(
        "vulnerable_share", \.vulnerableShare, unit: "share", default: "0.20 children, 0.17 adults",
        .source("NHS England MHCYP 2023 (20.3% of 8–16s); APMS 2014 (about 1 adult in 6)")),
      band(
        "sessions_per_day", \.sessionsPerDay, unit: "sessions/day", range: 0...100,
        default: "3 children, 2 adults",
        .assumption(
          .factor(0.5...2),
          "measured feed time ≈ 46 min/day for children; panels report 34–120 min/day")),
      band(
        "session_minutes", \.sessionMinutes, unit: "minutes", range: 0.1...1_440, default: "15",
        .assumption(.factor(0.5...1.5), "GWS Magnify 2024: 8-minute sessions; Semrush: 12.5")),
      band(
        "interest_concentration", \.interestConcentration, unit: "Dirichlet concentration",
        range: 0.001...1_000, default: "0.5", .assumption(.factor(0.5...2))),
      band(
        "new_account_share", \.newAccountShare, unit: "share", default: "0",
        .choice("the accounts an audit opens")),
      Parameter(
        "population.bands.<band>.topic_priors.<topic>", unit: "weight", range: 0...1_000,
        default: "1, with age-typical boosts", .assumption(nil)
      ) { spec, binding, change in
        for band in binding[0] {
          spec.population.bandSpecs[band].topicPriors.update(binding[1], change)
        }
      },
      Parameter(
        "population.lie_rate", unit: "share", range: 0...1,
        default: "the child bands' lie_rate",
        .source("sweep shorthand: every child band's lie_rate", plausible: nil),
        isScenarioKey: false
      ) { spec, _, change in
        let bands = spec.population.bands
        for band in bands.all where bands.isChild(band) {
          spec.population.bandSpecs[band.position].lieRate = change(
            spec.population.bandSpecs[band.position].lieRate)
        }
      },
      Parameter(
        "population.susceptibility.base.<category>", unit: "logit weight", range: 0...100,
        default: "0", .assumption(.values(0...0.5), "people without a vulnerability")
      ) { spec, binding, change in spec.population.baseSusceptibility.update(binding[0], change) },
      Parameter(
        "population.susceptibility.vulnerable.<category>", unit: "logit weight", range: 0...100,
        default: "1.5",
        .assumption(
          .values(1...3), "Fassi et al., Nat Hum Behav 2025: odds of the order of 2; see model.md")
      ) { spec, binding, change in
        spec.population.vulnerableSusceptibility.update(binding[0], change)
      },
      Parameter(
        "population.stickiness.<setting>", unit: "share who keep the default", range: 0...1,
        default: "0.9",
        .assumption(
          .values(0.75...0.97),
          "the default effect (Johnson & Goldstein 2003; Acquisti et al. 2015)")
      ) { spec, binding, change in spec.population.stickiness.update(binding[0], change) },
      Parameter(
        "population.initial_follows", unit: "creators", range: 0...1_000, default: "20",
        .assumption(.values(5...100))
      ) { spec, _, change in spec.population.initialFollows = change(spec.population.initialFollows)
      },
      Parameter(
        "population.maximum_follows", .whole, unit: "creators", range: 0...1_000, default: "64",
        .assumption(nil, "a memory bound")
      ) { spec, _, change in
        spec.population.maximumFollows = Int(change(Double(spec.population.maximumFollows)))
      },
      Parameter(
        "population.declared_interests", .whole, unit: "topics", range: 1...64, default: "3",
        .assumption(nil)
      ) { spec, _, change in
        spec.population.maximumDeclaredInterests = Int(
          change(Double(spec.population.maximumDeclaredInterests)))
      },
      Parameter(
        "population.segments.<segment>.share", unit: "share", range: 0...1, default: "none",
        .choice(), notSweepable: "segment shares must sum to 1; change them in the file"
      ) { spec, binding, change in
        for index in binding[0] where spec.population.segments.indices.contains(index) {
          spec.population.segments[index].share = change(spec.population.segments[index].share)
        }
      },
      Parameter(
        "population.segments.<segment>.susceptibility.<category>", unit: "factor",
        range: 0...100, default: "1",
        .source("ratios of condition prevalence (NHS England MHCYP 2023; APMS 2014)")
      ) { spec, binding, change in
        for index in binding[0] where spec.population.segments.indices.contains(index) {
          spec.population.segments[index].susceptibilityFactor.update(binding[1], change)
        }
      },
      Parameter(
        "population.segments.<segment>.offline_meeting_factor", unit: "factor", range: 0...100,
        default: "1", .assumption(nil), reach: .platform
      ) { spec, binding, change in
        for index in binding[0] where spec.population.segments.indices.contains(index) {
          spec.population.segments[index].offlineMeetingFactor = change(
            spec.population.segments[index].offlineMeetingFactor)
        }
      },
    ] + ageAssurance

  /// A per-band key: `population.bands.<band>.<key>`.
  private static func band(
    _ key: String, _ field: WritableKeyPath<BandSpec, Double> & Sendable, unit: String,
    range: ClosedRange<Double> = 0...1, default defaultText: String, _ basis: ParameterBasis,
    notSweepable: String? = nil
  ) -> Parameter {
    Parameter(
      "population.bands.<band>.\(key)", unit: unit, range: range, default: defaultText, basis,
      notSweepable: notSweepable
    ) { spec, binding, change in
      for band in binding[0] where spec.population.bandSpecs.indices.contains(band) {
        spec.population.bandSpecs[band][keyPath: field] = change(
          spec.population.bandSpecs[band][keyPath: field])
      }
    }
  }

  /// The age-assurance accuracy keys; they change the population's method and every arm's own
  /// method where that method has the parameter.
  private static let ageAssurance: [Parameter] = [
    Parameter(
      "population.age_assurance.mean_absolute_error", unit: "years", range: 0...50,
      default: "1.5",
      .source(
        "Yoti white papers: MAE 1.4–1.55 years for teens (NIST found larger errors)",
        plausible: .values(1...3))
    ) { spec, _, change in
      spec.mapAgeAssurance {
        switch $0 {
        case .estimation(let error): .estimation(meanAbsoluteError: change(error))
        case .challengeAge(let error, let buffer, let failure):
          .challengeAge(
            meanAbsoluteError: change(error), challengeBuffer: buffer, failureRate: failure)
        default: $0
        }
      }
    },
    Parameter(
      "population.age_assurance.challenge_buffer", unit: "years", range: 0...50, default: "5",
      .assumption(.values(2...7), "the retail Challenge 25 rule has a buffer of 7")
    ) { spec, _, change in
      spec.mapAgeAssurance {
        guard case .challengeAge(let error, let buffer, let failure) = $0 else { return $0 }
        return .challengeAge(
          meanAbsoluteError: error, challengeBuffer: change(buffer), failureRate: failure)
      }
    },
    Parameter(
      "population.age_assurance.failure_rate", unit: "share of checks", range: 0...1,
      default: "0.01", .assumption(.values(0.005...0.05))
    ) { spec, _, change in
      spec.mapAgeAssurance {
        switch $0 {
        case .verification(let failure): .verification(failureRate: change(failure))
        case .challengeAge(let error, let buffer, let failure):
          .challengeAge(
            meanAbsoluteError: error, challengeBuffer: buffer, failureRate: change(failure))
        default: $0
        }
      }
    },
  ]

  static let catalogue: [Parameter] = [
    Parameter(
      "catalogue.size", .whole, unit: "items", range: 1...100_000_000, default: "20,000",
      .choice("the experiment's size"), reach: .size
    ) { spec, _, change in spec.catalogue.size = Int(change(Double(spec.catalogue.size))) },
    Parameter(
      "catalogue.prevalence.<category>", unit: "share of items", range: 0...1,
      default: "0.005 per category",
      .assumption(
        .values(0.001...0.01),
        "platforms remove ≈ 1% of uploads; harmful-to-children exceeds violating")
    ) { spec, binding, change in spec.catalogue.prevalence.update(binding[0], change) },
    Parameter(
      "catalogue.appeal_uplift.<category>", unit: "appeal", range: -1...1, default: "0.2",
      .assumption(.values(0...0.3), "of the order of Brady et al., PNAS 2017")
    ) { spec, binding, change in spec.catalogue.harmAppealUplift.update(binding[0], change) },
    Parameter(
      "catalogue.benign_appeal", unit: "appeal", range: 0...1, default: "0.3",
      .assumption(.values(0.2...0.4))
    ) { spec, _, change in spec.catalogue.benignAppeal = change(spec.catalogue.benignAppeal) },
    Parameter(
      "catalogue.appeal_spread", unit: "appeal (sd)", range: 0...1, default: "0.15",
      .assumption(.values(0.05...0.25))
    ) { spec, _, change in spec.catalogue.appealSpread = change(spec.catalogue.appealSpread) },
    Parameter(
      "catalogue.severity", unit: "[low, high]", range: 0...1, default: "[0.5, 1]",
      .assumption(nil), notSweepable: "a [low, high] pair; change it in the file"
    ) { _, _, _ in },
    Parameter(
      "catalogue.gateway_weight", unit: "weight", range: 0...10, default: "1",
      .assumption(.values(0.8...1.3), "the symmetric choice; see model.md")
    ) { spec, _, change in spec.catalogue.gatewayWeight = change(spec.catalogue.gatewayWeight) },
    Parameter(
      "catalogue.duration_seconds", unit: "[low, high] seconds", range: 1...86_400,
      default: "[10, 60]", .assumption(nil, "short-form video"),
      notSweepable: "a [low, high] pair; change it in the file"
    ) { _, _, _ in },
    Parameter(
      "catalogue.back_catalogue_days", .whole, unit: "days", range: 1...3_650, default: "30",
      .assumption(nil)
    ) { spec, _, change in
      spec.catalogue.backCatalogueDays = Int(change(Double(spec.catalogue.backCatalogueDays)))
    },
    Parameter(
      "catalogue.back_catalogue_share", unit: "share", range: 0...1, default: "0.5",
      .assumption(.values(0.25...0.75))
    ) { spec, _, change in
      spec.catalogue.backCatalogueShare = change(spec.catalogue.backCatalogueShare)
    },
    Parameter(
      "catalogue.items_per_creator", .whole, unit: "items", range: 1...1_000_000, default: "50",
      .assumption(.values(10...200))
    ) { spec, _, change in
      spec.catalogue.itemsPerCreator = Int(change(Double(spec.catalogue.itemsPerCreator)))
    },
  ]

  static let moderation: [Parameter] = [
    Parameter(
      "moderation.recall.<category>", unit: "share of harmful items", range: 0...1,
      default: "0.85", .assumption(.values(0.6...0.95), "the reference workload's 0.85")
    ) { spec, binding, change in spec.moderation.recall.update(binding[0], change) },
    Parameter(
      "moderation.false_positive_rate.<category>", unit: "share of benign items", range: 0...1,
      default: "0.001", .assumption(.values(0.0002...0.005), "≈ 1% of benign items flagged in all")
    ) { spec, binding, change in spec.moderation.falsePositiveRate.update(binding[0], change) },
  ]
}

extension ExperimentSpec {
  /// Changes the population's age-assurance method and every arm's own method.
  mutating func mapAgeAssurance(_ change: (AgeAssurance) -> AgeAssurance) {
    population.ageAssurance = change(population.ageAssurance)
    for index in arms.indices {
      arms[index].ageAssurance = arms[index].ageAssurance.map(change)
    }
  }
}

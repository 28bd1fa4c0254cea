/// The behaviour, learning and feed keys: how people respond and how the platform ranks.
extension ParameterRegistry {
  static let behaviour: [Parameter] = [
    behaviour(
      "engagement_intercept", \.intercept, range: -20...20, default: "−6",
      .calibrated("52–58 engagements per 1,000 impressions against 4.1–5.5% (calibration.md)")),
    behaviour(
      "interest_weight", \.interestWeight, range: -20...20, default: "3",
      .assumption(.values(2...4), "the reference workload's value")),
    behaviour(
      "appeal_weight", \.appealWeight, range: -20...20, default: "1",
      .assumption(.values(0.5...1.5), "the reference workload's value")),
    behaviour(
      "harm_weight", \.harmWeight, range: -20...20, default: "0.8",
      .assumption(.values(0.4...1.2), "the reference workload's value")),
    behaviour(
      "watch_offset", \.watchOffset, range: -20...20, default: "3.5",
      .calibrated("completion share 0.61–0.63 against KuaiRec and data donations")),
    behaviour(
      "skip_seconds", \.skipSeconds, unit: "seconds", range: 0...3_600, default: "3",
      .source(
        "AdAge 2016: 1.7 s per mobile feed item; the 3-second hook", plausible: .values(1.5...3))
    ),
    behaviour(
      "not_interested_rate", \.notInterestedRate, unit: "share of skipped harmful items",
      range: 0...1, default: "0.3", .assumption(.values(0.1...0.5))),
    behaviour(
      "follow_rate", \.followRate, unit: "follows per engagement", range: 0...1, default: "0.02",
      .assumption(.values(0.005...0.05), "no per-view follow rate was found in published data")),
    behaviour(
      "interest_drift", \.interestDrift, unit: "share per engagement", range: 0...1,
      default: "0.05", .assumption(.values(0.02...0.1), "the reference workload's value")),
    behaviour(
      "interest_recovery", \.interestRecovery, unit: "share per day", range: 0...1,
      default: "0.1", .assumption(.values(0...0.3))),
    behaviour(
      "profile_learning_rate", \.profileLearningRate, unit: "share per watched item",
      range: 0...1, default: "0.2",
      .assumption(.values(0.1...0.4), "the reference workload's value")
    ),
    behaviour(
      "engagement_stop_factor", \.engagementStopFactor, unit: "factor", range: 0...10,
      default: "0.5", .assumption(.values(0.25...1), "engagement extends sessions")),
    behaviour(
      "maximum_session_factor", \.maximumSessionFactor, unit: "× mean session", range: 0.1...100,
      default: "4", .assumption(.values(2...8))),
  ]

  private static func behaviour(
    _ key: String, _ field: WritableKeyPath<BehaviourSpec, Double> & Sendable,
    unit: String = "logit", range: ClosedRange<Double>, default defaultText: String,
    _ basis: ParameterBasis
  ) -> Parameter {
    Parameter("behaviour.\(key)", unit: unit, range: range, default: defaultText, basis) {
      spec, _, change in
      spec.behaviour[keyPath: field] = change(spec.behaviour[keyPath: field])
    }
  }

  static let learning: [Parameter] = [
    learning(
      "prior_impressions", \.priorImpressions, unit: "impressions", range: 0.001...1_000_000,
      default: "20", plausible: 5...100),
    learning(
      "personal_prior_impressions", \.personalPriorImpressions, unit: "impressions",
      range: 0.001...1_000_000, default: "2", plausible: 1...20),
    learning(
      "daily_retention", \.dailyRetention, unit: "share per day", range: 0...1, default: "0.8",
      plausible: 0.5...0.95),
  ]

  private static func learning(
    _ key: String, _ field: WritableKeyPath<LearningSpec, Double> & Sendable, unit: String,
    range: ClosedRange<Double>, default defaultText: String, plausible: ClosedRange<Double>
  ) -> Parameter {
    Parameter(
      "learning.\(key)", unit: unit, range: range, default: defaultText,
      .assumption(.values(plausible), "empirical-Bayes smoothing; see model.md")
    ) { spec, _, change in spec.learning[keyPath: field] = change(spec.learning[keyPath: field]) }
  }

  static let feeds: [Parameter] = [
    Parameter(
      "feeds.<feed>.scoring.<feature>", unit: "weight", range: 0...1_000,
      default: "the feed's (feeds.md)", .choice("the platform's ranking rule")
    ) { spec, binding, change in
      for feed in binding[0] where spec.feeds.indices.contains(feed) {
        spec.feeds[feed].weights.update(binding[1], change)
      }
    },
    Parameter(
      "feeds.<feed>.sources.<source>", .whole, unit: "candidates", range: 0...10_000,
      default: "the feed's (feeds.md)", .choice("the platform's candidate quotas")
    ) { spec, binding, change in
      for feed in binding[0] where spec.feeds.indices.contains(feed) {
        for index in spec.feeds[feed].sources.indices {
          let source = spec.feeds[feed].sources[index].source
          guard let position = CandidateSource.allCases.firstIndex(of: source),
            binding[1].contains(position)
          else { continue }
          spec.feeds[feed].sources[index].quota = Int(
            change(Double(spec.feeds[feed].sources[index].quota)))
        }
      }
    },
    Parameter(
      "feeds.<feed>.exploration", unit: "share of slots", range: 0...1,
      default: "0.1 in interest and engagement",
      .assumption(.values(0.004...0.2), "KuaiRand replaced 0.37% of impressions with random items")
    ) { spec, binding, change in
      for feed in binding[0] where spec.feeds.indices.contains(feed) {
        spec.feeds[feed].exploration = change(spec.feeds[feed].exploration)
      }
    },
    Parameter(
      "feeds.<feed>.page_size", .whole, unit: "items", range: 1...1_000, default: "10",
      .choice()
    ) { spec, binding, change in
      for feed in binding[0] where spec.feeds.indices.contains(feed) {
        spec.feeds[feed].pageSize = Int(change(Double(spec.feeds[feed].pageSize)))
      }
    },
    Parameter(
      "feeds.<feed>.trending_size", .whole, unit: "items", range: 1...1_000_000, default: "200",
      .choice()
    ) { spec, binding, change in
      for feed in binding[0] where spec.feeds.indices.contains(feed) {
        spec.feeds[feed].trendingSize = Int(change(Double(spec.feeds[feed].trendingSize)))
      }
    },
  ]

  /// The experiment's own length: choices, never assumptions about the world.
  static let experiment: [Parameter] = [
    Parameter(
      "horizon", .whole, unit: "days", range: 1...3_650, default: "30", .choice(), reach: .size,
      notSweepable: "every arm runs the same days; use --days"
    ) { spec, _, change in spec.horizonDays = Int(change(Double(spec.horizonDays))) },
    Parameter(
      "burn_in_days", .whole, unit: "days", range: 0...3_650, default: "14",
      .assumption(nil, "long enough for the learned counts' half-life of ≈ 3 days"), reach: .size,
      notSweepable: "every arm runs the same days; use --burn-in"
    ) { spec, _, change in spec.burnInDays = Int(change(Double(spec.burnInDays))) },
  ]
}

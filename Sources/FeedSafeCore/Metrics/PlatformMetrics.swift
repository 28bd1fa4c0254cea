/// Metrics beyond the feed (ads, contact, location, data, on-platform share) for one arm on one
/// seed, per cohort; definitions in `docs/beyond-the-feed.md`. Every metric but `on_platform` is
/// over the cohort's people who are on the platform.
enum PlatformMetrics {
  static func values(of outcome: ArmOutcome, cohorts: Cohorts, horizonDays: Int) -> [MetricValue] {
    let tally = outcome.tally
    let platform = outcome.platform
    var values: [MetricValue] = []
    for cohort in 0..<cohorts.count {
      let bit = UInt32(1) << UInt32(cohort)
      let everyone = (0..<tally.count).filter { outcome.cohortMask[$0] & bit != 0 }
      guard !everyone.isEmpty else { continue }
      let members = everyone.filter { platform.onPlatform[$0] }
      func add(_ metric: Metric, _ value: Double?) {
        guard let value, value.isFinite else { return }
        values.append(
          MetricValue(
            arm: outcome.arm, seed: outcome.seed, cohort: cohorts.names[cohort],
            category: Metric.allCategories,
            metric: metric, value: value))
      }
      func total(_ column: ContiguousArray<Int32>) -> Double {
        members.reduce(0) { $0 + Double(column[$1]) }
      }
      func share(_ test: (Int) -> Bool) -> Double? {
        members.isEmpty ? nil : Double(members.filter(test).count) / Double(members.count)
      }
      add(.onPlatform, Double(members.count) / Double(everyone.count))
      guard !members.isEmpty else { continue }
      let people = Double(members.count)
      let hours = members.reduce(0.0) { $0 + Double(tally.feedSeconds[$1]) } / 3_600
      let impressions = total(tally.impressions)
      let ads = total(platform.ads)
      let personMonths = people * Double(max(1, horizonDays)) / 30
      add(.dataPointsProvided, total(platform.providedDataPoints) / people)
      add(
        .dataPointsObserved,
        (total(tally.observedDataPoints) + total(platform.thirdPartyDataPoints)) / people)
      add(.dataPointsInferred, total(tally.inferredDataPoints) / people)
      add(.adsPerHour, ExposureMetrics.ratio(ads, hours))
      add(
        .restrictedAdsPerThousandAds,
        ExposureMetrics.ratio(total(platform.restrictedAds) * 1_000, ads))
      add(.profiledAdsShare, ExposureMetrics.ratio(total(platform.profiledAds), ads))
      add(
        .commercialContentPerThousand,
        ExposureMetrics.ratio(total(platform.commercialImpressions) * 1_000, impressions))
      func sum(_ column: ContiguousArray<Double>) -> Double {
        members.reduce(0) { $0 + column[$1] }
      }
      add(.adInterestAlignment, ExposureMetrics.ratio(sum(platform.adInterestAlignment), ads))
      add(
        .commercialInterestAlignment,
        ExposureMetrics.ratio(
          sum(platform.commercialInterestAlignment), total(platform.commercialImpressions)))
      add(.strangerRequestsPer30Days, total(platform.strangerRequests) / personMonths)
      add(
        .acceptedStrangerRequestsPer30Days, total(platform.acceptedStrangerRequests) / personMonths)
      add(.contactedByUnknownAdult, share { platform.strangerContacts[$0] > 0 })
      add(.badActorContact, share { platform.badActorContacts[$0] > 0 })
      add(.strangerMessagesExchanged, share { platform.messagesExchanged[$0] > 0 })
      add(.privateChannelRequested, share { platform.privateChannelRequests[$0] > 0 })
      add(.metStrangerOffline, share { platform.offlineMeetings[$0] > 0 })
      add(.locationVisibleToStrangers, share { platform.locationVisible[$0] })
      add(.settingsOnDefault, share { platform.onDefaultSettings[$0] })
      add(
        .locatedContact, share { platform.locationVisible[$0] && platform.strangerContacts[$0] > 0 }
      )
    }
    return values
  }
}

import RealModule
import Testing

@testable import FeedSafeCore

@Suite("Contact: requests, acceptance and the funnel after it")
struct ContactFunnelTests {
  /// Public profiles with many requests, so every stage of the funnel is reached in a few days.
  static func spec(_ change: (inout ContactSpec) -> Void = { _ in }) -> ExperimentSpec {
    var spec = TinyWorld.spec(people: 400, items: 2_000, days: 10)
    spec.population.ageAssurance = .verification(failureRate: 0)
    spec.platform.contact.searchRequestsPerDay = 0.3
    change(&spec.platform.contact)
    return spec
  }

  @Test("each stage of the funnel reaches no more children than the stage before it")
  func funnelNarrows() throws {
    let values = try TinyWorld.values(Self.spec())
    func share(_ metric: Metric) throws -> Double {
      try #require(values["none/42/children/all/\(metric.rawValue)"])
    }
    let contacted = try share(.contactedByUnknownAdult)
    let messaged = try share(.strangerMessagesExchanged)
    let privateChannel = try share(.privateChannelRequested)
    let met = try share(.metStrangerOffline)
    #expect(met > 0)
    #expect(contacted >= messaged && messaged >= privateChannel && privateChannel >= met)
  }

  @Test("with no messages exchanged, nobody is asked to a private channel or meets offline")
  func closedStageEmptiesTheRest() throws {
    let values = try TinyWorld.values(Self.spec { $0.funnel.messagesExchanged = 0 })
    #expect(values["none/42/children/all/stranger_messages_exchanged"] == 0)
    #expect(values["none/42/children/all/private_channel_requested"] == 0)
    #expect(values["none/42/children/all/met_stranger_offline"] == 0)
  }

  @Test("the funnel draws on its own stream: requests and acceptances do not move")
  func funnelLeavesRequestsAlone() throws {
    let open = try TinyWorld.values(Self.spec())
    let closed = try TinyWorld.values(
      Self.spec {
        $0.funnel = ContactFunnel(
          messagesExchanged: 0, privateChannel: 0, offlineMeeting: 0)
      })
    for metric in [Metric.strangerRequestsPer30Days, .acceptedStrangerRequestsPer30Days] {
      let key = "none/42/children/all/\(metric.rawValue)"
      #expect(open[key] != nil && open[key] == closed[key])
    }
  }

  @Test("a segment's offline-meeting factor reaches only that segment")
  func segmentFactor() throws {
    var spec = Self.spec()
    let ones = Array(repeating: 1.0, count: spec.taxonomy.harms.count)
    var girls = PopulationSegment(name: "girls", share: 0.5, susceptibilityFactor: ones)
    girls.offlineMeetingFactor = 0
    var boys = PopulationSegment(name: "boys", share: 0.5, susceptibilityFactor: ones)
    boys.offlineMeetingFactor = 2
    spec.population.segments = [girls, boys]
    let values = try TinyWorld.values(spec)
    #expect(values["none/42/children_girls/all/met_stranger_offline"] == 0)
    #expect(try #require(values["none/42/children_boys/all/met_stranger_offline"]) > 0)
  }

  @Test("with the default rates about a third of public children accept a stranger in a year")
  func defaultsMatchTheCrimeSurvey() {
    // Public profile, profiling on: search + suggestion (× 2) + bad actors (two ways of finding).
    let contact = PlatformSpec.standard(taxonomy: Defaults.taxonomy, bands: .standard).contact
    let perDay =
      contact.searchRequestsPerDay + 2 * contact.suggestionRequestsPerDay + 2
      * contact.badActorRequestsPerDay
    let acceptedPerYear = perDay * 365 * contact.acceptance[1]
    let everAccepted = 1 - Double.exp(-acceptedPerYear)
    #expect(abs(everAccepted - 0.35) < 0.02)  // ONS CSEW year ending March 2023: 35.0%
  }
}

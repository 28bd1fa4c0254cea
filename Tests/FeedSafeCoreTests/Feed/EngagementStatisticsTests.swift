import Testing

@testable import FeedSafeCore

@Suite("What the platform learns from engagement")
struct EngagementStatisticsTests {
  static let learning = LearningSpec(
    priorImpressions: 10, personalPriorImpressions: 2, dailyRetention: 0.5)

  /// A log of `count` responses of `segment` to `item`, the first `watched` of them watched.
  static func log(item: Int, segment: Int?, count: Int, watched: Int) -> ResponseLog {
    var log = ResponseLog()
    for i in 0..<count {
      log.append(item: item, segment: segment, watched: i < watched, engaged: false)
    }
    return log
  }

  @Test("with nothing learned, every item is predicted at the global rate (lift 0.5)")
  func priorIsNeutral() {
    let statistics = EngagementStatistics(itemCount: 5, segmentCount: 3, learning: Self.learning)
    let lift = statistics.predictedLift(
      of: 2, segment: 1, personal: (1, 1), prior: statistics.prior)
    #expect(lift.watch == 0.5)
    #expect(lift.engagement == 0.5)
  }

  @Test("an item a segment watches to the end rises in that segment's prediction, not in others'")
  func segmentLearns() {
    var statistics = EngagementStatistics(itemCount: 3, segmentCount: 2, learning: Self.learning)
    // Everyone watches item 0 and item 1 half the time; segment 1 watches item 2 every time.
    statistics.fold([
      Self.log(item: 0, segment: 0, count: 100, watched: 50),
      Self.log(item: 1, segment: 1, count: 100, watched: 50),
      Self.log(item: 2, segment: 1, count: 40, watched: 40),
      Self.log(item: 2, segment: 0, count: 40, watched: 20),
    ])
    let prior = statistics.prior
    let inSegment = statistics.predictedLift(of: 2, segment: 1, personal: (1, 1), prior: prior)
    let elsewhere = statistics.predictedLift(of: 2, segment: 0, personal: (1, 1), prior: prior)
    let ordinary = statistics.predictedLift(of: 1, segment: 1, personal: (1, 1), prior: prior)
    #expect(inSegment.watch > ordinary.watch)
    #expect(inSegment.watch > elsewhere.watch)
  }

  @Test("a person the platform may not profile is predicted from everyone's responses only")
  func unprofiledPersonUsesOnlyTheItemRate() {
    var statistics = EngagementStatistics(itemCount: 2, segmentCount: 2, learning: Self.learning)
    statistics.fold([
      Self.log(item: 0, segment: 1, count: 60, watched: 60),
      Self.log(item: 0, segment: nil, count: 60, watched: 0),
      Self.log(item: 1, segment: 0, count: 60, watched: 30),
    ])
    let prior = statistics.prior
    let unprofiled = statistics.predictedLift(of: 0, segment: nil, personal: (1, 1), prior: prior)
    // The same item-level counts with any segment's counts removed give the same prediction.
    var itemOnly = EngagementStatistics(itemCount: 2, segmentCount: 2, learning: Self.learning)
    itemOnly.fold([
      Self.log(item: 0, segment: nil, count: 60, watched: 60),
      Self.log(item: 0, segment: nil, count: 60, watched: 0),
      Self.log(item: 1, segment: nil, count: 60, watched: 30),
    ])
    #expect(
      unprofiled.watch
        == itemOnly.predictedLift(of: 0, segment: nil, personal: (1, 1), prior: itemOnly.prior)
        .watch)
  }

  @Test("the day's responses give the same statistics however they are split over workers")
  func foldIsIndependentOfTheSplit() {
    var responses: [(item: Int, segment: Int?, watched: Bool)] = []
    var rng = RandomStream(seed: 3, purpose: .engagement, person: 0, day: 0)
    for _ in 0..<500 {
      let segment = rng.index(below: 4)
      responses.append((rng.index(below: 20), segment == 3 ? nil : segment, rng.bernoulli(0.4)))
    }
    func statistics(splitAt cuts: [Int]) -> EngagementStatistics {
      var logs: [ResponseLog] = []
      var start = 0
      for end in cuts + [responses.count] {
        var log = ResponseLog()
        for r in responses[start..<end] {
          log.append(item: r.item, segment: r.segment, watched: r.watched, engaged: false)
        }
        logs.append(log)
        start = end
      }
      var result = EngagementStatistics(itemCount: 20, segmentCount: 3, learning: Self.learning)
      result.fold(logs)
      return result
    }
    let one = statistics(splitAt: [])
    let three = statistics(splitAt: [100, 333])
    for item in 0..<20 {
      for segment in [nil, 0, 1, 2] as [Int?] {
        let a = one.predictedLift(of: item, segment: segment, personal: (1, 1), prior: one.prior)
        let b = three.predictedLift(
          of: item, segment: segment, personal: (1, 1), prior: three.prior)
        #expect(a == b)
      }
    }
  }

  @Test("a person who lingers on one kind of content gets a personal factor above 1 for it")
  func personalFactorLearns() {
    var personal = PersonalResponses(people: 1, dimensionCount: 3)
    for i in 0..<30 { personal.add(person: 0, dimension: 0, watched: i % 3 == 0, engaged: false) }
    for _ in 0..<6 { personal.add(person: 0, dimension: 2, watched: true, engaged: false) }
    let prior = PredictionPrior(
      strength: 10, personalStrength: 2, watchRate: 0.4, engagementRate: 0.05)
    #expect(personal.factor(person: 0, dimension: 2, prior: prior).watch > 1)
    #expect(personal.factor(person: 0, dimension: 0, prior: prior).watch < 1)
    #expect(personal.factor(person: 0, dimension: 1, prior: prior).watch == 1)
  }

  @Test("forgetting keeps the daily retention share of the counts")
  func forgetting() {
    var statistics = EngagementStatistics(itemCount: 1, segmentCount: 1, learning: Self.learning)
    statistics.fold([Self.log(item: 0, segment: 0, count: 8, watched: 8)])
    statistics.fold([])
    #expect(statistics.byItem[0].impressions == 4)
    #expect(statistics.bySegment[0, 0].watched == 4)
  }
}

extension EngagementStatistics {
  /// Folds `logs`, discarding the day's engagement counts (these tests check the statistics).
  mutating func fold(_ logs: [ResponseLog]) {
    var engagements = ContiguousArray<Int32>(repeating: 0, count: itemCount)
    fold(logs, engagements: &engagements)
  }
}

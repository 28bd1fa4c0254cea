import Testing

@testable import FeedSafeCore

@Suite("Kaplan–Meier median time to first exposure")
struct KaplanMeierTests {
  typealias Observation = KaplanMeier.Observation

  @Test("with no censoring the median is the ordinary median event time")
  func uncensored() {
    let observations = [3.0, 1, 2, 5, 4].map { Observation(time: $0, isEvent: true) }
    // S drops by 1/5 at each time: 0.8, 0.6, 0.4 — first at or below 0.5 at t = 3.
    #expect(KaplanMeier.median(of: observations) == 3)
  }

  @Test("a person censored early leaves the risk set, which raises later steps")
  func censoredEarly() {
    let observations = [
      Observation(time: 1, isEvent: true),  // S = 3/4
      Observation(time: 2, isEvent: false),  // leaves; 2 at risk
      Observation(time: 3, isEvent: true),  // S = 3/4 · 1/2 = 0.375
      Observation(time: 4, isEvent: true),
    ]
    #expect(KaplanMeier.median(of: observations) == 3)
  }

  @Test("the median is undefined when fewer than half are ever exposed")
  func notReached() {
    let observations = [
      Observation(time: 1, isEvent: true), Observation(time: 10, isEvent: false),
      Observation(time: 10, isEvent: false),
    ]
    #expect(KaplanMeier.median(of: observations) == nil)
  }

  @Test("at a tied time events count before censorings")
  func tiesEventsFirst() {
    let observations = [
      Observation(time: 2, isEvent: false), Observation(time: 2, isEvent: true),
    ]
    // Both at risk at t = 2; one event: S = 1/2.
    #expect(KaplanMeier.median(of: observations) == 2)
  }
}

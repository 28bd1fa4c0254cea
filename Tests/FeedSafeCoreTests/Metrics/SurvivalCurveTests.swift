import Testing

@testable import FeedSafeCore

@Suite("Survival curves")
struct SurvivalCurveTests {
  @Test(
    "the grid keeps 5-minute steps over the first 4 hours, then runs every 30 minutes to the end of feed time"
  )
  func gridRunsToTheEnd() {
    #expect(
      SurvivalCurve.grid(through: 100) == stride(from: 0, through: 240, by: 5).map(Double.init))
    let long = SurvivalCurve.grid(through: 1_790)
    #expect(Array(long.prefix(49)) == stride(from: 0, through: 240, by: 5).map(Double.init))
    #expect(long[49] == 270)
    #expect(long.last == 1_800)
  }
}

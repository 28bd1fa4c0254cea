/// What scoring and the band policy read of one item on one day, in one 32-byte row: the item's
/// catalogue columns that scoring uses and the day's learned rates and popularity, side by side.
///
/// Candidates are drawn at random rows, so each column read is a cache miss once the catalogue
/// outgrows the cache. Scoring a candidate read seven columns (predicted label, content
/// dimension, appeal, publication day, topic, learned rates, popularity); at 1M items these were
/// the largest share of the last-level misses (`Benchmarks/RESULTS.md`, "Default engine,
/// catalogue size"). One row is half a cache line and, in ``ScoringRows``, never spans two. The rows are rebuilt at each day
/// boundary, a sequential pass beside the one that already recomputes the learned rates; the
/// values are copies, so scores are bit for bit what the columns give.
struct ScoringRow: Sendable {
  /// The item's (watch, engagement) rate over everyone (``EngagementStatistics/itemRates``).
  var watchRate: Float
  var engagementRate: Float
  /// Engagements on the previous day (``DayState/popularity``).
  var popularity: Int32
  /// ``Catalogue/dayPublished``.
  var dayPublished: Int32
  /// ``Catalogue/appeal``.
  var appeal: Float
  /// ``Catalogue/contentDimension``.
  var contentDimension: Int16
  /// ``Catalogue/primaryTopic``.
  var primaryTopic: Int16
  /// ``Catalogue/predictedHarm``.
  var predictedHarm: Int8
  /// ``Catalogue/harm``.
  var harm: Int8
  /// Keep the stride at 32 bytes, half a cache line (``ScoringRows`` aligns them). Two fields,
  /// not a tuple: an `(Int16, Int32)` tuple is aligned as a whole and made the stride 36.
  private var padding16: Int16 = 0
  private var padding32: Int32 = 0

  /// What a "not interested" on the item suppresses: ``Catalogue/notInterestedDimension(of:)``.
  @inline(__always)
  func notInterestedDimension(topicCount: Int) -> Int {
    Catalogue.notInterestedDimension(
      predicted: Int(predictedHarm), content: Int(contentDimension), topicCount: topicCount)
  }

}

extension ScoringRow {
  /// Item `item`'s row from the catalogue, its learned rates and its popularity.
  @inline(__always)
  init(
    item: Int, catalogue: Catalogue, statistics: EngagementStatistics,
    popularity: ContiguousArray<Int32>
  ) {
    let rates = statistics.itemRates[item]
    self.init(
      watchRate: rates.watch, engagementRate: rates.engagement,
      popularity: popularity[item], dayPublished: catalogue.dayPublished[item],
      appeal: catalogue.appeal[item], contentDimension: catalogue.contentDimension[item],
      primaryTopic: catalogue.primaryTopic[item], predictedHarm: catalogue.predictedHarm[item],
      harm: catalogue.harm[item])
  }
}

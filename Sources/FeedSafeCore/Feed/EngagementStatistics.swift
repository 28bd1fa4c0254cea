/// How the platform learns from behaviour: the prior strength of its shrinkage and how fast it
/// forgets. Defaults and their sources are in `docs/model.md` ("A ranker that learns").
public struct LearningSpec: Sendable, Equatable {
  /// Pseudo-impressions of the prior: an item's rate in a segment is shrunk toward its rate in
  /// the whole audience, and that toward the global rate, as if this many impressions at the
  /// prior rate had been seen (empirical-Bayes smoothing). Greater than 0.
  public var priorImpressions: Double
  /// Pseudo-impressions of the prior on what the platform learns about one person: their rate on
  /// a content dimension is shrunk toward their own average rate. Greater than 0.
  public var personalPriorImpressions: Double
  /// Share of yesterday's counts kept each day (exponential forgetting), in [0, 1].
  public var dailyRetention: Double

  /// A learning spec with every attribute given.
  public init(priorImpressions: Double, personalPriorImpressions: Double, dailyRetention: Double) {
    self.priorImpressions = priorImpressions
    self.personalPriorImpressions = personalPriorImpressions
    self.dailyRetention = dailyRetention
  }

  /// The default: priors of 20 impressions per item and audience, 2 per person and content
  /// dimension; counts kept at 0.8 a day (a half-life of about 3 days).
  public static let standard = LearningSpec(
    priorImpressions: 20, personalPriorImpressions: 2, dailyRetention: 0.8)
}

/// Decayed counts of what an audience did with an item: impressions, views to the end and
/// engagements. 16 bytes, so one lookup is one cache line.
struct ResponseCounts: Sendable {
  var impressions: Float = 0
  var watched: Float = 0
  var engaged: Float = 0
  /// In a ``SegmentCounts`` table, the pair the slot holds (segment × items + item + 1; 0: an
  /// empty slot); elsewhere unused, padding the counts to 16 bytes.
  var key: Int32 = 0

  /// Adds one observed response.
  @inline(__always)
  mutating func add(watched isWatched: Bool, engaged isEngaged: Bool) {
    impressions += 1
    if isWatched { watched += 1 }
    if isEngaged { engaged += 1 }
  }

  /// Scales every count by `factor` (forgetting).
  @inline(__always)
  mutating func scale(by factor: Float) {
    impressions *= factor
    watched *= factor
    engaged *= factor
  }
}

/// What an engagement-optimised platform has learned from everyone's behaviour, the signal real
/// "for you" rankers are trained on (Covington et al., *Deep Neural Networks for YouTube
/// Recommendations*, RecSys 2016: watch time; TikTok's *Monolith*, 2022: real-time engagement
/// feedback): per item, and per *audience segment* and item, decayed counts of impressions,
/// views to the end and engagements.
///
/// A segment is what the platform can say about a profiled person (``AudienceSegment``), so items
/// that susceptible people in a segment linger on are predicted to hold others of the same
/// segment: the collaborative pathway from a gateway interest to harmful content. Counts change
/// only at day boundaries (``fold(_:)``), so a day's people stay independent and the result does
/// not depend on the thread count. Memory: items × 16 bytes, plus the segment counts
/// (``SegmentCounts``: at most segments × items × 16 bytes, less while few pairs are seen); no
/// per-person state.
struct EngagementStatistics: Sendable {
  let itemCount: Int
  let segmentCount: Int
  /// Everyone's responses to each item.
  private(set) var byItem: ContiguousArray<ResponseCounts>
  /// Responses of profiled people of each segment to each item.
  private(set) var bySegment: SegmentCounts
  /// All responses to all items.
  private(set) var total = ResponseCounts()
  /// Each item's (watch, engagement) rate over everyone, shrunk toward the global rates; computed
  /// once a day, so scoring a candidate reads it instead of dividing.
  private(set) var itemRates: ContiguousArray<(watch: Float, engagement: Float)>
  let learning: LearningSpec

  /// Nothing learned yet.
  init(itemCount: Int, segmentCount: Int, learning: LearningSpec) {
    self.itemCount = itemCount
    self.segmentCount = segmentCount
    self.learning = learning
    byItem = ContiguousArray(repeating: ResponseCounts(), count: itemCount)
    bySegment = SegmentCounts(itemCount: itemCount, segmentCount: segmentCount)
    itemRates = ContiguousArray(repeating: (0, 0), count: itemCount)
  }

  /// The day boundary: forgets a share of the old counts, then adds the day's responses in the
  /// order given (workers in person order, so the sums never depend on the thread count), and
  /// counts each item's engagements of the day into `engagements` (set to 0 first): tomorrow's
  /// popularity, from the same pass.
  /// - Complexity: O(items + segment counts held + responses).
  mutating func fold(_ logs: [ResponseLog], engagements: inout ContiguousArray<Int32>) {
    for item in engagements.indices { engagements[item] = 0 }
    let keep = Float(learning.dailyRetention)
    total.scale(by: keep)
    for i in byItem.indices { byItem[i].scale(by: keep) }
    bySegment.scale(by: keep)
    bySegment.reserve(logs.reduce(0) { $0 + $1.segmentedCount })
    for log in logs {
      for entry in log.entries {
        let response = ResponseLog.Response(entry)
        total.add(watched: response.watched, engaged: response.engaged)
        if response.engaged { engagements[response.item] += 1 }
        byItem[response.item].add(watched: response.watched, engaged: response.engaged)
        if let segment = response.segment {
          bySegment.add(
            segment: segment, item: response.item, watched: response.watched,
            engaged: response.engaged)
        }
      }
    }
    let prior = prior
    for item in byItem.indices {
      let everyone = byItem[item]
      itemRates[item] = (
        (everyone.watched + prior.strength * prior.watchRate)
          / (everyone.impressions + prior.strength),
        (everyone.engaged + prior.strength * prior.engagementRate)
          / (everyone.impressions + prior.strength)
      )
    }
  }

  /// The prediction inputs fixed for a day: the global rates and the prior's weight.
  var prior: PredictionPrior {
    let k = Float(learning.priorImpressions)
    let hasData = total.impressions > 0
    return PredictionPrior(
      strength: k, personalStrength: Float(learning.personalPriorImpressions),
      watchRate: hasData ? total.watched / total.impressions : 0,
      engagementRate: hasData ? total.engaged / total.impressions : 0)
  }

  /// The platform's predicted (view-to-end, engagement) rates of `item` for a person in
  /// `segment` whose own responses scale them by `personal` (``PersonalResponses/factor``), each
  /// as a lift in [0, 1): rate ÷ (rate + global rate), 0.5 at the global rate. `segment` is `nil`
  /// and `personal` is (1, 1) for a person the platform may not profile: the prediction then uses
  /// only what everyone did with the item, nothing about that person. `prior` must be ``prior``:
  /// the item-level rates were shrunk with it at the last fold.
  @inline(__always)
  func predictedLift(
    of item: Int, segment: Int?, personal: (watch: Float, engagement: Float),
    prior: PredictionPrior
  ) -> (watch: Float, engagement: Float) {
    predictedLift(
      of: item, itemRates: itemRates[item], segment: segment, personal: personal, prior: prior)
  }

  /// ``predictedLift(of:segment:personal:prior:)`` with the item's rates (`itemRates[item]`)
  /// already read, from the day's ``ScoringRow``.
  @inline(__always)
  func predictedLift(
    of item: Int, itemRates rates: (watch: Float, engagement: Float), segment: Int?,
    personal: (watch: Float, engagement: Float), prior: PredictionPrior
  ) -> (watch: Float, engagement: Float) {
    Self.predictedLift(
      itemRates: rates, audience: segment.map { bySegment[$0, item] }, personal: personal,
      prior: prior)
  }

  /// ``predictedLift(of:segment:personal:prior:)`` with the segment's counts for the item
  /// (`bySegment[segment, item]`, `nil` without a segment) read too.
  @inline(__always)
  static func predictedLift(
    itemRates rates: (watch: Float, engagement: Float), audience: ResponseCounts?,
    personal: (watch: Float, engagement: Float), prior: PredictionPrior
  ) -> (watch: Float, engagement: Float) {
    var (watch, engagement) = rates
    if let audience {
      watch = (audience.watched + prior.strength * watch) / (audience.impressions + prior.strength)
      engagement =
        (audience.engaged + prior.strength * engagement) / (audience.impressions + prior.strength)
    }
    return (
      Self.lift(min(1, watch * personal.watch), over: prior.watchRate),
      Self.lift(min(1, engagement * personal.engagement), over: prior.engagementRate)
    )
  }

  /// `rate ÷ (rate + base)`, 0.5 when nothing is known.
  @inline(__always)
  private static func lift(_ rate: Float, over base: Float) -> Float {
    rate + base > 0 ? rate / (rate + base) : 0.5
  }
}

/// What the platform has learned about one profiled person: their decayed responses to items of
/// each content dimension, and in all, `count × dimensions` and `count` rows. Per-person
/// per-dimension counters are the user features real rankers keep ("this person watches fitness
/// videos to the end"); O(people × dimensions), never O(people × items).
struct PersonalResponses: Sendable {
  let dimensionCount: Int
  private(set) var byDimension: ContiguousArray<ResponseCounts>
  private(set) var total: ContiguousArray<ResponseCounts>

  /// Nothing learned about `people` people.
  init(people: Int, dimensionCount: Int) {
    self.dimensionCount = dimensionCount
    byDimension = ContiguousArray(repeating: ResponseCounts(), count: people * dimensionCount)
    total = ContiguousArray(repeating: ResponseCounts(), count: people)
  }

  /// Records a response of person `local` to an item of content dimension `dimension`.
  @inline(__always)
  mutating func add(person local: Int, dimension: Int, watched: Bool, engaged: Bool) {
    byDimension[local * dimensionCount + dimension].add(watched: watched, engaged: engaged)
    total[local].add(watched: watched, engaged: engaged)
  }

  /// Forgets a share of what was learned about person `local` (once a day).
  mutating func forget(person local: Int, keeping share: Float) {
    for d in 0..<dimensionCount { byDimension[local * dimensionCount + d].scale(by: share) }
    total[local].scale(by: share)
  }

  /// How much more (or less) than their own average person `local` watches and engages with
  /// items of `dimension`, each shrunk toward 1 by the prior: the person's factor on the
  /// audience's rates.
  @inline(__always)
  func factor(person local: Int, dimension: Int, prior: PredictionPrior) -> (
    watch: Float, engagement: Float
  ) {
    let mine = byDimension[local * dimensionCount + dimension]
    let all = total[local]
    let k = prior.personalStrength
    let watchAverage = (all.watched + k * prior.watchRate) / (all.impressions + k)
    let engagementAverage = (all.engaged + k * prior.engagementRate) / (all.impressions + k)
    let watch = (mine.watched + k * watchAverage) / (mine.impressions + k)
    let engagement = (mine.engaged + k * engagementAverage) / (mine.impressions + k)
    return (
      watchAverage > 0 ? watch / watchAverage : 1,
      engagementAverage > 0 ? engagement / engagementAverage : 1
    )
  }
}

/// The global rates and prior strength of one day's predictions.
struct PredictionPrior: Sendable {
  let strength: Float
  let personalStrength: Float
  let watchRate: Float
  let engagementRate: Float
}

/// One worker's responses of a day, in person order, folded into ``EngagementStatistics`` at the
/// day boundary. Each response is one `UInt64` (item, segment + 1, watched, engaged), so logging
/// allocates only when the day outgrows the capacity kept from earlier days.
struct ResponseLog: Sendable {
  private(set) var entries = ContiguousArray<UInt64>()
  /// How many entries have a segment (an upper bound on the segment pairs they add).
  private(set) var segmentedCount = 0

  /// An unpacked response.
  struct Response {
    let item: Int
    let segment: Int?
    let watched: Bool
    let engaged: Bool

    init(_ entry: UInt64) {
      item = Int(entry & 0xFFFF_FFFF)
      let segmentPlusOne = Int((entry >> 32) & 0xFFFF)
      segment = segmentPlusOne == 0 ? nil : segmentPlusOne - 1
      watched = entry & (1 << 48) != 0
      engaged = entry & (1 << 49) != 0
    }
  }

  /// Logs one response.
  @inline(__always)
  mutating func append(item: Int, segment: Int?, watched: Bool, engaged: Bool) {
    var entry = UInt64(item) | (UInt64((segment ?? -1) + 1) << 32)
    if watched { entry |= 1 << 48 }
    if engaged { entry |= 1 << 49 }
    entries.append(entry)
    if segment != nil { segmentedCount += 1 }
  }

  /// Empties the log, keeping its capacity.
  mutating func clear() {
    entries.removeAll(keepingCapacity: true)
    segmentedCount = 0
  }
}

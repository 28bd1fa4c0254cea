/// What each person saw over a run, one column per count; row `i` is a person (DESIGN "Metrics").
///
/// Integer counts only, so merging workers' tallies never depends on their order.
public struct ExposureTally: Sendable, Equatable {
  /// Harm measures per person (columns of the per-measure arrays).
  public let measureCount: Int
  /// Items viewed.
  public internal(set) var impressions: ContiguousArray<Int32>
  /// Feed time in seconds.
  public internal(set) var feedSeconds: ContiguousArray<Int64>
  /// Items engaged with.
  public internal(set) var engagements: ContiguousArray<Int32>
  /// Items watched to the end (the rest were skipped).
  public internal(set) var watched: ContiguousArray<Int32>
  /// Benign items removed by the policy's filters while building this person's pages.
  public internal(set) var overblocked: ContiguousArray<Int32>
  /// Harmful impressions per measure, `count × measureCount`.
  public internal(set) var harmful: ContiguousArray<Int32>
  /// Feed seconds before the first harmful impression per measure (`-1`: never exposed).
  public internal(set) var firstExposureSeconds: ContiguousArray<Int64>
  /// Longest run of consecutive harmful impressions per measure.
  public internal(set) var longestStreak: ContiguousArray<Int32>
  /// Current run of consecutive harmful impressions per measure (working state).
  var currentStreak: ContiguousArray<Int32>
  /// Observed data points held at the end (engagement events recorded while profiling).
  public internal(set) var observedDataPoints: ContiguousArray<Int32>
  /// Inferred data points held at the end (non-zero dimensions of the inferred profile).
  public internal(set) var inferredDataPoints: ContiguousArray<Int32>

  /// Empty tallies for `people` people.
  public init(people: Int, measureCount: Int) {
    self.measureCount = measureCount
    impressions = ContiguousArray(repeating: 0, count: people)
    feedSeconds = ContiguousArray(repeating: 0, count: people)
    engagements = ContiguousArray(repeating: 0, count: people)
    watched = ContiguousArray(repeating: 0, count: people)
    overblocked = ContiguousArray(repeating: 0, count: people)
    harmful = ContiguousArray(repeating: 0, count: people * measureCount)
    firstExposureSeconds = ContiguousArray(repeating: -1, count: people * measureCount)
    longestStreak = ContiguousArray(repeating: 0, count: people * measureCount)
    currentStreak = ContiguousArray(repeating: 0, count: people * measureCount)
    observedDataPoints = ContiguousArray(repeating: 0, count: people)
    inferredDataPoints = ContiguousArray(repeating: 0, count: people)
  }

  /// Number of people.
  public var count: Int { impressions.count }

  /// Appends another tally's people after this one's (workers are merged in person order).
  mutating func append(_ other: ExposureTally) {
    impressions.append(contentsOf: other.impressions)
    feedSeconds.append(contentsOf: other.feedSeconds)
    engagements.append(contentsOf: other.engagements)
    watched.append(contentsOf: other.watched)
    overblocked.append(contentsOf: other.overblocked)
    harmful.append(contentsOf: other.harmful)
    firstExposureSeconds.append(contentsOf: other.firstExposureSeconds)
    longestStreak.append(contentsOf: other.longestStreak)
    currentStreak.append(contentsOf: other.currentStreak)
    observedDataPoints.append(contentsOf: other.observedDataPoints)
    inferredDataPoints.append(contentsOf: other.inferredDataPoints)
  }
}

/// Daily totals per cohort: the daily series stored with every run and the basis of `drift`.
public struct DailySeries: Sendable, Equatable {
  /// Days.
  public let dayCount: Int
  /// Cohorts.
  public let cohortCount: Int
  /// Harm measures.
  public let measureCount: Int
  /// People in each cohort.
  public internal(set) var people: ContiguousArray<Int64>
  /// Impressions, `day × cohort`.
  public internal(set) var impressions: ContiguousArray<Int64>
  /// Feed seconds, `day × cohort`.
  public internal(set) var feedSeconds: ContiguousArray<Int64>
  /// Harmful impressions, `(day × cohort) × measure`.
  public internal(set) var harmful: ContiguousArray<Int64>

  /// Zeroed series.
  public init(dayCount: Int, cohortCount: Int, measureCount: Int) {
    self.dayCount = dayCount
    self.cohortCount = cohortCount
    self.measureCount = measureCount
    people = ContiguousArray(repeating: 0, count: cohortCount)
    impressions = ContiguousArray(repeating: 0, count: dayCount * cohortCount)
    feedSeconds = ContiguousArray(repeating: 0, count: dayCount * cohortCount)
    harmful = ContiguousArray(repeating: 0, count: dayCount * cohortCount * measureCount)
  }

  /// Impressions of `cohort` on `day`.
  public func impressions(day: Int, cohort: Int) -> Int64 {
    impressions[day * cohortCount + cohort]
  }
  /// Feed seconds of `cohort` on `day`.
  public func feedSeconds(day: Int, cohort: Int) -> Int64 {
    feedSeconds[day * cohortCount + cohort]
  }
  /// Harmful impressions of `measure` for `cohort` on `day`.
  public func harmful(day: Int, cohort: Int, measure: Int) -> Int64 {
    harmful[(day * cohortCount + cohort) * measureCount + measure]
  }

  /// Adds another series (integer sums: order does not matter).
  mutating func add(_ other: DailySeries) {
    for i in people.indices { people[i] += other.people[i] }
    for i in impressions.indices { impressions[i] += other.impressions[i] }
    for i in feedSeconds.indices { feedSeconds[i] += other.feedSeconds[i] }
    for i in harmful.indices { harmful[i] += other.harmful[i] }
  }
}

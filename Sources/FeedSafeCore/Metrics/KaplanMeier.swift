/// Kaplan–Meier estimate of a median time to event with right-censoring.
///
/// Used for `minutes_to_first`: a person never exposed is censored at their total feed minutes
/// (they were at risk that long and no longer), so ignoring them would bias the median down and
/// counting them as exposed at the end would bias it up.
public enum KaplanMeier {
  /// One person's observation: a time and whether the event happened then (`false`: censored).
  public struct Observation: Sendable, Equatable {
    /// Time (minutes).
    public var time: Double
    /// Whether the event was observed at `time`.
    public var isEvent: Bool
    /// An observation.
    public init(time: Double, isEvent: Bool) {
      self.time = time
      self.isEvent = isEvent
    }
  }

  /// The estimate's steps: at each distinct event time, S(t) just after it, in time order; and
  /// the last observed time. At tied times events are counted before censorings, the usual
  /// convention.
  public static func steps(of observations: [Observation]) -> (
    steps: [(time: Double, survival: Double)], lastTime: Double?
  ) {
    let sorted = observations.sorted {
      ($0.time, $0.isEvent ? 0 : 1) < ($1.time, $1.isEvent ? 0 : 1)
    }
    var steps: [(time: Double, survival: Double)] = []
    var atRisk = sorted.count
    var survival = 1.0
    var index = 0
    while index < sorted.count {
      let time = sorted[index].time
      var events = 0
      var leaving = 0
      while index < sorted.count && sorted[index].time == time {
        if sorted[index].isEvent { events += 1 }
        leaving += 1
        index += 1
      }
      if events > 0 && atRisk > 0 {
        survival *= 1 - Double(events) / Double(atRisk)
        steps.append((time, survival))
      }
      atRisk -= leaving
    }
    return (steps, sorted.last?.time)
  }

  /// The survival estimate S(t) at each time of `grid` (ascending): the share not yet exposed
  /// after t minutes. `nil` past the last observation, where nobody is left at risk.
  public static func curve(of observations: [Observation], at grid: [Double]) -> [Double?] {
    let (steps, last) = steps(of: observations)
    var index = 0
    var survival = 1.0
    return grid.map { time in
      while index < steps.count && steps[index].time <= time {
        survival = steps[index].survival
        index += 1
      }
      return time <= (last ?? -1) ? survival : nil
    }
  }

  /// The smallest time at which the survival estimate drops to 0.5 or below, or `nil` when it never
  /// does (fewer than half were exposed before being censored).
  public static func median(of observations: [Observation]) -> Double? {
    steps(of: observations).steps.first { $0.survival <= 0.5 }?.time
  }
}

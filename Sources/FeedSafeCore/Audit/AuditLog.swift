/// One item shown to an audit account: what it was, where and when, and what the account did.
public struct AuditImpression: Sendable, Equatable {
  /// The audit account (`row - auditStart`).
  public var account: Int32
  /// Measured day.
  public var day: Int16
  /// Phase of the script (position).
  public var phase: Int16
  /// Position on the page (0 = top).
  public var position: Int16
  /// Candidate source that supplied it (position in `CandidateSource.allCases`).
  public var source: UInt8
  /// Watched to the end.
  public var watched: Bool
  /// Engaged with.
  public var engaged: Bool
  /// The item row.
  public var item: Int32
  /// Feed seconds of the account before this item.
  public var secondsBefore: Int32
  /// Seconds on screen.
  public var seconds: Int32
}

/// Where an audit account is in its script.
struct AuditCursor: Sendable {
  var phase = 0
  var impressionsInPhase = 0
  var secondsInPhase: Int64 = 0
  var seconds: Int64 = 0
  var isFinished = false
}

/// The audit accounts among one worker's people: their cursors, and everything shown to them in
/// the order it was shown (day by day, account by account).
struct AuditLog: Sendable {
  /// The first audit row of the worker (cursor `i` is row `first + i`).
  let first: Int
  var cursors: [AuditCursor]
  var impressions: [AuditImpression] = []

  init(people: Range<Int>, roster: AuditRoster) {
    first = max(people.lowerBound, roster.start)
    cursors = Array(repeating: AuditCursor(), count: max(0, people.upperBound - first))
  }
}

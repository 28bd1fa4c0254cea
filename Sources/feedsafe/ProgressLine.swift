import FeedSafeCore
import FeedSafeReport
import Foundation

/// A one-line progress display on stderr, redrawn in place; silent when stderr is not a terminal
/// or when disabled (`--quiet`), so logs and pipes stay clean. Two exceptions write plain lines
/// instead: a sweep or sensitivity analysis in a log (one line every ten points, so a long CI job
/// shows it is alive), and `FEEDSAFE_PROGRESS=lines` in the environment (one line per arm and
/// seed, or per point, and the closing summary), for programs that read stderr as it comes, such
/// as the Python package's `feedsafe.run`.
final class ProgressLine: @unchecked Sendable {
  // A class so the progress callback can update the last-drawn time in place; it is only ever
  // called from the thread running the experiment.
  private let enabled: Bool
  /// Arms run at each point of a sweep or sensitivity analysis (1: show arms, not points).
  private let armsPerPoint: Int
  /// Whether stderr is a log rather than a terminal and gets plain lines, not a redrawn line.
  private let isLog: Bool
  /// Whether every step is logged (`FEEDSAFE_PROGRESS=lines`), not every tenth point.
  private let logsEveryStep: Bool
  private var lastDrawn = Date.distantPast
  /// The (seed, point or arm) last logged.
  private var lastLogged = (replication: -1, step: -1)
  private let started = Date()

  init(enabled: Bool, armsPerPoint: Int = 1) {
    let isTerminal = isatty(STDERR_FILENO) == 1
    logsEveryStep =
      enabled && !isTerminal && ProcessInfo.processInfo.environment["FEEDSAFE_PROGRESS"] == "lines"
    isLog = enabled && !isTerminal && (armsPerPoint > 1 || logsEveryStep)
    self.enabled = enabled && isTerminal
    self.armsPerPoint = max(1, armsPerPoint)
  }

  /// Redraws the line at most ten times a second.
  func update(_ progress: RunProgress) {
    let elapsed = Date().timeIntervalSince(started)
    let point = progress.arm / armsPerPoint
    let step = armsPerPoint > 1 ? point : progress.arm
    if isLog, lastLogged != (progress.replication, step), logsEveryStep || step % 10 == 0 {
      lastLogged = (progress.replication, step)
      // A log line names the arm, but not at a sweep or sensitivity point (long labels).
      let text =
        "seed \(progress.replication + 1)/\(progress.replications)  \(position(progress))"
        + (armsPerPoint > 1 ? "" : " \(progress.armName)")
        + Self.timeLeft(progress, elapsed: elapsed)
      FileHandle.standardError.write(Data("\(TerminalText.sanitised(text))\n".utf8))
    }
    guard enabled, Date().timeIntervalSince(lastDrawn) > 0.1 || progress.day == progress.days else {
      return
    }
    lastDrawn = Date()
    let text =
      "seed \(progress.replication + 1)/\(progress.replications)  \(position(progress)) \(progress.armName)  day \(progress.day)/\(progress.days)"
      + Self.timeLeft(progress, elapsed: elapsed)
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(TerminalText.sanitised(text))".utf8))
  }

  /// `point 3/85` in a sweep or sensitivity analysis, else `arm 2/3`.
  private func position(_ progress: RunProgress) -> String {
    armsPerPoint > 1
      ? "point \(progress.arm / armsPerPoint + 1)/\(progress.arms / armsPerPoint)"
      : "arm \(progress.arm + 1)/\(progress.arms)"
  }

  /// `  about 3 min left`: the elapsed time scaled by the share of arm-days still to simulate
  /// (every arm-day of one scenario costs about the same); empty until 2% or 5 s are behind,
  /// when the estimate is still mostly setup.
  static func timeLeft(_ progress: RunProgress, elapsed: Double) -> String {
    let total = Double(progress.units * progress.days)
    let done = Double(progress.unit * progress.days + progress.day)
    guard total > 0, done / total >= 0.02 || elapsed >= 5, done > 0, done < total else {
      return ""
    }
    let left = elapsed * (total - done) / done
    return "  about \(duration(left)) left"
  }

  /// `45 s`, `3 min`, `1 h 20 min`.
  static func duration(_ seconds: Double) -> String {
    if seconds < 90 { return "\(Int(seconds.rounded())) s" }
    let minutes = Int((seconds / 60).rounded())
    return minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
  }

  /// Clears the line and prints a closing summary.
  func finish(_ summary: String) {
    if logsEveryStep {
      FileHandle.standardError.write(Data("\(TerminalText.sanitised(summary))\n".utf8))
    }
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(TerminalText.sanitised(summary))\n".utf8))
  }
}

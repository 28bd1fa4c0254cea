import FeedSafeCore
import FeedSafeReport
import Foundation

/// A one-line progress display on stderr, redrawn in place; silent when stderr is not a terminal
/// or when disabled (`--quiet`), so logs and pipes stay clean.
final class ProgressLine: @unchecked Sendable {
  // A class so the progress callback can update the last-drawn time in place; it is only ever
  // called from the thread running the experiment.
  private let enabled: Bool
  /// Arms run at each point of a sweep or sensitivity analysis (1: show arms, not points).
  private let armsPerPoint: Int
  /// Whether stderr is a log rather than a terminal: then one line per seed, not a redrawn line.
  private let isLog: Bool
  private var lastDrawn = Date.distantPast
  private var lastPointLogged = -1
  private let started = Date()

  init(enabled: Bool, armsPerPoint: Int = 1) {
    isLog = enabled && isatty(STDERR_FILENO) != 1 && armsPerPoint > 1
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
    self.armsPerPoint = max(1, armsPerPoint)
  }

  /// Redraws the line at most ten times a second.
  func update(_ progress: RunProgress) {
    let elapsed = Date().timeIntervalSince(started)
    let point = progress.arm / armsPerPoint
    if isLog, point != lastPointLogged, point % 10 == 0 {
      // A long analysis in CI: a plain line every ten points.
      lastPointLogged = point
      FileHandle.standardError.write(
        Data(
          "seed \(progress.replication + 1)/\(progress.replications)  point \(point + 1)/\(progress.arms / armsPerPoint)\(Self.timeLeft(progress, elapsed: elapsed))\n"
            .utf8))
    }
    guard enabled, Date().timeIntervalSince(lastDrawn) > 0.1 || progress.day == progress.days else {
      return
    }
    lastDrawn = Date()
    let position =
      armsPerPoint > 1
      ? "point \(point + 1)/\(progress.arms / armsPerPoint)"
      : "arm \(progress.arm + 1)/\(progress.arms)"
    let text =
      "seed \(progress.replication + 1)/\(progress.replications)  \(position) \(progress.armName)  day \(progress.day)/\(progress.days)"
      + Self.timeLeft(progress, elapsed: elapsed)
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(TerminalText.sanitised(text))".utf8))
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
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(TerminalText.sanitised(summary))\n".utf8))
  }
}

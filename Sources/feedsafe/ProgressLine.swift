import FeedSafeCore
import FeedSafeReport
import Foundation

/// A one-line progress display on stderr, redrawn in place; silent when stderr is not a terminal
/// or when disabled (`--quiet`), so logs and pipes stay clean.
final class ProgressLine: @unchecked Sendable {
  // A class so the progress callback can update the last-drawn time in place; it is only ever
  // called from the thread running the experiment.
  private let enabled: Bool
  private var lastDrawn = Date.distantPast
  private let started = Date()

  init(enabled: Bool) {
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
  }

  /// Redraws the line at most ten times a second.
  func update(_ progress: RunProgress) {
    guard enabled, Date().timeIntervalSince(lastDrawn) > 0.1 || progress.day == progress.days else {
      return
    }
    lastDrawn = Date()
    let text =
      "seed \(progress.replication + 1)/\(progress.replications)  arm \(progress.arm + 1)/\(progress.arms) \(progress.armName)  day \(progress.day)/\(progress.days)"
      + Self.timeLeft(progress, elapsed: Date().timeIntervalSince(started))
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(TerminalText.sanitised(text))".utf8))
  }

  /// `  about 3 min left`: the elapsed time scaled by the share of arm-days still to simulate
  /// (every arm-day of one scenario costs about the same); empty until 2% or 5 s are behind,
  /// when the estimate is still mostly setup.
  static func timeLeft(_ progress: RunProgress, elapsed: Double) -> String {
    let total = Double(progress.replications * progress.arms * progress.days)
    let done = Double(
      (progress.replication * progress.arms + progress.arm) * progress.days + progress.day)
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

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
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(TerminalText.sanitised(text))".utf8))
  }

  /// Clears the line and prints a closing summary.
  func finish(_ summary: String) {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(TerminalText.sanitised(summary))\n".utf8))
  }
}

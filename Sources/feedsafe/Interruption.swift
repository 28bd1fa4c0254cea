import Dispatch
import Foundation
import Synchronization

/// Turns Ctrl-C (SIGINT) and SIGTERM into a flag the simulation checks between days, so a run
/// stops cleanly and is marked `interrupted`. A second signal exits at once with 130.
enum Interruption {
  private static let requested = Atomic<Bool>(false)
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  /// Whether a stop was requested.
  static var isRequested: Bool { requested.load(ordering: .relaxed) }

  /// Installs the handlers (once, before a run starts).
  static func install() {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        if requested.exchange(true, ordering: .relaxed) { _exit(FeedSafeCommand.interrupted) }
        FileHandle.standardError.write(
          Data("\nstopping after the current day (Ctrl-C again to quit at once)…\n".utf8))
      }
      source.resume()
      sources.append(source)
    }
  }
}

import FeedSafeCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One running ranker program: newline-delimited JSON to its stdin, from its stdout, each answer
/// awaited at most `timeoutSeconds`. Its stderr is FeedSafe's, so its own messages reach the user.
///
/// A class: it owns a child process, ended when the last reference goes (stdin closed, then
/// killed if it has not exited within the timeout).
final class RankerProcess {
  let label: String
  private let process = Process()
  private let input: FileHandle
  private let output: FileHandle
  private let timeoutSeconds: Double
  private var buffer: [UInt8] = []
  private var isBroken = false

  /// Starts `arguments` (looked up on `PATH`).
  init(arguments: [String], timeoutSeconds: Double, label: String) throws(RankerFailure) {
    self.label = label
    self.timeoutSeconds = timeoutSeconds
    let stdin = Pipe()
    let stdout = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.standardError
    input = stdin.fileHandleForWriting
    output = stdout.fileHandleForReading
    // A ranker that dies makes our next write fail with EPIPE instead of killing FeedSafe.
    signal(SIGPIPE, SIG_IGN)
    do {
      try process.run()
    } catch {
      throw RankerFailure("\(label): cannot start it: \(error.localizedDescription)")
    }
  }

  deinit {
    try? input.close()
    let deadline = Date().addingTimeInterval(min(timeoutSeconds, 2))
    while process.isRunning && Date() < deadline { usleep(1_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  /// Sends one line and reads the one line that answers it; `request` names it in errors.
  func exchange(_ line: String, request: String) throws(RankerFailure) -> ArraySlice<UInt8> {
    guard !isBroken else { throw RankerFailure("\(label): stopped after an earlier failure") }
    do throws(RankerFailure) {
      try write(line + "\n", request: request)
      return try readLine(request: request)
    } catch {
      isBroken = true
      throw error
    }
  }

  private func write(_ text: String, request: String) throws(RankerFailure) {
    var bytes = Array(text.utf8)[...]
    let fd = input.fileDescriptor
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw exited(beforeAnswering: request)
      }
      bytes = bytes.dropFirst(written)
    }
  }

  private func readLine(request: String) throws(RankerFailure) -> ArraySlice<UInt8> {
    let fd = output.fileDescriptor
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    var scanned = 0
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        let line = buffer[..<newline]
        defer { buffer.removeSubrange(...newline) }
        return ArraySlice(Array(line))
      }
      scanned = buffer.count
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { throw timedOut(request) }
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(left * 1_000 + 1, Double(Int32.max))))
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { throw timedOut(request) }
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw exited(beforeAnswering: request) }
      buffer += chunk[..<count]
    }
  }

  private func timedOut(_ request: String) -> RankerFailure {
    kill(process.processIdentifier, SIGKILL)
    return RankerFailure(
      "\(label): no answer to request '\(request)' within \(timeoutSeconds) s "
        + "(set 'timeout_seconds' under the feed's 'ranker' to allow longer)")
  }

  private func exited(beforeAnswering request: String) -> RankerFailure {
    try? input.close()
    let deadline = Date().addingTimeInterval(2)
    while process.isRunning && Date() < deadline { usleep(1_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    let how =
      process.terminationReason == .uncaughtSignal
      ? "was killed by signal \(process.terminationStatus)"
      : "exited with status \(process.terminationStatus)"
    return RankerFailure(
      "\(label): \(how) before answering request '\(request)' (its stderr is above)")
  }
}

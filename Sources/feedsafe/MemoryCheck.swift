import FeedSafeCore
import Foundation

/// Refuses a run whose ``MemoryEstimate`` exceeds what this machine can give it, before anything
/// is allocated or stored: a run that cannot fit would otherwise abort part-way with a backtrace
/// and leave its stored row `running`.
enum MemoryCheck {
  /// Memory available to this process in bytes: `MemAvailable` from `/proc/meminfo`, lowered to
  /// the cgroup limit (`/sys/fs/cgroup/memory.max`) when there is one; `nil` if neither is readable.
  static func availableBytes() -> Double? {
    var available: Double?
    if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) {
      for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
        let fields = line.split(separator: " ")
        if fields.count >= 2, let kibibytes = Double(fields[1]) { available = kibibytes * 1024 }
      }
    }
    if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
      let limit = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    {
      available = min(available ?? limit, limit)
    }
    return available
  }

  /// `bytes` as users read it: "61 GiB", "1.3 GiB" or "120 MiB".
  static func text(_ bytes: Double) -> String {
    let gibibytes = bytes / 1_073_741_824
    if gibibytes >= 10 {
      return gibibytes < 1e15
        ? "\(Int(gibibytes.rounded())) GiB" : "\(String(format: "%.1e", gibibytes)) GiB"
    }
    if gibibytes >= 1 { return String(format: "%.1f GiB", gibibytes) }
    return "\(max(1, Int((bytes / 1_048_576).rounded()))) MiB"
  }

  /// Why `spec` cannot run with `threads` workers here, or `nil` when it fits.
  static func problem(spec: ExperimentSpec, threads: Int) -> String? {
    let estimate = MemoryEstimate(spec: spec, threads: threads)
    guard let available = availableBytes(), estimate.bytes > available else { return nil }
    return "this run needs ≈ \(text(estimate.bytes)) of memory; this machine has "
      + "\(text(available)) available (reduce --people, --items, --days or --threads)"
  }

  /// Throws a bad-input failure (exit 2) when `spec` cannot fit.
  static func require(spec: ExperimentSpec, threads: Int) throws {
    if let problem = problem(spec: spec, threads: threads) {
      throw CommandFailure.badInput(problem)
    }
  }
}

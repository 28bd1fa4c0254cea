import FeedSafeCore
import Foundation

/// Where a run is in its life. Only `complete` runs have results that readers use.
public enum RunStatus: String, Sendable, CaseIterable {
  /// Being written (or its process died: see ``RunRecord/isStale``).
  case running
  /// Every seed and the summary were written, in the same transaction as the status.
  case complete
  /// Stopped by an error; the error text is stored.
  case failed
  /// Stopped by Ctrl-C (SIGINT) or SIGTERM.
  case interrupted
}

/// A stored run's metadata, as listed by `feedsafe runs` and shown by `feedsafe show`.
public struct RunRecord: Sendable, Equatable {
  public var id: String
  public var name: String
  public var description: String
  public var scenarioPath: String
  public var scenarioText: String
  public var scenarioSHA256: String
  public var toolVersion: String
  public var gitCommit: String?
  public var baseSeed: UInt64
  public var seeds: [UInt64]
  public var horizonDays: Int
  public var people: Int
  public var items: Int
  public var threads: Int
  public var cohorts: [String]
  public var childCohorts: [String]
  public var categories: [String]
  /// ISO 8601 UTC.
  public var startedAt: String
  /// ISO 8601 UTC; `nil` while running.
  public var finishedAt: String?
  public var wallSeconds: Double?
  public var status: RunStatus
  public var error: String?
  /// Process and host that wrote the run (to tell a live run from a killed one).
  public var pid: Int?
  public var host: String?
  /// Arm names in scenario order.
  public var arms: [String]
  /// Unmeasured days before the horizon; `nil` for runs stored before schema 5.
  public var burnInDays: Int?
  /// What else the run read, the scenario folder's git state and the command line.
  public var provenance: RunProvenance = .none
  /// The share of the work units this run holds (`run --shard`); `nil` for a whole run.
  public var shard: Shard?

  /// Whether the run says `running` but the process that wrote it is gone (killed): its results
  /// are incomplete and will never be finished.
  public var isStale: Bool {
    guard status == .running, let pid, host == RunRecord.currentHost else { return false }
    return kill(pid_t(pid), 0) != 0 && errno == ESRCH
  }

  /// Whether a process may still be writing the run: it says `running` and its writer is alive
  /// on this host, or ran on another host, where liveness cannot be checked.
  public var mayBeBeingWritten: Bool {
    status == .running && !isStale
  }

  /// The status as users read it.
  public var displayStatus: String { isStale ? "running (process gone)" : status.rawValue }

  /// This machine's host name.
  public static var currentHost: String { ProcessInfo.processInfo.hostName }
}

/// A run about to be written: everything known before the first seed.
public struct NewRun: Sendable {
  public var record: RunRecord
  /// One row per arm: name, preset, age assurance, the fully resolved settings and the
  /// definitions of the feeds it serves, as JSON.
  public var armSettings:
    [(
      name: String, preset: String?, ageAssurance: String, settings: String, feeds: String,
      sweep: SweepPoint?, parameters: [ParameterValue]
    )]
  /// The sensitivity analysis the run is, if any.
  public var sensitivity: SensitivityPlan?

  /// The new run of `spec`, loaded from `path` with text `text`. `inputs` are the other files
  /// the scenario read (role `include` or `feeds`, path, text), hashed with the scenario into
  /// the run's provenance.
  public init(
    spec: ExperimentSpec, path: String, text: String, threads: Int, toolVersion: String,
    gitCommit: String?, inputs: [(role: RunFile.Role, path: String, text: String)] = [],
    commandLine: String? = nil, scenarioGit: GitState? = nil, shard: Shard = .whole
  ) {
    let cohorts = Cohorts(population: spec.population)
    record = RunRecord(
      id: RunRecord.newID(), name: spec.name, description: spec.description, scenarioPath: path,
      scenarioText: text, scenarioSHA256: SHA256.hex(of: text), toolVersion: toolVersion,
      gitCommit: gitCommit, baseSeed: spec.seed, seeds: spec.seeds, horizonDays: spec.horizonDays,
      people: spec.population.size, items: spec.catalogue.size, threads: threads,
      cohorts: cohorts.names,
      childCohorts: cohorts.names.indices.filter(cohorts.isChildCohort).map { cohorts.names[$0] },
      categories: HarmMeasures(taxonomy: spec.taxonomy).names,
      startedAt: RunRecord.timestamp(Date()), finishedAt: nil, wallSeconds: nil, status: .running,
      error: nil, pid: Int(ProcessInfo.processInfo.processIdentifier), host: RunRecord.currentHost,
      arms: spec.arms.map(\.name), burnInDays: spec.burnInDays,
      shard: shard == .whole ? nil : shard)
    armSettings = spec.arms.map { arm in
      (
        arm.name, arm.preset, (arm.ageAssurance ?? spec.population.ageAssurance).description,
        ArmSettingsJSON.encode(arm, spec: spec), ArmSettingsJSON.feeds(arm, spec: spec),
        arm.sweepPoint, arm.parameters
      )
    }
    sensitivity = spec.sensitivity
    let files =
      [RunFile(role: .scenario, path: path, text: text)]
      + inputs.map { RunFile(role: $0.role, path: $0.path, text: $0.text) }
    record.provenance = RunProvenance(
      commandLine: commandLine, scenarioGit: scenarioGit, files: files,
      inputsSHA256: RunProvenance.inputsDigest(
        files: files, spec: spec,
        arms: armSettings.map {
          ($0.name, $0.settings, $0.feeds + $0.parameters.map { " " + $0.label }.joined())
        }))
  }
}

extension RunRecord {
  /// A fresh 12-hex-digit run id (48 random bits).
  static func newID() -> String {
    var generator = SystemRandomNumberGenerator()
    return String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 16).leftPadded(to: 12)
  }

  /// ISO 8601 UTC with seconds.
  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    String(repeating: "0", count: max(0, length - count)) + self
  }
}

extension AgeAssurance: CustomStringConvertible {
  /// The method with its parameter, as stored: `estimation(mae=1.5)`.
  public var description: String {
    switch self {
    case .selfDeclaration: "self_declaration"
    case .estimation(let error): "estimation(mean_absolute_error=\(error))"
    case .verification(let rate): "verification(failure_rate=\(rate))"
    case .challengeAge(let error, let buffer, let rate):
      "estimation_with_challenge(mean_absolute_error=\(error),challenge_buffer=\(buffer),"
        + "failure_rate=\(rate))"
    }
  }
}

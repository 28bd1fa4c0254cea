import FeedSafeCore
import Foundation

/// Where a run came from beyond its scenario text: every other file it read, the git state of
/// the scenario's folder and the command that started it, so that a stored run can be traced to
/// the change that produced it (`docs/store.md`, "Provenance").
public struct RunProvenance: Sendable, Equatable {
  /// The command line, arguments joined by spaces (shell-quoted where needed); `nil` for runs
  /// stored before provenance was recorded, or not started from the command line.
  public var commandLine: String?
  /// The git state of the scenario's folder; `nil` when it is not in a git work tree.
  public var scenarioGit: GitState?
  /// The scenario, then every included and `--feeds` file and every file an external ranker's
  /// command names, each with its SHA-256.
  public var files: [RunFile]
  /// SHA-256 of everything the results depend on except the tool version (``inputsDigest``);
  /// `nil` for runs stored before it was recorded.
  public var inputsSHA256: String?

  /// A provenance from its parts.
  public init(
    commandLine: String?, scenarioGit: GitState?, files: [RunFile], inputsSHA256: String?
  ) {
    self.commandLine = commandLine
    self.scenarioGit = scenarioGit
    self.files = files
    self.inputsSHA256 = inputsSHA256
  }

  /// No provenance (runs stored before schema 5).
  public static let none = RunProvenance(
    commandLine: nil, scenarioGit: nil, files: [], inputsSHA256: nil)

  /// The `--feeds` files, in the order given.
  public var feedFiles: [String] { files.filter { $0.role == .feeds }.map(\.path) }
}

/// A git commit and whether the folder had changes not committed (tracked or untracked).
public struct GitState: Sendable, Equatable {
  /// The commit (`git rev-parse HEAD`).
  public var commit: String
  /// Whether the folder differs from the commit.
  public var isDirty: Bool

  /// A git state.
  public init(commit: String, isDirty: Bool) {
    self.commit = commit
    self.isDirty = isDirty
  }

  /// `1a2b3c4d5e6f` or `1a2b3c4d5e6f (dirty)`.
  public var shortText: String { String(commit.prefix(12)) + (isDirty ? " (dirty)" : "") }
}

/// One file a run read, with its content hash.
public struct RunFile: Sendable, Equatable {
  /// Why the run read it.
  public enum Role: String, Sendable, CaseIterable {
    /// The scenario itself.
    case scenario
    /// A feed file the scenario includes, or a file named by an external ranker's command (its
    /// script), whose hash records which ranker code produced the run.
    case include
    /// A feed file given with `--feeds`.
    case feeds
  }
  /// Why the run read it.
  public var role: Role
  /// The path as the user wrote it.
  public var path: String
  /// SHA-256 of its text, lower-case hex.
  public var sha256: String

  /// A file read by a run.
  public init(role: Role, path: String, sha256: String) {
    self.role = role
    self.path = path
    self.sha256 = sha256
  }

  /// The file read with text `text`.
  public init(role: Role, path: String, text: String) {
    self.init(role: role, path: path, sha256: SHA256.hex(of: text))
  }
}

extension RunProvenance {
  /// SHA-256 of a canonical text of what decides a run's results apart from the tool version:
  /// every file's hash, the world's size and horizon after command-line overrides, the seeds,
  /// and each arm's resolved settings and feeds. Two runs with equal digests (and tool versions)
  /// have identical metrics; runs that differ only in a `--feeds` file have different ones.
  static func inputsDigest(
    files: [RunFile], spec: ExperimentSpec,
    arms: [(name: String, settings: String, feeds: String)]
  ) -> String {
    var lines = files.map { "file \($0.role.rawValue) \($0.sha256)" }
    lines.append(
      "world people=\(spec.population.size) items=\(spec.catalogue.size) "
        + "horizon=\(spec.horizonDays) burn_in=\(spec.burnInDays)")
    lines.append("seeds \(spec.seeds.map(String.init).joined(separator: ","))")
    for arm in arms {
      lines.append("arm \(arm.name) \(arm.settings) \(arm.feeds)")
    }
    return SHA256.hex(of: lines.joined(separator: "\n"))
  }
}

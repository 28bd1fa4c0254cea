import FeedSafeCore
import Yams

/// A scenario file, loaded and checked: its text (stored with every run) and the experiment it
/// declares as plain Core values. The format is documented in `docs/scenario-format.md`.
public struct Scenario: Sendable {
  /// The path the scenario was loaded from, as given.
  public let path: String
  /// The file's text, exactly as read.
  public let text: String
  /// The experiment it declares, with every default filled in.
  public let spec: ExperimentSpec
  /// Every other file the scenario read (included feed files, then `--feeds` files), in the
  /// order read, with its text: what a stored run hashes so that it can be traced to its inputs.
  public let inputs: [ScenarioInput]

  /// A scenario from its parts (used to apply command-line overrides to a loaded one).
  public init(path: String, text: String, spec: ExperimentSpec, inputs: [ScenarioInput] = []) {
    self.path = path
    self.text = text
    self.spec = spec
    self.inputs = inputs
  }

  /// The scenario format version this build reads.
  public static let formatVersion = 1

  /// Loads and checks the scenario at `path`, treating it and every file it includes as
  /// untrusted: see ``ScenarioLimits`` and `docs/security.md`.
  ///
  /// `feedOverrides` name feed files whose definitions replace the scenario's (`--feeds`).
  /// Included and override files must lie inside `includeRoot` after symlinks are resolved; `nil`
  /// means the scenario's own folder, and then absolute include paths are refused too.
  /// - Throws: ``ScenarioError`` listing every problem, each with its line and column.
  public static func load(
    path: String, feedOverrides: [String] = [], includeRoot: String? = nil,
    limits: ScenarioLimits = .standard
  ) throws(ScenarioError) -> Scenario {
    switch ScenarioSource.read(path, limits: limits) {
    case .failure(let error): throw error
    case .success(let text):
      return try parse(
        text, file: path, feedOverrides: feedOverrides, includeRoot: includeRoot, limits: limits)
    }
  }

  /// Parses and checks scenario `text`; `file` names it in messages and locates its includes.
  /// The other parameters are those of ``load(path:feedOverrides:includeRoot:limits:)``.
  /// - Throws: ``ScenarioError`` listing every problem, each with its line and column.
  public static func parse(
    _ text: String, file: String, feedOverrides: [String] = [], includeRoot: String? = nil,
    limits: ScenarioLimits = .standard
  ) throws(ScenarioError) -> Scenario {
    guard let root = try ScenarioSource.compose(text, file: file, limits: limits) else {
      throw ScenarioError(diagnostics: [
        ScenarioDiagnostic(
          location: SourceLocation(file: file, line: 1, column: 1),
          message: "the file is empty; a scenario needs at least 'name' and 'arms'")
      ])
    }
    var parser = ScenarioParser(
      file: file, feedOverrideFiles: feedOverrides, includeRoot: includeRoot, limits: limits)
    let spec = parser.experiment(root)
    guard parser.reader.diagnostics.isEmpty, let spec else {
      let sorted = parser.reader.diagnostics.enumerated().sorted {
        ($0.element.location.line, $0.element.location.column, $0.offset)
          < ($1.element.location.line, $1.element.location.column, $1.offset)
      }.map(\.element)
      // A setting applied to several bands can report the same problem once per band.
      var unique: [ScenarioDiagnostic] = []
      for diagnostic in sorted where !unique.contains(diagnostic) { unique.append(diagnostic) }
      throw ScenarioError(diagnostics: unique)
    }
    return Scenario(path: file, text: text, spec: spec, inputs: parser.inputs)
  }
}

/// A file a scenario read besides itself.
public struct ScenarioInput: Sendable, Equatable {
  /// Why it was read.
  public enum Role: String, Sendable {
    /// Named by the scenario's `feeds.include`.
    case include
    /// Named on the command line with `--feeds`.
    case feeds
  }
  /// Why it was read.
  public let role: Role
  /// Its path as the user wrote it (an include beside the including scenario).
  public let path: String
  /// Its text, exactly as read.
  public let text: String
}

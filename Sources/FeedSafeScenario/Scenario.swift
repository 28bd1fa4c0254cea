import FeedSafeCore
import Foundation
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

  /// A scenario from its parts (used to apply command-line overrides to a loaded one).
  public init(path: String, text: String, spec: ExperimentSpec) {
    self.path = path
    self.text = text
    self.spec = spec
  }

  /// The scenario format version this build reads.
  public static let formatVersion = 1

  /// Loads and checks the scenario at `path`.
  /// - Throws: ``ScenarioError`` listing every problem, each with its line and column.
  public static func load(path: String, feedOverrides: [String] = []) throws(ScenarioError)
    -> Scenario
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw ScenarioError(diagnostics: [
        ScenarioDiagnostic(
          location: SourceLocation(file: path, line: 1, column: 1),
          message: exists ? "cannot read the file (permission denied?)" : "no such file")
      ])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ScenarioError(diagnostics: [
        ScenarioDiagnostic(
          location: SourceLocation(file: path, line: 1, column: 1),
          message: "the file is not UTF-8 text")
      ])
    }
    return try parse(text, file: path, feedOverrides: feedOverrides)
  }

  /// Parses and checks scenario `text`; `file` names it in messages.
  /// - Throws: ``ScenarioError`` listing every problem, each with its line and column.
  /// `feedOverrides` name feed files whose definitions replace the scenario's (`--feeds`).
  public static func parse(
    _ text: String, file: String, feedOverrides: [String] = []
  ) throws(ScenarioError) -> Scenario {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw ScenarioError(diagnostics: [
          ScenarioDiagnostic(
            location: SourceLocation(file: file, line: 1, column: 1),
            message: "the file is empty; a scenario needs at least 'name' and 'arms'")
        ])
      }
      root = node
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw ScenarioError(diagnostics: [syntaxDiagnostic(error, file: file)])
    }
    var parser = ScenarioParser(file: file, feedOverrideFiles: feedOverrides)
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
    return Scenario(path: file, text: text, spec: spec)
  }

  /// A YAML syntax error as a located diagnostic, without libyaml's context dump.
  static func syntaxDiagnostic(_ error: Error, file: String) -> ScenarioDiagnostic {
    func located(_ mark: Mark, _ message: String) -> ScenarioDiagnostic {
      ScenarioDiagnostic(
        location: SourceLocation(file: file, line: mark.line, column: mark.column),
        message: message)
    }
    switch error as? YamlError {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return located(mark, "invalid YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = Set(duplicates).sorted().map { "'\($0)'" }.joined(separator: ", ")
      return located(context.mark, "key \(names) appears more than once in one mapping")
    default:
      return ScenarioDiagnostic(
        location: SourceLocation(file: file, line: 1, column: 1), message: "invalid YAML")
    }
  }
}

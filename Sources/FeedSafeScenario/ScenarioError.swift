/// A place in a scenario file: path, 1-based line and column.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  /// The file's path as the user gave it.
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column.
  public var column: Int

  /// A location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `path:line:column`.
  public var description: String { "\(file):\(line):\(column)" }
}

/// One problem in a scenario: where it is and what is wrong, written for the user.
public struct ScenarioDiagnostic: Sendable, Equatable, CustomStringConvertible {
  /// Where the problem is.
  public var location: SourceLocation
  /// What is wrong and what is allowed.
  public var message: String

  /// `path:line:column: error: message`.
  public var description: String { "\(location): error: \(message)" }
}

/// A scenario that could not be loaded, with every problem found (`validate` lists them all).
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The problems, in file order.
  public var diagnostics: [ScenarioDiagnostic]

  /// An error made of `diagnostics`.
  public init(diagnostics: [ScenarioDiagnostic]) { self.diagnostics = diagnostics }

  /// One line per problem.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The nearest of `candidates` to `word` by edit distance, if near enough to be a likely typo.
func nearest(to word: String, in candidates: [String]) -> String? {
  let scored = candidates.map { ($0, editDistance(word, $0)) }
  guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
  return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

/// Levenshtein distance between two strings.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  var previous = Array(0...b.count)
  for i in 1...max(1, a.count) where !a.isEmpty {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...max(1, b.count) where !b.isEmpty {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return a.isEmpty ? b.count : previous[b.count]
}

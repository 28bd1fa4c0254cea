import Foundation
import Yams

/// Reading a scenario or feed file as untrusted input: at most ``ScenarioLimits/fileBytes`` read,
/// included paths confined to the include root, the YAML checked by ``YAMLPreScan`` before it is
/// composed. Every refusal is a located ``ScenarioDiagnostic`` that never quotes file content.
enum ScenarioSource {
  /// The text of the file at `path`, or the diagnostic saying why it cannot be used.
  static func read(_ path: String, limits: ScenarioLimits) -> Result<String, ScenarioError> {
    let refuse = { (message: String) in
      Result<String, ScenarioError>.failure(
        ScenarioError(diagnostics: [
          ScenarioDiagnostic(
            location: SourceLocation(file: path, line: 1, column: 1), message: message)
        ]))
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return refuse("no such file")
    }
    if isDirectory.boolValue { return refuse("is a directory, not a YAML file") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return refuse("cannot read the file (permission denied?)")
    }
    defer { try? handle.close() }
    // One byte past the limit tells "too large" without reading the rest.
    guard let data = try? handle.read(upToCount: limits.fileBytes + 1) else {
      return refuse("cannot read the file")
    }
    if data.count > limits.fileBytes {
      return refuse(
        "the file is larger than the limit of \(limits.fileBytes) bytes (\(bytesText(limits.fileBytes)))"
      )
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return refuse("the file is not UTF-8 text")
    }
    return .success(text)
  }

  /// The root node of YAML `text`, or every problem: a limit exceeded (checked first, cheaply),
  /// a syntax error, an empty file (`nil`).
  static func compose(_ text: String, file: String, limits: ScenarioLimits) throws(ScenarioError)
    -> Node?
  {
    let located = { (line: Int, column: Int, message: String) in
      ScenarioError(diagnostics: [
        ScenarioDiagnostic(
          location: SourceLocation(file: file, line: line, column: column), message: message)
      ])
    }
    if text.utf8.count > limits.fileBytes {
      throw located(
        1, 1,
        "the file is larger than the limit of \(limits.fileBytes) bytes (\(bytesText(limits.fileBytes)))"
      )
    }
    if let problem = YAMLPreScan.firstProblem(in: text, limits: limits) {
      throw located(problem.line, problem.column, problem.message)
    }
    do {
      return try Yams.compose(yaml: text)
    } catch {
      throw ScenarioError(diagnostics: [syntaxDiagnostic(error, text: text, file: file)])
    }
  }

  /// A YAML syntax error as a located diagnostic, without libyaml's context dump; a tab in the
  /// indentation of the failing line is named as such (libyaml only says "cannot start any token").
  static func syntaxDiagnostic(_ error: Error, text: String, file: String) -> ScenarioDiagnostic {
    func located(_ mark: Mark, _ message: String) -> ScenarioDiagnostic {
      ScenarioDiagnostic(
        location: SourceLocation(file: file, line: mark.line, column: mark.column),
        message: message)
    }
    switch error as? YamlError {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      if let column = tabIndentColumn(line: mark.line, in: text) {
        return ScenarioDiagnostic(
          location: SourceLocation(file: file, line: mark.line, column: column),
          message: "tabs are not allowed for indentation in YAML; use spaces")
      }
      return located(mark, "invalid YAML: \(excerpt(problem, limit: 80))")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = Set(duplicates).sorted().prefix(5).map { "'\(excerpt($0))'" }
        .joined(separator: ", ")
      return located(context.mark, "key \(names) appears more than once in one mapping")
    default:
      return ScenarioDiagnostic(
        location: SourceLocation(file: file, line: 1, column: 1), message: "invalid YAML")
    }
  }

  /// The 1-based column of the first tab in the leading whitespace of 1-based `line`, if any.
  static func tabIndentColumn(line: Int, in text: String) -> Int? {
    var current = 1
    var column = 1
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\n") {
        if current == line { return nil }
        current += 1
        column = 1
        continue
      }
      guard current == line else { continue }
      if byte == UInt8(ascii: "\t") { return column }
      if byte != UInt8(ascii: " ") { return nil }
      column += 1
    }
    return nil
  }

  /// `path` (an `include:` entry of `including`, or a `--feeds` file when `including` is `nil`)
  /// resolved and checked to lie inside `root` after symlinks are resolved; or why not.
  ///
  /// `root` is the including scenario's folder unless the user widened it (`--include-root`).
  /// An absolute path is refused unless the root was given explicitly.
  static func confine(
    _ path: String, including: String?, root: String, rootIsExplicit: Bool
  ) -> Result<String, IncludeRefusal> {
    let shown = "'\(excerpt(path, limit: 80))'"
    let widen = "pass --include-root DIR to allow another folder"
    if path.hasPrefix("/") && including != nil && !rootIsExplicit {
      return .failure(
        IncludeRefusal(
          message:
            "feed file \(shown) is an absolute path; includes are relative to the scenario's folder (\(widen))"
        ))
    }
    let joined: String
    if path.hasPrefix("/") {
      joined = path
    } else if let including {
      joined =
        URL(fileURLWithPath: including).deletingLastPathComponent().appendingPathComponent(
          path
        ).path
    } else {
      joined = URL(fileURLWithPath: path).path
    }
    let outside = Result<String, IncludeRefusal>.failure(
      IncludeRefusal(
        message:
          "feed file \(shown) is outside \(rootIsExplicit ? "the include root" : "the scenario's folder"); "
          + "an included file must be inside it (\(widen))"))
    // Lexically first, so a missing file outside the root is not reported as missing.
    let lexical = URL(fileURLWithPath: joined).standardizedFileURL.path
    guard let realRoot = realPath(root) else { return outside }
    guard isInside(lexical, realRoot) || isInside(lexical, standardized(root)) else {
      return outside
    }
    guard let resolved = realPath(joined) else { return .success(joined) }
    return isInside(resolved, realRoot) ? .success(resolved) : outside
  }

  private static func isInside(_ path: String, _ root: String) -> Bool {
    root == "/" || path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
  }

  private static func standardized(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// `path` with every symlink resolved, or `nil` when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = Foundation.realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// "1 MiB", "64 KiB" or "N bytes".
  static func bytesText(_ bytes: Int) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
  }
}

/// Why an included path was refused, as a message that names the path and never the content.
struct IncludeRefusal: Error {
  let message: String
}

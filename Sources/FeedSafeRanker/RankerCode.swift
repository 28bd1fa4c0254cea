import FeedSafeCore
import Foundation

/// The files of an external ranker's code, as a run's provenance hashes them: every argument of
/// its command that names a file (the script), and, for a Python script, the modules it imports
/// from its own folder, transitively (`import engagement` beside `for_you.py` is
/// `engagement.py`), so a change to a helper module changes the stored hash too. Imports of
/// installed packages (NumPy) are not files of the ranker and are left out.
public enum RankerCode {
  /// The files of `command`, each once, in the order found: (path as written or resolved, text).
  public static func files(of command: ExternalRankerCommand) -> [(path: String, text: String)] {
    var found: [(path: String, text: String)] = []
    var seen: Set<String> = []
    var pending = Array(command.arguments.dropFirst())
    while !pending.isEmpty {
      let path = pending.removeFirst()
      guard !seen.contains(path), let text = regularFileText(path) else { continue }
      seen.insert(path)
      found.append((path, text))
      if path.hasSuffix(".py") {
        let folder = (path as NSString).deletingLastPathComponent
        pending += pythonImports(in: text).map {
          folder.isEmpty ? "\($0).py" : (folder as NSString).appendingPathComponent("\($0).py")
        }
      }
    }
    return found
  }

  /// The top-level module names of a Python source's `import a, b` and `from a import b` lines.
  static func pythonImports(in source: String) -> [String] {
    var modules: [String] = []
    for line in source.split(separator: "\n") {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard let keyword = words.first, keyword == "import" || keyword == "from", words.count > 1
      else { continue }
      let names =
        keyword == "import"
        ? Array(words.dropFirst().prefix { $0 != "as" && $0 != "#" }) : [words[1]]
      for name in names.joined(separator: " ").split(separator: ",") {
        let module =
          name.trimmingCharacters(in: .whitespaces).split(separator: ".").first
          .map(String.init) ?? ""
        if !module.isEmpty, module.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
          modules.append(module)
        }
      }
    }
    return modules
  }

  private static func regularFileText(_ path: String) -> String? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
      let data = FileManager.default.contents(atPath: path)
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}

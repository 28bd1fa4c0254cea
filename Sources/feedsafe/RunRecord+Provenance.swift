import FeedSafeReport
import FeedSafeStore

extension RunRecord {
  /// The first 12 hex digits of the run's inputs hash (what `runs` shows to tell apart runs of
  /// one scenario), or `–` for runs stored before provenance was recorded.
  var shortInputs: String {
    provenance.inputsSHA256.map { String($0.prefix(12)) } ?? "–"
  }

  /// The `--feeds` files by file name, or `–`.
  var feedFilesText: String {
    let files = provenance.feedFiles
    // File names only: the table stays narrow; `runs --detail` gives the paths.
    return files.isEmpty
      ? "–"
      : files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", ")
  }

  /// Label and value lines saying where the run came from, as `show`, `runs --detail` and the
  /// HTML report print them.
  var provenanceLines: [(String, String)] {
    var lines: [(String, String)] = [
      ("inputs", provenance.inputsSHA256.map { "sha256 \($0.prefix(12))…" } ?? "not recorded")
    ]
    for file in provenance.files {
      lines.append((file.role.rawValue, "\(file.path) (sha256 \(file.sha256.prefix(12))…)"))
    }
    if provenance.files.isEmpty {
      lines.append(("scenario", "\(scenarioPath) (sha256 \(scenarioSHA256.prefix(12))…)"))
    }
    lines.append(
      (
        "scenario git",
        provenance.scenarioGit?.shortText ?? "not in a git work tree (or not recorded)"
      ))
    if let burnInDays {
      lines.append(
        ("size", "\(people) people, \(items) items, \(burnInDays) + \(horizonDays) days"))
    } else {
      lines.append(("size", "\(people) people, \(items) items, \(horizonDays) days"))
    }
    lines.append(("command", provenance.commandLine ?? "not recorded"))
    return lines.map { ($0.0, TerminalText.sanitised($0.1)) }
  }
}

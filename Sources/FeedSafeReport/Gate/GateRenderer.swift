import Foundation

/// Prints a gate's results: a concise table, JSON, or JUnit XML for CI systems.
public enum GateRenderer {
  /// The summary table: rule, value, bound or baseline, verdict; then a line per failed or
  /// undetermined rule saying why; then the totals.
  public static func table(_ report: GateReport, colour: Bool) -> String {
    let header = ["rule", "value", "bound / baseline", "verdict"]
    let rows = report.results.map {
      [$0.name, $0.value, $0.reference, $0.verdict.rawValue.uppercased()]
    }
    var output = TextTable.render(header: header, rows: rows) { index, text in
      guard colour else { return text }
      switch report.results[index].verdict {
      case .fail: return "\u{1B}[31m\(text)\u{1B}[0m"
      case .undetermined, .worseNotCredible: return "\u{1B}[33m\(text)\u{1B}[0m"
      case .pass: return text
      }
    }
    let explained = report.results.filter { $0.verdict != .pass }
    if !explained.isEmpty {
      output +=
        "\n"
        + explained.map {
          TerminalText.sanitised("\($0.verdict.rawValue): \($0.name): \($0.detail)")
        }.joined(
          separator: "\n") + "\n"
    }
    let counts = Verdict.allCases.map { verdict in
      "\(report.results.filter { $0.verdict == verdict }.count) \(verdict.tallyText)"
    }
    output +=
      "\n\(counts.joined(separator: ", ")); each decision at \(percent(report.perDecisionLevel)) confidence "
      + "(\(percent(report.familyLevel)) for all \(report.results.count) together)\n"
    return output
  }

  /// One JSON object: `results` and the confidence levels.
  public static func json(_ report: GateReport, failed: Bool) -> String {
    let object: [String: Any] = [
      "passed": !failed,
      "family_level": report.familyLevel,
      "per_decision_level": report.perDecisionLevel,
      "results": report.results.map {
        [
          "name": $0.name, "kind": $0.kind, "value": $0.value, "reference": $0.reference,
          "verdict": $0.verdict.rawValue, "detail": $0.detail,
        ]
      },
    ]
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    else {
      preconditionFailure("gate results are strings and numbers")
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// JUnit XML: one test case per rule, each with its value, reference and reason in
  /// `<system-out>`. A failed rule is a `<failure>`; an undetermined one is `<skipped>` (a
  /// `<failure>` under `strict`); a `worse, not credible` one passes, its `<system-out>` starting
  /// `worse, not credible:` (a `<failure>` under `strict`).
  public static func junit(_ report: GateReport, suite: String, strict: Bool, seconds: Double)
    -> String
  {
    func escape(_ text: String) -> String {
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    let failures = report.results.filter { $0.verdict.fails(strict: strict) }.count
    let skipped = strict ? 0 : report.results.filter { $0.verdict == .undetermined }.count
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml +=
      "<testsuites name=\"feedsafe check\" tests=\"\(report.results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(String(format: "%.3f", seconds))\">\n"
    xml +=
      "  <testsuite name=\"\(escape(suite))\" tests=\"\(report.results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(String(format: "%.3f", seconds))\">\n"
    for result in report.results {
      xml +=
        "    <testcase classname=\"feedsafe.\(escape(suite)).\(result.kind)\" name=\"\(escape(result.name))\" time=\"0\">\n"
      let message =
        "\(result.verdict.rawValue): \(result.value) vs \(result.reference): \(result.detail)"
      let type = result.verdict.rawValue
      switch result.verdict {
      case .pass:
        break
      case .fail:
        xml +=
          "      <failure message=\"\(escape(message))\" type=\"\(type)\">\(escape(message))</failure>\n"
      case .undetermined, .worseNotCredible:
        if strict {
          xml +=
            "      <failure message=\"\(escape(message))\" type=\"\(type)\">\(escape(message))</failure>\n"
        } else if result.verdict == .undetermined {
          xml += "      <skipped message=\"\(escape(message))\"/>\n"
        }
      }
      xml += "      <system-out>\(escape(message))</system-out>\n    </testcase>\n"
    }
    return xml + "  </testsuite>\n</testsuites>\n"
  }

  static func percent(_ level: Double) -> String {
    let value = level * 100
    return value >= 99.95 ? String(format: "%.3f%%", value) : String(format: "%.1f%%", value)
  }
}

import ArgumentParser
import FeedSafeCore
import FeedSafeReport

/// `feedsafe parameters`: every numeric scenario key, with its range, default and source.
struct Parameters: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "List every numeric scenario key a sweep or sensitivity analysis can vary: kind, unit, valid range, default, source or assumption, plausible range.",
    discussion: "docs/parameters.md is this list as Markdown (--format markdown).")

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown }

  @Option(help: "table or markdown.")
  var format: Format = .table

  @Option(help: ArgumentHelp("Only keys whose path starts with this.", valueName: "prefix"))
  var prefix: String?

  func run() throws {
    switch format {
    case .markdown: print(ParameterTable.markdown(), terminator: "")
    case .table:
      let chosen = ParameterRegistry.all.filter { $0.path.hasPrefix(prefix ?? "") }
      guard !chosen.isEmpty else {
        throw CommandFailure(
          message: "no parameter starts with '\(prefix ?? "")'; sections: "
            + Set(ParameterRegistry.all.map(\.section)).sorted().joined(separator: ", "),
          exitCode: FeedSafeCommand.badInput)
      }
      print(ParameterTable.text(chosen), terminator: "")
    }
  }
}

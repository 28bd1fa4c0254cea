/// What one scenario or feed file may cost to read, checked before the YAML tree is built.
///
/// Scenario files arrive in pull requests and run in CI, so they are untrusted input. Every limit
/// is far above what a real scenario needs (the shipped ones use under 20 KiB, 8 levels and no
/// aliases) and each has its own located message; `docs/security.md` lists them and explains why.
public struct ScenarioLimits: Sendable, Equatable {
  /// Largest file, in bytes (default 1 MiB). A larger file is not read past this.
  public var fileBytes: Int
  /// Longest scalar (one value or key), in UTF-8 bytes (default 64 KiB).
  public var scalarBytes: Int
  /// Deepest nesting of lists and mappings (default 64). The tree reader is recursive.
  public var depth: Int
  /// Most aliases (`*name`) in one file (default 1,000).
  public var aliases: Int
  /// Most values in the file once every alias is expanded (default 100,000): bounds "billion
  /// laughs" files, whose aliases multiply the work of everything that reads the tree.
  public var expandedNodes: Int
  /// Most complex (list or mapping) mapping keys (default 0). No scenario key is complex, and
  /// the YAML library hashes such keys with their aliases expanded, which a file can make
  /// exponentially slow.
  public var complexKeys: Int
  /// Whether a feed may name an external ranker, a command FeedSafe would run (default no): a
  /// scenario from a pull request must not run a program of its choosing unless the person
  /// running FeedSafe says so (`--allow-rankers`).
  public var allowsExternalRankers: Bool

  /// Limits from their parts; every argument defaults to the standard value.
  public init(
    fileBytes: Int = 1 << 20, scalarBytes: Int = 64 << 10, depth: Int = 64, aliases: Int = 1_000,
    expandedNodes: Int = 100_000, complexKeys: Int = 0, allowsExternalRankers: Bool = false
  ) {
    self.fileBytes = fileBytes
    self.scalarBytes = scalarBytes
    self.depth = depth
    self.aliases = aliases
    self.expandedNodes = expandedNodes
    self.complexKeys = complexKeys
    self.allowsExternalRankers = allowsExternalRankers
  }

  /// The limits `feedsafe` uses.
  public static let standard = ScenarioLimits()

  /// The standard limits, with external rankers allowed or not.
  public static func standard(allowingExternalRankers allowed: Bool) -> ScenarioLimits {
    ScenarioLimits(allowsExternalRankers: allowed)
  }
}

import ArgumentParser
import FeedSafeCluster
import FeedSafeCore
import FeedSafeRanker
import FeedSafeReport
import FeedSafeScenario
import FeedSafeStore
import Foundation

/// `feedsafe run FILE`: runs a scenario, stores it and prints its results.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Run a scenario: every arm on every seed; store the run and print the metrics with 95% CIs.")

  @OptionGroup var scenario: ScenarioOptions
  @OptionGroup var store: StoreOptions
  @OptionGroup var sharding: ShardOptions

  @Flag(help: "Do not store the run.")
  var noStore = false

  @Option(parsing: .unconditional, help: "Worker threads (results are identical for any number).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: OutputFormat = .table

  @Flag(help: "Show every harm category for every metric in the table.")
  var detail = false

  @Flag(name: .shortAndLong, help: "No progress on stderr.")
  var quiet = false

  @Flag(
    help:
      "Check that each external ranker is deterministic: a twin process answers a sample of its requests again, and any difference fails the run (exit 3)."
  )
  var verifyRanker = false

  @Option(
    help: ArgumentHelp(
      "Continue a stopped (interrupted or failed) run from the seeds it stored, instead of running FILE.",
      valueName: "run"))
  var resume: String?

  func validate() throws {
    guard threads >= 1 else {
      throw ValidationError("--threads must be at least 1, got \(threads)")
    }
    if sharding.shard != .whole, noStore || resume != nil {
      throw ValidationError(
        "--shard stores its share of the run for 'feedsafe merge'; it cannot be combined with --no-store or --resume (rerun a stopped shard with the same command)"
      )
    }
    if resume != nil {
      guard scenario.file == nil, scenario.feedFiles.isEmpty, scenario.seeds == nil,
        scenario.seed == nil, scenario.people == nil, scenario.items == nil, scenario.days == nil,
        scenario.burnInDays == nil, !noStore
      else {
        throw ValidationError(
          "--resume RUN continues the stored run with its own scenario, files, sizes and seeds; give no FILE, --feeds, size, seed or --no-store with it"
        )
      }
    } else if scenario.file == nil {
      throw ValidationError("missing the scenario file (FILE), or --resume RUN")
    }
  }

  func run() throws {
    if let resume {
      let store = try store.openForWriting()
      let resumption = try RunResumption.prepare(
        resume, store: store, includeRoot: scenario.includeRoot, limits: scenario.limits)
      let outcome = try ScenarioExecution.resume(
        resumption, store: store, threads: threads, quiet: quiet)
      var document = ResultsDocument(
        spec: resumption.scenario.spec, path: resumption.scenario.path, rows: outcome.rows,
        runID: outcome.runID)
      // Over every seed, the stored ones included.
      document.audit = try store.auditSummary(run: resumption.record)
      render(document, headlineValues: try store.metricValues(runID: resumption.record.id))
      return
    }
    let loaded = try scenario.load()
    var headlineValues: [MetricValue] = []
    let outcome = try ScenarioExecution.perform(
      loaded, store: noStore ? nil : store.openForWriting(), threads: threads, quiet: quiet,
      verifiesRanker: verifyRanker, shard: sharding.shard,
      onResult: { headlineValues += $0.values.filter(Headline.isHeadline) })
    if sharding.shard != .whole {
      print(
        ShardOptions.stored(
          sharding.shard, spec: loaded.spec, runID: outcome.runID, path: store.path),
        terminator: "")
      return
    }
    var document = ResultsDocument(
      spec: loaded.spec, path: loaded.path, rows: outcome.rows, runID: outcome.runID)
    document.audit = outcome.audit
    render(document, headlineValues: headlineValues)
  }

  /// The results, opening (as a table) with the headline: children's exposure, each arm
  /// against the first.
  private func render(_ document: ResultsDocument, headlineValues: [MetricValue]) {
    if format == .table {
      print(Headline.withinRun(headlineValues, arms: document.arms), terminator: "")
    }
    print(ResultsRenderer.render(document, as: format, detail: detail), terminator: "")
  }
}

extension OutputFormat: ExpressibleByArgument {}

extension NewRun {
  /// The run `scenario` is about to make from this command line: its provenance (the files it
  /// read with their hashes, the git state, the command line) and, with `--shard`, its shard.
  init(scenario: Scenario, threads: Int, shard: Shard = .whole) {
    self.init(
      spec: scenario.spec, path: scenario.path, text: scenario.text, threads: threads,
      toolVersion: FeedSafeVersion.current, gitCommit: Git.commit(),
      inputs: Self.inputs(of: scenario),
      commandLine: CommandLine.arguments.map(Shell.quoted).joined(separator: " "),
      scenarioGit: Git.state(ofFolderOf: scenario.path), shard: shard)
  }

  /// The files besides the scenario that it read, as the store hashes them: included and
  /// `--feeds` files, then the files of each external ranker's code (``RankerCode``; role
  /// `include`).
  static func inputs(of scenario: Scenario) -> [(role: RunFile.Role, path: String, text: String)] {
    var inputs: [(role: RunFile.Role, path: String, text: String)] = scenario.inputs.map {
      (role: $0.role == .include ? .include : .feeds, path: $0.path, text: $0.text)
    }
    var seen: Set<String> = []
    for feed in scenario.spec.feeds {
      guard case .external(let command) = feed.ranker else { continue }
      for file in RankerCode.files(of: command) where seen.insert(file.path).inserted {
        inputs.append((.include, file.path, file.text))
      }
    }
    return inputs
  }
}

/// What git says about the working directory and the scenario's folder; `nil` wherever it is not
/// a git checkout or git is not installed.
enum Git {
  /// The commit of the working directory (the commit of the recommender code a CI gate tests).
  static func commit() -> String? {
    output(["rev-parse", "HEAD"], in: nil)
  }

  /// The commit of the folder holding `file`, and whether anything in that folder (tracked or
  /// untracked) differs from it.
  static func state(ofFolderOf file: String) -> GitState? {
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
    guard let commit = output(["rev-parse", "HEAD"], in: folder),
      let changes = output(["status", "--porcelain", "--", "."], in: folder, allowEmpty: true)
    else { return nil }
    return GitState(commit: commit, isDirty: !changes.isEmpty)
  }

  private static func output(_ arguments: [String], in folder: String?, allowEmpty: Bool = false)
    -> String?
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + (folder.map { ["-C", $0] } ?? []) + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty && !allowEmpty ? nil : text
  }
}

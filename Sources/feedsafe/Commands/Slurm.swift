import ArgumentParser
import FeedSafeCluster
import FeedSafeCore
import FeedSafeScenario
import Foundation

/// `feedsafe slurm --shards N --out DIR -- run FILE …`: writes the Slurm job scripts that run one
/// FeedSafe run as N array tasks and merge them.
struct Slurm: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write Slurm job scripts that run a scenario as a job array of shards, then merge them.",
    discussion: """
      Give the FeedSafe command after '--', without --shard or --db: \
      'feedsafe slurm --shards 8 --out jobs/sweep -- run scenarios/x.yaml --seeds 16'. \
      Writes DIR/array.sbatch (one task per shard, each into DIR/shard-I.sqlite), \
      DIR/merge.sbatch (feedsafe merge into DIR/merged.sqlite) and DIR/submit.sh, which submits \
      the array and then the merge, which waits for every task to succeed. Run submit.sh on a \
      login node. See docs/cluster.md.
      """)

  @Option(help: "How many shards (array tasks).")
  var shards: Int

  @Option(
    help: ArgumentHelp(
      "The folder for the scripts, shard files, logs and the merged store (a shared file system).",
      valueName: "dir"))
  var out: String

  @Option(help: "Slurm partition (default: the cluster's default).")
  var partition: String?

  @Option(help: ArgumentHelp("Time limit per task, e.g. 01:00:00.", valueName: "time"))
  var time: String?

  @Option(
    help: ArgumentHelp(
      "Memory per task, e.g. 4G (see feedsafe run's memory estimate).", valueName: "size"))
  var mem: String?

  @Option(help: "CPUs per task; each shard runs that many threads.")
  var cpusPerTask: Int = 2

  @Option(
    help: ArgumentHelp(
      "The feedsafe binary the tasks run (default: this one); every node must be able to read it.",
      valueName: "path"))
  var binary: String?

  @Argument(
    parsing: .postTerminator,
    help: ArgumentHelp(
      "After '--': the feedsafe command to shard, 'run FILE …' or 'sensitivity FILE …'.",
      valueName: "command"))
  var command: [String] = []

  func validate() throws {
    guard shards >= 1 else { throw ValidationError("--shards must be at least 1, got \(shards)") }
    guard cpusPerTask >= 1 else {
      throw ValidationError("--cpus-per-task must be at least 1, got \(cpusPerTask)")
    }
    guard let subcommand = command.first, ["run", "sensitivity"].contains(subcommand) else {
      throw ValidationError(
        "give the command to shard after '--', starting with 'run' or 'sensitivity' (e.g. -- run scenarios/x.yaml)"
      )
    }
    for flag in ["--shard", "--db", "--no-store", "--resume"]
    where command.contains(where: { $0 == flag || $0.hasPrefix(flag + "=") }) {
      throw ValidationError(
        "leave \(flag) out of the command: each task's shard and store are set by the job")
    }
    guard !out.contains(where: \.isWhitespace) else {
      throw ValidationError(
        "--out '\(out)' holds a space, which #SBATCH lines cannot take; choose another folder")
    }
  }

  func run() throws {
    try checkCommand()
    let folder = URL(fileURLWithPath: out).standardizedFileURL.path
    let job = SlurmJob(
      binary: binary.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? Self.thisBinary,
      workingDirectory: FileManager.default.currentDirectoryPath, outputDirectory: folder,
      command: command, shards: shards,
      name: "feedsafe-"
        + URL(fileURLWithPath: command.dropFirst().first ?? "run")
        .deletingPathExtension().lastPathComponent,
      resources: [
        ("cpus-per-task", String(cpusPerTask)), ("partition", partition ?? ""),
        ("time", time ?? ""), ("mem", mem ?? ""),
      ])
    do {
      try FileManager.default.createDirectory(
        atPath: folder + "/logs", withIntermediateDirectories: true)
      for file in job.files {
        let path = folder + "/" + file.name
        try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
        if file.executable {
          try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
      }
    } catch {
      throw CommandFailure.internalFailure(
        "cannot write the job scripts into '\(out)': \(error.localizedDescription)")
    }
    print(
      """
      wrote \(folder)/array.sbatch (\(shards) shards), merge.sbatch and submit.sh
      submit: \(folder)/submit.sh    merged run: \(job.mergedFile)
      """)
  }

  /// The command parses, and a `run` has at least one unit per shard.
  private func checkCommand() throws {
    let arguments = Array(command.dropFirst())
    do {
      if command.first == "run" {
        let parsed = try Run.parse(arguments)
        let spec = try parsed.scenario.load().spec
        let units = spec.replications * spec.arms.count
        guard units >= shards else {
          throw CommandFailure.badInput(
            "--shards \(shards) is more than the run's \(units) units (\(spec.replications) seeds × \(spec.arms.count) arms); use at most \(units)"
          )
        }
      } else {
        _ = try Sensitivity.parse(arguments)
      }
    } catch let error where error is CommandFailure || error is ScenarioError {
      throw error
    } catch {
      throw CommandFailure.badInput(
        "the command after '--' is not valid: "
          + (command.first == "run" ? Run.message(for: error) : Sensitivity.message(for: error)))
    }
  }

  /// This executable's absolute path.
  static var thisBinary: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
  }
}

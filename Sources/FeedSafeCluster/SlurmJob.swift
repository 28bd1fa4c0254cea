/// The job scripts that run one FeedSafe run as a Slurm job array and merge it: one array task
/// per shard (`--shard $SLURM_ARRAY_TASK_ID/N`, each into its own store file), then a merge job
/// that starts only when every task succeeded (docs/cluster.md).
///
/// Plain text, no Slurm needed to write it: scripts are generated here, submitted by the user
/// (or by `submit.sh`), and tested in CI on a real single-node cluster.
public struct SlurmJob: Sendable, Equatable {
  /// The FeedSafe binary the jobs run: an absolute path every node can read.
  public var binary: String
  /// The folder the jobs run in (scenario paths are relative to it): absolute.
  public var workingDirectory: String
  /// The folder for the scripts, shard files, logs and the merged store: absolute.
  public var outputDirectory: String
  /// The FeedSafe subcommand and its arguments, without `--shard` or `--db`
  /// (e.g. `run scenarios/x.yaml --seeds 8`).
  public var command: [String]
  /// How many shards (array tasks).
  public var shards: Int
  /// A job name for `squeue`.
  public var name: String
  /// `#SBATCH` options for the array tasks (`partition`, `time`, `mem`, `cpus-per-task`), in
  /// order; empty values are left out.
  public var resources: [(key: String, value: String)]

  public init(
    binary: String, workingDirectory: String, outputDirectory: String, command: [String],
    shards: Int, name: String, resources: [(key: String, value: String)]
  ) {
    self.binary = binary
    self.workingDirectory = workingDirectory
    self.outputDirectory = outputDirectory
    self.command = command
    self.shards = shards
    self.name = name
    self.resources = resources
  }

  public static func == (a: SlurmJob, b: SlurmJob) -> Bool {
    a.binary == b.binary && a.workingDirectory == b.workingDirectory
      && a.outputDirectory == b.outputDirectory && a.command == b.command && a.shards == b.shards
      && a.name == b.name && a.resources.map(\.key) == b.resources.map(\.key)
      && a.resources.map(\.value) == b.resources.map(\.value)
  }

  /// The store file of shard `index`.
  public func shardFile(_ index: Int) -> String { "\(outputDirectory)/shard-\(index).sqlite" }

  /// The store the merge job writes.
  public var mergedFile: String { "\(outputDirectory)/merged.sqlite" }

  /// The files to write, by name inside ``outputDirectory``.
  public var files: [(name: String, text: String, executable: Bool)] {
    [
      ("array.sbatch", arrayScript, false), ("merge.sbatch", mergeScript, false),
      ("submit.sh", submitScript, true),
    ]
  }

  /// One array task per shard. A task first removes its shard file, so that a rerun of a failed
  /// or killed task starts clean and the folder holds one shard run per file.
  var arrayScript: String {
    let threads =
      command.contains("--threads") ? [] : ["--threads", "\"${SLURM_CPUS_PER_TASK:-1}\""]
    let arguments =
      command.map(Shell.quoted) + [
        "--shard", "\"${SLURM_ARRAY_TASK_ID}/\(shards)\"", "--db", "\"$shard_file\"", "--quiet",
      ] + threads
    let lines =
      [
        "#!/bin/bash",
        "#SBATCH --job-name=\(Self.jobName(name))",
        "#SBATCH --array=0-\(shards - 1)",
        "#SBATCH --output=\(outputDirectory)/logs/shard-%a.out",
      ] + resources.filter { !$0.value.isEmpty }.map { "#SBATCH --\($0.key)=\($0.value)" } + [
        "# Shard $SLURM_ARRAY_TASK_ID of \(shards) of: feedsafe \(commandText)",
        "set -euo pipefail",
        "cd \(Shell.quoted(workingDirectory))",
        "shard_file=\(Shell.quoted(outputDirectory))/shard-\"${SLURM_ARRAY_TASK_ID}\".sqlite",
        "rm -f \"$shard_file\" \"$shard_file-wal\" \"$shard_file-shm\"",
        "exec \(Shell.quoted(binary)) \(arguments.joined(separator: " "))",
      ]
    return lines.joined(separator: "\n") + "\n"
  }

  private var commandText: String { command.map(Shell.quoted).joined(separator: " ") }

  /// The merge, run after every array task succeeded.
  var mergeScript: String {
    let shardFiles = (0..<shards).map { Shell.quoted(shardFile($0)) }.joined(separator: " ")
    return """
      #!/bin/bash
      #SBATCH --job-name=\(Self.jobName(name))-merge
      #SBATCH --output=\(outputDirectory)/logs/merge.out
      set -euo pipefail
      cd \(Shell.quoted(workingDirectory))
      exec \(Shell.quoted(binary)) merge \(Shell.quoted(mergedFile)) \(shardFiles)

      """
  }

  /// Submits the array, then the merge with a dependency on all of it; a failed task cancels the
  /// merge instead of leaving it pending forever (`--kill-on-invalid-dep`).
  var submitScript: String {
    """
    #!/bin/bash
    # Submits \(shards) shards of feedsafe \(commandText), then their merge.
    set -euo pipefail
    mkdir -p \(Shell.quoted(outputDirectory))/logs
    array=$(sbatch --parsable \(Shell.quoted(outputDirectory))/array.sbatch)
    array=${array%%;*}
    merge=$(sbatch --parsable --dependency=afterok:"$array" --kill-on-invalid-dep=yes \(Shell.quoted(outputDirectory))/merge.sbatch)
    merge=${merge%%;*}
    echo "array job $array (\(shards) shards), merge job $merge"
    echo "watch: squeue -j $array,$merge    merged run: \(mergedFile)"
    echo "$array $merge" > \(Shell.quoted(outputDirectory))/jobs

    """
  }

  /// A job name Slurm accepts in an `#SBATCH` line (no spaces or quotes).
  static func jobName(_ name: String) -> String {
    let kept = name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" }
    return String(kept.prefix(64)).isEmpty ? "feedsafe" : String(kept.prefix(64))
  }
}

import FeedSafeCluster
import Testing

@Suite("Slurm job scripts")
struct SlurmJobTests {
  static let job = SlurmJob(
    binary: "/opt/feedsafe/bin/feedsafe", workingDirectory: "/home/me/study",
    outputDirectory: "/scratch/me/jobs",
    command: ["run", "scenarios/my sweep.yaml", "--seeds", "8"],
    shards: 4, name: "feedsafe-my sweep",
    resources: [("cpus-per-task", "2"), ("partition", ""), ("time", "01:00:00")])

  @Test("the array has one task per shard, each into its own store file, with the job's threads")
  func arrayScript() {
    let script = Self.job.files.first { $0.name == "array.sbatch" }?.text ?? ""
    #expect(script.contains("#SBATCH --array=0-3\n"))
    #expect(script.contains("#SBATCH --cpus-per-task=2\n#SBATCH --time=01:00:00\n"))
    #expect(!script.contains("--partition"))
    #expect(script.contains("#SBATCH --job-name=feedsafe-my-sweep\n"))
    #expect(
      script.contains(
        "exec /opt/feedsafe/bin/feedsafe run 'scenarios/my sweep.yaml' --seeds 8 --shard \"${SLURM_ARRAY_TASK_ID}/4\" --db \"$shard_file\" --quiet --threads \"${SLURM_CPUS_PER_TASK:-1}\""
      ), "\(script)")
    #expect(script.contains("cd /home/me/study\n"))
  }

  @Test("the merge names every shard file and submit.sh makes it wait for all of them")
  func mergeAndSubmit() {
    let merge = Self.job.files.first { $0.name == "merge.sbatch" }?.text ?? ""
    #expect(
      merge.contains(
        "merge /scratch/me/jobs/merged.sqlite /scratch/me/jobs/shard-0.sqlite /scratch/me/jobs/shard-1.sqlite /scratch/me/jobs/shard-2.sqlite /scratch/me/jobs/shard-3.sqlite\n"
      ), "\(merge)")
    let submit = Self.job.files.first { $0.name == "submit.sh" }
    #expect(submit?.executable == true)
    #expect(
      submit?.text.contains("--dependency=afterok:\"$array\" --kill-on-invalid-dep=yes") == true)
  }

  @Test("a given --threads is kept, not doubled")
  func keepsThreads() {
    var job = Self.job
    job.command += ["--threads", "4"]
    let script = job.files.first { $0.name == "array.sbatch" }?.text ?? ""
    #expect(script.contains("--threads 4 --shard"))
    #expect(!script.contains("SLURM_CPUS_PER_TASK"))
  }

  @Test("shell quoting leaves safe words alone and quotes the rest")
  func quoting() {
    #expect(Shell.quoted("a/b-c.yaml") == "a/b-c.yaml")
    #expect(Shell.quoted("it's") == "'it'\\''s'")
    #expect(Shell.quoted("") == "''")
  }
}

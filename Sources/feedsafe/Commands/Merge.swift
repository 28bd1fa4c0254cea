import ArgumentParser
import FeedSafeCluster
import FeedSafeStore
import Foundation

/// `feedsafe merge OUT SHARD...`: combines the shard files of one run into one complete run.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Combine the shards of one run (feedsafe run --shard I/N, one store file each) into one complete run.",
    discussion: """
      The merged run's metrics equal those of the same run made in one process, bit for bit. \
      Refuses shards of different scenarios, inputs, versions or shard counts, a shard given \
      twice, a missing shard and a shard that is not complete (rerun it alone with its own \
      command, then merge again). The shard files are only read. See docs/cluster.md.
      """)

  @Argument(help: ArgumentHelp("The run store the merged run is added to.", valueName: "out"))
  var output: String

  @Argument(help: ArgumentHelp("The shard store files, one per shard.", valueName: "shard"))
  var shards: [String] = []

  func validate() throws {
    guard !shards.isEmpty else { throw ValidationError("give the shard files to merge") }
    let out = URL(fileURLWithPath: output).standardizedFileURL.path
    if shards.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == out }) {
      throw ValidationError(
        "the output '\(output)' is also a shard; write the merged run to another file")
    }
  }

  func run() throws {
    let merge = try ShardMerge(files: shards, toolVersion: FeedSafeVersion.current)
    let store = try RunStore(path: output, forWriting: true)
    let id = try merge.write(
      into: store, commandLine: CommandLine.arguments.map(Shell.quoted).joined(separator: " "))
    let run = merge.run
    print(
      "merged \(merge.parts.count) shards of '\(run.name)' (\(run.seeds.count) seeds × \(run.arms.count) arms) into run \(id) in \(output)"
    )
  }
}

import FeedSafeCore
import Foundation
import Testing

@testable import FeedSafeStore

@Suite("Run provenance")
struct RunProvenanceTests {
  static func newRun(feedsText: String?, spec: ExperimentSpec = RunStoreTests.spec) -> NewRun {
    NewRun(
      spec: spec, path: "s.yaml", text: "name: store-test\n", threads: 1, toolVersion: "t",
      gitCommit: nil,
      inputs: [(role: .include, path: "feeds/current.yaml", text: "for_you: {}\n")]
        + (feedsText.map { [(role: .feeds, path: "feeds/candidate.yaml", text: $0)] } ?? []),
      commandLine: "feedsafe run s.yaml", scenarioGit: GitState(commit: "abc123", isDirty: true))
  }

  @Test("a run's files, hashes, git state and command line are read back as written")
  func roundTrip() throws {
    let directory = try TemporaryDirectory()
    let store = try RunStore(path: directory.path("p.sqlite"), forWriting: true)
    let run = Self.newRun(feedsText: "for_you: {extends: engagement}\n")
    let id = try store.begin(run)
    let read = try store.resolve(id).provenance
    #expect(read == run.record.provenance)
    #expect(read.files.map(\.role) == [.scenario, .include, .feeds])
    #expect(read.files[0].sha256 == SHA256.hex(of: "name: store-test\n"))
    #expect(read.feedFiles == ["feeds/candidate.yaml"])
    #expect(read.scenarioGit == GitState(commit: "abc123", isDirty: true))
    #expect(read.commandLine == "feedsafe run s.yaml")
    #expect(try store.resolve(id).burnInDays == RunStoreTests.spec.burnInDays)
  }

  @Test("runs of one scenario text that differ only in a --feeds file have different input hashes")
  func feedsFileChangesInputs() {
    let current = Self.newRun(feedsText: nil).record
    let candidate = Self.newRun(feedsText: "for_you: {extends: engagement}\n").record
    let other = Self.newRun(feedsText: "for_you: {extends: trending}\n").record
    #expect(current.scenarioSHA256 == candidate.scenarioSHA256)
    #expect(current.provenance.inputsSHA256 != candidate.provenance.inputsSHA256)
    #expect(candidate.provenance.inputsSHA256 != other.provenance.inputsSHA256)
    #expect(
      current.provenance.inputsSHA256 == Self.newRun(feedsText: nil).record.provenance.inputsSHA256)
  }

  @Test("each arm's stored feed definitions follow its feed to the fallback and hold its weights")
  func armFeeds() throws {
    let directory = try TemporaryDirectory()
    let store = try RunStore(path: directory.path("f.sqlite"), forWriting: true)
    let id = try store.begin(Self.newRun(feedsText: nil))
    let arms = try store.armSettings(runID: id)
    let feeds = try #require(arms.first?.feeds)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(feeds.utf8)) as? [String: [String: Any]])
    let engagement = try #require(object["engagement"])
    let fallback = try #require(engagement["fallback"] as? String)
    #expect(object[fallback] != nil)
    let scoring = try #require(engagement["scoring"] as? [String: Double])
    let definition = try #require(
      FeedPreset.allCases.map(\.definition).first { $0.name == "engagement" })
    #expect(scoring["predicted_engagement"] == definition.weight(of: .predictedEngagement))
  }

  @Test("deleting a run removes its files rows")
  func deleteRemovesFiles() throws {
    let directory = try TemporaryDirectory()
    let store = try RunStore(path: directory.path("d.sqlite"), forWriting: true)
    let id = try store.begin(Self.newRun(feedsText: "x: {}\n"))
    try store.delete(runID: id)
    let rows = try store.connection.rows(
      "SELECT count(*) FROM run_files WHERE run_id = ?", [.text(id)])
    #expect(rows.first?.first?.int == 0)
  }

  @Test("two runs pair by seed only when they share scenario text, sizes, horizon and seeds")
  func pairing() {
    let a = Self.newRun(feedsText: nil).record
    let candidate = Self.newRun(feedsText: "for_you: {extends: engagement}\n").record
    #expect(a.pairing(with: candidate).isPaired)
    var otherSeeds = candidate
    otherSeeds.seeds = [7, 8]
    #expect(
      otherSeeds.pairing(with: a)
        == RunRecord.Pairing(
          isPaired: false, reason: "Welch (unpaired): the runs' seeds differ"))
    var otherText = candidate
    otherText.scenarioSHA256 = "0"
    otherText.people += 1
    #expect(
      otherText.pairing(with: a).reason
        == "Welch (unpaired): the runs' scenario texts, sizes differ")
  }
}

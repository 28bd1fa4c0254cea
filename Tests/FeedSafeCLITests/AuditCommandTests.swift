import Foundation
import Testing

/// Audit scenarios as a user runs them: the persona table printed and stored, `show`, `export`
/// and `trace` reading it back, and the report drawing each persona's chart.
@Suite("feedsafe with audit accounts", .serialized)
struct AuditCommandTests {
  /// A store with one small run of the counterfactual-recovery audit.
  final class Store {
    let folder = try? StoreCommandTests.Folder()
    let run: CLI.Result
    var db: String { folder?.db ?? "" }

    init() throws {
      run = try CLI.run(
        ["run", "scenarios/audits/counterfactual-recovery.yaml"] + CLI.small + [
          "--db", folder?.db ?? "",
        ])
    }
  }

  @Test("run prints and stores the per-persona table, and show prints it again")
  func runAndShow() throws {
    let store = try Store()
    #expect(store.run.status == 0, "\(store.run.stderr)")
    let table = try #require(
      store.run.stdout.components(separatedBy: "audit accounts by persona").last)
    for persona in ["stops_engaging", "switches_to_neutral", "not_interested"] {
      #expect(table.contains(persona))
    }
    #expect(table.contains("history") && table.contains("harmful_share"))
    let show = try CLI.run(["show", "latest", "--db", store.db])
    #expect(show.status == 0)
    #expect(show.stdout.hasSuffix(table))
    let json = try CLI.run(["show", "latest", "--format", "json", "--db", store.db])
    #expect(json.stdout.contains("\"persona\" : \"stops_engaging\""))
  }

  @Test(
    "trace prints one account's impressions in order, and names what exists when asked for what does not"
  )
  func trace() throws {
    let store = try Store()
    let result = try CLI.run(
      [
        "trace", "latest", "--persona", "stops_engaging", "--replica", "1", "--limit", "30",
        "--db", store.db,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("persona stops_engaging, replica 1, arm no_protections") == true)
    #expect(lines.count == 30 + 3)
    #expect(lines[1].contains("sequence") && lines[1].contains("source"))
    #expect(lines[3].hasPrefix("0 ") || lines[3].contains(" 0 "))
    let unknown = try CLI.run(["trace", "latest", "--persona", "nobody", "--db", store.db])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("it has: stops_engaging, switches_to_neutral, not_interested"))
    let csv = try CLI.run(
      ["export", "latest", "--traces", "--db", store.db])
    #expect(csv.status == 0)
    let header = csv.stdout.split(separator: "\n").first ?? ""
    #expect(header.hasPrefix("arm,seed,persona,replica,sequence,day,minute,phase,item,topic,harm"))
    #expect(csv.stdout.split(separator: "\n").count > 100)
  }

  @Test(
    "the report draws a harmful-share chart per persona, rendered in a headless browser",
    .enabled(if: CompareReportTests.browserTestEnabled))
  func reportInBrowser() throws {
    let store = try Store()
    let folder = try #require(store.folder)
    let path = folder.url.appendingPathComponent("audit.html").path
    #expect(try CLI.run(["report", "latest", "-o", path, "--db", store.db]).status == 0)
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.contains("id=\"audit-0\"") && html.contains("id=\"audit-2\""))
    let browser = try #require(CompareReportTests.chromium)
    let (status, dom, log) = try CompareReportTests.load(path, in: browser)
    #expect(status == 0)
    #expect(dom.contains("data-charts=\"6\" data-charts-rendered=\"6\""), "\(dom.prefix(300))")
    #expect(!log.contains(":CONSOLE"), "\(log)")
  }
}

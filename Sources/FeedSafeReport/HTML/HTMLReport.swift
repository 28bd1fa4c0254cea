import FeedSafeCore
import Foundation

/// One self-contained HTML page for a run: inline CSS and SVG, no network, readable on a phone and
/// when printed; every chart has a text alternative and never relies on colour alone.
public enum HTMLReport {
  /// The page.
  public static func render(_ data: ReportData) -> String {
    let doc = data.results
    let baseline = doc.arms.first ?? ""
    let effects = Comparison.withinRun(data.values, arms: doc.arms, baseline: baseline)
    var body = "<header><h1>\(Markup.escape(doc.scenario.name))</h1>"
    if !doc.scenario.description.isEmpty {
      body += "<p class=\"lead\">\(Markup.escape(doc.scenario.description))</p>"
    }
    body +=
      "<dl class=\"meta\">"
      + data.metadata.map { "<dt>\(Markup.escape($0.0))</dt><dd>\(Markup.escape($0.1))</dd>" }
      .joined() + "</dl></header>"
    if let analysis = data.sensitivity {
      // Hundreds of arms, one pair per point: the analysis is the report.
      body += section("Sensitivity", sensitivitySection(analysis, seeds: doc.scenario.seeds.count))
      body += section(
        "Arms",
        "<p>\(doc.arms.count) arms: the two arms of the question at \(analysis.plan.points.count) points. Per-point metrics: <code>feedsafe export RUN --table metrics</code>; what each point changes: <code>--table arm_parameters</code>.</p>"
      )
      return page(doc, body: body)
    }
    body += section("Headline", headline(doc: doc, effects: effects, baseline: baseline))
    body += section("Charts", charts(data))
    let audit = auditSection(data)
    if !audit.isEmpty { body += section("Audit accounts", audit) }
    body += section("Arms and their resolved settings", ArmSettingsTable.html(data.armSettings))
    let feeds = data.armFeeds.filter { !$0.feeds.isEmpty }
    if !feeds.isEmpty {
      body += section(
        "Feed definitions each arm serves",
        "<dl class=\"feeds\">"
          + feeds.map {
            "<dt>\(Markup.escape($0.name))</dt><dd><code>\(Markup.escape($0.feeds))</code></dd>"
          }.joined() + "</dl>")
    }
    body += section("All metrics", metricTables(doc))
    body +=
      "<footer><p>Made by FeedSafe. Means over seeds with 95% confidence intervals (Student t); "
      + "differences between arms are paired over seeds (arms share random numbers). Metric definitions: "
      + "docs/metrics.md. Exposure is counted on true labels and by true age.</p></footer>"
    return page(doc, body: body)
  }

  /// The whole HTML page around `body`.
  static func page(_ doc: ResultsDocument, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>FeedSafe report: \(Markup.escape(doc.scenario.name))</title>
    <style>\(css)</style></head>
    <body><main>\(body)</main>
    <script>\(renderCheck)</script></body></html>

    """
  }

  static func section(_ title: String, _ content: String) -> String {
    "<section><h2>\(Markup.escape(title))</h2>\(content)</section>"
  }

  /// How a cohort reads in a sentence.
  static func cohortPhrase(_ cohort: String) -> String {
    if cohort == Cohorts.children { return "children (all under-18s)" }
    if cohort == Cohorts.childrenAssessedAsAdult { return "children the platform treats as adults" }
    if cohort == Cohorts.childrenVulnerable { return "vulnerable children" }
    if cohort == Cohorts.childrenNotVulnerable { return "children who are not vulnerable" }
    if cohort == "new_accounts" { return "new accounts" }
    if cohort.hasPrefix("under_") { return "children under \(cohort.dropFirst(6))" }
    let parts = cohort.split(separator: "_")
    if parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
      return "children aged \(parts[0])–\(parts[1])"
    }
    if cohort.hasPrefix("children_") { return "children in segment '\(cohort.dropFirst(9))'" }
    return cohort
  }

  static func headline(doc: ResultsDocument, effects: [ComparisonRow], baseline: String) -> String {
    guard doc.arms.count > 1 else {
      return "<p>This run has one arm; there is nothing to compare.</p>"
    }
    var items: [String] = []
    // All children first, the number `run` and `compare` open with; then each child cohort.
    let childCohorts = doc.cohorts.filter { doc.childCohorts.contains($0) }
    let cohorts =
      childCohorts.filter { $0 == Headline.cohort }
      + childCohorts.filter { $0 != Headline.cohort }
    for arm in doc.arms.dropFirst() {
      for cohort in cohorts {
        guard
          let row = effects.first(where: {
            $0.other == arm && $0.cohort == cohort && $0.category == HarmMeasures.anyHarm
              && $0.metric == .exposurePerThousand
          }), row.baselineMean > 0, row.hasOther
        else { continue }
        items.append("<li>" + sentence(row, arm: arm, baseline: baseline) + "</li>")
      }
    }
    guard !items.isEmpty else {
      return "<p>No child cohort saw harmful content in the baseline arm.</p>"
    }
    return "<ul class=\"headline\">" + items.joined() + "</ul>"
  }

  /// "With X instead of Y, children aged 13–15 saw 42% fewer harmful items per 1,000 (95% CI …)."
  static func sentence(_ row: ComparisonRow, arm: String, baseline: String) -> String {
    let relative = row.difference / row.baselineMean
    let f = ResultsRenderer.format
    var text =
      "With <strong>\(Markup.escape(arm))</strong> instead of \(Markup.escape(baseline)), "
      + "\(Markup.escape(cohortPhrase(row.cohort))) saw <strong>\(Headline.change(relative))</strong> harmful items "
      + "(\(f(row.otherMean)) vs \(f(row.baselineMean)) per 1,000 impressions"
    if let low = row.ciLow, let high = row.ciHigh {
      text += "; difference \(f(row.difference)), 95% CI \(f(low)) to \(f(high))"
      text += row.isCredible ? ")." : "), <em>not distinguishable from no change</em>."
    } else {
      text += "; one seed, no confidence interval)."
    }
    return text
  }

  static func metricTables(_ doc: ResultsDocument) -> String {
    var lookup: [String: SummaryRow] = [:]
    for row in doc.rows {
      lookup["\(row.arm)|\(row.cohort)|\(row.category)|\(row.metric.rawValue)"] = row
    }
    let cohorts =
      doc.cohorts.filter { doc.childCohorts.contains($0) }
      + doc.cohorts.filter { !doc.childCohorts.contains($0) }
    var html = ""
    for cohort in cohorts {
      html +=
        "<details\(doc.childCohorts.contains(cohort) ? " open" : "")><summary>\(Markup.escape(cohort))</summary>"
      html +=
        "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">metric</th><th scope=\"col\">category</th>"
      html +=
        doc.arms.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined()
        + "</tr></thead><tbody>"
      for metric in Metric.reportOrder {
        let categories =
          metric.isPerCategory
          ? HarmMeasures.groupNames.reversed()
            + doc.categories.filter { !HarmMeasures.groupNames.contains($0) }
          : [Metric.allCategories]
        for category in categories
        where metric == .exposurePerThousand || !metric.isPerCategory
          || HarmMeasures.groupNames.contains(category)
        {
          html +=
            "<tr><th scope=\"row\" title=\"\(metric.unit)\">\(metric.rawValue)</th><td>\(Markup.escape(category))</td>"
          for arm in doc.arms {
            guard let row = lookup["\(arm)|\(cohort)|\(category)|\(metric.rawValue)"] else {
              html += "<td>–</td>"
              continue
            }
            let interval =
              row.ciLow.flatMap { low in
                row.ciHigh.map {
                  " <span class=\"ci\">[\(ResultsRenderer.format(low)), \(ResultsRenderer.format($0))]</span>"
                }
              } ?? ""
            html += "<td>\(ResultsRenderer.format(row.mean))\(interval)</td>"
          }
          html += "</tr>"
        }
      }
      html += "</tbody></table></div></details>"
    }
    return html
  }

  static let css = """
    :root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fff}
    main{max-width:980px;margin:0 auto;padding:1rem}h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.3rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2rem}
    .lead{font-size:1.05rem}dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;font-size:.9rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
    ul.headline li{margin:.5rem 0;line-height:1.45}figure{margin:1.5rem 0;break-inside:avoid}figcaption{font-size:.92rem;margin-top:.3rem}
    svg.chart{width:100%;height:auto;max-width:760px;display:block}svg text{font-size:12px;fill:#1a1a1a}svg .axis-label{font-size:13px;font-weight:600}
    svg .grid{stroke:#ddd;stroke-width:1}svg .axis{stroke:#333;stroke-width:1}svg .whisker{stroke:#1a1a1a;stroke-width:1.5;fill:none}
    .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0;min-width:100%}th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:right;white-space:nowrap}
    th[scope=row],td:nth-child(2){text-align:left}thead th{text-align:right;background:#f3f6f9}thead th:first-child,thead th:nth-child(2){text-align:left}.ci{color:#555;font-size:.8rem}
    table.left th,table.left td{text-align:left}details{margin:.6rem 0}summary{font-weight:600;cursor:pointer}footer{margin-top:2rem;font-size:.85rem;color:#444}
    @media print{main{max-width:none}details{display:block}details>summary{list-style:none}h2{break-after:avoid}}
    @media (max-width:600px){main{padding:.5rem}h1{font-size:1.35rem}}
    """

  /// Marks the page with how many charts have a non-empty rendered box, so a headless browser
  /// test can check every chart rendered. No network, no effect on the content.
  static let renderCheck = """
    window.addEventListener('load',function(){var c=document.querySelectorAll('svg.chart');var n=0;
    c.forEach(function(s){var b=s.getBoundingClientRect();if(b.width>0&&b.height>0&&s.getBBox().width>0){n++;}});
    document.body.setAttribute('data-charts',String(c.length));document.body.setAttribute('data-charts-rendered',String(n));});
    """
}

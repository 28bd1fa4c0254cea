import FeedSafeCore

extension HTMLReport {
  /// The audit accounts' section: per persona, a line chart of the harmful share (any harm) over
  /// feed minutes with one line per arm, and the persona's table; `""` without audit accounts.
  static func auditSection(_ data: ReportData) -> String {
    let doc = data.results
    guard !doc.audit.isEmpty else { return "" }
    var html =
      "<p>Scripted audit accounts (docs/audits.md): each line is the share of harmful items (any harm, true labels) in each \(AuditMetric.windowMinutes)-minute window of the accounts' feed time, pooled over replicas and averaged over seeds.</p>"
    for (index, series) in data.auditSeries.enumerated() {
      let points = doc.arms.map { arm in
        series.points.filter { $0.arm == arm }.map {
          LineChart.Point(x: $0.start, estimate: Estimate(mean: $0.share, low: nil, high: nil))
        }
      }
      let chart = LineChart(
        id: "audit-\(index)", title: "Harmful share over feed minutes: \(series.persona)",
        xLabel: "feed minutes since joining", yLabel: "harmful share of items",
        series: doc.arms, points: points)
      let text = zip(doc.arms, points).map { arm, line in
        "\(arm): "
          + line.map {
            "\(ResultsRenderer.format($0.x)) min \(ResultsRenderer.format($0.estimate.mean))"
          }.joined(separator: ", ")
      }.joined(separator: "; ")
      html += figure(
        chart.svg(
          description:
            "Line chart of the harmful share of persona \(series.persona)'s feed per window of feed minutes, one line per arm. \(text)."
        ),
        caption:
          "Persona \(series.persona): harmful share (any harm) per \(AuditMetric.windowMinutes) feed minutes from joining, one line per arm. Lines differ in colour, dash pattern and marker."
      )
      html += auditTable(doc, persona: series.persona)
    }
    return html
  }

  /// The persona's metrics (any harm), one row per phase and metric, one column per arm.
  static func auditTable(_ doc: ResultsDocument, persona: String) -> String {
    var html =
      "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">phase</th><th scope=\"col\">metric</th>"
      + doc.arms.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined()
      + "</tr></thead><tbody>"
    let sections = AuditRenderer.sections(
      doc.audit.filter { $0.persona == persona }, arms: doc.arms, measures: [HarmMeasures.anyHarm])
    for section in sections {
      for line in section.rows {
        html +=
          "<tr><th scope=\"row\">\(Markup.escape(section.phase))</th><td>\(Markup.escape(line[0]))</td>"
          + line.dropFirst().map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>"
      }
    }
    return html + "</tbody></table></div>"
  }
}

import FeedSafeCore

extension HTMLReport {
  /// The sensitivity analysis a run is: the tornado chart, the ranked table and the verdict.
  static func sensitivitySection(_ analysis: SensitivityAnalysis, seeds: Int) -> String {
    let question = analysis.plan.question
    let base = analysis.base?.mean ?? 0
    let chart = TornadoChart(
      id: "tornado", title: "How far each factor alone moves the effect",
      xLabel: "effect on \(question.metric) (\(question.cohort), \(question.category))",
      base: base,
      rows: analysis.factors.map {
        TornadoChart.Row(
          label: "\($0.factor.path) \(SensitivityRenderer.range($0.factor))", low: $0.atLow?.mean,
          high: $0.atHigh?.mean)
      })
    let description =
      "Tornado chart: base effect \(ResultsRenderer.format(base)); "
      + analysis.factors.map {
        "\($0.factor.path) from \($0.atLow.map { ResultsRenderer.format($0.mean) } ?? "none") to \($0.atHigh.map { ResultsRenderer.format($0.mean) } ?? "none")"
      }.joined(separator: "; ")
    let header = SensitivityRenderer.header
    let rows = SensitivityRenderer.rows(analysis)
    var html =
      "<p>Sensitivity of <strong>\(Markup.escape(question.description))</strong>: each factor at both ends of its plausible range with the others at the scenario's values, then \(analysis.samples.count) Latin-hypercube points that move every factor at once; \(seeds) seeds per point, common random numbers (docs/sensitivity.md). Base effect: \(Markup.escape(SensitivityRenderer.cell(analysis.base))).</p>"
    html += "<figure>" + chart.svg(description: description)
    html +=
      "<figcaption>Each bar runs from the effect at the factor's low end to the effect at its high end; the solid line is the base effect, the dashed line 0 (a bar that crosses it flips the sign).</figcaption></figure>"
    html += "<table><thead><tr>" + header.map { "<th>\(Markup.escape($0))</th>" }.joined()
    html += "</tr></thead><tbody>"
    for row in rows {
      html += "<tr>" + row.map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>"
    }
    html += "</tbody></table>"
    html += SensitivityRenderer.verdict(analysis).split(separator: "\n").map {
      "<p>\(Markup.escape(String($0)))</p>"
    }.joined()
    return html
  }
}

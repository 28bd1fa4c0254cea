import FeedSafeCore

extension HTMLReport {
  /// An arm as a chart's legend names it: its identifier in words (`profiling_off_by_default`
  /// reads "profiling off by default").
  static func armLabel(_ arm: String) -> String {
    arm.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
  }

  /// The report's figures: exposure by band, cumulative exposure over days, survival curves and,
  /// where the run has one, the sweep.
  static func charts(_ data: ReportData) -> String {
    let doc = data.results
    var html = ""
    var lookup: [String: SummaryRow] = [:]
    for row in doc.rows {
      lookup["\(row.arm)|\(row.cohort)|\(row.category)|\(row.metric.rawValue)"] = row
    }
    let groups =
      doc.cohorts.filter { doc.childCohorts.contains($0) && $0 != Cohorts.childrenAssessedAsAdult }
      + doc.cohorts.filter { !doc.childCohorts.contains($0) && $0 != Cohorts.everyone }
    let exposure = BarChart(
      id: "exposure-by-band", title: "Harmful items per 1,000 impressions by age band and arm",
      yLabel: "harmful per 1,000 impressions", groups: groups, series: doc.arms.map(armLabel),
      values: doc.arms.map { arm in
        groups.map { cohort in
          lookup["\(arm)|\(cohort)|any_harm|exposure_per_1k"].map {
            Estimate(mean: $0.mean, low: $0.ciLow, high: $0.ciHigh)
          }
        }
      })
    let exposureText = groups.map { cohort in
      "\(cohort): "
        + doc.arms.map { arm in
          lookup["\(arm)|\(cohort)|any_harm|exposure_per_1k"].map {
            "\(armLabel(arm)) \(ResultsRenderer.format($0.mean))"
          } ?? "\(armLabel(arm)) no value"
        }.joined(separator: ", ")
    }.joined(separator: "; ")
    html += figure(
      exposure.svg(
        description:
          "Bar chart. Mean harmful items per 1,000 impressions (any harm) with 95% CI whiskers. \(exposureText)."
      ),
      caption:
        "Exposure to any harm per 1,000 impressions, by true age band. Bars are means over seeds; whiskers are 95% CIs. Each arm has its own colour and hatching."
    )

    let cumulative = data.cumulativeHarm()
    if cumulative.contains(where: { !$0.isEmpty }) {
      let chart = LineChart(
        id: "cumulative-exposure", title: "Cumulative harmful impressions per child over days",
        xLabel: "day", yLabel: "harmful impressions per child", series: doc.arms.map(armLabel),
        points: cumulative
      )
      let finals = zip(doc.arms, cumulative).map {
        "\($0.0): \(ResultsRenderer.format($0.1.last?.estimate.mean ?? 0)) by day \(Int($0.1.last?.x ?? 0))"
      }
      html += figure(
        chart.svg(
          description:
            "Line chart of cumulative harmful impressions per child (all under-18s) by day. "
            + finals.joined(separator: "; ") + "."),
        caption:
          "Cumulative harmful impressions per child (any harm), from the daily series; markers show 95% CIs over seeds. Lines differ in colour, dash pattern and marker."
      )
    }

    let survival = data.meanSurvival()
    if survival.contains(where: { !$0.isEmpty }) {
      let chart = LineChart(
        id: "survival", title: "Share of children not yet exposed, by feed minutes",
        xLabel: "feed minutes", yLabel: "share not yet exposed", series: doc.arms.map(armLabel),
        points: survival,
        fixedYDomain: 0...1, isStep: true)
      let medians = doc.arms.map { arm in
        lookup["\(arm)|children|any_harm|minutes_to_first"].map {
          "\(arm): median \(ResultsRenderer.format($0.mean)) minutes"
        }
          ?? "\(arm): median not reached"
      }
      html += figure(
        chart.svg(
          description:
            "Step chart of the Kaplan–Meier share of children not yet shown harmful content over the first 4 hours of feed time. "
            + medians.joined(separator: "; ") + "."),
        caption:
          "Minutes to first exposure (any harm), Kaplan–Meier survival for all under-18s, mean over seeds. People never exposed are censored at their total feed time."
      )
    }

    for sweep in SweepSeries.series(from: data.sweeps) {
      let points = sweep.points.compactMap { point -> LineChart.Point? in
        guard let row = lookup["\(point.arm)|children|any_harm|exposure_per_1k"] else { return nil }
        return LineChart.Point(
          x: point.value, estimate: Estimate(mean: row.mean, low: row.ciLow, high: row.ciHigh))
      }
      let chart = LineChart(
        id: "sweep-\(sweep.parameter.replacingOccurrences(of: ".", with: "-"))",
        title: "Children's exposure as \(sweep.parameter) varies", xLabel: sweep.parameter,
        yLabel: "harmful per 1,000 impressions", series: [armLabel(sweep.baseArm)], points: [points]
      )
      let text = points.map {
        "\(ResultsRenderer.format($0.x)): \(ResultsRenderer.format($0.estimate.mean))"
      }.joined(separator: ", ")
      html += figure(
        chart.svg(
          description:
            "Line chart of children's harmful items per 1,000 impressions for each value of \(sweep.parameter) in arm \(sweep.baseArm): \(text)."
        ),
        caption:
          "Sweep of \(sweep.parameter) (arm \(sweep.baseArm)): children's exposure per 1,000 with 95% CIs."
      )
    }
    return html
  }

  static func figure(_ svg: String, caption: String) -> String {
    "<figure>\(svg)<figcaption>\(Markup.escape(caption))</figcaption></figure>"
  }
}

/// Turns what audit accounts were shown into their metrics, windows and readable traces.
enum AuditMetrics {
  /// The audit result of one arm and seed. `impressions` hold every account's items in the order
  /// each account saw them (accounts in any order).
  static func result(
    _ impressions: [AuditImpression], arm: String, seed: UInt64, roster: AuditRoster,
    catalogue: Catalogue, measures: HarmMeasures
  ) -> AuditResult {
    guard !roster.spec.personas.isEmpty else { return .empty }
    // By account; within one, in the order seen (a stable sort keeps it).
    let byAccount = Dictionary(grouping: impressions, by: \.account)
    var result = AuditResult()
    var account = 0
    for persona in roster.spec.personas {
      let traces = (account..<(account + persona.replicas)).map {
        byAccount[Int32($0)] ?? []
      }
      account += persona.replicas
      let context = PersonaContext(
        persona: persona, arm: arm, seed: seed, catalogue: catalogue, measures: measures)
      result.values += context.values(traces)
      result.windows += context.windows(traces)
      result.traces += context.traceRows(traces)
    }
    return result
  }
}

/// The measurement of one persona's replicas.
private struct PersonaContext {
  let persona: Persona
  let arm: String
  let seed: UInt64
  let catalogue: Catalogue
  let measures: HarmMeasures

  /// Whether `impression` counts for measure `m` (on the item's true label).
  func isHarmful(_ impression: AuditImpression, _ m: Int) -> Bool {
    let harm = Int(catalogue.harm[Int(impression.item)])
    return harm >= 0 && measures.membership[harm] & (1 << UInt64(m)) != 0
  }

  func value(_ phase: String, _ category: String, _ metric: AuditMetric, _ value: Double)
    -> AuditValue
  {
    AuditValue(
      arm: arm, seed: seed, persona: persona.name, phase: phase, category: category,
      metric: metric, value: value)
  }

  /// Every metric, per phase and for the whole script.
  func values(_ traces: [[AuditImpression]]) -> [AuditValue] {
    var values: [AuditValue] = []
    // The whole script only when it has several phases (otherwise it repeats the one).
    let phases =
      persona.phases.indices.map { Optional($0) } + (persona.phases.count > 1 ? [nil] : [])
    for phase in phases {
      let name = phase.map { persona.phases[$0].name } ?? AuditMetric.wholeScript
      let slices = traces.map { trace in
        phase.map { p in trace.filter { Int($0.phase) == p } } ?? trace
      }
      let items = slices.reduce(0) { $0 + $1.count }
      let seconds = slices.reduce(0) { $0 + $1.reduce(0) { $0 + Int($1.seconds) } }
      let replicas = Double(max(1, slices.count))
      values.append(value(name, Metric.allCategories, .impressions, Double(items) / replicas))
      values.append(value(name, Metric.allCategories, .minutes, Double(seconds) / 60 / replicas))
      guard items > 0 else { continue }
      for m in 0..<measures.count {
        let category = measures.names[m]
        let harmful = slices.reduce(0) { $0 + $1.filter { isHarmful($0, m) }.count }
        values.append(value(name, category, .harmfulShare, Double(harmful) / Double(items)))
        if seconds > 0 {
          values.append(
            value(name, category, .harmfulPerMinute, Double(harmful) / (Double(seconds) / 60)))
        }
        let firsts = slices.map { firstHarmful($0, m) }
        if let median = KaplanMeier.median(of: firsts.map(\.items)) {
          values.append(value(name, category, .itemsToFirst, median))
        }
        if let median = KaplanMeier.median(of: firsts.map(\.minutes)) {
          values.append(value(name, category, .minutesToFirst, median))
        }
        let streaks = slices.map { longestStreak($0, m) }
        values.append(
          value(name, category, .longestStreak, Double(streaks.reduce(0, +)) / replicas))
        if let phase, phase > 0 {
          let observations = traces.compactMap { recovery($0, after: phase, m) }
          if let median = KaplanMeier.median(of: observations) {
            values.append(value(name, category, .recoveryImpressions, median))
          }
        }
      }
    }
    return values
  }

  /// Items and feed minutes before the first harmful item of `slice`, censored at its end.
  func firstHarmful(_ slice: [AuditImpression], _ m: Int) -> (
    items: KaplanMeier.Observation, minutes: KaplanMeier.Observation
  ) {
    var seconds = 0
    for (index, impression) in slice.enumerated() {
      if isHarmful(impression, m) {
        return (
          .init(time: Double(index), isEvent: true),
          .init(time: Double(seconds) / 60, isEvent: true)
        )
      }
      seconds += Int(impression.seconds)
    }
    return (
      .init(time: Double(slice.count), isEvent: false),
      .init(time: Double(seconds) / 60, isEvent: false)
    )
  }

  func longestStreak(_ slice: [AuditImpression], _ m: Int) -> Int {
    var longest = 0
    var current = 0
    for impression in slice {
      current = isHarmful(impression, m) ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }

  /// Items after the start of phase `phase` until the harmful share of the last
  /// ``AuditMetric/recoveryWindow`` items is at most half what it was at the change (censored at
  /// the phase's end); `nil` when there was nothing to recover from or the phase was never reached.
  func recovery(_ trace: [AuditImpression], after phase: Int, _ m: Int)
    -> KaplanMeier.Observation?
  {
    guard let start = trace.firstIndex(where: { Int($0.phase) == phase }) else { return nil }
    let window = AuditMetric.recoveryWindow
    var windowStart = max(0, start - window)
    var harmful = (windowStart..<start).filter { isHarmful(trace[$0], m) }.count
    let reference = Double(harmful) / Double(max(1, start - windowStart))
    guard harmful > 0 else { return nil }
    var end = start
    while end < trace.count && Int(trace[end].phase) == phase {
      if isHarmful(trace[end], m) { harmful += 1 }
      end += 1
      if end - windowStart > window {
        if isHarmful(trace[windowStart], m) { harmful -= 1 }
        windowStart += 1
      }
      if Double(harmful) / Double(end - windowStart) <= reference / 2 {
        return .init(time: Double(end - start), isEvent: true)
      }
    }
    return .init(time: Double(end - start), isEvent: false)
  }

  /// The harmful-share series per window of feed minutes and of items, pooled over replicas.
  func windows(_ traces: [[AuditImpression]]) -> [AuditWindow] {
    var windows: [AuditWindow] = []
    for unit in AuditWindow.Unit.allCases {
      var cells: [Int: (impressions: Int, harmful: [Int])] = [:]
      for trace in traces {
        for (sequence, impression) in trace.enumerated() {
          let index =
            unit == .minutes
            ? Int(impression.secondsBefore) / (60 * AuditMetric.windowMinutes)
            : sequence / AuditMetric.windowImpressions
          var cell = cells[index] ?? (0, Array(repeating: 0, count: measures.count))
          cell.impressions += 1
          for m in 0..<measures.count where isHarmful(impression, m) { cell.harmful[m] += 1 }
          cells[index] = cell
        }
      }
      for index in cells.keys.sorted() {
        let cell = cells[index] ?? (0, [])
        windows.append(
          AuditWindow(
            arm: arm, seed: seed, persona: persona.name, unit: unit, index: index,
            impressions: cell.impressions, harmful: cell.harmful))
      }
    }
    return windows
  }

  /// Every replica's trace with names resolved.
  func traceRows(_ traces: [[AuditImpression]]) -> [AuditTraceRow] {
    let taxonomy = catalogue.taxonomy
    let sources = CandidateSource.allCases
    var rows: [AuditTraceRow] = []
    for (replica, trace) in traces.enumerated() {
      for (sequence, impression) in trace.enumerated() {
        let item = Int(impression.item)
        let harm = Int(catalogue.harm[item])
        let predicted = Int(catalogue.predictedHarm[item])
        rows.append(
          AuditTraceRow(
            arm: arm, seed: seed, persona: persona.name, replica: replica, sequence: sequence,
            day: Int(impression.day), minute: Double(impression.secondsBefore) / 60,
            phase: persona.phases[Int(impression.phase)].name, item: item,
            topic: taxonomy.topics[Int(catalogue.primaryTopic[item])],
            harm: harm >= 0 ? taxonomy.harms[harm].name : nil,
            predictedHarm: predicted >= 0 ? taxonomy.harms[predicted].name : nil,
            position: Int(impression.position), source: sources[Int(impression.source)].rawValue,
            watched: impression.watched, engaged: impression.engaged,
            seconds: Int(impression.seconds)))
      }
    }
    return rows
  }
}

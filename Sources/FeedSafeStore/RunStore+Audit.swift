import FeedSafeCore

extension RunStore {
  /// The columns of an exposure trace, in order.
  public static let traceColumns = [
    "arm", "seed", "persona", "replica", "sequence", "day", "minute", "phase", "item", "topic",
    "harm", "predicted_harm", "position", "source", "watched", "engaged", "seconds",
  ]

  /// An `ORDER BY` term that sorts `table`'s rows by their arm's position in the scenario.
  static func armPosition(_ table: String) -> String {
    "(SELECT position FROM arms WHERE arms.run_id = \(table).run_id AND arms.name = \(table).arm)"
  }

  /// Writes one arm and seed's audit metrics, windows and traces (inside the seed's transaction).
  func recordAudit(_ audit: AuditResult, runID: String) throws {
    guard !audit.values.isEmpty || !audit.traces.isEmpty else { return }
    for (position, persona) in AuditLayout(audit.values).personas.enumerated() {
      try connection.run(
        "INSERT OR IGNORE INTO audit_personas (run_id, position, name, phases) VALUES (?, ?, ?, ?)",
        [
          .text(runID), .integer(Int64(position)), .text(persona.name),
          .text(JSONList.encode(persona.phases)),
        ])
    }
    let metric = try connection.statement(
      """
      INSERT INTO audit_metrics (run_id, arm, seed, persona, phase, category, metric, value)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for value in audit.values {
      try metric.reuse([
        .text(runID), .text(value.arm), .integer(Int64(bitPattern: value.seed)),
        .text(value.persona), .text(value.phase), .text(value.category),
        .text(value.metric.rawValue), .real(value.value),
      ])
    }
    let window = try connection.statement(
      """
      INSERT INTO audit_windows (run_id, arm, seed, persona, unit, window, start, category,
        impressions, harmful) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    let categories = try categoryNames(runID: runID)
    for row in audit.windows {
      let width =
        row.unit == .minutes ? AuditMetric.windowMinutes : AuditMetric.windowImpressions
      for (m, harmful) in row.harmful.enumerated() where m < categories.count {
        try window.reuse([
          .text(runID), .text(row.arm), .integer(Int64(bitPattern: row.seed)), .text(row.persona),
          .text(row.unit.rawValue), .integer(Int64(row.index)),
          .real(Double(row.index * width)), .text(categories[m]),
          .integer(Int64(row.impressions)), .integer(Int64(harmful)),
        ])
      }
    }
    let trace = try connection.statement(
      """
      INSERT INTO audit_traces (run_id, \(Self.traceColumns.joined(separator: ", ")))
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for row in audit.traces {
      try trace.reuse([
        .text(runID), .text(row.arm), .integer(Int64(bitPattern: row.seed)), .text(row.persona),
        .integer(Int64(row.replica)), .integer(Int64(row.sequence)), .integer(Int64(row.day)),
        .real(row.minute), .text(row.phase), .integer(Int64(row.item)), .text(row.topic),
        row.harm.map(SQLValue.text) ?? .null, row.predictedHarm.map(SQLValue.text) ?? .null,
        .integer(Int64(row.position)), .text(row.source), .integer(row.watched ? 1 : 0),
        .integer(row.engaged ? 1 : 0), .integer(Int64(row.seconds)),
      ])
    }
  }

  /// The harm measures of a run, in measure order (the columns of the window counts).
  private func categoryNames(runID: String) throws -> [String] {
    let row = try connection.rows("SELECT categories FROM runs WHERE id = ?", [.text(runID)])
    return JSONList.decode(row.first?.first?.string)
  }

  /// Every per-seed audit value of a run, in the order stored.
  public func auditValues(runID: String) throws -> [AuditValue] {
    try connection.rows(
      """
      SELECT arm, seed, persona, phase, category, metric, value FROM audit_metrics WHERE run_id = ?
      ORDER BY \(Self.armPosition("audit_metrics")), seed, persona, phase, category, metric
      """, [.text(runID)]
    ).compactMap { row in
      guard let metric = row[5].string.flatMap(AuditMetric.init(rawValue:)) else { return nil }
      return AuditValue(
        arm: row[0].string ?? "", seed: UInt64(bitPattern: Int64(row[1].int ?? 0)),
        persona: row[2].string ?? "", phase: row[3].string ?? "", category: row[4].string ?? "",
        metric: metric, value: row[6].double ?? 0)
    }
  }

  /// Per arm and window start, one persona's harmful share in `category` (pooled over replicas,
  /// then averaged over seeds), for the report's persona chart.
  public func auditSeries(
    runID: String, persona: String, category: String, unit: AuditWindow.Unit = .minutes
  ) throws -> [(arm: String, start: Double, share: Double)] {
    try connection.rows(
      """
      SELECT arm, start, AVG(CAST(harmful AS REAL) / impressions) FROM audit_windows
      WHERE run_id = ? AND persona = ? AND category = ? AND unit = ? AND impressions > 0
      GROUP BY arm, start ORDER BY \(Self.armPosition("audit_windows")), start
      """, [.text(runID), .text(persona), .text(category), .text(unit.rawValue)]
    ).map { ($0[0].string ?? "", $0[1].double ?? 0, $0[2].double ?? 0) }
  }

  /// The audit accounts' summary over seeds, in scenario order (empty without audit accounts).
  public func auditSummary(run: RunRecord) throws -> [AuditSummaryRow] {
    AuditSummary.summarise(
      try auditValues(runID: run.id), arms: run.arms, layout: try auditLayout(runID: run.id),
      categories: run.categories)
  }

  /// The personas of a run with audit accounts, in scenario order.
  public func auditPersonas(runID: String) throws -> [String] {
    try auditLayout(runID: runID).personas.map(\.name)
  }

  /// The personas of a run and their phases, in scenario order.
  public func auditLayout(runID: String) throws -> AuditLayout {
    AuditLayout(
      personas: try connection.rows(
        "SELECT name, phases FROM audit_personas WHERE run_id = ? ORDER BY position",
        [.text(runID)]
      ).map { (name: $0[0].string ?? "", phases: JSONList.decode($0[1].string)) })
  }

  /// One audit account's exposure trace: `replica` of `persona` in `arm` on `seed`.
  public func trace(runID: String, arm: String, seed: UInt64, persona: String, replica: Int)
    throws -> [[SQLCell]]
  {
    try connection.rows(
      """
      SELECT \(Self.traceColumns.joined(separator: ", ")) FROM audit_traces
      WHERE run_id = ? AND arm = ? AND seed = ? AND persona = ? AND replica = ? ORDER BY sequence
      """,
      [
        .text(runID), .text(arm), .integer(Int64(bitPattern: seed)), .text(persona),
        .integer(Int64(replica)),
      ]
    ).map { $0.map(SQLCell.init) }
  }
}

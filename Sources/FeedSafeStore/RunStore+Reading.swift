import FeedSafeCore
import Foundation

extension RunStore {
  private static let runColumns = """
    id, name, description, scenario_path, scenario_text, scenario_sha256, tool_version, git_commit,
    base_seed, seeds, horizon_days, people, items, threads, cohorts, child_cohorts, categories,
    started_at, finished_at, wall_seconds, status, error, pid, host,
    (SELECT json_group_array(name) FROM (SELECT name FROM arms WHERE run_id = runs.id ORDER BY position)),
    burn_in_days, command_line, scenario_git_commit, scenario_git_dirty, inputs_sha256,
    (SELECT json_group_array(json_array(role, path, sha256)) FROM
      (SELECT role, path, sha256 FROM run_files WHERE run_id = runs.id ORDER BY position)),
    (SELECT shard_index FROM run_shards WHERE run_id = runs.id),
    (SELECT shard_count FROM run_shards WHERE run_id = runs.id)
    """

  /// The most recent runs first, at most `limit`.
  public func runs(limit: Int? = nil) throws -> [RunRecord] {
    let bound = limit.map { " LIMIT \($0)" } ?? ""
    return try connection.rows(
      "SELECT \(Self.runColumns) FROM runs ORDER BY started_at DESC, rowid DESC\(bound)"
    )
    .map(Self.record)
  }

  /// The run `reference` names: a full id, a unique id prefix, or `latest` (the newest complete
  /// run). Throws a bad-input error naming the store when there is none or the prefix is ambiguous.
  public func resolve(_ reference: String) throws -> RunRecord {
    if reference == "latest" {
      let rows = try connection.rows(
        "SELECT \(Self.runColumns) FROM runs WHERE status = 'complete' ORDER BY started_at DESC, rowid DESC LIMIT 1"
      )
      guard let row = rows.first else {
        throw StoreError(
          "no complete run in '\(path)'; run a scenario first (feedsafe run FILE)", isBadInput: true
        )
      }
      return Self.record(row)
    }
    guard !reference.isEmpty, reference.allSatisfy(\.isHexDigit) else {
      throw StoreError(
        "'\(reference)' is not a run id; give an id or its prefix (see feedsafe runs) or 'latest'",
        isBadInput: true)
    }
    let rows = try connection.rows(
      "SELECT \(Self.runColumns) FROM runs WHERE id LIKE ? || '%' ORDER BY started_at DESC",
      [.text(reference.lowercased())])
    guard !rows.isEmpty else {
      throw StoreError("no run '\(reference)' in '\(path)' (see feedsafe runs)", isBadInput: true)
    }
    guard rows.count == 1 else {
      let ids = rows.compactMap { $0.first?.string }.joined(separator: ", ")
      throw StoreError(
        "'\(reference)' matches several runs in '\(path)' (\(ids)); give more of the id",
        isBadInput: true)
    }
    return Self.record(rows[0])
  }

  /// The run `reference` names, which must be complete (results of other runs are not shown).
  /// A shard of a run (`run --shard`) holds only some of its units, so it is refused unless
  /// `allowsShard` (to show or export what the shard itself holds).
  public func completeRun(_ reference: String, allowsShard: Bool = false) throws -> RunRecord {
    let run = try resolve(reference)
    guard run.status == .complete else {
      throw StoreError(
        "run \(run.id) ('\(run.name)') is \(run.displayStatus), not complete: it has no results to show",
        isBadInput: true)
    }
    if let shard = run.shard, !allowsShard {
      throw StoreError(
        "run \(run.id) is shard \(shard) of a sharded run and holds only part of its results; "
          + "combine the shards first (feedsafe merge OUT.sqlite SHARD.sqlite...)",
        isBadInput: true)
    }
    return run
  }

  /// The summary rows (mean and CI over seeds) of a run, in their original order.
  public func summary(runID: String) throws -> [SummaryRow] {
    try connection.rows(
      "SELECT arm, cohort, category, metric, mean, ci_low, ci_high, n FROM summary WHERE run_id = ? ORDER BY position",
      [.text(runID)]
    ).compactMap { row in
      guard let metric = row[3].string.flatMap(Metric.init(rawValue:)) else { return nil }
      return SummaryRow(
        arm: row[0].string ?? "", cohort: row[1].string ?? "", category: row[2].string ?? "",
        metric: metric,
        mean: row[4].double ?? 0, ciLow: row[5].double, ciHigh: row[6].double, n: row[7].int ?? 0)
    }
  }

  /// The sweep point of each swept arm of a run, by arm name.
  public func sweepPoints(runID: String) throws -> [String: SweepPoint] {
    var points: [String: SweepPoint] = [:]
    for row in try connection.rows(
      "SELECT name, sweep_parameter, sweep_value, sweep_base_arm FROM arms WHERE run_id = ? AND sweep_parameter IS NOT NULL",
      [.text(runID)])
    {
      guard let name = row[0].string, let parameter = row[1].string, let value = row[2].double,
        let base = row[3].string
      else { continue }
      points[name] = SweepPoint(parameter: parameter, value: value, baseArm: base)
    }
    return points
  }

  /// The parameters each arm of a run changes (sweep and sensitivity points), by arm name.
  public func armParameters(runID: String) throws -> [String: [ParameterValue]] {
    var parameters: [String: [ParameterValue]] = [:]
    for row in try connection.rows(
      "SELECT arm, parameter, value, mode FROM arm_parameters WHERE run_id = ? ORDER BY arm, position",
      [.text(runID)])
    {
      guard let arm = row[0].string, let path = row[1].string, let value = row[2].double,
        let mode = row[3].string.flatMap(ParameterValue.Mode.init(rawValue:))
      else { continue }
      parameters[arm, default: []].append(ParameterValue(path: path, value: value, mode: mode))
    }
    return parameters
  }

  /// The sensitivity analysis a run is, or `nil` for any other run.
  public func sensitivityPlan(runID: String) throws -> SensitivityPlan? {
    guard
      let text = try connection.rows(
        "SELECT plan FROM sensitivity WHERE run_id = ?", [.text(runID)]
      ).first?.first?.string
    else { return nil }
    do {
      return try JSONDecoder().decode(SensitivityPlan.self, from: Data(text.utf8))
    } catch {
      throw StoreError(
        "run \(runID)'s sensitivity plan cannot be read: \(error.localizedDescription)")
    }
  }

  /// Per seed and day, one cohort's people and harmful impressions in one category, by arm.
  public func dailyHarm(runID: String, cohort: String, category: String) throws
    -> [(arm: String, seed: UInt64, day: Int, people: Int, harmful: Int)]
  {
    try connection.rows(
      """
      SELECT arm, seed, day, people, harmful_impressions FROM daily
      WHERE run_id = ? AND cohort = ? AND category = ? ORDER BY arm, seed, day
      """, [.text(runID), .text(cohort), .text(category)]
    ).map { row in
      (
        row[0].string ?? "", UInt64(bitPattern: Int64(row[1].int ?? 0)), row[2].int ?? 0,
        row[3].int ?? 0, row[4].int ?? 0
      )
    }
  }

  /// Per seed, one cohort's survival curve (share not yet exposed) in one category, by arm.
  public func survival(runID: String, cohort: String, category: String) throws
    -> [(arm: String, seed: UInt64, minute: Double, survival: Double)]
  {
    try connection.rows(
      """
      SELECT arm, seed, minute, survival FROM survival
      WHERE run_id = ? AND cohort = ? AND category = ? ORDER BY arm, seed, minute
      """, [.text(runID), .text(cohort), .text(category)]
    ).map { row in
      (
        row[0].string ?? "", UInt64(bitPattern: Int64(row[1].int ?? 0)), row[2].double ?? 0,
        row[3].double ?? 0
      )
    }
  }

  /// Each arm's name, preset, age assurance, resolved settings JSON and the JSON of the feed
  /// definitions it serves (`nil` for runs stored before schema 5), in scenario order.
  public func armSettings(runID: String) throws -> [(
    name: String, preset: String?, ageAssurance: String, settings: String, feeds: String?
  )] {
    try connection.rows(
      "SELECT name, preset, age_assurance, settings, feeds FROM arms WHERE run_id = ? ORDER BY position",
      [.text(runID)]
    ).map {
      ($0[0].string ?? "", $0[1].string, $0[2].string ?? "", $0[3].string ?? "{}", $0[4].string)
    }
  }

  /// Every per-seed metric value of a run.
  public func metricValues(runID: String) throws -> [MetricValue] {
    try connection.rows(
      "SELECT arm, seed, cohort, category, metric, value FROM metrics WHERE run_id = ?",
      [.text(runID)]
    ).compactMap { row in
      guard let metric = row[4].string.flatMap(Metric.init(rawValue:)) else { return nil }
      return MetricValue(
        arm: row[0].string ?? "", seed: UInt64(bitPattern: Int64(row[1].int ?? 0)),
        cohort: row[2].string ?? "",
        category: row[3].string ?? "", metric: metric, value: row[5].double ?? 0)
    }
  }

  /// The summary over seeds of a run's stored values, computed as a one-process run computes it
  /// (values read back exactly, each group taken in seed order), so that resumed and merged runs
  /// summarise bit-identically to uninterrupted ones.
  public func summaryOverStoredSeeds(of run: RunRecord) throws -> [SummaryRow] {
    SeedSummary.summarise(
      try metricValues(runID: run.id), arms: run.arms, cohorts: run.cohorts,
      categories: run.categories + [Metric.allCategories])
  }

  /// The tables `export` can write.
  public enum ExportTable: String, CaseIterable, Sendable {
    case metrics, summary, daily, survival, arms
    case auditMetrics = "audit_metrics"
    case auditWindows = "audit_windows"
    case auditTraces = "audit_traces"
    /// What each sweep or sensitivity point changes, one row per arm and key.
    case armParameters = "arm_parameters"
  }

  /// The rows of one table for one run, with column names, for export.
  public func export(_ table: ExportTable, runID: String) throws -> (
    columns: [String], rows: [[SQLCell]]
  ) {
    let columns: [String]
    let order: String
    switch table {
    case .metrics:
      columns = ["arm", "seed", "cohort", "category", "metric", "value"]
      order =
        "ORDER BY (SELECT position FROM arms WHERE arms.run_id = metrics.run_id AND arms.name = metrics.arm), seed, cohort, category, metric"
    case .summary:
      columns = ["arm", "cohort", "category", "metric", "mean", "ci_low", "ci_high", "n"]
      order = "ORDER BY position"
    case .daily:
      columns = [
        "arm", "seed", "day", "cohort", "category", "people", "impressions", "harmful_impressions",
        "minutes",
      ]
      order =
        "ORDER BY (SELECT position FROM arms WHERE arms.run_id = daily.run_id AND arms.name = daily.arm), seed, day, cohort, category"
    case .survival:
      columns = ["arm", "seed", "cohort", "category", "minute", "survival"]
      order =
        "ORDER BY (SELECT position FROM arms WHERE arms.run_id = survival.run_id AND arms.name = survival.arm), seed, cohort, category, minute"
    case .arms:
      columns = [
        "position", "name", "preset", "age_assurance", "settings", "feeds", "sweep_parameter",
        "sweep_value", "sweep_base_arm",
      ]
      order = "ORDER BY position"
    case .auditMetrics:
      columns = ["arm", "seed", "persona", "phase", "category", "metric", "value"]
      order = "ORDER BY \(Self.armPosition(table.rawValue)), seed, persona, phase, category, metric"
    case .auditWindows:
      columns = [
        "arm", "seed", "persona", "unit", "window", "start", "category", "impressions", "harmful",
      ]
      order = "ORDER BY \(Self.armPosition(table.rawValue)), seed, persona, unit, window, category"
    case .auditTraces:
      columns = Self.traceColumns
      order = "ORDER BY \(Self.armPosition(table.rawValue)), seed, persona, replica, sequence"
    case .armParameters:
      columns = ["arm", "position", "parameter", "value", "mode"]
      order = "ORDER BY \(Self.armPosition(table.rawValue)), position"
    }
    let rows = try connection.rows(
      "SELECT \(columns.joined(separator: ", ")) FROM \(table.rawValue) WHERE run_id = ? \(order)",
      [.text(runID)])
    return (columns, rows.map { $0.map(SQLCell.init) })
  }

  static func record(_ row: [SQLValue]) -> RunRecord {
    RunRecord(
      id: row[0].string ?? "", name: row[1].string ?? "", description: row[2].string ?? "",
      scenarioPath: row[3].string ?? "", scenarioText: row[4].string ?? "",
      scenarioSHA256: row[5].string ?? "",
      toolVersion: row[6].string ?? "", gitCommit: row[7].string,
      baseSeed: UInt64(bitPattern: Int64(row[8].int ?? 0)),
      seeds: JSONList.decode(row[9].string).compactMap { UInt64($0) },
      horizonDays: row[10].int ?? 0,
      people: row[11].int ?? 0, items: row[12].int ?? 0, threads: row[13].int ?? 0,
      cohorts: JSONList.decode(row[14].string), childCohorts: JSONList.decode(row[15].string),
      categories: JSONList.decode(row[16].string), startedAt: row[17].string ?? "",
      finishedAt: row[18].string,
      wallSeconds: row[19].double,
      status: row[20].string.flatMap(RunStatus.init(rawValue:)) ?? .failed,
      error: row[21].string, pid: row[22].int, host: row[23].string,
      arms: JSONList.decode(row[24].string), burnInDays: row[25].int,
      provenance: RunProvenance(
        commandLine: row[26].string,
        scenarioGit: row[27].string.map { GitState(commit: $0, isDirty: row[28].int == 1) },
        files: runFiles(row[30].string), inputsSHA256: row[29].string),
      shard: row[31].int.flatMap { index in row[32].int.flatMap { Shard(index: index, count: $0) } }
    )
  }

  /// The `run_files` rows of a run, from their JSON aggregate.
  private static func runFiles(_ text: String?) -> [RunFile] {
    guard let data = text?.data(using: .utf8),
      let rows = try? JSONSerialization.jsonObject(with: data) as? [[String]]
    else { return [] }
    return rows.compactMap { row in
      guard row.count == 3, let role = RunFile.Role(rawValue: row[0]) else { return nil }
      return RunFile(role: role, path: row[1], sha256: row[2])
    }
  }
}

/// One exported value: a number, text or nothing.
public enum SQLCell: Sendable, Hashable {
  case integer(Int64)
  case real(Double)
  case text(String)
  case null

  init(_ value: SQLValue) {
    switch value {
    case .integer(let v): self = .integer(v)
    case .real(let v): self = .real(v)
    case .text(let v): self = .text(v)
    case .null: self = .null
    }
  }
}

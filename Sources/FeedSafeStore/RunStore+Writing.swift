import FeedSafeCore
import Foundation

extension RunStore {
  /// Records a new run as `running`, with its arms, in one transaction. Returns its id.
  public func begin(_ run: NewRun) throws -> String {
    let r = run.record
    try connection.transaction {
      try connection.run(
        """
        INSERT INTO runs (id, name, description, scenario_path, scenario_text, scenario_sha256,
          tool_version, git_commit, base_seed, seeds, horizon_days, people, items, threads, cohorts,
          child_cohorts, categories, started_at, status, pid, host, command_line,
          scenario_git_commit, scenario_git_dirty, burn_in_days, inputs_sha256)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .text(r.id), .text(r.name), .text(r.description), .text(r.scenarioPath),
          .text(r.scenarioText),
          .text(r.scenarioSHA256), .text(r.toolVersion), r.gitCommit.map(SQLValue.text) ?? .null,
          .integer(Int64(bitPattern: r.baseSeed)), .text(JSONList.encode(r.seeds.map(String.init))),
          .integer(Int64(r.horizonDays)), .integer(Int64(r.people)), .integer(Int64(r.items)),
          .integer(Int64(r.threads)), .text(JSONList.encode(r.cohorts)),
          .text(JSONList.encode(r.childCohorts)),
          .text(JSONList.encode(r.categories)), .text(r.startedAt),
          r.pid.map { .integer(Int64($0)) } ?? .null,
          r.host.map(SQLValue.text) ?? .null,
          r.provenance.commandLine.map(SQLValue.text) ?? .null,
          r.provenance.scenarioGit.map { .text($0.commit) } ?? .null,
          r.provenance.scenarioGit.map { .integer($0.isDirty ? 1 : 0) } ?? .null,
          r.burnInDays.map { .integer(Int64($0)) } ?? .null,
          r.provenance.inputsSHA256.map(SQLValue.text) ?? .null,
        ])
      for (position, file) in r.provenance.files.enumerated() {
        try connection.run(
          "INSERT INTO run_files (run_id, position, role, path, sha256) VALUES (?, ?, ?, ?, ?)",
          [
            .text(r.id), .integer(Int64(position)), .text(file.role.rawValue), .text(file.path),
            .text(file.sha256),
          ])
      }
      for (position, arm) in run.armSettings.enumerated() {
        try connection.run(
          """
          INSERT INTO arms (run_id, position, name, preset, age_assurance, settings, feeds,
            sweep_parameter, sweep_value, sweep_base_arm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
          [
            .text(r.id), .integer(Int64(position)), .text(arm.name),
            arm.preset.map(SQLValue.text) ?? .null,
            .text(arm.ageAssurance), .text(arm.settings), .text(arm.feeds),
            arm.sweep.map { .text($0.parameter) } ?? .null,
            arm.sweep.map { .real($0.value) } ?? .null,
            arm.sweep.map { .text($0.baseArm) } ?? .null,
          ])
        for (index, parameter) in arm.parameters.enumerated() {
          try connection.run(
            "INSERT INTO arm_parameters (run_id, arm, position, parameter, value, mode) VALUES (?, ?, ?, ?, ?, ?)",
            [
              .text(r.id), .text(arm.name), .integer(Int64(index)), .text(parameter.path),
              .real(parameter.value), .text(parameter.mode.rawValue),
            ])
        }
      }
      if let shard = r.shard {
        try connection.run(
          "INSERT INTO run_shards (run_id, shard_index, shard_count) VALUES (?, ?, ?)",
          [.text(r.id), .integer(Int64(shard.index)), .integer(Int64(shard.count))])
      }
      if let plan = run.sensitivity {
        try connection.run(
          "INSERT INTO sensitivity (run_id, plan) VALUES (?, ?)",
          [.text(r.id), .text(ArmSettingsJSON.json(plan))])
      }
    }
    return r.id
  }

  /// Writes every arm's results for one seed in one transaction: all of the seed or none of it.
  public func record(
    seed: UInt64, results: [ArmSeedResult], runID: String, cohorts: [String], categories: [String]
  ) throws {
    try connection.transaction {
      try requireRun(runID)
      let metric = try connection.statement(
        "INSERT INTO metrics (run_id, arm, seed, cohort, category, metric, value) VALUES (?, ?, ?, ?, ?, ?, ?)"
      )
      let daily = try connection.statement(
        """
        INSERT INTO daily (run_id, arm, seed, day, cohort, category, people, impressions,
          harmful_impressions, minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
      let seedValue = SQLValue.integer(Int64(bitPattern: seed))
      for result in results {
        for value in result.values {
          try metric.reuse([
            .text(runID), .text(value.arm), seedValue, .text(value.cohort), .text(value.category),
            .text(value.metric.rawValue), .real(value.value),
          ])
        }
        let series = result.daily
        for day in 0..<series.dayCount {
          for cohort in 0..<series.cohortCount {
            let impressions = series.impressions(day: day, cohort: cohort)
            let minutes = Double(series.feedSeconds(day: day, cohort: cohort)) / 60
            let people = series.people[cohort]
            guard people > 0 else { continue }
            for measure in 0..<series.measureCount {
              try daily.reuse([
                .text(runID), .text(result.arm), seedValue, .integer(Int64(day)),
                .text(cohorts[cohort]),
                .text(categories[measure]), .integer(people), .integer(impressions),
                .integer(series.harmful(day: day, cohort: cohort, measure: measure)),
                .real(minutes),
              ])
            }
          }
        }
      }
      let survival = try connection.statement(
        "INSERT INTO survival (run_id, arm, seed, cohort, category, minute, survival) VALUES (?, ?, ?, ?, ?, ?, ?)"
      )
      for result in results {
        for curve in result.survival {
          for (minute, value) in zip(curve.minutes, curve.survival) {
            guard let value else { continue }
            try survival.reuse([
              .text(runID), .text(result.arm), seedValue, .text(curve.cohort),
              .text(curve.category),
              .real(minute), .real(value),
            ])
          }
        }
      }
      for result in results { try recordAudit(result.audit, runID: runID) }
      try connection.run(
        "INSERT INTO seeds_done (run_id, seed) VALUES (?, ?)", [.text(runID), seedValue])
    }
  }

  /// Writes the summary over seeds and marks the run `complete` in the same transaction, so a run
  /// is never complete without all of its results.
  public func complete(runID: String, summary: [SummaryRow], wallSeconds: Double) throws {
    try connection.transaction {
      try requireRun(runID)
      try completeInTransaction(runID: runID, summary: summary, wallSeconds: wallSeconds)
    }
  }

  /// Writes the summary and the `complete` status, inside the caller's transaction.
  func completeInTransaction(runID: String, summary: [SummaryRow], wallSeconds: Double) throws {
    let insert = try connection.statement(
      """
      INSERT INTO summary (run_id, arm, cohort, category, metric, mean, ci_low, ci_high, n, position)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for (position, row) in summary.enumerated() {
      try insert.reuse([
        .text(runID), .text(row.arm), .text(row.cohort), .text(row.category),
        .text(row.metric.rawValue),
        .real(row.mean), row.ciLow.map(SQLValue.real) ?? .null,
        row.ciHigh.map(SQLValue.real) ?? .null,
        .integer(Int64(row.n)), .integer(Int64(position)),
      ])
    }
    try finish(runID: runID, status: .complete, error: nil, wallSeconds: wallSeconds)
  }

  /// Marks an unfinished run `failed` or `interrupted`; its partial results stay, flagged by the
  /// status, and readers ignore them.
  public func end(runID: String, status: RunStatus, error: String?, wallSeconds: Double) throws {
    precondition(status == .failed || status == .interrupted, "end(runID:) records failures only")
    try connection.transaction {
      try finish(runID: runID, status: status, error: error, wallSeconds: wallSeconds)
    }
  }

  private func finish(runID: String, status: RunStatus, error: String?, wallSeconds: Double) throws
  {
    try connection.run(
      "UPDATE runs SET status = ?, error = ?, finished_at = ?, wall_seconds = ? WHERE id = ?",
      [
        .text(status.rawValue), error.map(SQLValue.text) ?? .null,
        .text(RunRecord.timestamp(Date())),
        .real(wallSeconds), .text(runID),
      ])
  }

  /// Throws, naming the run, when its row is gone: `feedsafe delete --force` removed it while
  /// this process was writing it. Checked inside each write transaction, so the writer stops
  /// with this message instead of a foreign-key failure, and writes nothing more.
  private func requireRun(_ runID: String) throws {
    guard try connection.rows("SELECT 1 FROM runs WHERE id = ?", [.text(runID)]).isEmpty else {
      return
    }
    throw StoreError(
      "run \(runID) was deleted from \(path) while this process was writing it "
        + "(feedsafe delete --force); stopping without storing more")
  }

  /// Deletes a run and everything stored with it.
  public func delete(runID: String) throws {
    try connection.transaction {
      for table in [
        "audit_traces", "audit_windows", "audit_metrics", "audit_personas", "survival", "daily",
        "summary", "metrics", "seeds_done", "run_files", "arm_parameters", "sensitivity",
        "run_shards", "merged_shards", "arms",
      ] {
        try connection.run("DELETE FROM \(table) WHERE run_id = ?", [.text(runID)])
      }
      try connection.run("DELETE FROM runs WHERE id = ?", [.text(runID)])
    }
  }
}

/// JSON arrays of strings, for list-valued columns.
enum JSONList {
  static func encode(_ values: [String]) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: values)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  static func decode(_ text: String?) -> [String] {
    guard let text, let data = text.data(using: .utf8),
      let values = try? JSONSerialization.jsonObject(with: data) as? [String]
    else { return [] }
    return values
  }
}

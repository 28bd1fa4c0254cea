/// The store's schema, as named, append-only SQL migrations. A migration is never edited once
/// released: a change is a new migration. `PRAGMA user_version` holds how many have been applied.
enum Migrations {
  /// Every migration, oldest first.
  static let all: [(name: String, sql: String)] = [
    (
      "1-runs-arms-metrics",
      """
      CREATE TABLE runs (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        description     TEXT NOT NULL,
        scenario_path   TEXT NOT NULL,
        scenario_text   TEXT NOT NULL,
        scenario_sha256 TEXT NOT NULL,
        tool_version    TEXT NOT NULL,
        git_commit      TEXT,
        base_seed       INTEGER NOT NULL,
        seeds           TEXT NOT NULL,
        horizon_days    INTEGER NOT NULL CHECK (horizon_days > 0),
        people          INTEGER NOT NULL CHECK (people > 0),
        items           INTEGER NOT NULL CHECK (items > 0),
        threads         INTEGER NOT NULL CHECK (threads > 0),
        cohorts         TEXT NOT NULL,
        child_cohorts   TEXT NOT NULL,
        categories      TEXT NOT NULL,
        started_at      TEXT NOT NULL,
        finished_at     TEXT,
        wall_seconds    REAL,
        status          TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed', 'interrupted')),
        error           TEXT,
        pid             INTEGER,
        host            TEXT
      );
      CREATE TABLE arms (
        run_id        TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        name          TEXT NOT NULL,
        preset        TEXT,
        age_assurance TEXT NOT NULL,
        settings      TEXT NOT NULL,
        PRIMARY KEY (run_id, name)
      );
      CREATE TABLE seeds_done (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seed   INTEGER NOT NULL,
        PRIMARY KEY (run_id, seed)
      );
      CREATE TABLE metrics (
        run_id   TEXT NOT NULL,
        arm      TEXT NOT NULL,
        seed     INTEGER NOT NULL,
        cohort   TEXT NOT NULL,
        category TEXT NOT NULL,
        metric   TEXT NOT NULL,
        value    REAL NOT NULL,
        PRIMARY KEY (run_id, arm, seed, cohort, category, metric),
        FOREIGN KEY (run_id, arm) REFERENCES arms (run_id, name) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE TABLE summary (
        run_id   TEXT NOT NULL,
        arm      TEXT NOT NULL,
        cohort   TEXT NOT NULL,
        category TEXT NOT NULL,
        metric   TEXT NOT NULL,
        mean     REAL NOT NULL,
        ci_low   REAL,
        ci_high  REAL,
        n        INTEGER NOT NULL CHECK (n > 0),
        position INTEGER NOT NULL,
        PRIMARY KEY (run_id, arm, cohort, category, metric),
        FOREIGN KEY (run_id, arm) REFERENCES arms (run_id, name) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX runs_by_start ON runs (started_at);
      """
    ),
    (
      "2-daily-series-and-query-indexes",
      """
      CREATE TABLE daily (
        run_id              TEXT NOT NULL,
        arm                 TEXT NOT NULL,
        seed                INTEGER NOT NULL,
        day                 INTEGER NOT NULL CHECK (day >= 0),
        cohort              TEXT NOT NULL,
        category            TEXT NOT NULL,
        people              INTEGER NOT NULL,
        impressions         INTEGER NOT NULL,
        harmful_impressions INTEGER NOT NULL,
        minutes             REAL NOT NULL,
        PRIMARY KEY (run_id, arm, seed, day, cohort, category),
        FOREIGN KEY (run_id, arm) REFERENCES arms (run_id, name) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX runs_by_name_status ON runs (name, status, started_at);
      CREATE INDEX metrics_by_metric ON metrics (run_id, metric, cohort, category);
      """
    ),
    (
      "3-sweep-arms",
      """
      ALTER TABLE arms ADD COLUMN sweep_parameter TEXT;
      ALTER TABLE arms ADD COLUMN sweep_value REAL;
      ALTER TABLE arms ADD COLUMN sweep_base_arm TEXT;
      """
    ),
    (
      "4-survival-curves",
      """
      CREATE TABLE survival (
        run_id   TEXT NOT NULL,
        arm      TEXT NOT NULL,
        seed     INTEGER NOT NULL,
        cohort   TEXT NOT NULL,
        category TEXT NOT NULL,
        minute   REAL NOT NULL CHECK (minute >= 0),
        survival REAL NOT NULL CHECK (survival >= 0 AND survival <= 1),
        PRIMARY KEY (run_id, arm, seed, cohort, category, minute),
        FOREIGN KEY (run_id, arm) REFERENCES arms (run_id, name) ON DELETE CASCADE
      ) WITHOUT ROWID;
      """
    ),
    (
      "5-run-provenance",
      """
      ALTER TABLE runs ADD COLUMN command_line TEXT;
      ALTER TABLE runs ADD COLUMN scenario_git_commit TEXT;
      ALTER TABLE runs ADD COLUMN scenario_git_dirty INTEGER CHECK (scenario_git_dirty IN (0, 1));
      ALTER TABLE runs ADD COLUMN burn_in_days INTEGER CHECK (burn_in_days >= 0);
      ALTER TABLE runs ADD COLUMN inputs_sha256 TEXT;
      ALTER TABLE arms ADD COLUMN feeds TEXT;
      CREATE TABLE run_files (
        run_id   TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        role     TEXT NOT NULL CHECK (role IN ('scenario', 'include', 'feeds')),
        path     TEXT NOT NULL,
        sha256   TEXT NOT NULL,
        PRIMARY KEY (run_id, position)
      );
      """
    ),
    (
      "6-audit-accounts",
      """
      CREATE TABLE audit_personas (
        run_id   TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name     TEXT NOT NULL,
        phases   TEXT NOT NULL,
        PRIMARY KEY (run_id, name)
      );
      CREATE TABLE audit_metrics (
        run_id   TEXT NOT NULL,
        arm      TEXT NOT NULL,
        seed     INTEGER NOT NULL,
        persona  TEXT NOT NULL,
        phase    TEXT NOT NULL,
        category TEXT NOT NULL,
        metric   TEXT NOT NULL,
        value    REAL NOT NULL,
        PRIMARY KEY (run_id, arm, seed, persona, phase, category, metric),
        FOREIGN KEY (run_id, arm) REFERENCES arms (run_id, name) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE TABLE audit_windows (
        run_id      TEXT NOT NULL,
        arm         TEXT NOT NULL,
        seed        INTEGER NOT NULL,
        persona     TEXT NOT NULL,
        unit        TEXT NOT NULL CHECK (unit IN ('minutes', 'impressions')),
        window      INTEGER NOT NULL CHECK (window >= 0),
        start       REAL NOT NULL,
        category    TEXT NOT NULL,
        impressions INTEGER NOT NULL,
        harmful     INTEGER NOT NULL,
        PRIMARY KEY (run_id, arm, seed, persona, unit, window, category),
        FOREIGN KEY (run_id, arm) REFERENCES arms (run_id, name) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE TABLE audit_traces (
        run_id         TEXT NOT NULL,
        arm            TEXT NOT NULL,
        seed           INTEGER NOT NULL,
        persona        TEXT NOT NULL,
        replica        INTEGER NOT NULL,
        sequence       INTEGER NOT NULL,
        day            INTEGER NOT NULL,
        minute         REAL NOT NULL,
        phase          TEXT NOT NULL,
        item           INTEGER NOT NULL,
        topic          TEXT NOT NULL,
        harm           TEXT,
        predicted_harm TEXT,
        position       INTEGER NOT NULL,
        source         TEXT NOT NULL,
        watched        INTEGER NOT NULL,
        engaged        INTEGER NOT NULL,
        seconds        INTEGER NOT NULL,
        PRIMARY KEY (run_id, arm, seed, persona, replica, sequence),
        FOREIGN KEY (run_id, arm) REFERENCES arms (run_id, name) ON DELETE CASCADE
      ) WITHOUT ROWID;
      """
    ),
    (
      "7-parameter-points",
      """
      CREATE TABLE arm_parameters (
        run_id    TEXT NOT NULL,
        arm       TEXT NOT NULL,
        position  INTEGER NOT NULL CHECK (position >= 0),
        parameter TEXT NOT NULL,
        value     REAL NOT NULL,
        mode      TEXT NOT NULL CHECK (mode IN ('set', 'scale')),
        PRIMARY KEY (run_id, arm, position),
        FOREIGN KEY (run_id, arm) REFERENCES arms (run_id, name) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE TABLE sensitivity (
        run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        plan   TEXT NOT NULL
      );
      """
    ),
    (
      "8-shards",
      """
      CREATE TABLE run_shards (
        run_id      TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        shard_index INTEGER NOT NULL CHECK (shard_index >= 0),
        shard_count INTEGER NOT NULL CHECK (shard_count > shard_index)
      );
      CREATE TABLE merged_shards (
        run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        shard_index  INTEGER NOT NULL CHECK (shard_index >= 0),
        shard_run_id TEXT NOT NULL,
        shard_file   TEXT NOT NULL,
        host         TEXT,
        wall_seconds REAL,
        PRIMARY KEY (run_id, shard_index)
      );
      """
    ),
  ]

  /// The schema version this build writes.
  static var currentVersion: Int { all.count }

  /// Brings the database up to ``currentVersion``, or refuses one written by a newer build
  /// (without altering it).
  static func migrate(_ connection: SQLiteConnection) throws {
    let version = try connection.rows("PRAGMA user_version").first?.first?.int ?? 0
    if version > currentVersion {
      throw StoreError(
        "the run store '\(connection.path)' was written by a newer FeedSafe (schema \(version); this build knows \(currentVersion)); it was not changed — upgrade feedsafe or use another file with --db"
      )
    }
    guard version < currentVersion else { return }
    try connection.transaction {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      let locked = try connection.rows("PRAGMA user_version").first?.first?.int ?? 0
      for index in locked..<max(locked, currentVersion) {
        try connection.execute(all[index].sql)
        try connection.execute("PRAGMA user_version = \(index + 1)")
      }
    }
  }
}

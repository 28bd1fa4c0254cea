"""FeedSafe's run store (SQLite), read-only, as pandas DataFrames.

The schema is documented in `docs/store.md`; this module reads it, never writes it: the binary
is the only writer, so a notebook can never corrupt a store or race a running simulation
(SQLite's WAL mode lets readers run beside a writer). Only complete runs have results: a run
reference (`latest`, an id or a unique prefix of one) resolves as the command line resolves it.

Seeds are unsigned 64-bit numbers. The store keeps them in SQLite's signed INTEGER, so a seed of
2**63 or more is stored negative; every frame here gives them back as `uint64`, matching the
seeds listed in `runs.seeds` and printed by the command line.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import StoreError

#: Tables a run's results live in, with the columns read (run_id is the filter, never a column).
TABLES: dict[str, list[str]] = {
    "metrics": ["arm", "seed", "cohort", "category", "metric", "value"],
    "summary": ["arm", "cohort", "category", "metric", "mean", "ci_low", "ci_high", "n"],
    "daily": [
        "arm",
        "seed",
        "day",
        "cohort",
        "category",
        "people",
        "impressions",
        "harmful_impressions",
        "minutes",
    ],
    "survival": ["arm", "seed", "cohort", "category", "minute", "survival"],
    "arm_parameters": ["arm", "position", "parameter", "value", "mode"],
    "audit_personas": ["position", "name", "phases"],
    "audit_metrics": ["arm", "seed", "persona", "phase", "category", "metric", "value"],
    "audit_windows": [
        "arm",
        "seed",
        "persona",
        "unit",
        "window",
        "start",
        "category",
        "impressions",
        "harmful",
    ],
    "audit_traces": [
        "arm",
        "seed",
        "persona",
        "replica",
        "sequence",
        "day",
        "minute",
        "phase",
        "item",
        "topic",
        "harm",
        "predicted_harm",
        "position",
        "source",
        "watched",
        "engaged",
        "seconds",
    ],
}

#: The order rows come in, after the arm's position in the scenario: as `feedsafe export` writes.
_ORDER = {
    "metrics": "seed, cohort, category, metric",
    "summary": None,  # the stored display order (`summary.position`)
    "daily": "seed, day, cohort, category",
    "survival": "seed, cohort, category, minute",
    "arm_parameters": "position",
    "audit_personas": None,
    "audit_metrics": "seed, persona, phase, category, metric",
    "audit_windows": "seed, persona, unit, window, category",
    "audit_traces": "seed, persona, replica, sequence",
}

_JSON_LIST_COLUMNS = ("seeds", "cohorts", "child_cohorts", "categories")


def _unsigned_seeds(frame: pd.DataFrame) -> pd.DataFrame:
    """Seeds back to uint64 (the store holds their signed 64-bit bit pattern)."""
    if "seed" in frame.columns:
        frame["seed"] = frame["seed"].to_numpy(dtype=np.int64).view(np.uint64)
    return frame


class Store:
    """A FeedSafe run store opened read-only.

    Use as a context manager, or call `close()`; every method returns a new DataFrame.
    Raises StoreError when the file is missing or is not a FeedSafe store.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path).expanduser().resolve()
        if not self.path.is_file():
            raise StoreError(f"no run store at '{self.path}' (run a scenario first: feedsafe.run)")
        try:
            self._connection = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
            tables = {
                row[0]
                for row in self._connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
        except sqlite3.DatabaseError as error:
            raise StoreError(f"'{self.path}' is not a FeedSafe run store: {error}") from error
        if "runs" not in tables:
            self._connection.close()
            raise StoreError(f"'{self.path}' is not a FeedSafe run store (it has no runs table)")
        self._tables = tables

    def close(self) -> None:
        """Closes the connection; the Store cannot be used afterwards."""
        self._connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """How many of the binary's migrations the file has (`PRAGMA user_version`)."""
        return int(self._connection.execute("PRAGMA user_version").fetchone()[0])

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> pd.DataFrame:
        return pd.read_sql_query(sql, self._connection, params=params)

    def runs(self, name: str | None = None, status: str | None = "complete") -> pd.DataFrame:
        """Stored runs, newest first: every `runs` column but `scenario_text` (see `run_info`).

        `name` keeps one scenario's runs (its `name:`); `status` keeps `complete` runs by
        default, `None` keeps all (running, failed and interrupted ones too). JSON columns
        (`seeds`, `cohorts`, `child_cohorts`, `categories`) become lists, `seeds` of ints;
        `started_at` and `finished_at` become UTC timestamps.
        """
        clauses, params = [], []
        if name is not None:
            clauses.append("name = ?")
            params.append(name)
        if status is not None:
            clauses.append("status = ?")
            params.append(status)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        frame = self._query(
            f"SELECT * FROM runs {where} ORDER BY started_at DESC, rowid DESC", tuple(params)
        )
        return self._decode_runs(frame.drop(columns=["scenario_text"]))

    @staticmethod
    def _decode_runs(frame: pd.DataFrame) -> pd.DataFrame:
        for column in _JSON_LIST_COLUMNS:
            frame[column] = frame[column].map(json.loads)
        frame["seeds"] = frame["seeds"].map(lambda seeds: [int(seed) for seed in seeds])
        for column in ("started_at", "finished_at"):
            frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")
        return frame

    def resolve(self, run: str = "latest") -> str:
        """The id of a complete run: `latest` (the newest), an id, or a unique prefix of one.

        Resolves as the command line does, with the same messages; raises StoreError when no
        run matches, several do, or the run is not complete.
        """
        if run == "latest":
            row = self._connection.execute(
                "SELECT id FROM runs WHERE status = 'complete' "
                "ORDER BY started_at DESC, rowid DESC LIMIT 1"
            ).fetchone()
            if row is None:
                raise StoreError(f"no complete run in '{self.path}'; run a scenario first")
            return str(row[0])
        if not run or any(c not in "0123456789abcdefABCDEF" for c in run):
            raise StoreError(f"'{run}' is not a run id; give an id or its prefix or 'latest'")
        rows = self._connection.execute(
            "SELECT id, status FROM runs WHERE id LIKE ? || '%' ORDER BY started_at DESC",
            (run.lower(),),
        ).fetchall()
        if not rows:
            raise StoreError(f"no run '{run}' in '{self.path}'")
        if len(rows) > 1:
            ids = ", ".join(row[0] for row in rows)
            raise StoreError(
                f"'{run}' matches several runs in '{self.path}' ({ids}); give more of the id"
            )
        run_id, status = rows[0]
        if status != "complete":
            raise StoreError(f"run {run_id} is {status}, not complete: it has no results to show")
        return str(run_id)

    def run_info(self, run: str = "latest") -> pd.Series:
        """One run's `runs` row, `scenario_text` included, decoded as in `runs()`."""
        run_id = self.resolve(run)
        frame = self._decode_runs(self._query("SELECT * FROM runs WHERE id = ?", (run_id,)))
        return frame.iloc[0]

    def _table(self, table: str, run: str) -> pd.DataFrame:
        """A run's rows of one result table, ordered as `feedsafe export` orders them; an empty
        frame with the table's columns when the file predates the table (older schema)."""
        run_id = self.resolve(run)
        columns = TABLES[table]
        if table not in self._tables:
            return pd.DataFrame(columns=columns)
        if "arm" in columns:
            position = (
                f"(SELECT position FROM arms WHERE arms.run_id = {table}.run_id "
                f"AND arms.name = {table}.arm)"
            )
            order = f"ORDER BY {position}" + (f", {_ORDER[table]}" if _ORDER[table] else "")
            if table == "summary":
                order = "ORDER BY position"
        else:
            order = "ORDER BY position"
        sql = f"SELECT {', '.join(columns)} FROM {table} WHERE run_id = ? {order}"
        return _unsigned_seeds(self._query(sql, (run_id,)))

    def arms(self, run: str = "latest") -> pd.DataFrame:
        """The arms of a run in scenario order, fully resolved.

        Columns: `position`, `name`, `preset`, `age_assurance`, `settings` (dict: per age band,
        the feed, each setting's default, what is offered, the action per harm category, caps),
        `feeds` (dict by feed name, or None before schema 5), and the one-key sweep columns
        `sweep_parameter`, `sweep_value`, `sweep_base_arm` (None unless swept).
        """
        run_id = self.resolve(run)
        frame = self._query("SELECT * FROM arms WHERE run_id = ? ORDER BY position", (run_id,))
        frame = frame.drop(columns=["run_id"])
        frame["settings"] = frame["settings"].map(json.loads)
        if "feeds" in frame.columns:
            frame["feeds"] = frame["feeds"].map(
                lambda text: None if text is None else json.loads(text)
            )
        leading = ["position", "name"]
        return frame[leading + [c for c in frame.columns if c not in leading]]

    def arm_settings(self, run: str = "latest") -> pd.DataFrame:
        """Each arm's resolved settings flattened to one row per arm and one column per key.

        The index is the arm name, in scenario order; columns are the JSON paths of `settings`
        joined with dots (e.g. `under_13.profiling`), so `frame.T` shows where arms differ.
        """
        arms = self.arms(run)
        flat = pd.json_normalize(arms["settings"].tolist())
        flat.index = pd.Index(arms["name"], name="arm")
        return flat

    def metrics(self, run: str = "latest", wide: bool = False) -> pd.DataFrame:
        """Per-seed metrics of a run (docs/metrics.md).

        Long (default): `arm`, `seed`, `cohort`, `category`, `metric`, `value`, one row each.
        Wide: one row per (`arm`, `seed`, `cohort`, `category`) and one column per metric, with
        NaN where a metric has no value for that cohort and category.
        """
        long = self._table("metrics", run)
        if not wide:
            return long
        keys = ["arm", "seed", "cohort", "category"]
        frame = long.pivot_table(
            index=keys, columns="metric", values="value", sort=False, aggfunc="first"
        ).reset_index()
        frame.columns.name = None
        return frame

    def summary(self, run: str = "latest") -> pd.DataFrame:
        """Mean and 95% CI over seeds: `arm`, `cohort`, `category`, `metric`, `mean`,
        `ci_low`, `ci_high` (NaN with one seed), `n` (seeds), in the command line's order."""
        return self._table("summary", run)

    def daily(self, run: str = "latest") -> pd.DataFrame:
        """Daily series per arm, seed, day (0-based), cohort and category: `people`,
        `impressions`, `harmful_impressions` and feed `minutes`. `people`, `impressions` and
        `minutes` repeat across the categories of one day and cohort."""
        return self._table("daily", run)

    def survival(self, run: str = "latest") -> pd.DataFrame:
        """Kaplan–Meier curves of minutes to the first harmful item: `arm`, `seed`, `cohort`,
        `category`, `minute` (feed minutes), `survival` (share not yet exposed, 0 to 1)."""
        return self._table("survival", run)

    def arm_parameters(self, run: str = "latest", wide: bool = False) -> pd.DataFrame:
        """What each arm of a sweep or sensitivity analysis changes.

        Long: `arm`, `position` (order applied), `parameter` (key path, docs/parameters.md),
        `value`, `mode` (`set`, or `scale`: multiplies the scenario's values). Arms at the
        scenario's values have no rows. Wide: one row per arm (index) and one column per
        parameter, NaN where an arm leaves that parameter alone.
        """
        long = self._table("arm_parameters", run)
        if not wide:
            return long
        frame = long.pivot_table(
            index="arm", columns="parameter", values="value", sort=False, aggfunc="first"
        )
        frame.columns.name = None
        return frame

    def audit_personas(self, run: str = "latest") -> pd.DataFrame:
        """The audit accounts' personas: `position`, `name`, `phases` (list); empty when the
        scenario declares no `audit_accounts:` (docs/audits.md)."""
        frame = self._table("audit_personas", run)
        frame["phases"] = frame["phases"].map(json.loads)
        return frame

    def audit_metrics(self, run: str = "latest") -> pd.DataFrame:
        """Audit accounts' metrics per arm, seed, persona, phase, category and metric (over that
        seed's replicas); empty without audit accounts."""
        return self._table("audit_metrics", run)

    def audit_windows(self, run: str = "latest") -> pd.DataFrame:
        """Audit accounts' harmful share in windows (`unit`: 10 feed `minutes` or 50
        `impressions`), pooled over replicas; empty without audit accounts."""
        return self._table("audit_windows", run)

    def audit_traces(self, run: str = "latest") -> pd.DataFrame:
        """Every impression of every audit account, in order (one row each; large); empty
        without audit accounts."""
        return self._table("audit_traces", run)

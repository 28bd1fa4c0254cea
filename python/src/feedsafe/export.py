"""Parquet export of a stored run: one file per table, written by pyarrow through pandas.

Parquet keeps each column's type (integers, floats, nullable text, unsigned seeds), which the
binary's CSV export cannot: a DataFrame read back from these files equals the one `Store`
returns. Nested JSON (`arms.settings`, `arms.feeds`, the lists in `runs`) is written as JSON
text, as in the store, so every file has flat, stable columns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .errors import FeedSafeError
from .runner import Run, open_run
from .store import Store

#: Written for every run.
CORE_TABLES = ("metrics", "summary", "daily", "survival", "arms", "arm_parameters")
#: Written only when the run has audit accounts (docs/audits.md).
AUDIT_TABLES = ("audit_personas", "audit_metrics", "audit_windows", "audit_traces")


def _as_json_text(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    frame = frame.copy()
    for column in columns:
        if column in frame.columns:
            frame[column] = frame[column].map(
                lambda value: None if value is None else json.dumps(value)
            )
    return frame


def export_parquet(db: str | Path | None, run: str | Run, out_dir: str | Path) -> dict[str, Path]:
    """Writes a run's tables as Parquet files in `out_dir` (created if needed).

    `run` is a Run, or a reference (`latest`, an id or a unique prefix) in the store `db`
    (None: the default store). Writes `run.parquet` (its `runs` row) and one `<table>.parquet`
    for each of CORE_TABLES, plus AUDIT_TABLES when the run has audit accounts. Returns the
    files by table name. Raises StoreError for a missing store or run, and FeedSafeError when
    pyarrow is not installed (`pip install pyarrow`).
    """
    try:
        import pyarrow  # noqa: F401  (pandas writes Parquet through it)
    except ImportError as error:
        raise FeedSafeError("Parquet export needs pyarrow: pip install pyarrow") from error
    target = run if isinstance(run, Run) else open_run(db, run)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    with Store(target.db) as store:
        info = store.run_info(target.id).to_frame().T.reset_index(drop=True)
        frames = {"run": _as_json_text(info, ("seeds", "cohorts", "child_cohorts", "categories"))}
        for table in CORE_TABLES:
            frames[table] = getattr(store, table)(target.id)
        frames["arms"] = _as_json_text(frames["arms"], ("settings", "feeds"))
        personas = store.audit_personas(target.id)
        if not personas.empty:
            frames["audit_personas"] = _as_json_text(personas, ("phases",))
            for table in AUDIT_TABLES[1:]:
                frames[table] = getattr(store, table)(target.id)
    for table, frame in frames.items():
        path = folder / f"{table}.parquet"
        frame.infer_objects().to_parquet(path, engine="pyarrow", index=False)
        written[table] = path
    return written

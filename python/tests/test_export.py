"""Parquet export, from Python and from `python -m feedsafe export`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

import feedsafe


def test_parquet_files_read_back_equal_to_the_store(
    quickstart: feedsafe.Run, tmp_path: Path
) -> None:
    written = feedsafe.export_parquet(quickstart.db, quickstart.id, tmp_path / "out")
    assert set(written) == {
        "run",
        "metrics",
        "summary",
        "daily",
        "survival",
        "arms",
        "arm_parameters",
    }
    for table in ("metrics", "summary", "daily", "survival"):
        back = pd.read_parquet(written[table])
        expected = getattr(quickstart, table)()
        pd.testing.assert_frame_equal(back, expected, check_dtype=False)
    assert pd.read_parquet(written["metrics"])["seed"].dtype == "uint64"
    run = pd.read_parquet(written["run"])
    assert run["id"].item() == quickstart.id


def test_the_module_entry_point_exports_and_reports_bad_input(
    quickstart: feedsafe.Run, tmp_path: Path
) -> None:
    out = tmp_path / "cli"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "feedsafe",
            "export",
            quickstart.id[:6],
            "--db",
            str(quickstart.db),
            "--format",
            "parquet",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (out / "metrics.parquet").is_file()
    assert f"metrics\t{out / 'metrics.parquet'}" in done.stdout.splitlines()
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "feedsafe",
            "export",
            "latest",
            "--db",
            str(tmp_path / "none.sqlite"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: no run store at")

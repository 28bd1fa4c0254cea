"""Store: a real store written by the binary, read back as DataFrames."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

import feedsafe
from conftest import HERE, SCENARIOS, TINY


def test_wide_metrics_hold_exactly_the_long_values(quickstart: feedsafe.Run) -> None:
    long = quickstart.metrics()
    wide = quickstart.metrics(wide=True)
    keys = ["arm", "seed", "cohort", "category"]
    assert len(wide) == len(long.drop_duplicates(keys))
    assert wide.notna().sum().drop(keys).sum() == len(long)
    row = long.iloc[len(long) // 2]
    match = wide[(wide[keys] == row[keys]).all(axis=1)]
    assert match[row["metric"]].item() == row["value"]


def test_the_summary_mean_is_the_mean_of_the_per_seed_metrics(quickstart: feedsafe.Run) -> None:
    metrics = quickstart.metrics()
    summary = quickstart.summary()
    where = dict(cohort="children", category="any_harm", metric="exposure_per_1k")
    for arm in ("no_protections", "childrens_code"):
        per_seed = metrics[
            (metrics.arm == arm)
            & (metrics.cohort == where["cohort"])
            & (metrics.category == where["category"])
            & (metrics.metric == where["metric"])
        ]
        stored = summary[
            (summary.arm == arm)
            & (summary.cohort == where["cohort"])
            & (summary.category == where["category"])
            & (summary.metric == where["metric"])
        ]
        assert stored["n"].item() == 2
        assert stored["mean"].item() == pytest.approx(per_seed["value"].mean(), rel=1e-12)
        assert stored["ci_low"].item() <= stored["mean"].item() <= stored["ci_high"].item()


def test_daily_series_cover_each_measured_day_and_count_harm_within_impressions(
    quickstart: feedsafe.Run,
) -> None:
    daily = quickstart.daily()
    assert sorted(set(daily["day"])) == list(range(TINY["days"]))
    assert (daily["harmful_impressions"] <= daily["impressions"]).all()
    assert daily["impressions"].sum() > 0


def test_survival_curves_start_at_most_one_and_never_rise(quickstart: feedsafe.Run) -> None:
    survival = quickstart.survival()
    assert survival["survival"].between(0, 1).all()
    for _, curve in survival.groupby(["arm", "seed", "cohort", "category"]):
        assert (np.diff(curve.sort_values("minute")["survival"].to_numpy()) <= 1e-12).all()


def test_arm_settings_show_the_childrens_code_turning_profiling_off(
    quickstart: feedsafe.Run,
) -> None:
    arms = quickstart.arms()
    assert list(arms["name"]) == ["no_protections", "childrens_code"]
    assert arms.loc[1, "preset"] == "ico-childrens-code"
    settings = quickstart.arm_settings()
    assert settings.loc["no_protections", "13_15.defaults.profiling"]
    assert not settings.loc["childrens_code", "13_15.defaults.profiling"]
    assert settings.loc["childrens_code", "adult.defaults.profiling"]


def test_runs_lists_the_run_and_references_resolve_like_the_command_line(
    quickstart: feedsafe.Run, store_path: Path
) -> None:
    with feedsafe.Store(store_path) as store:
        runs = store.runs(name="quickstart")
        assert quickstart.id in set(runs["id"])
        assert store.resolve(quickstart.id[:8]) == quickstart.id
        assert store.resolve(quickstart.id.upper()) == quickstart.id
        with pytest.raises(feedsafe.StoreError, match="is not a run id"):
            store.resolve("no-such-run")
        with pytest.raises(feedsafe.StoreError, match="no run 'fffffffffff0'"):
            store.resolve("fffffffffff0")
        assert "scenario_text" not in runs.columns
        assert store.run_info(quickstart.id)["scenario_text"].startswith("# Quick start")


def test_the_store_is_opened_read_only(quickstart: feedsafe.Run, store_path: Path) -> None:
    with feedsafe.Store(store_path) as store:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store._connection.execute("DELETE FROM runs")


def test_missing_and_foreign_files_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(feedsafe.StoreError, match="no run store"):
        feedsafe.Store(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(feedsafe.StoreError, match="not a FeedSafe run store"):
        feedsafe.Store(other)
    text = tmp_path / "text.sqlite"
    text.write_text("hello\n" * 200)
    with pytest.raises(feedsafe.StoreError, match="not a FeedSafe run store"):
        feedsafe.Store(text)


def test_seeds_above_two_to_the_63_come_back_unsigned(tmp_path: Path) -> None:
    base = 2**63 + 5  # stored as a negative INTEGER in SQLite
    run = feedsafe.run(
        SCENARIOS / "quickstart.yaml",
        db=tmp_path / "big.sqlite",
        seed=base,
        progress=lambda _: None,
        **TINY,
    )
    assert run.info()["seeds"] == [base, base + 1]
    assert sorted(set(run.metrics()["seed"])) == [base, base + 1]
    assert run.metrics()["seed"].dtype == np.uint64


def test_sweep_arms_list_what_each_changes(tmp_path: Path) -> None:
    run = feedsafe.run(
        HERE / "scenarios/tiny-sweep.yaml", db=tmp_path / "sweep.sqlite", progress=lambda _: None
    )
    parameters = run.arm_parameters()
    assert set(parameters["parameter"]) == {"moderation.recall"}
    assert sorted(parameters["value"]) == [0.5, 0.9]
    wide = run.arm_parameters(wide=True)
    assert list(wide.columns) == ["moderation.recall"]
    assert set(wide.index) <= set(run.arms()["name"])
    assert run.arms()["sweep_parameter"].notna().sum() == 2


def test_audit_accounts_are_read_where_a_scenario_has_them(
    quickstart: feedsafe.Run, tmp_path: Path
) -> None:
    assert quickstart.audit_personas().empty and quickstart.audit_metrics().empty
    run = feedsafe.run(
        SCENARIOS / "audits/deadly-by-design.yaml",
        db=tmp_path / "audit.sqlite",
        people=300,
        items=3000,
        days=2,
        burn_in=1,
        seeds=1,
        progress=lambda _: None,
    )
    personas = run.audit_personas()
    assert not personas.empty and all(isinstance(p, list) for p in personas["phases"])
    metrics = run.audit_metrics()
    assert set(metrics["persona"]) <= set(personas["name"])
    traces = run.audit_traces()
    assert len(traces) > 0 and set(traces["persona"]) <= set(personas["name"])
    windows = run.audit_windows()
    assert (windows["harmful"] <= windows["impressions"]).all()

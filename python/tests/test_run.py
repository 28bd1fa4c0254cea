"""feedsafe.run: the binary runs, progress streams, failures raise by exit code."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import feedsafe
from conftest import ROOT, SCENARIOS, TINY


def test_run_returns_the_stored_run_with_every_arm_and_seed(quickstart: feedsafe.Run) -> None:
    metrics = quickstart.metrics()
    assert list(dict.fromkeys(metrics["arm"])) == ["no_protections", "childrens_code"]
    assert sorted(set(metrics["seed"])) == quickstart.info()["seeds"] == [1, 2]
    assert quickstart.info()["people"] == TINY["people"]
    assert quickstart.info()["burn_in_days"] == TINY["burn_in"]


def test_progress_streams_one_line_per_arm_and_seed_then_the_total(
    quickstart: feedsafe.Run, progress_lines: list[str]
) -> None:
    steps = [line.split("  ")[:2] for line in progress_lines if line.startswith("seed ")]
    assert steps == [
        ["seed 1/2", "arm 1/2 no_protections"],
        ["seed 1/2", "arm 2/2 childrens_code"],
        ["seed 2/2", "arm 1/2 no_protections"],
        ["seed 2/2", "arm 2/2 childrens_code"],
    ]
    assert f"run {quickstart.id}" in progress_lines[0]
    assert progress_lines[-1].startswith("quickstart: 2 arms × 2 seeds in ")


def test_progress_goes_to_the_feedsafe_logger_by_default(
    store_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="feedsafe"):
        feedsafe.run(SCENARIOS / "quickstart.yaml", db=store_path, **TINY)
    assert any(r.getMessage().startswith("seed 2/2  arm 2/2") for r in caplog.records)


def test_a_bad_scenario_raises_scenario_error_with_its_located_message(store_path: Path) -> None:
    bad = ROOT / "Tests/Fixtures/bad/duplicate-key.yaml"
    expected = (ROOT / "Tests/Fixtures/bad/duplicate-key.expected").read_text().strip()
    with pytest.raises(feedsafe.ScenarioError) as caught:
        feedsafe.run(bad, db=store_path)
    assert caught.value.exit_code == 2
    # The binary prints the path as given (absolute here); the fixture holds it relative.
    assert caught.value.message == f"{bad.parent}/{expected}"
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.severity) == (2, 1, "error")
    assert diagnostic.message == "key 'horizon' appears more than once in one mapping"


def test_a_bad_flag_value_and_a_missing_file_are_bad_input(
    store_path: Path, tmp_path: Path
) -> None:
    with pytest.raises(feedsafe.ScenarioError) as zero_people:
        feedsafe.run(SCENARIOS / "quickstart.yaml", db=store_path, people=0)
    assert "people" in zero_people.value.message
    with pytest.raises(feedsafe.ScenarioError) as missing:
        feedsafe.run(tmp_path / "no-such.yaml", db=store_path)
    assert "no-such.yaml" in missing.value.message


def test_a_store_that_is_not_sqlite_is_an_internal_failure_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_text("not a database\n" * 100)
    with pytest.raises(feedsafe.RunFailedError) as caught:
        feedsafe.run(SCENARIOS / "quickstart.yaml", db=broken, **TINY)
    assert caught.value.exit_code == 3
    assert str(broken) in caught.value.message


def test_ctrl_c_interrupts_the_binary_which_marks_the_run_interrupted(tmp_path: Path) -> None:
    db = tmp_path / "interrupted.sqlite"

    def interrupt_at_first_progress(line: str) -> None:
        if line.startswith("seed 1/"):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        feedsafe.run(
            SCENARIOS / "quickstart.yaml",
            db=db,
            people=1000,
            items=5000,
            days=6,
            seeds=3,
            progress=interrupt_at_first_progress,
        )
    with feedsafe.Store(db) as store:
        assert list(store.runs(status=None)["status"]) == ["interrupted"]


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (1, feedsafe.CheckFailedError),
        (2, feedsafe.ScenarioError),
        (3, feedsafe.RunFailedError),
        (130, feedsafe.RunInterruptedError),
        (134, feedsafe.RunFailedError),
    ],
)
def test_each_exit_code_has_its_exception(code: int, kind: type) -> None:
    from feedsafe.errors import error_for_exit

    error = error_for_exit(code, "error: something", ["feedsafe", "run"])
    assert (
        type(error) is kind
        and error.exit_code == code
        and isinstance(error, feedsafe.FeedSafeError)
    )


def test_runs_can_write_one_store_at_once(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite"
    runs: list[feedsafe.Run] = []
    threads = [
        threading.Thread(
            target=lambda: runs.append(
                feedsafe.run(SCENARIOS / "quickstart.yaml", db=db, progress=lambda _: None, **TINY)
            )
        )
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({run.id for run in runs}) == 2
    first, second = (run.metrics() for run in runs)
    # Same scenario, same seeds: identical numbers, whichever process wrote first.
    assert first.equals(second)

"""Running a scenario through the `feedsafe` binary, and the stored run it leaves.

The simulation itself stays in the binary (Swift, bit-identical for any thread count); Python
starts it, relays its progress and reads the run back from the store. The binary is asked for
plain progress lines on stderr (`FEEDSAFE_PROGRESS=lines`) and for JSON on stdout, whose
`run_id` names the stored run; its exit code picks the exception (see `errors.py`).
"""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from .binary import find_binary
from .errors import RunFailedError, error_for_exit
from .store import Store

logger = logging.getLogger("feedsafe")

#: Receives each line the binary prints on stderr, as it comes, without its newline.
ProgressCallback = Callable[[str], None]

#: A progress line (`seed 1/3  arm 2/2 childrens_code  about 12 s left`), kept out of errors.
_PROGRESS = re.compile(r"^seed \d+/\d+  ")


def default_db() -> Path:
    """The store the binary uses without `--db`: $FEEDSAFE_DB, else ./feedsafe.sqlite."""
    return Path(os.environ.get("FEEDSAFE_DB") or "feedsafe.sqlite").expanduser().resolve()


@dataclass(frozen=True)
class Run:
    """A complete run in a store: its `id` (12 hex digits) and the store's path `db`.

    Each method opens the store read-only, reads one table of this run and closes it, so a
    Run can be kept, pickled or passed between processes. The methods are those of `Store`
    with the run filled in; see there for the columns.
    """

    id: str
    db: Path

    def _read(self, method: str, **options: bool) -> pd.DataFrame:
        with Store(self.db) as store:
            return getattr(store, method)(self.id, **options)

    def info(self) -> pd.Series:
        """The run's `runs` row: scenario, sizes, seeds, times, provenance (Store.run_info)."""
        with Store(self.db) as store:
            return store.run_info(self.id)

    def metrics(self, wide: bool = False) -> pd.DataFrame:
        """Per-seed metrics, long or one column per metric (Store.metrics)."""
        return self._read("metrics", wide=wide)

    def summary(self) -> pd.DataFrame:
        """Mean and 95% CI over seeds (Store.summary)."""
        return self._read("summary")

    def daily(self) -> pd.DataFrame:
        """Daily series (Store.daily)."""
        return self._read("daily")

    def survival(self) -> pd.DataFrame:
        """Kaplan–Meier curves of minutes to first harmful item (Store.survival)."""
        return self._read("survival")

    def arms(self) -> pd.DataFrame:
        """The arms with their resolved settings and feeds (Store.arms)."""
        return self._read("arms")

    def arm_settings(self) -> pd.DataFrame:
        """One row per arm, one column per setting (Store.arm_settings)."""
        return self._read("arm_settings")

    def arm_parameters(self, wide: bool = False) -> pd.DataFrame:
        """What each sweep or sensitivity arm changes (Store.arm_parameters)."""
        return self._read("arm_parameters", wide=wide)

    def audit_personas(self) -> pd.DataFrame:
        """Audit personas (Store.audit_personas)."""
        return self._read("audit_personas")

    def audit_metrics(self) -> pd.DataFrame:
        """Audit accounts' metrics (Store.audit_metrics)."""
        return self._read("audit_metrics")

    def audit_windows(self) -> pd.DataFrame:
        """Audit accounts' windows (Store.audit_windows)."""
        return self._read("audit_windows")

    def audit_traces(self) -> pd.DataFrame:
        """Audit accounts' per-impression traces (Store.audit_traces)."""
        return self._read("audit_traces")


def open_run(db: str | Path | None = None, run: str = "latest") -> Run:
    """A stored complete run: `latest`, an id or a unique prefix, in `db` (default_db() if None).

    Raises StoreError if the store or the run is missing, or the run is not complete.
    """
    path = Path(db).expanduser().resolve() if db is not None else default_db()
    with Store(path) as store:
        return Run(id=store.resolve(run), db=path)


def _log_progress(line: str) -> None:
    logger.info("%s", line)


def run(
    scenario: str | Path,
    *,
    seeds: int | None = None,
    seed: int | None = None,
    people: int | None = None,
    items: int | None = None,
    days: int | None = None,
    burn_in: int | None = None,
    feeds: Iterable[str | Path] = (),
    include_root: str | Path | None = None,
    threads: int | None = None,
    db: str | Path | None = None,
    progress: ProgressCallback | None = None,
    binary: str | Path | None = None,
) -> Run:
    """Runs a scenario with the `feedsafe` binary, stores it, and returns the stored Run.

    The keyword arguments are the `feedsafe run` flags of the same names (`burn_in` is
    `--burn-in`, `feeds` repeats `--feeds`); None keeps the scenario's own value. `db` is the
    store to write (default_db() if None). `progress` receives each stderr line as the binary
    prints it (progress, the stored run's id, warnings); by default they are logged at INFO
    on the `feedsafe` logger. `binary` overrides find_binary().

    Raises ScenarioError (exit 2: the scenario's located errors, a bad value, a missing file),
    RunFailedError (exit 3: store, I/O or internal failure), RunInterruptedError (130) and
    BinaryNotFoundError. Ctrl-C in Python interrupts the binary (it marks the run
    `interrupted`) and then raises KeyboardInterrupt.
    """
    store = Path(db).expanduser().resolve() if db is not None else default_db()
    command = [
        str(binary) if binary is not None else str(find_binary()),
        "run",
        str(scenario),
        "--db",
        str(store),
        "--format",
        "json",
    ]
    flags = {
        "--seeds": seeds,
        "--seed": seed,
        "--people": people,
        "--items": items,
        "--days": days,
        "--burn-in": burn_in,
        "--threads": threads,
        "--include-root": include_root,
    }
    for flag, value in flags.items():
        if value is not None:
            command += [flag, str(value)]
    for path in feeds:
        command += ["--feeds", str(path)]
    report = progress or _log_progress

    environment = dict(os.environ, FEEDSAFE_PROGRESS="lines")
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=environment,
    )
    assert process.stdout is not None and process.stderr is not None
    stdout: list[str] = []
    # stdout (the JSON results) is read beside stderr, so neither pipe can fill and stall it.
    reader = threading.Thread(target=lambda: stdout.append(process.stdout.read()), daemon=True)
    reader.start()
    messages: list[str] = []
    try:
        for raw in process.stderr:
            line = raw.rstrip("\n")
            if not _PROGRESS.match(line):
                messages.append(line)
            report(line)
        code = process.wait()
    except KeyboardInterrupt:
        process.send_signal(signal.SIGINT)
        process.wait()
        raise
    reader.join()
    if code != 0:
        raise error_for_exit(code, "\n".join(messages).strip(), command)
    try:
        run_id = json.loads("".join(stdout))["run_id"]
    except (ValueError, KeyError, TypeError) as error:
        raise RunFailedError(
            f"feedsafe printed no run id on stdout ({error})", command=command
        ) from error
    return Run(id=str(run_id), db=store)

"""FeedSafe from Python: run scenarios and read the run store as pandas DataFrames.

    import feedsafe
    run = feedsafe.run("scenarios/quickstart.yaml", seeds=2, people=300)
    run.metrics(wide=True)          # per seed, one column per metric
    run.summary()                   # mean and 95% CI over seeds
    with feedsafe.Store("feedsafe.sqlite") as store:
        store.runs()                # every complete run, newest first

The simulation runs in the `feedsafe` binary (bundled in the Linux x86-64 wheel); this package
starts it, relays its progress and reads what it stored. See docs/python.md.
"""

from .binary import find_binary
from .errors import (
    BinaryNotFoundError,
    CheckFailedError,
    Diagnostic,
    FeedSafeError,
    RunFailedError,
    RunInterruptedError,
    ScenarioError,
    StoreError,
)
from .export import export_parquet
from .runner import Run, default_db, open_run, run
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "BinaryNotFoundError",
    "CheckFailedError",
    "Diagnostic",
    "FeedSafeError",
    "Run",
    "RunFailedError",
    "RunInterruptedError",
    "ScenarioError",
    "Store",
    "StoreError",
    "default_db",
    "export_parquet",
    "find_binary",
    "open_run",
    "run",
]

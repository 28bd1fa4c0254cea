"""Shared fixtures: real runs of the real binary on tiny worlds, stored in temporary files.

Every test here runs the `feedsafe` binary the package finds (in CI: the one bundled in the
installed wheel; locally: set FEEDSAFE_BINARY or build `.build/release/feedsafe`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import feedsafe

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
HERE = Path(__file__).resolve().parent
#: The tiny world of every run here: a couple of seconds per run on 2 cores.
TINY = {"people": 200, "items": 2000, "days": 2, "burn_in": 1, "seeds": 2}


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("store") / "feedsafe.sqlite"


@pytest.fixture(scope="session")
def progress_lines() -> list[str]:
    return []


@pytest.fixture(scope="session")
def quickstart(store_path: Path, progress_lines: list[str]) -> feedsafe.Run:
    """The quickstart at the tiny size, with its stderr lines collected."""
    return feedsafe.run(
        SCENARIOS / "quickstart.yaml", db=store_path, progress=progress_lines.append, **TINY
    )

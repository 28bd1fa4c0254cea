"""Finding the `feedsafe` binary that runs scenarios.

Looked for, in order: the file named by the environment variable FEEDSAFE_BINARY (an explicit
choice always wins, and a wrong one is an error rather than silently skipped); the binary bundled
in the wheel (`feedsafe/bin/feedsafe`, static, so it needs neither Swift nor libsqlite3); a
`feedsafe` on PATH; and `.build/release/feedsafe` of a FeedSafe checkout, found from the working
directory or from this package's own folder upwards (an editable install or a notebook run in
a clone).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import BinaryNotFoundError

BUNDLED = Path(__file__).resolve().parent / "bin" / "feedsafe"


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _checkout_binaries() -> list[Path]:
    """`.build/release/feedsafe` in every folder holding a Package.swift, from the working
    directory and this package upwards."""
    seen: list[Path] = []
    for start in (Path.cwd().resolve(), Path(__file__).resolve().parent):
        for folder in (start, *start.parents):
            candidate = folder / ".build" / "release" / "feedsafe"
            if (folder / "Package.swift").is_file() and candidate not in seen:
                seen.append(candidate)
    return seen


def find_binary() -> Path:
    """The `feedsafe` binary to run, by the order in this module's docstring.

    Raises BinaryNotFoundError naming every place looked at, or the bad FEEDSAFE_BINARY.
    """
    explicit = os.environ.get("FEEDSAFE_BINARY")
    if explicit:
        path = Path(explicit).expanduser()
        if not _is_executable(path):
            raise BinaryNotFoundError(f"FEEDSAFE_BINARY={explicit} is not an executable file")
        return path
    if _is_executable(BUNDLED):
        return BUNDLED
    on_path = shutil.which("feedsafe")
    if on_path:
        return Path(on_path)
    checkouts = _checkout_binaries()
    for candidate in checkouts:
        if _is_executable(candidate):
            return candidate
    looked = ["FEEDSAFE_BINARY (not set)", f"{BUNDLED} (bundled in the wheel)", "feedsafe on PATH"]
    looked += [str(c) for c in checkouts] or [".build/release/feedsafe (no FeedSafe checkout here)"]
    raise BinaryNotFoundError(
        "no feedsafe binary found; looked at: "
        + "; ".join(looked)
        + ". Install the wheel built by scripts/build-wheel.sh, set FEEDSAFE_BINARY, or run"
        " `swift build -c release` in a FeedSafe checkout."
    )

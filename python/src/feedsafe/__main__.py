"""`python -m feedsafe export RUN --db PATH --format parquet --out DIR`: a run as Parquet files.

The binary's own `feedsafe export` writes CSV and JSON; Parquet needs pyarrow, so it lives here.
Exit codes follow the binary's: 0 success, 2 bad input (no such store or run), 3 any other
failure (such as pyarrow missing).
"""

from __future__ import annotations

import argparse
import sys

from .errors import FeedSafeError, StoreError
from .export import export_parquet


def main(argv: list[str] | None = None) -> int:
    """Parses the command line, exports, prints one line per file written; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m feedsafe", description="FeedSafe's run store from Python."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="Write a stored run's tables as Parquet files.")
    export.add_argument("run", help="the run: an id, a unique id prefix, or 'latest'")
    export.add_argument(
        "--db", help="the run store (default: $FEEDSAFE_DB, else ./feedsafe.sqlite)"
    )
    export.add_argument(
        "--format",
        choices=["parquet"],
        default="parquet",
        help="the file format (parquet; CSV and JSON: the binary's `feedsafe export`)",
    )
    export.add_argument("--out", required=True, help="the folder to write (created if needed)")
    arguments = parser.parse_args(argv)
    try:
        written = export_parquet(arguments.db, arguments.run, arguments.out)
    except StoreError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    except FeedSafeError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 3
    for table, path in written.items():
        print(f"{table}\t{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The exceptions `feedsafe` raises, one per exit code of the `feedsafe` binary.

The binary maps every failure to an exit code in one place (`FeedSafeCommand.main`): 1 a `check`
found its expectations failed, 2 bad input (flags, scenario, missing file), 3 a store, I/O or
internal failure, 130 interrupted. Each becomes its own exception here, carrying the binary's
own message (for a scenario: `path:line:column: error: ...`), so a caller can tell a typo in
a scenario from a broken run without parsing text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """One located message of the binary: `path:line:column: error: message`."""

    path: str
    line: int
    column: int
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


_LOCATED = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<message>.*)$"
)


class FeedSafeError(Exception):
    """Base of every error `feedsafe` raises.

    `message` is what the binary printed on stderr (progress lines removed), `exit_code` the
    binary's exit code (None for errors found in Python, such as a missing store), and
    `command` the command line that failed.
    """

    def __init__(
        self, message: str, *, exit_code: int | None = None, command: list[str] | None = None
    ):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.command = command or []

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """The located messages (`path:line:column: error: ...`) in `message`, in order."""
        found = []
        for line in self.message.splitlines():
            match = _LOCATED.match(line)
            if match:
                found.append(
                    Diagnostic(
                        path=match["path"],
                        line=int(match["line"]),
                        column=int(match["column"]),
                        severity=match["severity"],
                        message=match["message"],
                    )
                )
        return found


class ScenarioError(FeedSafeError):
    """Bad input (exit 2): a scenario with errors, a bad flag value or a missing file.

    `diagnostics` lists the scenario's located errors; the message quotes them as printed.
    """


class CheckFailedError(FeedSafeError):
    """A `check` gate failed (exit 1): the run's expectations or baseline comparison failed."""


class RunFailedError(FeedSafeError):
    """A store, I/O or internal failure of the binary (exit 3), or an exit code it never uses."""


class RunInterruptedError(FeedSafeError):
    """The binary was interrupted (exit 130); the stored run is marked `interrupted`."""


class BinaryNotFoundError(FeedSafeError, FileNotFoundError):
    """No `feedsafe` binary was found (the message lists every place looked at)."""


class StoreError(FeedSafeError):
    """The store cannot be read: no such file, not a FeedSafe store, or no such run."""


def error_for_exit(code: int, message: str, command: list[str]) -> FeedSafeError:
    """The exception for a failed binary, chosen by its exit code."""
    kind = {1: CheckFailedError, 2: ScenarioError, 130: RunInterruptedError}.get(
        code, RunFailedError
    )
    if not message:
        message = f"feedsafe exited with code {code} and printed nothing on stderr"
    return kind(message, exit_code=code, command=command)

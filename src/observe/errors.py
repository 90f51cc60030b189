"""Errors the user can act on, each carrying the exit code the CLI documents.

Kept free of click so that the domain modules can raise them and the CLI alone decides how they
are shown (one line on stderr, never a traceback).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOTHING_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_IO = 4
EXIT_INTERRUPTED = 130


class ObserveError(Exception):
    """A problem caused by the user's input, reported as one line."""

    exit_code = EXIT_USAGE


class DataError(ObserveError):
    """A data file is malformed or inconsistent; ``problems`` holds every `file:line: message`."""

    exit_code = EXIT_DATA

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(problems[0] if problems else "invalid data")


class OutputError(ObserveError):
    """A file could not be read or written."""

    exit_code = EXIT_IO

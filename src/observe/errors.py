"""Errors the user can act on, each carrying the exit code the CLI documents.

Kept free of click so that the domain modules can raise them and the CLI alone decides how they
are shown (one line on stderr, never a traceback).
"""

from __future__ import annotations

from typing import NamedTuple

from observe.printable import one_line

EXIT_NOTHING_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_IO = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command killed by a closed pipe


class ObserveError(Exception):
    """A problem caused by the user's input, reported as one line."""

    exit_code = EXIT_USAGE


class Problem(NamedTuple):
    """One thing wrong in a data or config file, with the line an editor should look at."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        """One line whatever the file name or the quoted data holds (see ``observe.printable``)."""
        return one_line(f"{self.file}:{self.line}: {self.message}")


class DataError(ObserveError):
    """Data or config files are malformed or inconsistent; ``problems`` holds every one found."""

    exit_code = EXIT_DATA

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(problems[0]) if problems else "invalid data")


class ClosedPipe(Exception):
    """The reader of standard output went away (exit 141, silently).

    Not an OSError on purpose: click turns a broken pipe into exit status 1 on its own, which
    would tell a script nothing.
    """


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written; the CLI exits 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class OutputError(ObserveError):
    """A file could not be read or written."""

    exit_code = EXIT_IO

"""Reading the user's data and config files within bounds.

Only regular files are read, and at most ``MAX_FILE_BYTES`` of each: a FIFO among the data files
would otherwise hang every run, and ``--data /dev/zero`` would read until memory ran out. A file
that cannot be read is an I/O failure (exit 4) naming the path; one that is too large or not
UTF-8 is a data problem (exit 3) reported as ``file:line: message``.
"""

from __future__ import annotations

import os
import stat

from observe.errors import DataError, OutputError, Problem

MAX_FILE_BYTES = 1_000_000
BOM = "\ufeff"


def read_text(path: str, missing_ok: bool = False) -> str | None:
    """The file's text, without a leading byte-order mark (editors on Windows add one).

    None when the file does not exist and ``missing_ok`` says that is fine (an optional file).
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise OutputError(f"cannot read {path}: no such file") from None
    except OSError as error:
        raise OutputError(f"cannot read {path}: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as file:
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise OutputError(f"cannot read {path}: not a regular file")
            data = file.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise OutputError(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise DataError(
            [Problem(path, 1, f"larger than {MAX_FILE_BYTES:,} bytes, the limit for a data file")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataError([Problem(path, line, f"not UTF-8 text ({error.reason})")]) from None
    return text.removeprefix(BOM)


def toml_files(folder: str) -> list[str]:
    """The ``*.toml`` files of a folder, sorted; an unreadable folder is an error, never skipped."""
    try:
        names = os.listdir(folder)
    except OSError as error:
        raise OutputError(f"cannot read the folder {folder}: {error.strerror or error}") from None
    return sorted(os.path.join(folder, name) for name in names if name.endswith(".toml"))

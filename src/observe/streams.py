"""Standard output that writes every byte or fails loudly.

Python's buffered streams can lose data without a word: a large write into a pipe whose reader
has gone returns after the first 64 KiB with no error, and a full disk or a file-size limit may
surface only at exit, after the status is decided. From cron nobody sees the output, so the exit
status is the only witness: here every write goes straight to the descriptor in a loop until all
of it is written, and any failure is an exception the CLI turns into exit 4 (141 for a closed
pipe). A closed standard stream (``>&-``) is kept closed: its descriptor is held by a read-only
``/dev/null`` so no file the command opens can take its number, and writing fails.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import TextIO, cast

from observe.errors import ClosedPipe, OutputError


def write_all(descriptor: int, data: bytes) -> None:
    """Write all of ``data``; a short write is continued, an error raised."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


class StrictOutput:
    """An unbuffered text stream over a descriptor: each write is complete when it returns.

    It has what ``print``, click and rich use of a stream, and nothing to flush.
    """

    errors = "replace"

    def __init__(self, descriptor: int | None, encoding: str, name: str, required: bool = True) -> None:
        self._descriptor = descriptor
        self.encoding = encoding
        self._name = name
        self._required = required

    def flush(self) -> None:
        """Nothing is ever buffered."""

    def fileno(self) -> int:
        if self._descriptor is None:
            raise OSError(errno.EBADF, f"{self._name} is closed")
        return self._descriptor

    def isatty(self) -> bool:
        return self._descriptor is not None and os.isatty(self._descriptor)

    def write(self, text: str | bytes) -> int:
        """Text, or bytes as they are (click writes its shell-completion answers as bytes)."""
        self.write_bytes(text if isinstance(text, bytes) else text.encode(self.encoding, "replace"))
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        if self._descriptor is None:
            if not self._required:
                return
            raise OutputError(f"cannot write to {self._name}: it is closed")
        try:
            write_all(self._descriptor, data)
        except BrokenPipeError:
            raise ClosedPipe from None
        except OSError as error:
            raise OutputError(f"cannot write to {self._name}: {error.strerror or error}") from None


def install() -> None:
    """Replace the process's own stdout and stderr by strict ones (streams a test harness has
    put in their place are left alone)."""
    for descriptor in (0, 1, 2):
        _hold_if_closed(descriptor)
    # StrictOutput has all of TextIO that anything here uses; typing.cast says so to mypy.
    if sys.stdout is sys.__stdout__:
        sys.stdout = cast(TextIO, _strict(sys.stdout, 1, "standard output", required=True))
    if sys.stderr is sys.__stderr__:
        # With standard error closed, errors cannot be told; the exit status still tells them.
        sys.stderr = cast(TextIO, _strict(sys.stderr, 2, "standard error", required=False))


def _strict(stream: TextIO | None, descriptor: int, name: str, required: bool) -> StrictOutput:
    if stream is None:
        return StrictOutput(None, "utf-8", name, required)
    stream.flush()
    return StrictOutput(descriptor, stream.encoding or "utf-8", name, required)


def _hold_if_closed(descriptor: int) -> None:
    try:
        os.fstat(descriptor)
    except OSError:
        holder = os.open(os.devnull, os.O_RDONLY)
        if holder != descriptor:
            os.dup2(holder, descriptor)
            os.close(holder)


def write_bytes(data: bytes) -> None:
    """Bytes to standard output (a calendar), complete or an error."""
    stream = sys.stdout
    if isinstance(stream, StrictOutput):
        stream.write_bytes(data)
    else:
        stream.buffer.write(data)
        stream.flush()

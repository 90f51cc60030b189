"""Finding the line of a key in TOML text, since ``tomllib`` reports no positions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

Where = tuple[str | int, ...]


class Locator:
    """The lines of the keys and tables of one TOML text.

    Paths look like ``("eras", 1, "from")``: the second ``[[eras]]`` table's ``from`` key. A path
    that cannot be found falls back to its nearest enclosing table, then to line 1. Lines are
    counted at ``\\n`` only, as TOML counts them, and multi-line strings are skipped whole.
    """

    _HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]")
    _KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")

    def __init__(self, text: str) -> None:
        self.lines: dict[Where, int] = {}
        table: Where = ()
        counts: dict[str, int] = {}
        open_quote: str | None = None  # the delimiter of a multi-line string being read
        for number, line in enumerate(text.split("\n"), start=1):
            if open_quote is not None:
                if line.count(open_quote) % 2 == 1:
                    open_quote = None
                continue
            if header := self._HEADER.match(line):
                name = header[2]
                if header[1] == "[[":
                    table = (name, counts.get(name, 0))
                    counts[name] = counts.get(name, 0) + 1
                else:
                    table = (name,)
                self.lines.setdefault(table, number)
            elif key := self._KEY.match(line):
                self.lines.setdefault((*table, key[1]), number)
            open_quote = _opens_multiline(line)

    def line_of(self, where: Where) -> int:
        for end in range(len(where), 0, -1):
            if where[:end] in self.lines:
                return self.lines[where[:end]]
        return 1


def _opens_multiline(line: str) -> str | None:
    """The delimiter (\\"\\"\\" or ''') of a multi-line string this line leaves open, if any."""
    for quote in ('"""', "'''"):
        if line.count(quote) % 2 == 1:
            return quote
    return None


def line_in_text(text: str, where: Where) -> int:
    """The line of a key (or its nearest enclosing table) in TOML text."""
    return Locator(text).line_of(where)


def key_line(path: Path, where: Where) -> int:
    """The line of a key in a file that has already been read and validated once."""
    from observe.load.reading import read_text

    return line_in_text(read_text(str(path)) or "", where)

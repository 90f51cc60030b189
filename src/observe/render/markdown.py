"""``--markdown``: GitHub-flavoured tables for newsletters and documents, the official pages as
links. A ``|`` in a value is escaped and every value is one line, so no value can break the table.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from observe.model import Occurrence
from observe.render import write
from observe.render.fields import change_fields, match_fields, occurrence_fields
from observe.render.plain import RowsRenderer

if TYPE_CHECKING:
    from observe.changes import Change
    from observe.render import Notes
    from observe.search import Match


class MarkdownRenderer(RowsRenderer):
    """Tables as Markdown; what is not a table (show, history, when) as plain text."""

    def occurrences(
        self, occurrences: list[Occurrence], today: date, title: str, notes: Notes | None = None
    ) -> None:
        rows = []
        for occurrence in occurrences:
            fields = occurrence_fields(occurrence, today)
            when = str(fields["date"]) + ("" if fields["end"] == fields["date"] else f" to {fields['end']}")
            plain = [_cell(str(fields[key])) for key in ("weekday", "kind", "body", "instrument")]
            rows.append([_cell(when), plain[0], _link(str(fields["name"]), str(fields["url"])), *plain[1:]])
        write(_table(["Date", "Weekday", "Observance", "Kind", "Body", "Instrument"], rows))

    def matches(self, query: str, matches: list[Match]) -> None:
        keys = ("id", "name", "body", "matched")
        rows = [[_cell(str(fields[key])) for key in keys] for fields in map(match_fields, matches)]
        write(_table(["Id", "Name", "Body", "Matched in"], rows))

    def changes(self, changes: list[Change], since: date, until: date) -> None:
        keys = ("date", "name", "what", "sources")
        rows = [[_cell(str(fields[key])) for key in keys] for fields in map(change_fields, changes)]
        write(_table(["Date", "Observance", "What", "Sources"], rows))


def _table(header: list[str], rows: Iterable[list[str]]) -> str:
    """A table of cells already made safe (``_cell``, ``_link``)."""
    lines = [_row(header), _row(["---"] * len(header)), *(_row(row) for row in rows)]
    return "\n".join(lines) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    """A value that cannot end a cell or start markup: backslashes, pipes and brackets escaped."""
    for character in "\\|[]<>*_`":
        text = text.replace(character, "\\" + character)
    return text


def _link(name: str, url: str) -> str:
    return f"[{_cell(name)}]({url.replace('(', '%28').replace(')', '%29').replace('|', '%7C')})"

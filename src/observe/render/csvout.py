"""``--csv``: RFC 4180 for spreadsheets: UTF-8, CRLF line ends, a header row, quoting where a
value holds a comma or a quote. Columns are the same fields ``--format`` offers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from observe.model import Occurrence
from observe.render import write
from observe.render.fields import (
    CHANGE_FIELD_NAMES,
    FIELD_NAMES,
    MATCH_FIELD_NAMES,
    change_fields,
    match_fields,
    occurrence_fields,
)
from observe.render.plain import RowsRenderer

if TYPE_CHECKING:
    from observe.changes import Change
    from observe.render import Notes
    from observe.search import Match


class CsvRenderer(RowsRenderer):
    """Tables as CSV; what is not a table (show, history, when) as plain text."""

    def occurrences(
        self, occurrences: list[Occurrence], today: date, title: str, notes: Notes | None = None
    ) -> None:
        write(_csv(FIELD_NAMES, (occurrence_fields(o, today) for o in occurrences)))

    def matches(self, query: str, matches: list[Match]) -> None:
        write(_csv(MATCH_FIELD_NAMES, (match_fields(m) for m in matches)))

    def changes(self, changes: list[Change], since: date, until: date) -> None:
        write(_csv(CHANGE_FIELD_NAMES, (change_fields(c) for c in changes)))


def _csv(names: tuple[str, ...], rows: Iterable[dict[str, str | int]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()

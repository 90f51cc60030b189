"""Plain text for pipes, files and cron mail: one record a line, tab-separated, never wrapped.

A line is ``DATE<TAB>WEEKDAY<TAB>DAYS<TAB>KIND<TAB>ID<TAB>NAME``. DATE is ISO 8601; a span is
written ``START/END``. WEEKDAY is the English abbreviation whatever the locale, so scripts see
the same bytes everywhere. DAYS counts from the reference day (negative: already in progress).
No field can hold a tab, a newline or another control character (``observe.printable``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from observe.model import Occurrence
from observe.printable import one_line
from observe.rules import WEEKDAYS


def occurrence_line(occurrence: Occurrence, today: date) -> str:
    when = occurrence.start.isoformat()
    if occurrence.end != occurrence.start:
        when += "/" + occurrence.end.isoformat()
    fields = (
        when,
        WEEKDAYS[occurrence.start.weekday()],
        str(occurrence.days_until(today)),
        occurrence.observance.kind,
        occurrence.observance.id,
        occurrence.name,
    )
    return "\t".join(one_line(field) for field in fields)


def occurrence_lines(occurrences: Iterable[Occurrence], today: date) -> list[str]:
    return [occurrence_line(occurrence, today) for occurrence in occurrences]

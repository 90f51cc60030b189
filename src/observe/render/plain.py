"""Plain text for pipes, files and cron mail: one record a line, tab-separated, never wrapped.

A line is ``DATE<TAB>WEEKDAY<TAB>DAYS<TAB>KIND<TAB>ID<TAB>NAME``. DATE is ISO 8601; a span is
written ``START/END``. WEEKDAY is the English abbreviation whatever the locale, so scripts see
the same bytes everywhere. DAYS counts from the reference day (negative: already in progress).
No field can hold a tab, a newline or another control character (``observe.printable``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from observe.model import Occurrence
from observe.printable import one_line
from observe.render import Options, write
from observe.rules import WEEKDAYS

if TYPE_CHECKING:
    from observe.details import Details
    from observe.errors import Problem
    from observe.model import Observance
    from observe.search import Match


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


class PlainRenderer:
    """Pipes, files and cron mail: one record a line, tab-separated, stable across locales."""

    def __init__(self, options: Options, template: str | None = None) -> None:
        self.options = options

    def occurrences(self, occurrences: list[Occurrence], today: date, title: str) -> None:
        write("".join(line + "\n" for line in occurrence_lines(occurrences, today)))

    def profile(self, observance: Observance, details: Details, today: date) -> None:
        from observe.render.plain_record import profile_lines

        write("".join(line + "\n" for line in profile_lines(observance, details, today)))

    def history(self, observance: Observance, details: Details) -> None:
        from observe.render.plain_record import timeline_lines
        from observe.timeline import timeline

        write("".join(line + "\n" for line in timeline_lines(timeline(observance, details))))

    def matches(self, query: str, matches: list[Match]) -> None:
        write("".join(f"{one_line(m.observance.id)}\t{one_line(m.observance.name)}\n" for m in matches))

    def validation(self, checked: int, problems: list[Problem]) -> None:
        """Problems go to standard error as ``file:line: message``; a clean run says so here."""
        if not problems:
            write(f"{checked} file{'s' if checked != 1 else ''} checked, no problems\n")

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
from observe.rules import MONTH_NAMES, WEEKDAYS

if TYPE_CHECKING:
    from observe.changes import Change
    from observe.details import Details
    from observe.errors import Problem
    from observe.model import Observance
    from observe.month import Month
    from observe.render import Notes
    from observe.search import Match
    from observe.when import Answer


def span(occurrence: Occurrence) -> str:
    """``START`` or ``START/END`` in ISO 8601."""
    if occurrence.end == occurrence.start:
        return occurrence.start.isoformat()
    return f"{occurrence.start.isoformat()}/{occurrence.end.isoformat()}"


def _rule_and_sources(occurrence: Occurrence) -> tuple[str, str]:
    """The rule that set an occurrence in words, and its sources (an exception's, where one did)."""
    if occurrence.exception is not None:
        exception = occurrence.exception
        return f"held on another date in {exception.year}", ", ".join(exception.sources)
    return occurrence.era.describe(), ", ".join(occurrence.era.sources)


def month_grid(grid: Month, first_weekday: int) -> list[str]:
    """A month like cal(1): its name, the weekdays, and a row a week; ``*`` after a day that has
    an observance (the marker a pipe can carry where a terminal uses colour)."""
    header = f"{MONTH_NAMES[grid.month - 1]} {grid.year}"
    days = [WEEKDAYS[(first_weekday + offset) % 7][:2] for offset in range(7)]
    rows = [header, "  ".join(days)]
    for week in grid.weeks:
        cells = ["    " if day is None else f"{day.day:>2}{'*' if grid.on(day) else ' '} " for day in week]
        rows.append("".join(cells).rstrip())
    return rows


def occurrence_line(occurrence: Occurrence, today: date) -> str:
    fields = (
        span(occurrence),
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

    def occurrences(
        self, occurrences: list[Occurrence], today: date, title: str, notes: Notes | None = None
    ) -> None:
        """One occurrence a line and nothing else: scripts parse it (notes are for people)."""
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

    def when(self, observance: Observance, answers: list[Answer], today: date) -> None:
        """``YEAR<TAB>DATE[/END]<TAB>RULE<TAB>SOURCES``, or ``YEAR<TAB>-<TAB>WHY``, a line each."""
        lines = []
        for answer in answers:
            if not answer.occurrences:
                lines.append(f"{answer.year}\t-\t{answer.why_none}")
            for occurrence in answer.occurrences:
                rule, sources = _rule_and_sources(occurrence)
                lines.append(
                    "\t".join(
                        one_line(field) for field in (str(answer.year), span(occurrence), rule, sources)
                    )
                )
        write("".join(line + "\n" for line in lines))

    def month(self, months: list[Month], today: date, first_weekday: int) -> None:
        """Each month as a fixed-width grid (``*`` marks a day with an observance), then its
        occurrences one a line as ``list`` prints them."""
        blocks = [
            "\n".join([*month_grid(grid, first_weekday), "", *occurrence_lines(grid.occurrences, today)])
            for grid in months
        ]
        write("\n\n".join(blocks) + "\n")

    def changes(self, changes: list[Change], since: date, until: date) -> None:
        """``DATE<TAB>KIND<TAB>ID<TAB>WHAT<TAB>SOURCES``, oldest first."""
        from observe.render.fields import change_fields

        rows = (change_fields(change) for change in changes)
        write(
            "".join(
                "\t".join(str(row[key]) for key in ("date", "kind", "id", "what", "sources")) + "\n"
                for row in rows
            )
        )


class RowsRenderer(PlainRenderer):
    """A mode of one row an occurrence (CSV, Markdown, a template): a month is the rows of its
    occurrences, a week across two months listed once; anything else is shown as plain text."""

    def month(self, months: list[Month], today: date, first_weekday: int) -> None:
        from observe.month import distinct_occurrences

        self.occurrences(distinct_occurrences(months), today, "")

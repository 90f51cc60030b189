"""Output for a person at a terminal: rich tables and panels.

Only imported when standard output is a terminal, because importing rich costs several times
Python's own start-up. Month and weekday names follow the user's locale here (and only here:
pipes and JSON stay ISO and English). Rich passes escape codes in text through, so every text
from data or the command line goes through ``observe.printable`` first.
"""

from __future__ import annotations

import contextlib
import locale
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from observe.model import Occurrence
from observe.printable import one_line
from observe.render import Options

if TYPE_CHECKING:
    from observe.changes import Change
    from observe.details import Details
    from observe.errors import Problem
    from observe.model import Observance
    from observe.month import Month
    from observe.render import Notes
    from observe.search import Match
    from observe.when import Answer


def make_console(color: bool) -> Console:
    # An unknown LANG leaves the C locale: English names, which is still correct.
    with contextlib.suppress(locale.Error):
        locale.setlocale(locale.LC_TIME, "")
    # The caller has already decided this is a terminal, so rich must not second-guess it;
    # without colour there are no escape codes at all. Markup and emoji codes are off: names and
    # notes come from data files and must print as written ("[1]" or ":x:" included).
    return Console(
        force_terminal=True,
        color_system="auto" if color else None,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
    )


def human_date(day: date) -> str:
    """``Tue 1 Dec 2026`` with the locale's names for the weekday and month."""
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')} {day.year}"


def distance(occurrence: Occurrence, today: date) -> str:
    days = occurrence.days_until(today)
    if days < 0:
        return f"ongoing, until {human_date(occurrence.end)}"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def marked(observance: Observance, name: str, lang: str) -> Text:
    """A name, marked "(en)" where it is English because none is known in ``lang``."""
    text = Text(one_line(name))
    if observance.name_lang != lang:
        text.append(f" ({observance.name_lang})", style="dim")
    return text


def occurrence_table(occurrences: Iterable[Occurrence], today: date, title: str, lang: str = "en") -> Table:
    table = Table(title=one_line(title), title_justify="left", header_style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("When", no_wrap=True, style="cyan")
    table.add_column("Observance", style="bold", ratio=3)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Id", style="dim", ratio=2, overflow="fold")
    for occurrence in occurrences:
        when = human_date(occurrence.start)
        if occurrence.end != occurrence.start:
            when += f" – {human_date(occurrence.end)}"
        table.add_row(
            when,
            distance(occurrence, today),
            marked(occurrence.observance, occurrence.name, lang),
            one_line(occurrence.observance.kind),
            one_line(occurrence.observance.id),
        )
    return table


SHOWN_PER_DAY = 2


def human_month(grid: Month) -> str:
    return f"{grid.first.strftime('%B')} {grid.year}"


def month_table(grid: Month, today: date, first_weekday: int, width: int) -> Table:
    """The month as a grid: each day's number (today's reversed), then the short names of what
    is observed (weeks on each of their days), and how many more there are; ``width`` is the
    console's, so that a name fits its cell on one line."""
    cell_width = max(6, (width - 22) // 7)
    table = Table(title=human_month(grid), title_justify="left", header_style="bold", show_lines=True)
    for offset in range(7):
        day = grid.first + timedelta(days=(first_weekday - grid.first.weekday() + offset) % 7)
        table.add_column(day.strftime("%a"), ratio=1, overflow="fold", vertical="top")
    for week in grid.weeks:
        table.add_row(*(Text("") if day is None else _day_cell(grid, day, today, cell_width) for day in week))
    return table


def _day_cell(grid: Month, day: date, today: date, width: int) -> Text:
    cell = Text(str(day.day), style="bold reverse" if day == today else "bold")
    found = grid.on(day)
    for occurrence in found[:SHOWN_PER_DAY]:
        name = short_name(occurrence)
        cell.append("\n" + (name if len(name) <= width else name[: width - 1] + "…"), style="cyan")
    if len(found) > SHOWN_PER_DAY:
        cell.append(f"\n+{len(found) - SHOWN_PER_DAY} more", style="dim")
    return cell


def short_name(occurrence: Occurrence) -> str:
    """The shortest of the names and aliases that is not an acronym (two words at least)."""
    names = [occurrence.name, *(alias for alias in occurrence.observance.aliases if " " in alias)]
    return one_line(min(names, key=len))


def print_occurrences(
    console: Console, occurrences: list[Occurrence], today: date, title: str, lang: str = "en"
) -> None:
    if occurrences:
        console.print(occurrence_table(occurrences, today, title, lang))
    else:
        console.print(one_line(f"{title}: nothing."))


def print_matches(console: Console, query: str, matches: list[Match], lang: str = "en") -> None:
    query = one_line(query)
    if not matches:
        console.print(f"Nothing matches '{query}'.")
        return
    table = Table(title=f"Observances matching '{query}'", title_justify="left", header_style="bold")
    table.add_column("Id", style="dim", overflow="fold", ratio=2)
    table.add_column("Name", style="bold", ratio=3)
    table.add_column("Matched in", ratio=1)
    for match in matches:
        name = marked(match.observance, match.observance.name, lang)
        table.add_row(one_line(match.observance.id), name, ", ".join(match.fields))
    console.print(table)


class TerminalRenderer:
    """A person at a terminal: rich tables and panels, coloured unless told otherwise."""

    def __init__(self, options: Options, template: str | None = None) -> None:
        self.console = make_console(options.color())
        self.lang = options.language()

    def occurrences(
        self, occurrences: list[Occurrence], today: date, title: str, notes: Notes | None = None
    ) -> None:
        print_occurrences(self.console, occurrences, today, title, self.lang)
        for note in [] if notes is None else notes():
            self.console.print(one_line(note.text), style="dim" if note.kind == "disputed" else None)

    def profile(self, observance: Observance, details: Details, today: date) -> None:
        from observe.render.terminal_record import print_profile

        print_profile(self.console, observance, details, today, self.lang)

    def history(self, observance: Observance, details: Details) -> None:
        from observe.render.terminal_record import timeline_table
        from observe.timeline import timeline

        self.console.print(one_line(f"{observance.name} ({observance.id})"), style="bold")
        self.console.print(timeline_table(timeline(observance, details), details.sources))

    def matches(self, query: str, matches: list[Match]) -> None:
        print_matches(self.console, query, matches, self.lang)

    def validation(self, checked: int, problems: list[Problem]) -> None:
        if not problems:
            self.console.print(f"{checked} file{'s' if checked != 1 else ''} checked, no problems")

    def when(self, observance: Observance, answers: list[Answer], today: date) -> None:
        table = Table(title=one_line(f"When: {observance.name}"), title_justify="left", header_style="bold")
        table.add_column("Year", no_wrap=True)
        table.add_column("Date", no_wrap=True)
        table.add_column("Rule, or why none", ratio=3)
        table.add_column("Source", style="dim", ratio=1, overflow="fold")
        for answer in answers:
            if not answer.occurrences:
                table.add_row(str(answer.year), "–", answer.why_none, "")
            for occurrence in answer.occurrences:
                when = human_date(occurrence.start)
                if occurrence.end != occurrence.start:
                    when += f" – {human_date(occurrence.end)}"
                era = occurrence.era
                rule = era.describe() if occurrence.exception is None else "held on another date this year"
                keys = era.sources if occurrence.exception is None else occurrence.exception.sources
                table.add_row(str(answer.year), when, one_line(rule), one_line(", ".join(keys)))
        self.console.print(table)

    def month(self, months: list[Month], today: date, first_weekday: int) -> None:
        for grid in months:
            self.console.print(month_table(grid, today, first_weekday, self.console.width))
            print_occurrences(self.console, grid.occurrences, today, f"In {human_month(grid)}", self.lang)

    def changes(self, changes: list[Change], since: date, until: date) -> None:
        from observe.render.fields import change_fields

        title = f"Changes from {since.isoformat()} to {until.isoformat()}"
        if not changes:
            self.console.print(f"{title}: none.")
            return
        table = Table(title=title, title_justify="left", header_style="bold")
        table.add_column("Date", no_wrap=True)
        table.add_column("Observance", style="bold", ratio=2)
        table.add_column("What", ratio=3)
        table.add_column("Source", style="dim", ratio=1, overflow="fold")
        for change in changes:
            fields = change_fields(change)
            table.add_row(
                str(fields["date"]), str(fields["name"]), str(fields["what"]), str(fields["sources"])
            )
        self.console.print(table)

"""A month as a grid of weeks, each day with the occurrences that touch it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from observe.model import Occurrence
from observe.rules import days_in_month


class Month(NamedTuple):
    """One month: its weeks (seven days each, ``None`` outside the month) and its occurrences."""

    year: int
    month: int
    weeks: list[list[date | None]]
    occurrences: list[Occurrence]

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return date(self.year, self.month, days_in_month(self.year, self.month))

    def on(self, day: date) -> list[Occurrence]:
        """The occurrences in progress on ``day`` (a week on each of its days)."""
        return [o for o in self.occurrences if o.start <= day <= o.end]


def month_of(year: int, month: int, first_weekday: int, occurrences: list[Occurrence]) -> Month:
    """The grid of ``year``-``month`` with weeks starting on ``first_weekday`` (0 is Monday);
    ``occurrences`` are those that touch the month (a week that straddles it included)."""
    first = date(year, month, 1)
    days = days_in_month(year, month)
    lead = (first.weekday() - first_weekday) % 7
    cells: list[date | None] = [None] * lead + [first + timedelta(days=n) for n in range(days)]
    cells += [None] * (-len(cells) % 7)
    weeks = [cells[start : start + 7] for start in range(0, len(cells), 7)]
    return Month(year, month, weeks, occurrences)


def months_from(year: int, month: int, count: int) -> list[tuple[int, int]]:
    """``count`` consecutive months from ``year``-``month``, as (year, month) pairs."""
    found = []
    for _ in range(count):
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def distinct_occurrences(months: list[Month]) -> list[Occurrence]:
    """The occurrences of consecutive months, a week across two of them listed once."""
    seen: set[tuple[str, date]] = set()
    found = []
    for grid in months:
        for occurrence in grid.occurrences:
            key = (occurrence.observance.id, occurrence.start)
            if key not in seen:
                seen.add(key)
                found.append(occurrence)
    return found

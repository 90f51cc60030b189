"""How an era sets its dates: by a yearly rule, or by dates announced year by year.

An era holds one schedule value, and everything that needs the dates (occurrences, the calendar
writer, JSON, the validator, ``when``) asks it rather than inspecting the era's fields. A new kind
of schedule is one more class here with the same small protocol; consumers that must treat kinds
differently ``match`` on ``Schedule`` and end with ``assert_never``, so mypy names any they miss.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from observe.rules import DateExpr, Fixed

LARGEST_EVERY = 100  # the longest interval an every-N-years rule may have, in years


class Yearly(NamedTuple):
    """One or more date expressions, every year or every ``every`` years from the era's first."""

    expressions: tuple[DateExpr, ...]
    every: int = 1

    def start_dates(self, year: int, first_year: int) -> list[date]:
        if (year - first_year) % self.every:
            return []
        return [expression.date_in(year) for expression in self.expressions]

    def last_year(self) -> int | None:
        """A rule sets no last year of its own: its era's ``last_year`` ends it."""
        return None

    def describe(self, one_year: bool) -> str:
        rule = " and ".join(expression.describe() for expression in self.expressions)
        if one_year:
            return rule
        return rule + (" every year" if self.every == 1 else f" every {self.every} years")


class Announced(NamedTuple):
    """Dates set year by year; a year not listed has no known date (never a guessed one)."""

    dates: dict[int, Fixed]

    def start_dates(self, year: int, first_year: int) -> list[date]:
        fixed = self.dates.get(year)
        return [] if fixed is None else [fixed.date_in(year)]

    def last_year(self) -> int | None:
        return max(self.dates, default=None)

    def describe(self, one_year: bool) -> str:
        return "on a date announced each year"


Schedule = Yearly | Announced

"""The closed vocabulary of date expressions that eras are written in.

An expression names one date in any given year: ``Sep 12``, ``Oct 1st Mon``, ``Sep last Thu``,
``Nov Mon<=11`` or ``May Sat>=8``. Each is computed with constant-time arithmetic, so a year
costs the same whether it is 1 or 9999, and nothing scans day by day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import Any, NamedTuple

from observe.vocabulary import WEEKDAY_KEYS

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = tuple(key.capitalize() for key in WEEKDAY_KEYS)
ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1}
ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
FIRST_YEAR = 1
LAST_YEAR = 9999

_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
_WEEKDAY = "(?P<weekday>" + "|".join(WEEKDAYS) + ")"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: start-up reads already parsed rules from the bundle."""
    return (
        re.compile(rf"{_MONTH} (?P<day>\d{{1,2}})"),
        re.compile(rf"{_MONTH} (?P<ordinal>1st|2nd|3rd|4th|last) {_WEEKDAY}"),
        re.compile(rf"{_MONTH} {_WEEKDAY}(?P<relation>>=|<=)(?P<day>\d{{1,2}})"),
    )


def days_in_month(year: int, month: int) -> int:
    """Computed here rather than with ``calendar``, which would import ``locale`` at start-up."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


class ExpressionError(ValueError):
    """A date expression outside the vocabulary, with a message that says what is allowed."""


class Fixed(NamedTuple):
    """The same month and day every year."""

    month: int
    day: int

    def date_in(self, year: int) -> date:
        return date(year, self.month, self.day)

    def describe(self) -> str:
        return f"{self.day} {MONTH_NAMES[self.month - 1]}"

    def __str__(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.day}"


class NthWeekday(NamedTuple):
    """The nth (1 to 4) or last (-1) given weekday of a month."""

    month: int
    weekday: int
    nth: int

    def date_in(self, year: int) -> date:
        if self.nth > 0:
            first = date(year, self.month, 1)
            offset = (self.weekday - first.weekday()) % 7
            return first + timedelta(days=offset + 7 * (self.nth - 1))
        last = date(year, self.month, days_in_month(year, self.month))
        return last - timedelta(days=(last.weekday() - self.weekday) % 7)

    def describe(self) -> str:
        weekday = WEEKDAY_NAMES[self.weekday]
        return f"the {ORDINAL_WORDS[self.nth]} {weekday} of {MONTH_NAMES[self.month - 1]}"

    def __str__(self) -> str:
        ordinal = next(text for text, n in ORDINALS.items() if n == self.nth)
        return f"{MONTHS[self.month - 1]} {ordinal} {WEEKDAYS[self.weekday]}"


class WeekdayNear(NamedTuple):
    """The first given weekday on or after a day (``>=``), or the last on or before it (``<=``)."""

    month: int
    weekday: int
    day: int
    on_or_after: bool

    def date_in(self, year: int) -> date:
        anchor = date(year, self.month, self.day)
        if self.on_or_after:
            return anchor + timedelta(days=(self.weekday - anchor.weekday()) % 7)
        return anchor - timedelta(days=(anchor.weekday() - self.weekday) % 7)

    def describe(self) -> str:
        relation = "on or after" if self.on_or_after else "on or before"
        anchor = f"{self.day} {MONTH_NAMES[self.month - 1]}"
        return f"the {WEEKDAY_NAMES[self.weekday]} {relation} {anchor}"

    def __str__(self) -> str:
        relation = ">=" if self.on_or_after else "<="
        return f"{MONTHS[self.month - 1]} {WEEKDAYS[self.weekday]}{relation}{self.day}"


DateExpr = Fixed | NthWeekday | WeekdayNear


def parse_expression(text: str) -> DateExpr:
    """Read one date expression, refusing anything that could land outside its month.

    Refusing ``Feb 29`` and ``>=``/``<=`` anchors within a week of the month's edge keeps every
    computed date inside the named month in every year, so a rule can never drift silently.
    """
    fixed, nth, near = _patterns()
    if match := fixed.fullmatch(text):
        month, day = MONTHS.index(match["month"]) + 1, int(match["day"])
        if month == 2 and day == 29:
            raise ExpressionError("'Feb 29' exists only in leap years; give the years as an era")
        if not 1 <= day <= days_in_month(2001, month):
            raise ExpressionError(f"'{text}' is not a day of {MONTH_NAMES[month - 1]}")
        return Fixed(month, day)
    if match := nth.fullmatch(text):
        month = MONTHS.index(match["month"]) + 1
        weekday = WEEKDAYS.index(match["weekday"])
        return NthWeekday(month, weekday, ORDINALS[match["ordinal"]])
    if match := near.fullmatch(text):
        month = MONTHS.index(match["month"]) + 1
        weekday = WEEKDAYS.index(match["weekday"])
        day = int(match["day"])
        on_or_after = match["relation"] == ">="
        shortest_month = days_in_month(2001, month)
        lowest, highest = (1, shortest_month - 6) if on_or_after else (7, shortest_month)
        if not lowest <= day <= highest:
            raise ExpressionError(
                f"'{text}' can fall outside {MONTH_NAMES[month - 1]}; the day must be {lowest} to {highest}"
            )
        return WeekdayNear(month, weekday, day, on_or_after)
    raise ExpressionError(
        f"'{text}' is not a date expression; "
        "use 'Sep 12', 'Oct 1st Mon', 'Sep last Thu', 'Nov Mon<=11' or 'May Sat>=8'"
    )


def to_data(expression: DateExpr) -> list[str | int | bool]:
    """A parsed expression as JSON-ready data: the compiled bundle stores rules this way."""
    return [type(expression).__name__, *expression]


def from_data(data: list[Any]) -> DateExpr:
    """The inverse of ``to_data``."""
    kind, *fields = data
    if kind == "Fixed":
        return Fixed(*fields)
    if kind == "NthWeekday":
        return NthWeekday(*fields)
    if kind == "WeekdayNear":
        return WeekdayNear(*fields)
    raise ValueError(f"unknown date expression kind {kind!r}")

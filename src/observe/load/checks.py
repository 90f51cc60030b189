"""The generic part of validation: value predicates, and a checker that collects every problem.

A file is checked completely rather than stopping at the first fault, so one run of ``observe
validate`` lists everything an editor has to fix, each as ``file:line: message``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any, TypeGuard

from observe.errors import Problem
from observe.load.locate import Locator, Where
from observe.printable import has_control
from observe.rules import FIRST_YEAR, LAST_YEAR
from observe.schedule import LARGEST_EVERY

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")
LONGEST_SPAN_DAYS = 31
CONTROL_MESSAGE = "must not hold control characters (tabs, line breaks, escape codes)"

# A check is a predicate and the words that say what it expects ("must be a ...").
Check = tuple[Callable[[Any], bool], str]
# A table kind: key -> (check, required).
Keys = dict[str, tuple[Check, bool]]


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def is_year(value: Any) -> TypeGuard[int]:
    return type(value) is int and FIRST_YEAR <= value <= LAST_YEAR


def is_texts(value: Any) -> bool:
    return isinstance(value, list) and all(is_text(item) for item in value)


def is_date(value: Any) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def is_url(value: Any) -> bool:
    """An absolute http(s) URL with nothing a calendar line or terminal could act on."""
    return (
        isinstance(value, str)
        and value.startswith(("https://", "http://"))
        and not any(character.isspace() for character in value)
        and not has_control(value)
    )


def is_partial_date(value: Any) -> bool:
    """A TOML date, or "YYYY" / "YYYY-MM" naming a real year (1 to 9999) and month."""
    if is_date(value):
        return True
    match = PARTIAL_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return False
    return int(match[1]) >= FIRST_YEAR and (match[2] is None or 1 <= int(match[2]) <= 12)


def _whole_number(low: int, high: int) -> Callable[[Any], bool]:
    return lambda value: type(value) is int and low <= value <= high


TEXT: Check = (is_text, "a non-empty string")
TEXTS: Check = (is_texts, "a list of non-empty strings")
SOURCES: Check = (lambda value: is_texts(value) and bool(value), "a non-empty list of source keys")
YEAR: Check = (is_year, f"a year from {FIRST_YEAR} to {LAST_YEAR}")
TABLES: Check = (
    lambda value: isinstance(value, list) and all(isinstance(i, dict) for i in value),
    "an array of tables ([[...]])",
)
DATE: Check = (is_date, "a date like 2003-12-23")
URL: Check = (is_url, "a URL starting with https:// with no spaces or control characters")
BOOL: Check = (lambda value: isinstance(value, bool), "true or false")
TABLE: Check = (lambda value: isinstance(value, dict), "a table")
EXPRESSIONS: Check = (
    lambda v: is_text(v) or (is_texts(v) and bool(v)),
    "a date expression or a list of them",
)
DAYS: Check = (_whole_number(1, LONGEST_SPAN_DAYS), f"a whole number of days from 1 to {LONGEST_SPAN_DAYS}")
EVERY: Check = (_whole_number(2, LARGEST_EVERY), f"a whole number of years from 2 to {LARGEST_EVERY}")
PARTIAL: Check = (is_partial_date, "a date, or a string 'YYYY' or 'YYYY-MM' naming a real month")


def iso(value: date | str) -> str:
    """A TOML date or a partial-date string, as ISO text of whatever precision it has."""
    return value.isoformat() if isinstance(value, date) else value


class FileCheck:
    """The checks of one file, collecting problems instead of stopping at the first."""

    def __init__(self, label: str, text: str, multiline: frozenset[str] = frozenset()) -> None:
        self.label = label
        self.locator = Locator(text)
        self.multiline = multiline
        self.problems: list[Problem] = []

    def error(self, where: Where, message: str) -> None:
        prefix = f"{_describe(where)}: " if where else ""
        self.problems.append(Problem(self.label, self.locator.line_of(where), prefix + message))

    def table(self, table: dict[str, Any], keys: Keys, where: Where) -> bool:
        """Check keys and value types; True when the known keys are sound enough to check further.

        An unknown key is reported but does not stop the checks of the keys around it.
        """
        sound = True
        for key, value in table.items():
            if key not in keys:
                self.error((*where, key), f"unknown key '{key}'{suggestion(key, keys)}")
                continue
            (is_valid, expected), _ = keys[key]
            if not is_valid(value):
                self.error((*where, key), f"must be {expected}")
                sound = False
            elif _holds_control(value, multiline=key in self.multiline):
                self.error((*where, key), CONTROL_MESSAGE)
                sound = False
        for key, (_, required) in keys.items():
            if required and key not in table:
                self.error(where, f"missing required key '{key}'")
                sound = False
        return sound

    def tables(
        self, tables: list[dict[str, Any]], name: str, keys: Keys, sources: set[str] | None = None
    ) -> Iterator[tuple[Where, dict[str, Any]]]:
        """The tables of one kind whose keys are sound, each with its path; where ``sources`` is
        given, the keys each table cites are checked against it."""
        for index, table in enumerate(tables):
            where: Where = (name, index)
            if self.table(table, keys, where):
                if sources is not None:
                    self.cited(table["sources"], sources, where)
                yield where, table

    def cited(self, keys: Iterable[str], known: set[str], where: Where) -> None:
        for key in keys:
            if key not in known:
                self.error((*where, "sources"), f"cites unknown source '{key}'")


def record_of(table: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The given keys of a checked table, where present, as record fields (dates as ISO text)."""
    return {key: iso(table[key]) if is_date(table[key]) else table[key] for key in keys if key in table}


def suggestion(key: str, keys: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(keys), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _holds_control(value: Any, multiline: bool) -> bool:
    """Whether a text, a list of texts or an inline table (``announced``) holds a forbidden
    character; arrays of tables are checked table by table instead, for a precise line."""
    if isinstance(value, str):
        return has_control(value, allow_newlines=multiline)
    if isinstance(value, list):
        return any(isinstance(item, str) and has_control(item, multiline) for item in value)
    if isinstance(value, dict):
        return any(
            _holds_control(item, multiline) or _holds_control(key, False) for key, item in value.items()
        )
    return False


def _describe(where: Where) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text

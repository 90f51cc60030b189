"""Dates as people type them: ISO (``2026-12-19``), or with a month name (``Dec 14``,
``14 December 2011``, ``December 14, 2011``).

ISO text is read with the standard library alone; anything else with python-dateutil's parser,
imported only then, so scripts that pass ISO dates pay nothing for it. Numeric forms other than
ISO are refused rather than guessed: 01/02/2026 is the first of February in most of the world
and the second of January in the United States. A date without a year takes the year given.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from observe.errors import ObserveError

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FORMS = "YYYY-MM-DD or a month name and a day, such as 'Dec 14', '14 December 2011' or 'December 14, 2011'"
LONGEST = 40  # longer than any date written this way


def parse_day(text: str, year: int) -> date:
    """The day ``text`` names, in ``year`` when it names none; for anything else a one-line error
    that shows the accepted forms (the caller says which option or argument it came from)."""
    if ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise ObserveError(f"'{text}' is not a valid date: {error}") from None
    if len(text) > LONGEST:
        raise ObserveError(f"'{text[:LONGEST]}...' is not a date; write {FORMS}")
    if not any(character.isalpha() for character in text):
        raise ObserveError(f"'{text}' reads differently from country to country; write {FORMS}")
    return _with_month_name(text, year)


def _with_month_name(text: str, year: int) -> date:
    """Read with dateutil, twice with different defaults: a field that follows the default was not
    written. A missing year takes ``year``; a missing month or day, or a time, is refused."""
    from dateutil import parser

    try:
        first = parser.parse(text, default=datetime(year, 1, 1))
        second = parser.parse(text, default=datetime(year, 2, 2, 1, 1))
    except (ValueError, OverflowError) as error:
        reason = str(error).split(":")[0]
        raise ObserveError(f"'{text}' is not a date ({reason}); write {FORMS}") from None
    if (first.month, first.day) != (second.month, second.day):
        raise ObserveError(f"'{text}' needs a month and a day; write {FORMS}")
    if first.time() != time() or second.time() != time(1, 1):
        raise ObserveError(f"'{text}' holds a time; write a date alone: {FORMS}")
    day: date = first.date()
    return day

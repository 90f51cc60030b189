"""When one observance falls in given years, and why it does not where it does not.

A year without an occurrence always says why: before the first year, after the last, between two
rules, not a year of an every-N-years rule, or a date announced year by year that is not known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from observe.errors import ObserveError
from observe.model import Observance, Occurrence
from observe.occurrences import in_year
from observe.rules import FIRST_YEAR, LAST_YEAR
from observe.schedule import Announced, Yearly

YEARS = re.compile(r"([0-9]{1,4})(?:-([0-9]{1,4}))?")
MOST_YEARS = 500  # one answer a year: as many as anyone reads


class Answer(NamedTuple):
    """One year: its occurrences, or why it has none."""

    year: int
    occurrences: list[Occurrence]
    why_none: str = ""


def parse_years(texts: Iterable[str]) -> list[int]:
    """Years and ranges as typed (``2031``, ``2010-2013``), in order, each once."""
    years: list[int] = []
    for text in texts:
        match = YEARS.fullmatch(text)
        first = int(match[1]) if match else 0
        last = int(match[2] or match[1]) if match else 0
        if not (match and FIRST_YEAR <= first <= last <= LAST_YEAR):
            raise ObserveError(f"'{text}' is not a year or a range of years like 2010-2013 (years 1 to 9999)")
        years.extend(year for year in range(first, last + 1) if year not in years)
        if len(years) > MOST_YEARS:
            raise ObserveError(f"at most {MOST_YEARS} years at once")
    return years


def answers(observance: Observance, years: Iterable[int]) -> list[Answer]:
    found = []
    for year in years:
        occurrences = in_year(observance, year)
        found.append(Answer(year, occurrences, "" if occurrences else why_none(observance, year)))
    return found


def why_none(observance: Observance, year: int) -> str:
    """Why ``observance`` has no occurrence in ``year``."""
    era = observance.era_for(year)
    if era is None:
        last = observance.eras[-1].last_year
        if year < observance.first_year:
            return f"before its first year, {observance.first_year}"
        if last is not None and year > last:
            return f"after its last year, {last}"
        return "between two of its rules"
    match era.schedule:
        case Announced():
            return "its date is set year by year, and no source gives this year's"
        case Yearly(every=every):
            return f"not a year of its rule, which repeats every {every} years from {era.first_year}"

"""Turning observances into occurrences: which dates each one falls on, and the queries over them.

Every query walks years, never days, so its cost grows with observances times years only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from observe.model import Observance, Occurrence, span_end
from observe.rules import FIRST_YEAR, LAST_YEAR


def in_year(observance: Observance, year: int) -> list[Occurrence]:
    """The occurrences that start in ``year``; a one-year exception replaces the rule's dates."""
    era = observance.era_for(year)
    if era is None:
        return []
    exception = observance.exceptions.get(year)
    starts = [exception.date] if exception else era.start_dates(year)
    return [Occurrence(observance, start, span_end(start, era.days), era, exception) for start in starts]


def starting_in_years(observances: Iterable[Observance], first: int, last: int) -> list[Occurrence]:
    """Every occurrence starting from ``first`` to ``last`` (inclusive), in date order."""
    observances = list(observances)  # walked once per year, so an iterator would run dry
    found = [
        occurrence
        for year in _years_from(first, last)
        for observance in observances
        for occurrence in in_year(observance, year)
    ]
    return sorted(found, key=_order)


def overlapping(observances: Iterable[Observance], first: date, last: date) -> list[Occurrence]:
    """The occurrences that touch any day from ``first`` to ``last`` (inclusive), in date order."""
    candidates = starting_in_years(observances, first.year - 1, last.year)
    return [occurrence for occurrence in candidates if occurrence.start <= last and occurrence.end >= first]


def covering(observances: Iterable[Observance], day: date) -> list[Occurrence]:
    """The occurrences in progress on ``day`` (a week counts on each of its days)."""
    return overlapping(observances, day, day)


def upcoming(
    observances: Iterable[Observance], today: date, limit: int | None, within: int | None
) -> list[Occurrence]:
    """Occurrences not yet over on ``today``, nearest first.

    Stops after ``limit`` occurrences, or at ``within`` days from today, whichever comes first.
    Years are taken one at a time: once a year is done, every later occurrence starts after all
    those found, so the walk can stop as soon as it holds ``limit`` of them.
    """
    observances = list(observances)
    horizon = _last_possible_year(observances)
    if within is not None:
        horizon = min(horizon, today.year + within // 365 + 1)
    found: list[Occurrence] = []
    for year in _years_from(today.year - 1, horizon):
        for observance in observances:
            found.extend(o for o in in_year(observance, year) if _still_ahead(o, today, within))
        if limit is not None and len(found) >= limit:
            break
    found.sort(key=_order)
    return found if limit is None else found[:limit]


def _years_from(first: int, last: int) -> Iterator[int]:
    return iter(range(max(first, FIRST_YEAR), min(last, LAST_YEAR) + 1))


def _still_ahead(occurrence: Occurrence, today: date, within: int | None) -> bool:
    if occurrence.end < today:
        return False
    return within is None or occurrence.days_until(today) <= within


def _last_possible_year(observances: list[Observance]) -> int:
    last = FIRST_YEAR
    for observance in observances:
        final = observance.eras[-1]
        end = final.last_year if final.last_year is not None else final.schedule.last_year()
        if end is None:
            return LAST_YEAR
        last = max([last, end, *observance.exceptions])
    return last


def _order(occurrence: Occurrence) -> tuple[date, str]:
    return occurrence.start, occurrence.observance.id

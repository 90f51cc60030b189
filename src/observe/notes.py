"""What concerns a date besides what falls on it: days held there under another rule, and claims
that name it but are not followed.

Someone who types the date they remember (19 December for South-South Cooperation, or the
14 December some articles give) should learn why that date matters and where the day is now,
rather than get an empty answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import NamedTuple

from observe.details import Details
from observe.model import Era, Observance
from observe.rules import MONTH_NAMES, Fixed
from observe.schedule import Yearly


class Note(NamedTuple):
    """One remark about the asked date, with the observance it concerns and its sources."""

    kind: str  # "moved" (held on this date under another rule) or "disputed"
    observance: Observance
    text: str
    sources: tuple[str, ...]


def notes_for(
    observances: Iterable[Observance], details_of: Callable[[Observance], Details], days: Iterable[date]
) -> list[Note]:
    """Notes for any of ``days``, each once, in the order of the observances."""
    days = list(days)
    found: list[Note] = []
    for observance in observances:
        for day in days:
            found.extend(note for note in _moved(observance, day) if note not in found)
        if details_of(observance).disputes:
            for day in days:
                found.extend(
                    note for note in _disputed(observance, details_of(observance), day) if note not in found
                )
    return found


def _moved(observance: Observance, day: date) -> list[Note]:
    """Eras whose fixed date is this month and day, when it is not the rule of the asked year."""
    notes: list[Note] = []
    for era in observance.eras:
        if era.covers(day.year) or not _fixed_on(era, day):
            continue
        held = f"on {day.day} {MONTH_NAMES[day.month - 1]} {_years(era)} ({era.sources[0]})"
        text = f"{observance.name}: {held}; {_in_year(observance, day.year)}"
        notes.append(Note("moved", observance, text, era.sources))
    return notes


def _fixed_on(era: Era, day: date) -> bool:
    schedule = era.schedule
    return isinstance(schedule, Yearly) and Fixed(day.month, day.day) in schedule.expressions


def _years(era: Era) -> str:
    if era.last_year == era.first_year:
        return f"in {era.first_year} only"
    if era.last_year is None:
        return f"since {era.first_year}"
    return f"from {era.first_year} to {era.last_year}"


def _in_year(observance: Observance, year: int) -> str:
    era = observance.era_for(year)
    if era is not None:
        return f"in {year}: {era.describe()} ({era.sources[0]})."
    if year < observance.first_year:
        return f"in {year}: not yet observed."
    return f"in {year}: no longer observed."


def _disputed(observance: Observance, details: Details, day: date) -> list[Note]:
    """Claims that are not followed but name this month and day (and this year, where they name
    one), with the claim followed and why."""
    month = MONTH_NAMES[day.month - 1]
    names_day = re.compile(rf"\b(?:{day.day} {month}|{month} {day.day})\b(?:,? ([0-9]{{4}}))?", re.IGNORECASE)
    notes: list[Note] = []
    for dispute in details.disputes:
        followed = next(claim for claim in dispute.claims if claim.followed)
        for claim in dispute.claims:
            named = names_day.search(claim.says)
            if claim.followed or named is None or named[1] not in (None, str(day.year)):
                continue
            text = (
                f"{observance.name}: some sources give {claim.says} ({dispute.about}); the tool follows "
                f"{followed.says} ({', '.join(followed.sources)}): {dispute.reason}"
            )
            notes.append(Note("disputed", observance, text, (*claim.sources, *followed.sources)))
    return notes

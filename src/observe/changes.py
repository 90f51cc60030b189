"""The whole calendar's history in date order: proclamations, first observances, moves, renames,
ends and one-year exceptions, from the data already there (each observance's timeline)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import NamedTuple

from observe.details import Details, Event
from observe.model import Observance
from observe.timeline import timeline

# Background (what led to a day) is the observance's history, not a change of the calendar.
NOT_CHANGES = frozenset({"background"})


class Change(NamedTuple):
    observance: Observance
    event: Event


def changes(
    observances: Iterable[Observance], details_of: Callable[[Observance], Details], since: date, until: date
) -> list[Change]:
    """Every change dated from ``since`` to ``until``; a date known only to the month or year
    counts when any of its days is in the range."""
    found = [
        Change(observance, event)
        for observance in observances
        for event in timeline(observance, details_of(observance))
        if event.kind not in NOT_CHANGES and _overlaps(event.date, since, until)
    ]
    return sorted(found, key=lambda change: (change.event.date, change.observance.id))


def _overlaps(text: str, since: date, until: date) -> bool:
    first, last = _bounds(text)
    return first <= until.isoformat() and last >= since.isoformat()


def _bounds(text: str) -> tuple[str, str]:
    """The first and last day a date of year, month or day precision may stand for, as ISO text
    (which orders as the dates do; a month's last day is written 31 whatever its length)."""
    if len(text) == 4:
        return f"{text}-01-01", f"{text}-12-31"
    if len(text) == 7:
        return f"{text}-01", f"{text}-31"
    return text, text

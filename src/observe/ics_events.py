"""Which calendar events stand for the observances: one repeating event per rule, or one per occurrence.

The shape follows what Google, Outlook and Apple are known to accept (see docs/ics-clients.md):
yearly rules only in the forms Outlook can map (anything else is written out date by date),
UNTIL as a DATE, separate events rather than RDATE. Whatever form it takes, the calendar holds
exactly the occurrences ``occurrences.in_year`` gives, under the name each year had (for
open-ended rules written out one by one, up to a horizon year). ``observe.ics`` writes them.

Each event's UID is ``ID.YEAR`` (one occurrence) or ``ID.rule-YEAR`` (a repeating rule from that
year), with ``.N`` added where one year or rule has several dates. Ids are kebab-case, so they
hold no dot and no two events of any two observances can share a UID.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import assert_never

from observe.contentlines import ics_date
from observe.model import Era, Observance, Occurrence, YearException
from observe.occurrences import in_year
from observe.rules import LAST_YEAR, WEEKDAYS, DateExpr, Fixed, NthWeekday, WeekdayNear
from observe.schedule import Announced, Schedule, Yearly

# An event starting late in 9999 would end in 10000, a year an iCalendar DATE cannot hold.
LAST_EXPORT_YEAR = LAST_YEAR - 1
UID_DOMAIN = "observe-days"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One VEVENT: a single occurrence, or a yearly rule (``rule``) minus its ``exdates``."""

    uid: str
    summary: str
    start: date
    end: date  # exclusive, as DTEND is
    observance: Observance
    era: Era
    rule: str | None = None
    exdates: tuple[date, ...] = ()
    exception: YearException | None = None


def rule_events(observances: Iterable[Observance], horizon: int) -> list[CalendarEvent]:
    """A recurring event per era, name and date expression, where calendars can repeat the rule.

    An era that spans a rename is split at the rename, so that every year shows the name it had.
    Eras calendars cannot repeat (``Nov Mon<=11`` has no Outlook form; announced dates have no
    rule) are written as single events, up to ``horizon`` when the era has no end. A one-year
    exception is a single event of its own, taken out of the rule with EXDATE where it falls.
    """
    events: list[CalendarEvent] = []
    for observance in observances:
        exception_years = sorted(observance.exceptions)
        for era in observance.eras:
            rules = _rrule_parts(era.schedule)
            if rules is None:
                years: Iterable[int] = _listed_years(observance, era, horizon)
            else:
                years = _between(exception_years, era.first_year, era.last_year)
                for first, last in _name_spans(observance, era):
                    ruled = _ruled_span(observance, era, first, last)
                    if ruled is None:
                        continue
                    if ruled[0] == ruled[1]:
                        years = sorted([*years, ruled[0]])
                    else:
                        events.extend(_recurring(observance, era, rules, first, *ruled, exception_years))
            for year in years:
                events.extend(_singles(in_year(observance, year)))
    return events


def expanded_events(observances: Iterable[Observance], first: int, last: int) -> Iterator[CalendarEvent]:
    """A single event per occurrence starting from ``first`` to ``last``, in date order.

    Produced a year at a time (every occurrence starts in its own year), so a century of events
    never sits in memory at once.
    """
    observances = list(observances)
    for year in range(first, last + 1):
        events = [event for observance in observances for event in _singles(in_year(observance, year))]
        yield from sorted(events, key=lambda event: (event.start, event.uid))


def _name_spans(observance: Observance, era: Era) -> Iterator[tuple[int, int | None]]:
    """The era's years cut where the observance was renamed: (first, last or None) each."""
    first = era.first_year
    for former in sorted(observance.former_names, key=lambda former: former.until):
        if first <= former.until and (era.last_year is None or former.until < era.last_year):
            yield first, former.until
            first = former.until + 1
    yield first, era.last_year


def _ruled_span(
    observance: Observance, era: Era, first: int, last: int | None
) -> tuple[int, int | None] | None:
    """The first and last years (None: no end) from ``first`` to ``last`` that the rule itself
    sets, so that DTSTART is the first instance and exceptions at either end need no EXDATE.

    None when the rule sets no year there; both the same when it sets one.
    """
    if last is None:
        years = range(first, LAST_EXPORT_YEAR + 1)
        start = next((year for year in years if _ruled(observance, era, year)), None)
        return None if start is None else (start, None)
    ruled = [year for year in range(first, min(last, LAST_EXPORT_YEAR) + 1) if _ruled(observance, era, year)]
    return (ruled[0], ruled[-1]) if ruled else None


def _ruled(observance: Observance, era: Era, year: int) -> bool:
    """Whether the era's rule, rather than an exception, sets the dates of ``year``."""
    return year not in observance.exceptions and bool(era.start_dates(year))


def _recurring(
    observance: Observance,
    era: Era,
    rules: list[tuple[DateExpr, str]],
    span_start: int,
    first: int,
    last: int | None,
    exception_years: list[int],
) -> Iterator[CalendarEvent]:
    """One event per date expression, from ``first`` to ``last`` (both years the rule sets).

    Exceptions strictly between the two are excluded; only this era's can fall there.
    """
    inner_last = None if last is None else last - 1
    excluded = [era.start_dates(year) for year in _between(exception_years, first + 1, inner_last)]
    summary = observance.name_in(first)
    for index, (expression, rule) in enumerate(rules):
        start = expression.date_in(first)
        until = "" if last is None else f";UNTIL={ics_date(expression.date_in(last))}"
        yield CalendarEvent(
            uid=_uid(observance.id, f"rule-{span_start}", index, len(rules)),
            summary=summary,
            start=start,
            end=start + timedelta(days=era.days),
            observance=observance,
            era=era,
            rule=rule + until,
            exdates=tuple(dates[index] for dates in excluded if dates),
        )


def _rrule_parts(schedule: Schedule) -> list[tuple[DateExpr, str]] | None:
    """Each expression of a schedule with its yearly RRULE (without UNTIL), or None when calendars
    cannot repeat the schedule: dates announced year by year, or a rule with no Outlook form."""
    match schedule:
        case Announced():
            return None
        case Yearly(expressions=expressions, every=every):
            interval = f";INTERVAL={every}" if every > 1 else ""
            rules: list[tuple[DateExpr, str]] = []
            for expression in expressions:
                day = _by_day(expression)
                if day is None:
                    return None
                rules.append((expression, f"FREQ=YEARLY{interval};BYMONTH={expression.month};{day}"))
            return rules
        case _:
            assert_never(schedule)


def _by_day(expression: DateExpr) -> str | None:
    """The RRULE part that picks the day in the month, or None where Outlook has no form for it."""
    match expression:
        case Fixed(day=day):
            return f"BYMONTHDAY={day}"
        case NthWeekday(weekday=weekday, nth=nth):
            return f"BYDAY={nth}{WEEKDAYS[weekday][:2].upper()}"
        case WeekdayNear():
            return None
        case _:
            assert_never(expression)


def _between(years: list[int], first: int, last: int | None) -> list[int]:
    """The sorted ``years`` from ``first`` to ``last`` (None: no end), found by binary search."""
    end = len(years) if last is None else bisect_right(years, last)
    return years[bisect_left(years, first) : end]


def _listed_years(observance: Observance, era: Era, horizon: int) -> range:
    """The years to write out one by one for an era without a repeatable rule: to its last year,
    else to the last announced date or exception, else (a rule still in force) to ``horizon``."""
    last = era.last_year
    announced = era.schedule.last_year()
    if last is None and announced is not None:
        last = max([era.first_year, announced, *(year for year in observance.exceptions if era.covers(year))])
    return range(era.first_year, min(horizon if last is None else last, LAST_EXPORT_YEAR) + 1)


def _singles(occurrences: list[Occurrence]) -> Iterator[CalendarEvent]:
    """An event per occurrence of one observance in one year, numbered when the year has several."""
    for index, occurrence in enumerate(occurrences):
        yield CalendarEvent(
            uid=_uid(occurrence.observance.id, str(occurrence.start.year), index, len(occurrences)),
            summary=occurrence.name,
            start=occurrence.start,
            end=occurrence.end + timedelta(days=1),
            observance=occurrence.observance,
            era=occurrence.era,
            exception=occurrence.exception,
        )


def _uid(ident: str, what: str, index: int, count: int) -> str:
    """``ID.WHAT`` or ``ID.WHAT.N``: the dot cannot occur in an id, so no two events collide."""
    number = f".{index + 1}" if count > 1 else ""
    return f"{ident}.{what}{number}@{UID_DOMAIN}"

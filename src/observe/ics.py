"""Observances as an RFC 5545 calendar: one recurring event per date rule, or one per occurrence.

The shape follows what Google, Outlook and Apple are known to accept: all-day DATE values with an
exclusive DTEND, yearly rules only in the forms Outlook can map (anything else is written out
date by date), UNTIL as a DATE, separate events rather than RDATE, UIDs that never change for
the same occurrence, and nothing that differs between two runs over the same data. Whatever
form it takes, the calendar holds exactly the occurrences ``occurrences.in_year`` gives (for
open-ended rules written out one by one, up to a horizon year).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from observe import __version__
from observe.contentlines import escape_text, ics_date, serialize
from observe.details import Details
from observe.errors import ObserveError
from observe.model import Era, Observance, Occurrence, YearException
from observe.occurrences import in_year
from observe.rules import LAST_YEAR, WEEKDAYS, DateExpr, Fixed, NthWeekday

UID_DOMAIN = "observe-days"
CALENDAR_DESCRIPTION = (
    "The United Nations' international days and weeks, with who proclaimed them and the sources."
)
DetailsOf = Callable[[Observance], Details]
_ALARM = re.compile(r"(?P<count>[1-9][0-9]{0,3})(?P<unit>[dhw])")


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
    """A recurring event per era and date expression, where calendars can repeat the rule.

    Eras they cannot repeat (``Nov Mon<=11`` has no Outlook form; announced dates have no rule)
    are written as single events, up to ``horizon`` when the era has no end. A one-year exception
    is a single event of its own, taken out of the rule with EXDATE where the rule runs past it.
    """
    events: list[CalendarEvent] = []
    for observance in observances:
        for era in observance.eras:
            span = _rule_span(observance, era)
            if span is None:
                years: Iterable[int] = _listed_years(observance, era, horizon)
            else:
                events.extend(_recurring(observance, era, *span))
                years = _exception_years(observance, era)
            for year in years:
                events.extend(_singles(in_year(observance, year)))
    return events


def expanded_events(observances: Iterable[Observance], first: int, last: int) -> list[CalendarEvent]:
    """A single event per occurrence starting from ``first`` to ``last``, in date order."""
    observances = list(observances)
    events = [
        event
        for year in range(first, last + 1)
        for observance in observances
        for event in _singles(in_year(observance, year))
    ]
    return sorted(events, key=lambda event: (event.start, event.uid))


def calendar(
    events: Iterable[CalendarEvent], details_of: DetailsOf, name: str, stamp: datetime, trigger: str | None
) -> bytes:
    """The calendar file, stamped with ``stamp`` (from ``dtstamp``); ``details_of`` gives the texts.

    ``trigger`` (from ``alarm_trigger``) adds a reminder to every event. Events are encoded one
    by one, so a century of them never sits in memory twice as text and again as bytes.
    """
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{UID_DOMAIN}//observe {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALDESC:{escape_text(CALENDAR_DESCRIPTION)}",
        f"DESCRIPTION:{escape_text(CALENDAR_DESCRIPTION)}",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",
        "X-PUBLISHED-TTL:P1D",
    ]
    stamp_line = f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}"
    chunks = [serialize(header)]
    chunks.extend(serialize(_event_lines(event, details_of, stamp_line, trigger)) for event in events)
    chunks.append(serialize(["END:VCALENDAR"]))
    return b"".join(chunks)


def alarm_trigger(text: str) -> str:
    """The TRIGGER for a reminder given as ``1d``, ``12h`` or ``1w`` before the start.

    Raises ValueError naming the value for anything else.
    """
    match = _ALARM.fullmatch(text)
    if match is None:
        raise ValueError(f"'{text}' is not a reminder time; use days, hours or weeks, such as 1d, 12h or 1w")
    count, unit = match["count"], match["unit"]
    return f"-PT{count}H" if unit == "h" else f"-P{count}{unit.upper()}"


def dtstamp(details: Iterable[Details], source_date_epoch: str | None) -> datetime:
    """The DTSTAMP: SOURCE_DATE_EPOCH when set, else midnight UTC of the newest date in the data.

    Never the clock, so that the same data and options give the same bytes, and a calendar
    regenerated from unchanged data does not look changed to clients or to a web cache.
    """
    if source_date_epoch:
        try:
            return datetime.fromtimestamp(int(source_date_epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise ObserveError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '{source_date_epoch}'"
            ) from None
    newest = max(_dates(details))
    return datetime(newest.year, newest.month, newest.day, tzinfo=UTC)


def _dates(details: Iterable[Details]) -> Iterator[date]:
    """Dates in sources and history, one known only to the year or month taken from its first day.

    Never empty, since every observance's proclaiming instrument has a date.
    """
    for one in details:
        texts = [source.date for source in one.sources.values()]
        texts.extend(event.date for event in one.events)
        yield from (date.fromisoformat((text + "-01-01")[:10]) for text in texts if text)


def _rule_span(observance: Observance, era: Era) -> tuple[int, int | None] | None:
    """The first and last years (None: no end) to repeat the era's rule over, or None if not to.

    Not to when calendars cannot repeat the rule, or when it sets the dates of one year only: a
    repeating event of one instance adds nothing. The span starts and ends on years the rule
    itself sets, so DTSTART is the first instance and exceptions at either end need no EXDATE.
    """
    if era.announced is not None or not all(isinstance(on, Fixed | NthWeekday) for on in era.on):
        return None
    if era.end is None:
        return next(year for year in range(era.start, LAST_YEAR + 1) if _ruled(observance, era, year)), None
    ruled = [year for year in range(era.start, era.end + 1) if _ruled(observance, era, year)]
    return (ruled[0], ruled[-1]) if len(ruled) > 1 else None


def _ruled(observance: Observance, era: Era, year: int) -> bool:
    """Whether the era's rule, rather than an exception, sets the dates of ``year``."""
    return year not in observance.exceptions and bool(era.start_dates(year))


def _recurring(observance: Observance, era: Era, first: int, last: int | None) -> Iterator[CalendarEvent]:
    """One event per date expression, from ``first`` to ``last`` (both years the rule sets).

    Exceptions strictly between the two are excluded; only this era's can fall there.
    """
    excluded = [
        era.start_dates(year)
        for year in sorted(observance.exceptions)
        if first < year and (last is None or year < last)
    ]
    summary = observance.name_in(LAST_YEAR if last is None else last)
    for index, expression in enumerate(era.on):
        start = expression.date_in(first)
        yield CalendarEvent(
            uid=_uid(f"{observance.id}-era-{era.start}", index, len(era.on)),
            summary=summary,
            start=start,
            end=start + timedelta(days=era.days),
            observance=observance,
            era=era,
            rule=_rrule(expression, era.every, None if last is None else expression.date_in(last)),
            exdates=tuple(dates[index] for dates in excluded if dates),
        )


def _rrule(expression: DateExpr, every: int, until: date | None) -> str:
    parts = ["FREQ=YEARLY"]
    if every > 1:
        parts.append(f"INTERVAL={every}")
    parts.append(f"BYMONTH={expression.month}")
    if isinstance(expression, Fixed):
        parts.append(f"BYMONTHDAY={expression.day}")
    elif isinstance(expression, NthWeekday):
        parts.append(f"BYDAY={expression.nth}{WEEKDAYS[expression.weekday][:2].upper()}")
    if until is not None:
        parts.append(f"UNTIL={ics_date(until)}")
    return ";".join(parts)


def _exception_years(observance: Observance, era: Era) -> list[int]:
    """The years in ``era`` held on another date than its rule gives, in order."""
    return sorted(year for year in observance.exceptions if era.covers(year))


def _listed_years(observance: Observance, era: Era, horizon: int) -> range:
    """The years to write out one by one for an era without a repeatable rule."""
    last = era.end
    if last is None and era.announced is not None:
        last = max([era.start, *era.announced, *_exception_years(observance, era)])
    return range(era.start, (horizon if last is None else last) + 1)


def _singles(occurrences: list[Occurrence]) -> Iterator[CalendarEvent]:
    """An event per occurrence of one observance in one year, numbered when the year has several."""
    for index, occurrence in enumerate(occurrences):
        yield CalendarEvent(
            uid=_uid(f"{occurrence.observance.id}-{occurrence.start.year}", index, len(occurrences)),
            summary=occurrence.name,
            start=occurrence.start,
            end=occurrence.end + timedelta(days=1),
            observance=occurrence.observance,
            era=occurrence.era,
            exception=occurrence.exception,
        )


def _uid(stem: str, index: int, count: int) -> str:
    return f"{stem}-{index + 1}@{UID_DOMAIN}" if count > 1 else f"{stem}@{UID_DOMAIN}"


def _event_lines(
    event: CalendarEvent, details_of: DetailsOf, stamp_line: str, trigger: str | None
) -> list[str]:
    observance = event.observance
    details = details_of(observance)
    summary = escape_text(event.summary)
    categories = ",".join(escape_text(word) for word in (*observance.topics, observance.body))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        stamp_line,
        f"DTSTART;VALUE=DATE:{ics_date(event.start)}",
        f"DTEND;VALUE=DATE:{ics_date(event.end)}",
    ]
    if event.rule is not None:
        lines.append(f"RRULE:{event.rule}")
    lines.extend(f"EXDATE;VALUE=DATE:{ics_date(day)}" for day in event.exdates)
    lines += [
        f"SUMMARY:{summary}",
        f"DESCRIPTION:{escape_text(_description(observance, details, event.era, event.exception))}",
        f"URL:{observance.url}",
        f"CATEGORIES:{categories}",
        "TRANSP:TRANSPARENT",
    ]
    if trigger is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{summary}",
            f"TRIGGER:{trigger}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def _description(observance: Observance, details: Details, era: Era, exception: YearException | None) -> str:
    """Our description, who proclaimed it, the rule in words, and the sources behind those dates."""
    proclamation = details.proclamation(observance)
    adopted = f", adopted {proclamation.date}" if proclamation.date else ""
    paragraphs = [
        details.description,
        f"Proclaimed by {observance.body}: {proclamation.title} ({proclamation.key}){adopted}.",
        f"Date: {era.describe()}." + (f" {era.note}" if era.note else ""),
    ]
    keys = list(era.sources)
    if exception is not None:
        note = f" {exception.note}" if exception.note else ""
        paragraphs.append(f"In {exception.year} held on {exception.date.isoformat()} instead.{note}")
        keys += [key for key in exception.sources if key not in keys]
    sources = [details.sources[key] for key in keys]
    paragraphs.append("Sources:\n" + "\n".join(f"{source.title}: {source.url}" for source in sources))
    return "\n\n".join(paragraphs)

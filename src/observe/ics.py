"""Observances as an RFC 5545 calendar: one recurring event per date rule, or one per occurrence.

The shape follows what Google, Outlook and Apple are known to accept (see docs/ics-clients.md):
all-day DATE values with an exclusive DTEND, yearly rules only in the forms Outlook can map
(anything else is written out date by date), UNTIL as a DATE, separate events rather than RDATE,
and nothing that differs between two runs over the same data. Whatever form it takes, the
calendar holds exactly the occurrences ``occurrences.in_year`` gives, under the name each year
had (for open-ended rules written out one by one, up to a horizon year).

Each event's UID is ``ID.YEAR`` (one occurrence) or ``ID.rule-YEAR`` (a repeating rule from that
year), with ``.N`` added where one year or rule has several dates. Ids are kebab-case, so they
hold no dot and no two events of any two observances can share a UID. SEQUENCE and LAST-MODIFIED
come from the observance's revision date, so a re-import updates exactly the changed events.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import assert_never

from observe import __version__
from observe.contentlines import escape_text, ics_date, serialize, uri
from observe.details import Details
from observe.errors import ObserveError
from observe.model import Era, Observance, Occurrence, YearException
from observe.occurrences import in_year
from observe.provenance import is_symbol
from observe.rules import LAST_YEAR, WEEKDAYS, DateExpr, Fixed, NthWeekday, WeekdayNear
from observe.schedule import Announced, Schedule, Yearly

# An event starting late in 9999 would end in 10000, a year an iCalendar DATE cannot hold.
LAST_EXPORT_YEAR = LAST_YEAR - 1

UID_DOMAIN = "observe-days"
CALENDAR_DESCRIPTION = (
    "The United Nations' international days and weeks, with who proclaimed them and the sources."
)
# SEQUENCE counts minutes from here to the observance's revision: it rises with every revision
# and stays within the 32-bit integers some clients store it in until the year 6000.
SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
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


def calendar(
    events: Iterable[CalendarEvent], details_of: DetailsOf, name: str, stamp: datetime, trigger: str | None
) -> Iterator[bytes]:
    """The calendar file, one chunk per event, stamped with ``stamp`` (from ``dtstamp``).

    ``details_of`` gives the texts; ``trigger`` (from ``alarm_trigger``) adds a reminder to every
    event. Chunks are produced one by one, so a writer can stream any number of events.
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
    stamp_line = f"DTSTAMP:{utc_stamp(stamp)}"
    yield serialize(header)
    for event in events:
        yield serialize(_event_lines(event, details_of(event.observance), stamp_line, trigger))
    yield serialize(["END:VCALENDAR"])


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
    """The DTSTAMP: SOURCE_DATE_EPOCH when set, else the newest revision in the whole dataset.

    Never the clock, so that the same data and options give the same bytes, and never the
    selection, so that a subset export is stamped like the full one.
    """
    if source_date_epoch:
        try:
            stamp = datetime.fromtimestamp(int(source_date_epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise ObserveError(
                "SOURCE_DATE_EPOCH must be a whole number of seconds from 0001-01-01 to 9999-12-31 "
                f"(counted from 1970), not '{source_date_epoch}'"
            ) from None
        return stamp
    return max(one.revision() for one in details)


def utc_stamp(moment: datetime) -> str:
    """A DATE-TIME in UTC, always ``YYYYMMDDTHHMMSSZ`` (strftime leaves years before 1000 short)."""
    m = moment.astimezone(UTC)
    return f"{m.year:04d}{m.month:02d}{m.day:02d}T{m.hour:02d}{m.minute:02d}{m.second:02d}Z"


def sequence(revision: datetime) -> int:
    """The SEQUENCE of every event of an observance revised at ``revision``."""
    return max(0, int((revision - SEQUENCE_EPOCH).total_seconds()) // 60)


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


def _event_lines(event: CalendarEvent, details: Details, stamp_line: str, trigger: str | None) -> list[str]:
    observance = event.observance
    summary = escape_text(event.summary)
    categories = ",".join(escape_text(word) for word in (*observance.topics, observance.body))
    revision = details.revision()
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        stamp_line,
        f"LAST-MODIFIED:{utc_stamp(revision)}",
        f"SEQUENCE:{sequence(revision)}",
        f"DTSTART;VALUE=DATE:{ics_date(event.start)}",
        f"DTEND;VALUE=DATE:{ics_date(event.end)}",
    ]
    if event.rule is not None:
        lines.append(f"RRULE:{event.rule}")
    lines.extend(f"EXDATE;VALUE=DATE:{ics_date(day)}" for day in event.exdates)
    lines += [
        f"SUMMARY:{summary}",
        f"DESCRIPTION:{escape_text(_description(observance, details, event.era, event.exception))}",
        f"URL:{uri(observance.url)}",
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
    """Our description, who proclaimed it, the rule in words, its sources, and the official page
    last (Google, Outlook and Thunderbird show no URL property, only the description)."""
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
    # Links without their titles (``observe show`` has those): with them, the calendar grows past
    # what Google reads from a subscription. A document symbol still names its document.
    links = [
        f"{key}: {details.sources[key].url}" if is_symbol(key) else details.sources[key].url for key in keys
    ]
    paragraphs.append("Sources:\n" + "\n".join(links))
    paragraphs.append(f"Official page: {observance.url}")
    return "\n\n".join(paragraphs)

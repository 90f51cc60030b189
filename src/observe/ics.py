"""Calendar events as an RFC 5545 file: all-day events, escaped and folded, the same bytes for the
same data.

All-day DATE values with an exclusive DTEND, nothing that differs between two runs over the same
data (DTSTAMP comes from the data, never the clock), SEQUENCE and LAST-MODIFIED from the
observance's revision date so that a re-import updates exactly the changed events. See
docs/ics-clients.md for what each choice rests on; ``observe.ics_events`` decides the events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime

from observe import __version__
from observe.contentlines import escape_text, ics_date, serialize, uri
from observe.details import Details
from observe.errors import ObserveError
from observe.ics_events import UID_DOMAIN, CalendarEvent
from observe.model import Era, Observance, YearException
from observe.provenance import is_symbol

CALENDAR_DESCRIPTION = (
    "The United Nations' international days and weeks, with who proclaimed them and the sources."
)
# SEQUENCE counts minutes from here to the observance's revision: it rises with every revision
# and stays within the 32-bit integers some clients store it in until the year 6000.
SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
DetailsOf = Callable[[Observance], Details]
_ALARM = re.compile(r"(?P<count>[1-9][0-9]{0,3})(?P<unit>[dhw])")


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

"""The export command: the observances as an iCalendar file."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import click

from observe import ics, ics_events
from observe.cli.settings import current_settings
from observe.cli.shared import F, common_options, fail, filter_options, selected
from observe.errors import EXIT_NOTHING_FOUND
from observe.ics_events import LAST_EXPORT_YEAR
from observe.rules import FIRST_YEAR

if TYPE_CHECKING:
    from observe.model import Observance

CALENDAR_NAME = "UN International Days"
# --expand writes one event per occurrence: about 300 a year, streamed, but a bound all the same.
MAX_EXPAND_YEARS = 500
# Google Calendar stops reading a subscribed calendar past about 1 MB (docs/ics-clients.md).
GOOGLE_SUBSCRIPTION_BYTES = 1_000_000


def _export_year(flag: str, name: str, text: str) -> Callable[[F], F]:
    """--from and --to: a year an exported event can start in."""
    years = click.IntRange(FIRST_YEAR, LAST_EXPORT_YEAR)
    return click.option(flag, name, type=years, metavar="YEAR", help=text)


def _alarm_trigger(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Check --alarm while parsing, so that a bad value is a usage error that names it."""
    if value is None:
        return None
    from observe.ics import alarm_trigger

    try:
        return alarm_trigger(value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx, param) from None


def _calendar_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a name that is not UTF-8 text (a stray byte arrives as a surrogate) or holds controls."""
    from observe.printable import has_control

    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise click.BadParameter("not valid UTF-8 text", ctx, param) from None
    if has_control(value) or not value.strip():
        raise click.BadParameter("must be one line of visible text", ctx, param)
    return value


@click.command("export")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write to FILE, replacing it in one step (default, or '-': standard output).",
)
@click.option(
    "--expand",
    is_flag=True,
    help="One event per occurrence from --from to --to, not one repeating event per rule.",
)
@_export_year("--from", "first", "With --expand: the first year (default: this year).")
@_export_year(
    "--to",
    "last",
    "With --expand: the last year (default: this year + 10). Without: the last year written out "
    "for open-ended rules that calendars cannot repeat (default: this year + 25).",
)
@click.option(
    "--alarm",
    metavar="DURATION",
    callback=_alarm_trigger,
    help="A reminder this long before each start, such as 1d, 12h or 1w (default: none).",
)
@click.option(
    "--calendar-name",
    metavar="NAME",
    callback=_calendar_name,
    help=f"The name calendar apps show (default: '{CALENDAR_NAME}', with the --lang code after it).",
)
@filter_options
@common_options
def export_command(
    output: str | None,
    expand: bool,
    first: int | None,
    last: int | None,
    alarm: str | None,
    calendar_name: str | None,
    **filters: Any,
) -> None:
    """Write the observances as an iCalendar (.ics) file, to import or subscribe to.

    Each date rule becomes one repeating event, ended where the date changed; --expand writes one
    event per occurrence instead. Event ids stay the same from run to run, so importing a newer
    file updates the events, and the same data and options give the same bytes.

    \b
    Examples:
      observe export -o un-days.ics
      observe export --expand --from 2026 --to 2030 --topic health -o health.ics
    """
    settings = current_settings()
    year = settings.reference_day().year
    if first is not None and not expand:
        raise click.UsageError("--from applies only with --expand", click.get_current_context())
    first, last = _years(expand, year, first, last)
    observances = _distinct(selected(**filters))
    if expand:
        events: Iterator[ics_events.CalendarEvent] = ics_events.expanded_events(observances, first, last)
    else:
        events = iter(ics_events.rule_events(observances, last))
    head = next(events, None)
    if head is None:
        fail("observe: nothing to export: nothing occurs with these filters and years", EXIT_NOTHING_FOUND)
    dataset = settings.dataset()
    stamp = ics.dtstamp((dataset.details(o) for o in dataset), os.environ.get("SOURCE_DATE_EPOCH"))
    counted = _Counter(itertools.chain([head], events))
    if calendar_name is None:
        lang = settings.language()
        calendar_name = CALENDAR_NAME if lang == "en" else f"{CALENDAR_NAME} ({lang})"
    chunks = ics.calendar(counted, dataset.details, calendar_name, stamp, alarm)
    size = _write(output, chunks)
    if size > GOOGLE_SUBSCRIPTION_BYTES:
        click.echo(
            f"observe: note: the calendar is {size / 1e6:.1f} MB; Google Calendar stops reading a "
            "subscribed calendar at about 1 MB (the repeating form, without --expand, is smaller)",
            err=True,
        )
    if output not in (None, "-") and sys.stderr.isatty():
        click.echo(f"Wrote {counted.count} events to {output}", err=True)


class _Counter:
    """Passes events through, counting them (for the closing message)."""

    def __init__(self, events: Iterable[ics_events.CalendarEvent]) -> None:
        self._events = events
        self.count = 0

    def __iter__(self) -> Iterator[ics_events.CalendarEvent]:
        for event in self._events:
            self.count += 1
            yield event


def _years(expand: bool, year: int, first: int | None, last: int | None) -> tuple[int, int]:
    """The years to write, each checked with the option (or default) it came from named."""
    context = click.get_current_context()
    if not expand:
        return year, min(year + 25, LAST_EXPORT_YEAR) if last is None else last
    if first is None:
        if year > LAST_EXPORT_YEAR:
            raise click.UsageError(
                f"--from defaults to this year, {year}, after {LAST_EXPORT_YEAR}, the last year a "
                "calendar can hold; give --from and --to",
                context,
            )
        first = year
    to_label = "--to" if last is not None else "the default --to (this year + 10)"
    last = min(year + 10, LAST_EXPORT_YEAR) if last is None else last
    if first > last:
        raise click.UsageError(f"--from {first} is after {to_label} {last}", context)
    count = last - first + 1
    if count > MAX_EXPAND_YEARS:
        message = f"--expand writes at most {MAX_EXPAND_YEARS} years; --from {first} to {last} is {count}"
        raise click.UsageError(message, context)
    return first, last


def _distinct(observances: list[Observance]) -> list[Observance]:
    """Each observance once, however often ``--id`` named it: one event per UID."""
    return list({observance.id: observance for observance in observances}.values())


def _write(output: str | None, chunks: Iterable[bytes]) -> int:
    """Write the calendar to standard output or a file, complete or not at all; return its size."""
    if output in (None, "-", "/dev/stdout"):
        from observe.streams import write_bytes

        size = 0
        for chunk in chunks:
            write_bytes(chunk)
            size += len(chunk)
        return size
    from pathlib import Path

    from observe.atomic import write_file

    return write_file(Path(output), chunks)

"""The export command: the observances as an iCalendar file."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click

from observe.cli.shared import F, common_options, current_settings, fail, filter_options, selected
from observe.errors import EXIT_NOTHING_FOUND
from observe.rules import FIRST_YEAR, LAST_YEAR

LAST_EXPORT_YEAR = LAST_YEAR - 1


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
    default="UN International Days",
    show_default=True,
    metavar="NAME",
    help="The name calendar apps show for the calendar.",
)
@filter_options
@common_options
def export_command(
    output: str | None,
    expand: bool,
    first: int | None,
    last: int | None,
    alarm: str | None,
    calendar_name: str,
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
    from observe import ics

    year = current_settings().reference_day().year
    last = min(year + (10 if expand else 25), LAST_EXPORT_YEAR) if last is None else last
    if first is not None and not expand:
        raise click.UsageError("--from applies only with --expand", click.get_current_context())
    if expand and (first or year) > last:
        raise click.UsageError(f"--from {first or year} is after --to {last}", click.get_current_context())
    observances = selected(**filters)
    if expand:
        events = ics.expanded_events(observances, first or year, last)
    else:
        events = ics.rule_events(observances, last)
    if not events:
        fail("observe: nothing to export: nothing occurs with these filters and years", EXIT_NOTHING_FOUND)
    dataset = current_settings().dataset()
    stamp = ics.dtstamp((dataset.details(o) for o in observances), os.environ.get("SOURCE_DATE_EPOCH"))
    data = ics.calendar(events, dataset.details, calendar_name, stamp, alarm)
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from pathlib import Path

    from observe.atomic import write_atomically

    write_atomically(Path(output), data)
    if sys.stderr.isatty():
        click.echo(f"Wrote {len(events)} events to {output}", err=True)

"""The changes command: what changed on the calendar, in date order."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import click

from observe.cli.settings import current_settings
from observe.cli.shared import common_options, filter_options, selected, table_options, typed_day


@click.command("changes")
@click.option("--since", "since_text", metavar="DATE", help="From this date (default: twelve months ago).")
@click.option("--until", "until_text", metavar="DATE", help="To this date (default: today).")
@click.option(
    "--format",
    "template",
    metavar="TEMPLATE",
    help="One line per change from {date}, {kind}, {id}, {name}, {what} and {sources}.",
)
@table_options
@filter_options
@common_options
def changes_command(
    since_text: str | None, until_text: str | None, template: str | None, **filters: Any
) -> None:
    """Proclamations, first observances, moves, renames, ends and exceptions, oldest first.

    Dates as for 'on' (2025-01-01, "Jan 1 2025"). A date known only to the month or year counts
    when any of its days is in the range.

    \b
    Examples:
      observe changes
      observe changes --since 2011-01-01 --until 2012-12-31 --topic development
    """
    from observe.changes import changes

    settings = current_settings()
    today = settings.reference_day()
    until = today if until_text is None else typed_day(until_text)
    since = until - timedelta(days=365) if since_text is None else typed_day(since_text)
    if since > until:
        raise click.UsageError(f"--since {since} is after --until {until}", click.get_current_context())
    if template is not None:
        from observe.render.fields import CHANGE_FIELD_NAMES
        from observe.render.template import check

        check(template, CHANGE_FIELD_NAMES)
    dataset = settings.dataset()
    found = changes(selected(**filters), dataset.details, since, until)
    settings.renderer(template).changes(found, since, until)

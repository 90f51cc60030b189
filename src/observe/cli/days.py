"""Commands about particular days: today, on DATE and the week around a date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import click

from observe.cli.shared import (
    IsoDate,
    common_options,
    current_settings,
    emit,
    filter_options,
    output_options,
    selected,
    split_options,
)


@click.command("today")
@output_options
@filter_options
@common_options
def today_command(**options: Any) -> None:
    """What is observed today (a week counts on each of its days).

    \b
    Examples:
      observe today
      observe today --format '{name}: {url}'
    """
    _show_day(current_settings().reference_day(), options)


@click.command("on")
@click.argument("day", type=IsoDate(), metavar="DATE")
@output_options
@filter_options
@common_options
def on_command(day: date, **options: Any) -> None:
    """What is observed on DATE (YYYY-MM-DD).

    \b
    Example:
      observe on 2026-10-06
    """
    _show_day(day, options)


def _show_day(day: date, options: dict[str, Any]) -> None:
    from observe.occurrences import covering

    filters, output = split_options(options)
    emit(covering(selected(**filters), day), f"Observed on {day.isoformat()}", output)


@click.command("week")
@click.argument("day", type=IsoDate(), metavar="[DATE]", required=False)
@output_options
@filter_options
@common_options
def week_command(day: date | None, **options: Any) -> None:
    """What is observed in the week containing DATE (default: today).

    The week starts on the first_day_of_week of your config.toml (default Monday).

    \b
    Examples:
      observe week
      observe week 2026-11-11
    """
    from observe.occurrences import overlapping

    filters, output = split_options(options)
    day = day or current_settings().reference_day()
    first = day - timedelta(days=(day.weekday() - current_settings().config().first_day_of_week) % 7)
    last = first + timedelta(days=6)
    found = overlapping(selected(**filters), first, last)
    emit(found, f"Week of {first.isoformat()} to {last.isoformat()}", output)

"""Commands about particular days: today, on DATE and the week around a date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import click

from observe.cli.settings import current_settings
from observe.cli.shared import list_occurrences, listing_options, typed_day


@click.command("today")
@listing_options
def today_command(**options: Any) -> None:
    """What is observed today (a week counts on each of its days).

    At a terminal and in --json, also what was held on this date under another rule, and
    disputed claims that name it.

    \b
    Examples:
      observe today
      observe today --format '{name}: {url}'
    """
    _show_day(current_settings().reference_day(), options)


@click.command("on")
@click.argument("text", metavar="DATE")
@listing_options
def on_command(text: str, **options: Any) -> None:
    """What is observed on DATE: 2026-12-19, Dec 19 (this year), 19 December 2011.

    At a terminal and in --json, also what was held on this date under another rule (with where
    it is now), and disputed claims that name it, with the claim followed and why.

    \b
    Examples:
      observe on 2026-10-06
      observe on "Dec 14"
    """
    _show_day(typed_day(text), options)


def _show_day(day: date, options: dict[str, Any]) -> None:
    from observe.occurrences import covering

    title = f"Observed on {day.isoformat()}"
    list_occurrences(options, title, lambda chosen: covering(chosen, day), days=[day])


@click.command("week")
@click.argument("text", metavar="[DATE]", required=False)
@listing_options
def week_command(text: str | None, **options: Any) -> None:
    """What is observed in the week containing DATE (default: today; DATE as for 'on').

    The week starts on the first_day_of_week of your config.toml (default Monday).

    \b
    Examples:
      observe week
      observe week 2026-11-11
    """
    from observe.occurrences import overlapping

    settings = current_settings()
    day = settings.reference_day() if text is None else typed_day(text)
    first, last = week_around(day, settings.config().first_day_of_week)
    title = f"Week of {first.isoformat()} to {last.isoformat()}"
    days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
    list_occurrences(options, title, lambda chosen: overlapping(chosen, first, last), days=days)


def week_around(day: date, first_weekday: int) -> tuple[date, date]:
    """The first and last days of the week holding ``day``, cut at the calendar's ends (a week
    starting before 1 January of year 1 or ending after 31 December 9999 has only its days in)."""
    offset = (day.weekday() - first_weekday) % 7
    first = date.min if day.toordinal() - offset < 1 else day - timedelta(days=offset)
    last = date.max if first.toordinal() + 6 > date.max.toordinal() else first + timedelta(days=6)
    return first, last

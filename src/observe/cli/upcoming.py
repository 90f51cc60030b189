"""The next command: the coming observances, nearest first (the command most often run)."""

from __future__ import annotations

from typing import Any

import click

from observe.cli.settings import current_settings
from observe.cli.shared import list_occurrences, listing_options

# Bounds on what one call may ask for: a century ahead, and more occurrences than a century holds.
MAX_WITHIN_DAYS = 36_525
MAX_COUNT = 100_000


@click.command("next")
@click.option(
    "-n",
    "--count",
    type=click.IntRange(1, MAX_COUNT),
    default=None,
    help=f"How many occurrences to show, up to {MAX_COUNT:,} (default 10, or all within --within).",
)
@click.option(
    "--within",
    type=click.IntRange(0, MAX_WITHIN_DAYS),
    metavar="DAYS",
    help=f"Only occurrences starting within this many days from today (at most {MAX_WITHIN_DAYS:,}).",
)
@listing_options
def next_command(count: int | None, within: int | None, **options: Any) -> None:
    """The coming observances, nearest first (weeks in progress included).

    \b
    Examples:
      observe next
      observe next -n 25 --topic health
      observe next --within 7 --quiet-if-empty     (a weekly cron digest)
    """  # fmt: skip
    from observe.occurrences import upcoming

    settings = current_settings()
    if count is None and within is None:
        count = settings.config().next_count
    today = settings.reference_day()
    title = f"Coming observances from {today.isoformat()}"
    list_occurrences(options, title, lambda chosen: upcoming(chosen, today, count, within))

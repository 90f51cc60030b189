"""The list command: every occurrence in a year, or in one month of it."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from observe.cli.settings import current_settings
from observe.cli.shared import list_occurrences, listing_options
from observe.rules import FIRST_YEAR, LAST_YEAR, days_in_month


@click.command("list")
@click.argument("year", type=click.IntRange(FIRST_YEAR, LAST_YEAR), required=False)
@click.option("--month", type=click.IntRange(1, 12), help="Only occurrences that touch this month (1-12).")
@listing_options
def list_command(year: int | None, month: int | None, **options: Any) -> None:
    """Every occurrence that touches YEAR (default: this year), in date order.

    A week that starts in late December and runs into YEAR is listed, as with --month.

    \b
    Examples:
      observe list
      observe list 2011 --month 12
    """
    from observe.occurrences import overlapping

    chosen_year = year or current_settings().reference_day().year
    title = f"Observances in {chosen_year}" + (f", month {month}" if month else "")
    if month is None:
        first, last = date(chosen_year, 1, 1), date(chosen_year, 12, 31)
    else:
        first = date(chosen_year, month, 1)
        last = date(chosen_year, month, days_in_month(chosen_year, month))
    list_occurrences(options, title, lambda chosen: overlapping(chosen, first, last))

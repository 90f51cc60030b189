"""The list command: every occurrence in a year, or in one month of it."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from observe.cli.shared import (
    common_options,
    current_settings,
    emit,
    filter_options,
    output_options,
    selected,
    split_options,
)
from observe.rules import FIRST_YEAR, LAST_YEAR, days_in_month


@click.command("list")
@click.argument("year", type=click.IntRange(FIRST_YEAR, LAST_YEAR), required=False)
@click.option("--month", type=click.IntRange(1, 12), help="Only occurrences that touch this month (1-12).")
@output_options
@filter_options
@common_options
def list_command(year: int | None, month: int | None, **options: Any) -> None:
    """Every occurrence in YEAR (default: this year), in date order.

    \b
    Examples:
      observe list
      observe list 2011 --month 12
    """
    from observe.occurrences import overlapping, starting_in_years

    filters, output = split_options(options)
    year = year or current_settings().reference_day().year
    chosen = selected(**filters)
    if month is None:
        found = starting_in_years(chosen, year, year)
    else:
        last_day = days_in_month(year, month)
        found = overlapping(chosen, date(year, month, 1), date(year, month, last_day))
    title = f"Observances in {year}" + (f", month {month}" if month else "")
    emit(found, title, output)

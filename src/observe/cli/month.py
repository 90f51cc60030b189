"""The month command: a month as a grid of weeks, then what falls in it."""

from __future__ import annotations

import re
from typing import Any

import click

from observe.cli.settings import current_settings
from observe.cli.shared import listing_options, selected, split_options
from observe.errors import EXIT_NOTHING_FOUND
from observe.rules import LAST_YEAR

YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
MOST_MONTHS = 120


@click.command("month")
@click.argument("text", metavar="[YYYY-MM]", required=False)
@click.option(
    "--next",
    "count",
    type=click.IntRange(1, MOST_MONTHS),
    default=1,
    show_default=True,
    help=f"How many months from YYYY-MM (at most {MOST_MONTHS}).",
)
@listing_options
def month_command(text: str | None, count: int, **options: Any) -> None:
    """A month as a grid (default: this month), weeks starting on your first_day_of_week, then
    every occurrence that touches it (a week across two months in both).

    \b
    Examples:
      observe month
      observe month 2026-12 --next 3
      observe month --markdown > newsletter.md
    """
    from observe.month import month_of, months_from
    from observe.occurrences import overlapping

    settings = current_settings()
    today = settings.reference_day()
    year, month = (today.year, today.month) if text is None else _year_month(text)
    spans = months_from(year, month, count)
    if spans[-1][0] > LAST_YEAR or spans[-1][0] < year:
        raise click.UsageError(f"the calendar ends in December {LAST_YEAR}", click.get_current_context())
    filters, output = split_options(options)
    chosen = selected(**filters)
    first_weekday = settings.config().first_day_of_week
    months = []
    for year, month in spans:
        grid = month_of(year, month, first_weekday, [])
        months.append(grid._replace(occurrences=overlapping(chosen, grid.first, grid.last)))
    found = any(grid.occurrences for grid in months)
    if output["template"] is not None:
        from observe.render.template import check

        check(output["template"])
    if found or not output["quiet_if_empty"]:
        settings.renderer(output["template"]).month(months, today, first_weekday)
    if output["fail_if_empty"] and not found:
        raise SystemExit(EXIT_NOTHING_FOUND)


def _year_month(text: str) -> tuple[int, int]:
    match = YEAR_MONTH.fullmatch(text)
    if match is None or not (int(match[1]) >= 1 and 1 <= int(match[2]) <= 12):
        raise click.BadParameter(
            f"'{text}' is not a month; write YYYY-MM, such as 2026-12", param_hint="'YYYY-MM'"
        )
    return int(match[1]), int(match[2])

"""The when command: the dates of one observance in given years, or why there are none."""

from __future__ import annotations

import click

from observe.cli.records import complete_ids
from observe.cli.settings import current_settings
from observe.cli.shared import common_options, resolve_id
from observe.errors import ObserveError


@click.command("when")
@click.argument("ident", metavar="ID", shell_complete=complete_ids)
@click.argument("texts", nargs=-1, metavar="[YEAR|FIRST-LAST]...")
@common_options
def when_command(ident: str, texts: tuple[str, ...]) -> None:
    """When ID falls in each YEAR (default: this year and next), with the rule and its source.

    A year without a date says why: before the first year, after the last, not a year of an
    every-N-years rule, or a date set year by year that no source gives.

    \b
    Examples:
      observe when south-south-cooperation 2011 2012
      observe when world-statistics-day 2010-2026
    """
    from observe.when import answers, parse_years

    settings = current_settings()
    today = settings.reference_day()
    try:
        years = parse_years(texts) if texts else [today.year, today.year + 1]
    except ObserveError as error:
        raise click.BadParameter(str(error), param_hint="'YEAR'") from None
    observance = resolve_id(ident)
    settings.renderer().when(observance, answers(observance, years), today)

"""Commands about single observances: show, history and search."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from observe.cli.settings import Settings, current_settings
from observe.cli.shared import common_options, resolve_id, table_options
from observe.errors import EXIT_NOTHING_FOUND, ObserveError

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

# Longer than any name, alias or symbol a search could match; every word is compared with every field.
MAX_QUERY_LENGTH = 200


def complete_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Ids for shell completion; a broken user file must not break the shell, so it yields none."""
    from click.shell_completion import CompletionItem

    try:
        dataset = ctx.ensure_object(Settings).dataset()
    except ObserveError:
        return []
    return [CompletionItem(ident) for ident in dataset.ids() if ident.startswith(incomplete)]


@click.command("show")
@click.argument("ident", metavar="ID", shell_complete=complete_ids)
@common_options
def show_command(ident: str) -> None:
    """Everything about one observance: who proclaimed it, its rule, history, disputes and sources.

    ID may also be an alias or an unambiguous start of an id.

    \b
    Examples:
      observe show south-south-cooperation
      observe show "World Habitat Day"
    """
    settings = current_settings()
    observance = resolve_id(ident)
    settings.renderer().profile(observance, settings.dataset().details(observance), settings.reference_day())


@click.command("history")
@click.argument("ident", metavar="ID", shell_complete=complete_ids)
@common_options
def history_command(ident: str) -> None:
    """The timeline of one observance, oldest first, each entry with its source.

    \b
    Example:
      observe history south-south-cooperation
    """
    settings = current_settings()
    observance = resolve_id(ident)
    settings.renderer().history(observance, settings.dataset().details(observance))


@click.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--fail-if-empty", is_flag=True, help="Exit with status 1 when nothing matches.")
@table_options
@common_options
def search_command(words: tuple[str, ...], fail_if_empty: bool) -> None:
    """Find observances by name, alias, topic, body, instrument symbol or description.

    Every word must match; case and accents are ignored. Best matches come first.

    \b
    Examples:
      observe search water
      observe search 58/220
    """
    from observe.search import search

    settings = current_settings()
    query = " ".join(words)
    if not query.strip():
        raise click.UsageError("give at least one word to search for", click.get_current_context())
    if len(query) > MAX_QUERY_LENGTH:
        message = f"a search is at most {MAX_QUERY_LENGTH} characters long, not {len(query):,}"
        raise click.UsageError(message, click.get_current_context())
    dataset = settings.dataset()
    matches = search(dataset, dataset.details, query)
    settings.renderer().matches(query, matches)
    if fail_if_empty and not matches:
        raise SystemExit(EXIT_NOTHING_FOUND)

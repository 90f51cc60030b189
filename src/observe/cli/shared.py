"""What every command shares: option bundles, dates as typed, selection, id resolution and output
(the run's settings are in ``cli.settings``).

The commands themselves live in their own modules, imported only when they run, so the cost of
defining one command's options is paid only by that command.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from observe.cli.settings import Settings, current_settings
from observe.errors import EXIT_NOTHING_FOUND, EXIT_USAGE, ObserveError
from observe.render.fields import FIELD_NAMES
from observe.vocabulary import KINDS, LANGUAGES

if TYPE_CHECKING:
    from datetime import date

    from observe.model import Observance, Occurrence
    from observe.notes import Note
    from observe.render import Notes

F = TypeVar("F", bound=Callable[..., Any])


class TypedDay(click.ParamType):  # type: ignore[type-arg]  # generic only in click's stubs
    """A date as people write it (see ``observe.typed_dates``); without a year, this year's.

    For ``--today`` itself, "this year" is the local date's; commands whose DATE should follow
    ``--today`` take text and call ``typed_day`` instead.
    """

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        from datetime import date

        if isinstance(value, date):
            return value
        from observe.typed_dates import parse_day

        try:
            return parse_day(str(value), date.today().year)
        except ObserveError as error:
            self.fail(str(error), param, ctx)


def typed_day(text: str) -> date:
    """A DATE argument, in the reference day's year when it names none."""
    from observe.typed_dates import parse_day

    try:
        return parse_day(text, current_settings().reference_day().year)
    except ObserveError as error:
        raise click.BadParameter(str(error), click.get_current_context(), param_hint="'DATE'") from None


def _store(attribute: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """A callback that records an option in the shared settings when it was given."""

    def store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value is None or value is False or value == ():
            return
        settings = ctx.ensure_object(Settings)
        if attribute == "requested":
            settings.requested.append(param.name or "")
        elif attribute == "data":
            if "" in value:
                raise click.BadParameter("an empty path names no file or folder", ctx, param)
            settings.data.extend(value)
        else:
            setattr(settings, attribute, value)

    return store


def common_options(function: F) -> F:
    """Options accepted both before and after the command name (``observe --json next``)."""
    options = [
        click.option("--today", type=TypedDay(), expose_value=False, callback=_store("today"),
                     help="Pretend today is this date: 2026-12-19 or Dec 19 (default: the local date)."),
        click.option("--json", "json", is_flag=True, expose_value=False, callback=_store("requested"),
                     help="Print one JSON document (see docs/json.md)."),
        click.option("--lang", type=click.Choice(LANGUAGES), expose_value=False, callback=_store("lang"),
                     help="Names in this UN language where known (default: en; English where not, marked)."),
        click.option("--no-cache", is_flag=True, expose_value=False, callback=_store("no_cache"),
                     help="Read your own observance files afresh, not through the compiled cache."),
        click.option("--no-color", is_flag=True, expose_value=False, callback=_store("no_color"),
                     help="No colour, even on a terminal (NO_COLOR is honoured too)."),
        click.option("--data", type=click.Path(), multiple=True, expose_value=False,
                     callback=_store("data"),
                     help="Add observances from this TOML file or folder (repeatable)."),
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def filter_options(function: F) -> F:
    options = [
        click.option("--id", "ids", multiple=True, metavar="ID",
                     help="Only this observance (repeatable)."),
        click.option("--topic", "topics", multiple=True,
                     help="Only observances with this topic (repeatable)."),
        click.option("--body", "bodies", multiple=True,
                     help="Only observances proclaimed by this body, e.g. UNGA, WHO (repeatable)."),
        click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
                     help="Only days or only weeks."),
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def selected(
    ids: tuple[str, ...], topics: tuple[str, ...], bodies: tuple[str, ...], kinds: tuple[str, ...]
) -> list[Observance]:
    """The observances the filters pick; with no filter given, the config file's defaults apply."""
    from observe.selection import Selection

    settings = current_settings()
    if not (ids or topics or bodies or kinds):
        config = settings.config()
        topics, bodies, kinds = config.topics, config.bodies, config.kinds
    return Selection(ids, topics, bodies, kinds).apply(settings.dataset().observances)


def table_options(function: F) -> F:
    """--csv and --markdown: the tables of every command that lists (occurrences, matches, changes)."""
    options = [
        click.option("--csv", "csv", is_flag=True, expose_value=False, callback=_store("requested"),
                     help="Print CSV (RFC 4180, UTF-8, a header row) for spreadsheets."),
        click.option("--markdown", "markdown", is_flag=True, expose_value=False, callback=_store("requested"),
                     help="Print a Markdown table (GitHub-flavoured), the official pages as links."),
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def output_options(function: F) -> F:
    """Options of every command that lists occurrences."""
    options = [
        click.option("--format", "template", metavar="TEMPLATE",
                     help="One line per occurrence from {field} placeholders: " + ", ".join(
                         "{" + name + "}" for name in FIELD_NAMES) + r". \t and \n are tab and newline."),
        click.option("--quiet-if-empty", is_flag=True,
                     help="Print nothing at all when nothing is found (for cron: no empty mail)."),
        click.option("--fail-if-empty", is_flag=True, help="Exit with status 1 when nothing is found."),
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def _emit(occurrences: list[Occurrence], title: str, output: dict[str, Any], notes: Notes | None) -> None:
    """Hand occurrences to the run's renderer; print nothing only when asked, exit 1 only when asked."""
    settings = current_settings()
    if output["template"] is not None:
        from observe.render.template import check

        check(output["template"])
    renderer = settings.renderer(output["template"])
    if occurrences or not output["quiet_if_empty"]:
        renderer.occurrences(occurrences, settings.reference_day(), title, notes)
    if output["fail_if_empty"] and not occurrences:
        raise SystemExit(EXIT_NOTHING_FOUND)


OUTPUT_KEYS = ("template", "quiet_if_empty", "fail_if_empty")


def listing_options(function: F) -> F:
    """Everything a command that lists occurrences takes: output choices, filters, common options."""
    return output_options(table_options(filter_options(common_options(function))))


def list_occurrences(
    options: dict[str, Any],
    title: str,
    find: Callable[[list[Observance]], list[Occurrence]],
    days: list[date] | None = None,
) -> None:
    """What every listing command does: pick the observances, find their occurrences, print them.

    ``days``: the dates the user asked about, for notes on what else concerns them.
    """
    filters, output = split_options(options)
    chosen = selected(**filters)
    notes = None if days is None else _notes(chosen, days)
    _emit(find(chosen), title, output, notes)


def _notes(chosen: list[Observance], days: list[date]) -> Notes:
    """Notes on ``days``, computed only if the renderer shows them (they read the details)."""

    def compute() -> list[Note]:
        from observe.notes import notes_for

        return notes_for(chosen, current_settings().dataset().details, days)

    return compute


def split_options(options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Separate the filter options from the output options that listing commands share."""
    output = {key: options.pop(key) for key in OUTPUT_KEYS}
    return options, output


def resolve_id(ident: str) -> Observance:
    from observe.lookup import resolve

    return resolve(current_settings().dataset().observances, ident)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print one line (whatever newlines or control characters the message held) and exit."""
    from observe.printable import one_line

    sys.stderr.write(" ".join(one_line(message).split()) + "\n")
    raise SystemExit(code)

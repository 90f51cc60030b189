"""The ``observe`` command line: thin commands that parse options, ask the domain, and render.

Heavy modules (rich, icalendar) are imported inside the commands that need them, so that a
plain ``observe next`` in a pipe pays only for click and the data.
"""

from __future__ import annotations

import calendar
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click
from click.shell_completion import CompletionItem

from observe import __version__
from observe.dataset import Dataset
from observe.errors import EXIT_INTERRUPTED, EXIT_NOTHING_FOUND, EXIT_USAGE, DataError, ObserveError
from observe.model import Observance, Occurrence
from observe.rules import FIRST_YEAR, LAST_YEAR

F = TypeVar("F", bound=Callable[..., Any])
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Settings:
    """What every command shares: the reference day, output choices and where data comes from."""

    today: date | None = None
    json: bool = False
    no_color: bool = False
    data: list[Path] = field(default_factory=list)
    _dataset: Dataset | None = None

    def reference_day(self) -> date:
        return self.today or date.today()

    def dataset(self) -> Dataset:
        if self._dataset is None:
            from observe.dataset import load

            self._dataset = load(self.data)
        return self._dataset

    def on_terminal(self) -> bool:
        return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"

    def color(self) -> bool:
        return not self.no_color and "NO_COLOR" not in os.environ


class IsoDate(click.ParamType):  # type: ignore[type-arg]  # generic only in click's stubs
    """A calendar date written YYYY-MM-DD; anything else is refused with the reason."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        if not ISO_DATE.fullmatch(str(value)):
            self.fail(f"'{value}' is not a date in the form YYYY-MM-DD", param, ctx)
        try:
            return date.fromisoformat(value)
        except ValueError as error:
            self.fail(f"'{value}' is not a valid date: {error}", param, ctx)


def _settings() -> Settings:
    return click.get_current_context().ensure_object(Settings)


def _store(attribute: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """A callback that records an option in the shared settings when it was given."""

    def store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value is None or value is False or value == ():
            return
        settings = ctx.ensure_object(Settings)
        if attribute == "data":
            settings.data.extend(Path(path) for path in value)
        else:
            setattr(settings, attribute, value)

    return store


def common_options(function: F) -> F:
    """Options accepted both before and after the command name (``observe --json next``)."""
    options = [
        click.option("--today", type=IsoDate(), expose_value=False, callback=_store("today"),
                     help="Pretend today is this date (default: the local date)."),
        click.option("--json", "json_output", is_flag=True, expose_value=False, callback=_store("json"),
                     help="Print one JSON document (see docs/json.md)."),
        click.option("--no-color", is_flag=True, expose_value=False, callback=_store("no_color"),
                     help="No colour, even on a terminal (NO_COLOR is honoured too)."),
        click.option("--data", type=click.Path(path_type=Path), multiple=True, expose_value=False,
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
        click.option("--kind", "kinds", multiple=True, type=click.Choice(["day", "week"]),
                     help="Only days or only weeks."),
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def _selected(
    ids: tuple[str, ...], topics: tuple[str, ...], bodies: tuple[str, ...], kinds: tuple[str, ...]
) -> list[Observance]:
    from observe.selection import Selection

    return Selection(ids, topics, bodies, kinds).apply(_settings().dataset())


def _emit(occurrences: list[Occurrence], title: str, fail_if_empty: bool = False) -> None:
    """Print occurrences in the mode the context calls for; exit 1 only when asked to."""
    settings = _settings()
    today = settings.reference_day()
    if settings.json:
        from observe.render.jsonout import dumps, occurrences_document

        _write(dumps(occurrences_document(occurrences, today)) + "\n")
    elif settings.on_terminal():
        from observe.render.terminal import make_console, print_occurrences

        print_occurrences(make_console(settings.color()), occurrences, today, title)
    else:
        from observe.render.plain import occurrence_lines

        _write("".join(line + "\n" for line in occurrence_lines(occurrences, today)))
    if fail_if_empty and not occurrences:
        raise SystemExit(EXIT_NOTHING_FOUND)


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", message="observe %(version)s")
@common_options
def cli() -> None:
    """A calendar of the United Nations' international days and weeks.

    \b
    Examples:
      observe next                 the next 10 observances
      observe next --within 7      everything in the coming week (for cron)
      observe list 2027 --month 10
      observe on 2026-12-10
    """


@cli.command("next")
@click.option(
    "-n",
    "--count",
    type=click.IntRange(min=1),
    default=None,
    help="How many occurrences to show (default 10, or all within --within).",
)
@click.option(
    "--within",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help="Only occurrences starting within this many days from today.",
)
@click.option("--fail-if-empty", is_flag=True, help="Exit with status 1 when nothing is found.")
@filter_options
@common_options
def next_command(count: int | None, within: int | None, fail_if_empty: bool, **filters: Any) -> None:
    """The coming observances, nearest first (weeks in progress included).

    \b
    Examples:
      observe next
      observe next -n 25 --topic health
      observe next --within 7 --today 2026-12-01
    """
    from observe.occurrences import upcoming

    if count is None and within is None:
        count = 10
    today = _settings().reference_day()
    found = upcoming(_selected(**filters), today, count, within)
    _emit(found, f"Coming observances from {today.isoformat()}", fail_if_empty)


@cli.command("today")
@click.option("--fail-if-empty", is_flag=True, help="Exit with status 1 when nothing is observed.")
@filter_options
@common_options
def today_command(fail_if_empty: bool, **filters: Any) -> None:
    """What is observed today (a week counts on each of its days).

    \b
    Example:
      observe today
    """
    _show_day(_settings().reference_day(), fail_if_empty, filters)


@cli.command("on")
@click.argument("day", type=IsoDate(), metavar="DATE")
@click.option("--fail-if-empty", is_flag=True, help="Exit with status 1 when nothing is observed.")
@filter_options
@common_options
def on_command(day: date, fail_if_empty: bool, **filters: Any) -> None:
    """What is observed on DATE (YYYY-MM-DD).

    \b
    Example:
      observe on 2026-10-06
    """
    _show_day(day, fail_if_empty, filters)


def _show_day(day: date, fail_if_empty: bool, filters: dict[str, Any]) -> None:
    from observe.occurrences import covering

    _emit(covering(_selected(**filters), day), f"Observed on {day.isoformat()}", fail_if_empty)


@cli.command("list")
@click.argument("year", type=click.IntRange(FIRST_YEAR, LAST_YEAR), required=False)
@click.option("--month", type=click.IntRange(1, 12), help="Only occurrences that touch this month (1-12).")
@click.option("--fail-if-empty", is_flag=True, help="Exit with status 1 when nothing is found.")
@filter_options
@common_options
def list_command(year: int | None, month: int | None, fail_if_empty: bool, **filters: Any) -> None:
    """Every occurrence in YEAR (default: this year), in date order.

    \b
    Examples:
      observe list
      observe list 2011 --month 12
    """
    from observe.occurrences import starting_in_years

    year = year or _settings().reference_day().year
    found = starting_in_years(_selected(**filters), year, year)
    if month is not None:
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        found = [o for o in found if o.start <= last and o.end >= first]
    title = f"Observances in {year}" + (f", month {month}" if month else "")
    _emit(found, title, fail_if_empty)


def _complete_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Ids for shell completion; a broken user file must not break the shell, so it yields none."""
    try:
        dataset = ctx.ensure_object(Settings).dataset()
    except ObserveError:
        return []
    return [CompletionItem(ident) for ident in dataset.observances if ident.startswith(incomplete)]


def _resolve(ident: str) -> Observance:
    from observe.lookup import resolve

    return resolve(_settings().dataset(), ident)


@cli.command("show")
@click.argument("ident", metavar="ID", shell_complete=_complete_ids)
@common_options
def show_command(ident: str) -> None:
    """Everything about one observance: who proclaimed it, its rule, history, disputes and sources.

    ID may also be an alias or an unambiguous start of an id.

    \b
    Examples:
      observe show south-south-cooperation
      observe show "World Habitat Day"
    """
    settings = _settings()
    observance = _resolve(ident)
    today = settings.reference_day()
    if settings.json:
        from observe.render.jsonout import dumps, observance_document

        _write(dumps(observance_document(observance, today)) + "\n")
    elif settings.on_terminal():
        from observe.render.terminal import make_console, print_profile

        print_profile(make_console(settings.color()), observance, today)
    else:
        from observe.render.plain import profile_lines

        _write("".join(line + "\n" for line in profile_lines(observance, today)))


@cli.command("history")
@click.argument("ident", metavar="ID", shell_complete=_complete_ids)
@common_options
def history_command(ident: str) -> None:
    """The timeline of one observance, oldest first, each entry with its source.

    \b
    Example:
      observe history south-south-cooperation
    """
    from observe.timeline import timeline

    settings = _settings()
    observance = _resolve(ident)
    if settings.json:
        from observe.render.jsonout import dumps, history_document

        _write(dumps(history_document(observance)) + "\n")
    elif settings.on_terminal():
        from observe.render.terminal import make_console, timeline_table

        console = make_console(settings.color())
        console.print(f"{observance.name} ({observance.id})", style="bold")
        console.print(timeline_table(timeline(observance), observance.sources))
    else:
        from observe.render.plain import timeline_lines

        _write("".join(line + "\n" for line in timeline_lines(timeline(observance))))


@cli.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--fail-if-empty", is_flag=True, help="Exit with status 1 when nothing matches.")
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

    settings = _settings()
    query = " ".join(words)
    matches = search(settings.dataset(), query)
    if settings.json:
        from observe.render.jsonout import dumps, search_document

        _write(dumps(search_document(query, matches)) + "\n")
    elif settings.on_terminal():
        from observe.render.terminal import make_console, print_matches

        print_matches(make_console(settings.color()), query, matches)
    else:
        _write("".join(f"{m.observance.id}\t{m.observance.name}\n" for m in matches))
    if fail_if_empty and not matches:
        raise SystemExit(EXIT_NOTHING_FOUND)


@cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@common_options
def validate_command(paths: tuple[Path, ...]) -> None:
    """Check observance files and report every problem as FILE:LINE: MESSAGE.

    With no PATH, checks the bundled data and your own files (--data, $OBSERVE_DATA).
    Exits with status 3 when any problem is found.

    \b
    Examples:
      observe validate
      observe validate ~/my-days/team-day.toml
    """
    from observe.dataset import bundled_sources, validate_files

    settings = _settings()
    chosen = list(paths) or bundled_sources() + settings.data
    checked = validate_files(chosen)
    click.echo(f"{checked} file{'s' if checked != 1 else ''} checked, no problems")


def main() -> None:
    """Run the CLI, turning every failure into one line on stderr and a documented exit code."""
    try:
        result = cli.main(prog_name="observe", standalone_mode=False)
    except click.ClickException as error:
        _fail(_one_line(error.format_message(), error), error.exit_code)
    except DataError as error:
        for problem in error.problems:
            sys.stderr.write(problem + "\n")
        raise SystemExit(error.exit_code) from None
    except ObserveError as error:
        _fail(f"observe: {error}", error.exit_code)
    except (KeyboardInterrupt, click.Abort):
        sys.stderr.write("\n")
        raise SystemExit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        _silence_stdout()
        raise SystemExit(141) from None
    raise SystemExit(result if isinstance(result, int) else 0)


def _one_line(message: str, error: click.ClickException) -> str:
    if isinstance(error, click.UsageError) and error.ctx is not None:
        return f"{error.ctx.command_path}: {message} (see '{error.ctx.command_path} --help')"
    return f"observe: {message}"


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    """Print one line (whatever newlines the message held) and exit with ``code``."""
    sys.stderr.write(" ".join(message.split()) + "\n")
    raise SystemExit(code)


def _silence_stdout() -> None:
    """After the reader of a pipe went away, keep Python's exit-time flush from complaining."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())

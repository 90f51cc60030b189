"""The ``observe`` command line: thin commands that parse options, ask the domain, and render.

Heavy modules (rich) are imported inside the commands that need them, so that a
plain ``observe next`` in a pipe pays only for click and the data.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import click

from observe import __version__
from observe.config import Config
from observe.dataset import Dataset
from observe.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_NOTHING_FOUND,
    EXIT_USAGE,
    DataError,
    ObserveError,
    Problem,
)
from observe.model import Observance, Occurrence
from observe.render.fields import FIELD_NAMES
from observe.rules import FIRST_YEAR, LAST_YEAR, days_in_month

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

F = TypeVar("F", bound=Callable[..., Any])
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TODAY_ENV = "OBSERVE_TODAY"


class Settings:
    """What every command shares: the reference day, output choices and where data comes from."""

    def __init__(self) -> None:
        self.today: date | None = None
        self.json = False
        self.no_color = False
        self.data: list[str] = []
        self._dataset: Dataset | None = None
        self._config: Config | None = None

    def config(self) -> Config:
        if self._config is None:
            from observe.config import load_config

            self._config = load_config()
        return self._config

    def reference_day(self) -> date:
        """``--today``, else $OBSERVE_TODAY (for scripts and tests), else the local date."""
        if self.today is not None:
            return self.today
        pinned = os.environ.get(TODAY_ENV)
        if pinned:
            return parse_iso_date(pinned, f"${TODAY_ENV}")
        return date.today()

    def dataset(self) -> Dataset:
        if self._dataset is None:
            from observe.config import user_observance_dir
            from observe.dataset import load

            own = user_observance_dir()
            self._dataset = load(([own] if os.path.isdir(own) else []) + self.data)
        return self._dataset

    def wants_json(self) -> bool:
        return self.json or self.config().output == "json"

    def on_terminal(self) -> bool:
        return sys.stdout.isatty() and os.environ.get("TERM") != "dumb" and self.config().output != "plain"

    def color(self) -> bool:
        return not self.no_color and "NO_COLOR" not in os.environ and self.config().color


def parse_iso_date(text: str, where: str) -> date:
    """A YYYY-MM-DD date, or a one-line error naming where the text came from and what is wrong."""
    if not ISO_DATE.fullmatch(text):
        raise ObserveError(f"{where}: '{text}' is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise ObserveError(f"{where}: '{text}' is not a valid date: {error}") from None


class IsoDate(click.ParamType):  # type: ignore[type-arg]  # generic only in click's stubs
    """A calendar date written YYYY-MM-DD; anything else is refused with the reason."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_iso_date(str(value), "date")
        except ObserveError as error:
            self.fail(str(error).removeprefix("date: "), param, ctx)


def _settings() -> Settings:
    return click.get_current_context().ensure_object(Settings)


def _store(attribute: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """A callback that records an option in the shared settings when it was given."""

    def store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value is None or value is False or value == ():
            return
        settings = ctx.ensure_object(Settings)
        if attribute == "data":
            settings.data.extend(value)
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
        click.option("--kind", "kinds", multiple=True, type=click.Choice(["day", "week"]),
                     help="Only days or only weeks."),
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def _selected(
    ids: tuple[str, ...], topics: tuple[str, ...], bodies: tuple[str, ...], kinds: tuple[str, ...]
) -> list[Observance]:
    """The observances the filters pick; with no filter given, the config file's defaults apply."""
    from observe.selection import Selection

    settings = _settings()
    if not (ids or topics or bodies or kinds):
        config = settings.config()
        topics, bodies, kinds = config.topics, config.bodies, config.kinds
    return Selection(ids, topics, bodies, kinds).apply(settings.dataset())


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


def _emit(occurrences: list[Occurrence], title: str, output: dict[str, Any]) -> None:
    """Print occurrences in the mode the context calls for; exit 1 only when asked to."""
    settings = _settings()
    today = settings.reference_day()
    template = output["template"]
    if template is not None:
        from observe import template as templates

        templates.check(template)
    if occurrences or not output["quiet_if_empty"]:
        if template is not None:
            from observe.render.fields import occurrence_fields

            _write(
                "".join(templates.render(template, occurrence_fields(o, today)) + "\n" for o in occurrences)
            )
        elif settings.wants_json():
            from observe.render.jsonout import dumps, occurrences_document

            _write(dumps(occurrences_document(occurrences, today)) + "\n")
        elif settings.on_terminal():
            from observe.render.terminal import make_console, print_occurrences

            print_occurrences(make_console(settings.color()), occurrences, today, title)
        else:
            from observe.render.plain import occurrence_lines

            _write("".join(line + "\n" for line in occurrence_lines(occurrences, today)))
    if output["fail_if_empty"] and not occurrences:
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


OUTPUT_KEYS = ("template", "quiet_if_empty", "fail_if_empty")


def _split(options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Separate the filter options from the output options that listing commands share."""
    output = {key: options.pop(key) for key in OUTPUT_KEYS}
    return options, output


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
@output_options
@filter_options
@common_options
def next_command(count: int | None, within: int | None, **options: Any) -> None:
    """The coming observances, nearest first (weeks in progress included).

    \b
    Examples:
      observe next
      observe next -n 25 --topic health
      observe next --within 7 --quiet-if-empty     (a weekly cron digest)
    """  # fmt: skip
    from observe.occurrences import upcoming

    filters, output = _split(options)
    if count is None and within is None:
        count = _settings().config().next_count
    today = _settings().reference_day()
    found = upcoming(_selected(**filters), today, count, within)
    _emit(found, f"Coming observances from {today.isoformat()}", output)


@cli.command("today")
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
    _show_day(_settings().reference_day(), options)


@cli.command("on")
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

    filters, output = _split(options)
    _emit(covering(_selected(**filters), day), f"Observed on {day.isoformat()}", output)


@cli.command("week")
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

    filters, output = _split(options)
    day = day or _settings().reference_day()
    first = day - timedelta(days=(day.weekday() - _settings().config().first_day_of_week) % 7)
    last = first + timedelta(days=6)
    found = overlapping(_selected(**filters), first, last)
    _emit(found, f"Week of {first.isoformat()} to {last.isoformat()}", output)


@cli.command("list")
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

    filters, output = _split(options)
    year = year or _settings().reference_day().year
    chosen = _selected(**filters)
    if month is None:
        found = starting_in_years(chosen, year, year)
    else:
        last_day = days_in_month(year, month)
        found = overlapping(chosen, date(year, month, 1), date(year, month, last_day))
    title = f"Observances in {year}" + (f", month {month}" if month else "")
    _emit(found, title, output)


def _complete_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Ids for shell completion; a broken user file must not break the shell, so it yields none."""
    from click.shell_completion import CompletionItem

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
        from observe.render.plain_record import profile_lines

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
        from observe.render.plain_record import timeline_lines

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


# An event starting late in 9999 would end in 10000, a year an iCalendar DATE cannot hold.
LAST_EXPORT_YEAR = LAST_YEAR - 1


def _export_year(flag: str, name: str, text: str) -> Callable[[F], F]:
    """--from and --to: a year an exported event can start in."""
    years = click.IntRange(FIRST_YEAR, LAST_EXPORT_YEAR)
    return click.option(flag, name, type=years, metavar="YEAR", help=text)


def _alarm_trigger(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Check --alarm while parsing, so that a bad value is a usage error that names it."""
    if value is None:
        return None
    from observe.ics import alarm_trigger

    try:
        return alarm_trigger(value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx, param) from None


@cli.command("export")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write to FILE, replacing it in one step (default, or '-': standard output).",
)
@click.option(
    "--expand",
    is_flag=True,
    help="One event per occurrence from --from to --to, not one repeating event per rule.",
)
@_export_year("--from", "first", "With --expand: the first year (default: this year).")
@_export_year(
    "--to",
    "last",
    "With --expand: the last year (default: this year + 10). Without: the last year written out "
    "for open-ended rules that calendars cannot repeat (default: this year + 25).",
)
@click.option(
    "--alarm",
    metavar="DURATION",
    callback=_alarm_trigger,
    help="A reminder this long before each start, such as 1d, 12h or 1w (default: none).",
)
@click.option(
    "--calendar-name",
    default="UN International Days",
    show_default=True,
    metavar="NAME",
    help="The name calendar apps show for the calendar.",
)
@filter_options
@common_options
def export_command(
    output: str | None,
    expand: bool,
    first: int | None,
    last: int | None,
    alarm: str | None,
    calendar_name: str,
    **filters: Any,
) -> None:
    """Write the observances as an iCalendar (.ics) file, to import or subscribe to.

    Each date rule becomes one repeating event, ended where the date changed; --expand writes one
    event per occurrence instead. Event ids stay the same from run to run, so importing a newer
    file updates the events, and the same data and options give the same bytes.

    \b
    Examples:
      observe export -o un-days.ics
      observe export --expand --from 2026 --to 2030 --topic health -o health.ics
    """
    from observe import ics

    year = _settings().reference_day().year
    last = min(year + (10 if expand else 25), LAST_EXPORT_YEAR) if last is None else last
    if first is not None and not expand:
        raise click.UsageError("--from applies only with --expand", click.get_current_context())
    if expand and (first or year) > last:
        raise click.UsageError(f"--from {first or year} is after --to {last}", click.get_current_context())
    observances = _selected(**filters)
    if expand:
        events = ics.expanded_events(observances, first or year, last)
    else:
        events = ics.rule_events(observances, last)
    if not events:
        _fail("observe: nothing to export: nothing occurs with these filters and years", EXIT_NOTHING_FOUND)
    stamp = ics.dtstamp(observances, os.environ.get("SOURCE_DATE_EPOCH"))
    data = ics.calendar(events, calendar_name, stamp, alarm)
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from pathlib import Path

    from observe.atomic import write_atomically

    write_atomically(Path(output), data)
    if sys.stderr.isatty():
        click.echo(f"Wrote {len(events)} events to {output}", err=True)


@cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
@common_options
def validate_command(paths: tuple[str, ...]) -> None:
    """Check observance files and report every problem as FILE:LINE: MESSAGE.

    With no PATH, checks the bundled data, your config.toml, and your own observance files (the
    config folder's observances/, --data and $OBSERVE_DATA). Exits with status 3 on any problem.

    \b
    Examples:
      observe validate
      observe validate ~/my-days/team-day.toml
    """
    from observe.config import load_config, user_observance_dir
    from observe.dataset import bundled_sources, env_paths, expand_paths, validate_files

    settings = _settings()
    from pathlib import Path

    chosen = [Path(path) for path in paths]
    if not chosen:
        load_config()
        own = Path(user_observance_dir())
        extra = [Path(path) for path in settings.data]
        chosen = bundled_sources() + ([own] if own.is_dir() else []) + extra + env_paths()
    files = list(expand_paths(chosen))
    try:
        checked = validate_files(files)
    except DataError as error:
        if settings.wants_json():
            _write_validation(len(files), error.problems)
        raise
    if settings.wants_json():
        _write_validation(checked, [])
    else:
        click.echo(f"{checked} file{'s' if checked != 1 else ''} checked, no problems")


def _write_validation(checked: int, problems: list[Problem]) -> None:
    from observe.render.jsonout import dumps, validation_document

    _write(dumps(validation_document(checked, problems)) + "\n")


def main() -> None:
    """Run the CLI, turning every failure into one line on stderr and a documented exit code."""
    # A terminal or pipe that cannot show a character gets '?' rather than a crash.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        result = cli.main(prog_name="observe", standalone_mode=False)
    except click.ClickException as error:
        _fail(_one_line(error.format_message(), error), error.exit_code)
    except DataError as error:
        _report_data_problems(error)
    except ObserveError as error:
        _fail(f"observe: {error}", error.exit_code)
    except (KeyboardInterrupt, click.Abort):
        sys.stderr.write("\n")
        raise SystemExit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        _silence_stdout()
        raise SystemExit(EXIT_BROKEN_PIPE) from None
    raise SystemExit(result if isinstance(result, int) else 0)


def _report_data_problems(error: DataError) -> None:
    for problem in error.problems:
        sys.stderr.write(f"{problem}\n")
    raise SystemExit(error.exit_code)


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

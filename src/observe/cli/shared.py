"""What every command shares: settings, option bundles, id resolution and output.

The commands themselves live in their own modules, imported only when they run, so the cost of
defining one command's options is paid only by that command.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from observe.config import Config
from observe.errors import EXIT_NOTHING_FOUND, EXIT_USAGE, ObserveError
from observe.load.dataset import Dataset
from observe.model import KINDS, LANGUAGES, Observance, Occurrence
from observe.render.fields import FIELD_NAMES

if TYPE_CHECKING:
    from observe.notes import Note
    from observe.render import Notes, Renderer

F = TypeVar("F", bound=Callable[..., Any])
# The environment is read here, in the command line's layer, and passed down.
TODAY_ENV = "OBSERVE_TODAY"
DATA_ENV = "OBSERVE_DATA"
CONFIG_DIR_ENV = "OBSERVE_CONFIG_DIR"
LANG_ENV = "OBSERVE_LANG"
CACHE_DIR_ENV = "OBSERVE_CACHE_DIR"


class Settings:
    """What every command shares: the reference day, output choices and where data comes from."""

    def __init__(self) -> None:
        self.today: date | None = None
        self.requested: list[str] = []  # output modes asked for by flag: json, csv, markdown
        self.lang: str | None = None
        self.no_cache = False
        self.no_color = False
        self.data: list[str] = []
        self._dataset: Dataset | None = None
        self._config: Config | None = None

    def config(self) -> Config:
        if self._config is None:
            from observe.config import load_config

            self._config = load_config(self.config_dir())
        return self._config

    def reference_day(self) -> date:
        """``--today``, else $OBSERVE_TODAY (for scripts and tests), else the local date."""
        if self.today is not None:
            return self.today
        pinned = os.environ.get(TODAY_ENV)
        if pinned:
            from observe.typed_dates import parse_day

            try:
                self.today = parse_day(pinned, date.today().year)
            except ObserveError as error:
                raise ObserveError(f"${TODAY_ENV}: {error}") from None
            return self.today
        return date.today()

    def config_dir(self) -> str:
        """The configuration folder: $OBSERVE_CONFIG_DIR, else the platform's (XDG on Linux)."""
        return os.environ.get(CONFIG_DIR_ENV) or click.get_app_dir("observe")

    def user_paths(self) -> list[str]:
        """The user's observance files and folders: $OBSERVE_DATA, the config folder's
        observances/ (optional, but one that is there and cannot be read is an error), --data."""
        from observe.config import observance_dir
        from observe.load.reading import toml_files

        own = observance_dir(self.config_dir())
        from_env = [part for part in os.environ.get(DATA_ENV, "").split(os.pathsep) if part]
        return [*from_env, *(toml_files(own) if os.path.lexists(own) else []), *self.data]

    def language(self) -> str:
        """The language of names: --lang, else $OBSERVE_LANG, else config's ``lang``, else English."""
        chosen = self.lang or os.environ.get(LANG_ENV) or self.config().lang
        if chosen not in LANGUAGES:
            raise ObserveError(f"${LANG_ENV}: '{chosen}' is not one of: {', '.join(LANGUAGES)}")
        return chosen

    def cache_file(self) -> str | None:
        """Where the compiled cache of the user's files lives: $OBSERVE_CACHE_DIR, else the
        platform's cache folder ($XDG_CACHE_HOME/observe or ~/.cache/observe on Linux); None
        with --no-cache, or where no folder can be named."""
        if self.no_cache:
            return None
        folder = os.environ.get(CACHE_DIR_ENV) or _platform_cache_dir()
        if not folder:
            return None
        from observe.load.cache import CACHE_NAME

        return os.path.join(folder, CACHE_NAME)

    def dataset(self) -> Dataset:
        if self._dataset is None:
            from observe.load.dataset import load

            paths = self.user_paths()
            self._dataset = load(paths, self.language(), self.cache_file() if paths else None)
        return self._dataset

    def renderer(self, template: str | None = None) -> Renderer:
        """The one renderer of this run: the mode a flag asked for (--json, --csv, --markdown,
        --format: one at most), else config's ``output``, else a table on a terminal, else plain."""
        from observe.render import choose

        asked = sorted({*self.requested, *(["template"] if template is not None else [])})
        if len(asked) > 1:
            flags = ", ".join("--format" if mode == "template" else f"--{mode}" for mode in asked)
            raise click.UsageError(f"{flags}: give only one output format", click.get_current_context())
        if asked:
            mode = asked[0]
        elif self.config().output != "auto":
            mode = self.config().output
        else:
            mode = "terminal" if self.on_terminal() else "plain"
        return choose(mode, self, template)

    def on_terminal(self) -> bool:
        return sys.stdout.isatty() and os.environ.get("TERM") != "dumb" and self.config().output != "plain"

    def color(self) -> bool:
        # NO_COLOR counts only when set to something (https://no-color.org).
        return not self.no_color and not os.environ.get("NO_COLOR") and self.config().color


def _platform_cache_dir() -> str:
    """The platform's folder for caches: XDG on Linux and BSD, Library/Caches on macOS, the local
    application data folder on Windows; empty where the environment names none."""
    if sys.platform == "darwin":
        home = os.environ.get("HOME")
        return os.path.join(home, "Library", "Caches", "observe") if home else ""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return os.path.join(local, "observe", "Cache") if local else ""
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.path.join(os.environ["HOME"], ".cache") if os.environ.get("HOME") else ""
    )
    return os.path.join(base, "observe") if base else ""


class TypedDay(click.ParamType):  # type: ignore[type-arg]  # generic only in click's stubs
    """A date as people write it (see ``observe.typed_dates``); without a year, this year's.

    For ``--today`` itself, "this year" is the local date's; commands whose DATE should follow
    ``--today`` take text and call ``typed_day`` instead.
    """

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
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


def current_settings() -> Settings:
    return click.get_current_context().ensure_object(Settings)


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

"""The settings of one run: the reference day, the output mode, the language, the user's data
and configuration, and the environment (read here, in the command line's layer, and only here).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from observe.config import Config
from observe.errors import ObserveError
from observe.load.dataset import Dataset
from observe.vocabulary import LANGUAGES

if TYPE_CHECKING:
    from datetime import date

    from observe.render import Renderer

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
        """``--today``, else $OBSERVE_TODAY (for scripts and tests), else the local date; decided
        once, so a run that crosses midnight answers for one day throughout."""
        from datetime import date

        if self.today is None:
            pinned = os.environ.get(TODAY_ENV)
            self.today = date.today() if not pinned else _pinned_day(pinned, date.today().year)
        return self.today

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


def _pinned_day(text: str, year: int) -> date:
    from observe.typed_dates import parse_day

    try:
        return parse_day(text, year)
    except ObserveError as error:
        raise ObserveError(f"${TODAY_ENV}: {error}") from None


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


def current_settings() -> Settings:
    return click.get_current_context().ensure_object(Settings)

"""Output modes: one renderer per mode, chosen once per run by ``choose``.

Every command hands its result to the renderer the run chose; a renderer knows how to show
occurrences, one observance (``show``), its timeline (``history``), search matches and a
validation. Adding a mode is one module with a ``Renderer`` and one line in ``_RENDERERS``.
Renderer modules are imported only when chosen, so a listing in a pipe never loads rich.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from observe.changes import Change
    from observe.details import Details
    from observe.errors import Problem
    from observe.model import Observance, Occurrence
    from observe.month import Month
    from observe.notes import Note
    from observe.search import Match
    from observe.when import Answer

    Notes = Callable[[], list[Note]]

# The modes of observe.vocabulary.MODES (asked for by name), a terminal (which ``auto`` chooses when
# standard output is one) and a template (which --format asks for).
_RENDERERS = {
    "plain": "observe.render.plain:PlainRenderer",
    "json": "observe.render.jsonout:JsonRenderer",
    "terminal": "observe.render.terminal:TerminalRenderer",
    "template": "observe.render.template:TemplateRenderer",
    "csv": "observe.render.csvout:CsvRenderer",
    "markdown": "observe.render.markdown:MarkdownRenderer",
}


class Renderer(Protocol):
    """What every output mode can show.

    ``notes`` (for a date asked about) are computed only by the modes that show them, so a
    listing in a pipe does not read the details they need.
    """

    def occurrences(
        self, occurrences: list[Occurrence], today: date, title: str, notes: Notes | None = None
    ) -> None: ...

    def profile(self, observance: Observance, details: Details, today: date) -> None: ...

    def history(self, observance: Observance, details: Details) -> None: ...

    def matches(self, query: str, matches: list[Match]) -> None: ...

    def validation(self, checked: int, problems: list[Problem]) -> None: ...

    def when(self, observance: Observance, answers: list[Answer], today: date) -> None: ...

    def changes(self, changes: list[Change], since: date, until: date) -> None: ...

    def month(self, months: list[Month], today: date, first_weekday: int) -> None: ...


class Options(Protocol):
    """What a renderer may need to know of the run (``cli.shared.Settings`` provides it)."""

    def color(self) -> bool: ...

    def language(self) -> str: ...


def choose(mode: str, options: Options, template: str | None = None) -> Renderer:
    """The renderer for ``mode`` (one of ``vocabulary.MODES``, "terminal" or "template")."""
    module, name = _RENDERERS[mode].split(":")
    renderer: Renderer = getattr(importlib.import_module(module), name)(options, template)
    return renderer


def write(text: str) -> None:
    """Text to standard output, complete or an error (see ``observe.streams``)."""
    sys.stdout.write(text)
    sys.stdout.flush()

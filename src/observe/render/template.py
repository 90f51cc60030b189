"""``--format`` templates: ``{field}`` placeholders over the documented occurrence fields only.

Templates come from users and scripts, so they are never handed to ``str.format``: that would
let ``{0.__class__}`` reach attributes. Only the names in ``FIELD_NAMES`` are replaced.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from observe.errors import ObserveError
from observe.model import Occurrence
from observe.render import Options, write
from observe.render.fields import FIELD_NAMES, occurrence_fields
from observe.render.plain import RowsRenderer

if TYPE_CHECKING:
    from observe.changes import Change
    from observe.render import Notes

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|\\[tn\\]|[{}]")
ESCAPES = {"{{": "{", "}}": "}", "\\t": "\t", "\\n": "\n", "\\\\": "\\"}


class TemplateError(ObserveError):
    """A template names an unknown field or has an unmatched brace."""


def check(template: str, names: tuple[str, ...] = FIELD_NAMES) -> None:
    """Refuse a bad template before any output, naming the offending part."""
    for match in PLACEHOLDER.finditer(template):
        token = match.group(0)
        if token in ESCAPES:
            continue
        name = match.group(1)
        if name is None:
            raise TemplateError(f"unmatched '{token}' in --format (write '{token * 2}' for a literal brace)")
        if name not in names:
            raise TemplateError(f"unknown field '{{{name}}}' in --format; fields are: {', '.join(names)}")


def render(template: str, fields: dict[str, str | int]) -> str:
    """Fill a template already accepted by ``check``; ``\\t`` and ``\\n`` become tab and newline."""

    def substitute(match: re.Match[str]) -> str:
        token = match.group(0)
        return ESCAPES[token] if token in ESCAPES else str(fields[match.group(1)])

    return PLACEHOLDER.sub(substitute, template)


class TemplateRenderer(RowsRenderer):
    """``--format``: occurrences and changes through the user's template (which the command has
    checked with ``check`` against the fields it offers); anything else as plain text."""

    def __init__(self, options: Options, template: str | None = None) -> None:
        super().__init__(options)
        assert template is not None, "chosen only when --format gives a template"
        self.template = template

    def occurrences(
        self, occurrences: list[Occurrence], today: date, title: str, notes: Notes | None = None
    ) -> None:
        write("".join(render(self.template, occurrence_fields(o, today)) + "\n" for o in occurrences))

    def changes(self, changes: list[Change], since: date, until: date) -> None:
        from observe.render.fields import change_fields

        write("".join(render(self.template, change_fields(change)) + "\n" for change in changes))

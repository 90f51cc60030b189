"""``--format`` templates: ``{field}`` placeholders over the documented occurrence fields only.

Templates come from users and scripts, so they are never handed to ``str.format``: that would
let ``{0.__class__}`` reach attributes. Only the names in ``FIELD_NAMES`` are replaced.
"""

from __future__ import annotations

import re
from datetime import date

from observe.errors import ObserveError
from observe.model import Occurrence
from observe.render import Options, write
from observe.render.fields import FIELD_NAMES, occurrence_fields
from observe.render.plain import PlainRenderer

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|\\[tn\\]|[{}]")
ESCAPES = {"{{": "{", "}}": "}", "\\t": "\t", "\\n": "\n", "\\\\": "\\"}


class TemplateError(ObserveError):
    """A template names an unknown field or has an unmatched brace."""


def check(template: str) -> None:
    """Refuse a bad template before any output, naming the offending part."""
    for match in PLACEHOLDER.finditer(template):
        token = match.group(0)
        if token in ESCAPES:
            continue
        name = match.group(1)
        if name is None:
            raise TemplateError(f"unmatched '{token}' in --format (write '{token * 2}' for a literal brace)")
        if name not in FIELD_NAMES:
            raise TemplateError(
                f"unknown field '{{{name}}}' in --format; fields are: {', '.join(FIELD_NAMES)}"
            )


def render(template: str, fields: dict[str, str | int]) -> str:
    """Fill a template already accepted by ``check``; ``\\t`` and ``\\n`` become tab and newline."""

    def substitute(match: re.Match[str]) -> str:
        token = match.group(0)
        return ESCAPES[token] if token in ESCAPES else str(fields[match.group(1)])

    return PLACEHOLDER.sub(substitute, template)


class TemplateRenderer(PlainRenderer):
    """``--format``: occurrences through the user's template; anything else as plain text."""

    def __init__(self, options: Options, template: str | None = None) -> None:
        super().__init__(options)
        assert template is not None, "chosen only when --format gives a template"
        check(template)
        self.template = template

    def occurrences(self, occurrences: list[Occurrence], today: date, title: str) -> None:
        write("".join(render(self.template, occurrence_fields(o, today)) + "\n" for o in occurrences))

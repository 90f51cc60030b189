"""The fields of an occurrence (and of a change of the calendar) as every text output names them.

Plain lines, ``--json`` and ``--format`` templates all read from this one mapping, so a field
means the same thing everywhere and the documented names cannot drift apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from observe.printable import one_line
from observe.rules import WEEKDAY_NAMES

if TYPE_CHECKING:
    from datetime import date

    from observe.changes import Change
    from observe.model import Occurrence
    from observe.search import Match

FIELD_NAMES = (
    "date", "end", "weekday", "days_until", "id", "name", "kind",
    "body", "instrument", "url",
)  # fmt: skip


def occurrence_fields(occurrence: Occurrence, today: date) -> dict[str, str | int]:
    """The fields of one occurrence, each text one line with no control character, so that a
    template's own tabs and newlines are the only ones in its output."""
    observance = occurrence.observance
    fields: dict[str, str | int] = {
        "date": occurrence.start.isoformat(),
        "end": occurrence.end.isoformat(),
        "weekday": WEEKDAY_NAMES[occurrence.start.weekday()],
        "days_until": occurrence.days_until(today),
        "id": observance.id,
        "name": occurrence.name,
        "kind": observance.kind,
        "body": observance.body,
        "instrument": observance.instrument,
        "url": observance.url,
    }
    return _one_line(fields)


def _one_line(fields: dict[str, str | int]) -> dict[str, str | int]:
    """Each text field as one line with no control character (``observe.printable``)."""
    return {name: one_line(value) if isinstance(value, str) else value for name, value in fields.items()}


CHANGE_FIELD_NAMES = ("date", "kind", "id", "name", "what", "sources")


def change_fields(change: Change) -> dict[str, str | int]:
    """The fields of one change of the calendar, each one line with no control character."""
    event = change.event
    fields: dict[str, str | int] = {
        "date": event.date,
        "kind": event.kind,
        "id": change.observance.id,
        "name": change.observance.name_in(int(event.date[:4])),
        "what": event.what,
        "sources": ", ".join(event.sources),
    }
    return _one_line(fields)


MATCH_FIELD_NAMES = ("id", "name", "kind", "body", "instrument", "matched")


def match_fields(match: Match) -> dict[str, str | int]:
    """The fields of one search match (the columns of the table renderers)."""
    observance = match.observance
    fields: dict[str, str | int] = {
        "id": observance.id,
        "name": observance.name,
        "kind": observance.kind,
        "body": observance.body,
        "instrument": observance.instrument,
        "matched": ", ".join(match.fields),
    }
    return _one_line(fields)

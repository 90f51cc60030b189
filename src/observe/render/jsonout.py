"""The ``--json`` documents: one document per run, with a version so consumers can check it.

The shapes are documented in docs/json.md; changing a field's meaning means a new version.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from observe.details import Details, Source
from observe.errors import Problem
from observe.model import Observance, Occurrence
from observe.profile import current_rule, next_occurrence
from observe.render import Options, write
from observe.render.fields import change_fields, occurrence_fields
from observe.rules import WEEKDAY_NAMES
from observe.search import Match
from observe.timeline import timeline

if TYPE_CHECKING:
    from observe.changes import Change
    from observe.month import Month
    from observe.notes import Note
    from observe.render import Notes
    from observe.when import Answer

JSON_VERSION = 1


def occurrence_item(occurrence: Occurrence, today: date) -> dict[str, Any]:
    era = occurrence.era
    item: dict[str, Any] = dict(occurrence_fields(occurrence, today))
    item["name_lang"] = occurrence.observance.name_lang
    item["rule"] = era.describe()
    item["era"] = {"from": era.first_year, "until": era.last_year, "sources": list(era.sources)}
    item["exception"] = (
        None
        if occurrence.exception is None
        else {"note": occurrence.exception.note, "sources": list(occurrence.exception.sources)}
    )
    return item


def occurrences_document(occurrences: Iterable[Occurrence], today: date) -> dict[str, Any]:
    items = [occurrence_item(occurrence, today) for occurrence in occurrences]
    return {"version": JSON_VERSION, "today": today.isoformat(), "occurrences": items}


def _source(source: Source) -> dict[str, Any]:
    return {
        "key": source.key,
        "title": source.title,
        "url": source.url,
        "date": source.date,
    }


def timeline_items(observance: Observance, details: Details) -> list[dict[str, Any]]:
    return [
        {"date": e.date, "kind": e.kind, "what": e.what, "sources": list(e.sources)}
        for e in timeline(observance, details)
    ]


def observance_document(observance: Observance, details: Details, today: date) -> dict[str, Any]:
    """The full record of ``show --json``: the data as written plus what the tool derives."""
    upcoming = next_occurrence(observance, today)
    record = {
        "id": observance.id,
        "name": observance.name,
        "name_lang": observance.name_lang,
        "names": [
            {"lang": n.lang, "name": n.name, "until": n.until, "sources": list(n.sources)}
            for n in details.names
        ],
        "aliases": list(observance.aliases),
        "former_names": [
            {"name": f.name, "until": f.until, "sources": list(f.sources)} for f in observance.former_names
        ],
        "kind": observance.kind,
        "body": observance.body,
        "instrument": observance.instrument,
        "lead": details.lead or None,
        "topics": list(observance.topics),
        "url": observance.url,
        "description": details.description,
        "rule": current_rule(observance, today),
        "next": None if upcoming is None else occurrence_item(upcoming, today),
        "eras": [
            {
                "from": era.first_year,
                "until": era.last_year,
                "rule": era.describe(),
                "days": era.days,
                "sources": list(era.sources),
                "note": era.note or None,
            }
            for era in observance.eras
        ],
        "timeline": timeline_items(observance, details),
        "disputes": [
            {
                "about": d.about,
                "claims": [
                    {"says": c.says, "sources": list(c.sources), "followed": c.followed} for c in d.claims
                ],
                "reason": d.reason,
            }
            for d in details.disputes
        ],
        "sources": [_source(source) for source in details.sources.values()],
    }
    return {"version": JSON_VERSION, "today": today.isoformat(), "observance": record}


def history_document(observance: Observance, details: Details) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "id": observance.id,
        "timeline": timeline_items(observance, details),
        "sources": [_source(source) for source in details.sources.values()],
    }


def search_document(query: str, matches: Iterable[Match]) -> dict[str, Any]:
    results = [
        {
            "id": m.observance.id,
            "name": m.observance.name,
            "name_lang": m.observance.name_lang,
            "kind": m.observance.kind,
            "body": m.observance.body,
            "instrument": m.observance.instrument,
            "matched": list(m.fields),
        }
        for m in matches
    ]
    return {"version": JSON_VERSION, "query": query, "results": results}


def note_items(notes: list[Note]) -> list[dict[str, Any]]:
    """What concerns the asked date besides what falls on it (see observe.notes)."""
    return [
        {"kind": note.kind, "id": note.observance.id, "text": note.text, "sources": list(note.sources)}
        for note in notes
    ]


def when_document(observance: Observance, answers: list[Answer], today: date) -> dict[str, Any]:
    years = [
        {
            "year": answer.year,
            "occurrences": [occurrence_item(occurrence, today) for occurrence in answer.occurrences],
            "why_none": answer.why_none or None,
        }
        for answer in answers
    ]
    return {"version": JSON_VERSION, "id": observance.id, "name": observance.name, "years": years}


def changes_document(changes: list[Change], since: date, until: date) -> dict[str, Any]:
    items = []
    for change in changes:
        fields = change_fields(change)
        items.append({**fields, "sources": list(change.event.sources)})
    return {"version": JSON_VERSION, "since": since.isoformat(), "until": until.isoformat(), "changes": items}


def months_document(months: list[Month], today: date, first_weekday: int) -> dict[str, Any]:
    """``month``: each month's weeks (a day: its date and the ids in progress; null outside the
    month) and its occurrences."""
    items = [
        {
            "month": f"{grid.year:04d}-{grid.month:02d}",
            "weeks": [
                [
                    None
                    if day is None
                    else {"date": day.isoformat(), "ids": [o.observance.id for o in grid.on(day)]}
                    for day in week
                ]
                for week in grid.weeks
            ],
            "occurrences": [occurrence_item(occurrence, today) for occurrence in grid.occurrences],
        }
        for grid in months
    ]
    first = WEEKDAY_NAMES[first_weekday].lower()
    return {"version": JSON_VERSION, "today": today.isoformat(), "first_day_of_week": first, "months": items}


def validation_document(checked: int, problems: list[Problem]) -> dict[str, Any]:
    """``validate --json``: how many paths were checked, and each problem found."""
    items = [{"file": p.file, "line": p.line, "message": p.message} for p in problems]
    return {"version": JSON_VERSION, "checked": checked, "problems": items}


# What json.dumps leaves raw with ensure_ascii=False although a terminal or a line reader acts on it.
_RAW_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029]")


def dumps(document: dict[str, Any]) -> str:
    """The document as JSON text with no raw control character: C0 controls are escaped by
    ``json`` itself, DEL, C1 and the Unicode line separators here (values are unchanged)."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _RAW_CONTROLS.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


class JsonRenderer:
    """``--json``: one versioned document per run (shapes in docs/json.md)."""

    def __init__(self, options: Options, template: str | None = None) -> None:
        self.options = options

    def occurrences(
        self, occurrences: list[Occurrence], today: date, title: str, notes: Notes | None = None
    ) -> None:
        document = occurrences_document(occurrences, today)
        if notes is not None:
            document["notes"] = note_items(notes())
        write(dumps(document) + "\n")

    def profile(self, observance: Observance, details: Details, today: date) -> None:
        write(dumps(observance_document(observance, details, today)) + "\n")

    def history(self, observance: Observance, details: Details) -> None:
        write(dumps(history_document(observance, details)) + "\n")

    def matches(self, query: str, matches: list[Match]) -> None:
        write(dumps(search_document(query, matches)) + "\n")

    def validation(self, checked: int, problems: list[Problem]) -> None:
        write(dumps(validation_document(checked, problems)) + "\n")

    def when(self, observance: Observance, answers: list[Answer], today: date) -> None:
        write(dumps(when_document(observance, answers, today)) + "\n")

    def changes(self, changes: list[Change], since: date, until: date) -> None:
        write(dumps(changes_document(changes, since, until)) + "\n")

    def month(self, months: list[Month], today: date, first_weekday: int) -> None:
        write(dumps(months_document(months, today, first_weekday)) + "\n")

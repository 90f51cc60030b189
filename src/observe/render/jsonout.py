"""The ``--json`` documents: one document per run, with a version so consumers can check it.

The shapes are documented in docs/json.md; changing a field's meaning means a new version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from observe.model import Occurrence
from observe.render.fields import occurrence_fields

JSON_VERSION = 1


def occurrence_item(occurrence: Occurrence, today: date) -> dict[str, Any]:
    era = occurrence.era
    item: dict[str, Any] = dict(occurrence_fields(occurrence, today))
    item["rule"] = era.describe()
    item["era"] = {"from": era.start, "until": era.end, "sources": list(era.sources)}
    item["exception"] = (
        None
        if occurrence.exception is None
        else {"note": occurrence.exception.note, "sources": list(occurrence.exception.sources)}
    )
    return item


def occurrences_document(occurrences: Iterable[Occurrence], today: date) -> dict[str, Any]:
    items = [occurrence_item(occurrence, today) for occurrence in occurrences]
    return {"version": JSON_VERSION, "today": today.isoformat(), "occurrences": items}


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)

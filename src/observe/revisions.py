"""The record of what each bundled observance said when it was last revised.

Calendar apps update an imported event only when its SEQUENCE rises, and SEQUENCE comes from the
observance's ``revised`` date. A change to a file that forgot to move that date would never reach
anyone's calendar, so ``scripts/build_bundle.py`` keeps ``data/revisions.json`` (each id's revised
date and a hash of its content) and refuses a change whose date did not move; a test holds the
record to the files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

RECORD_NAME = "revisions.json"
Recorded = dict[str, dict[str, str]]


def content_hash(record: dict[str, Any]) -> str:
    """A hash of everything the observance says but its revised date (as the validator reads it,
    so reformatting a file or editing a comment is no change)."""
    content = {key: value for key, value in record.items() if key != "revised"}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def problems(
    records: Iterable[dict[str, Any]], recorded: Recorded, require_current: bool, today: str = ""
) -> list[str]:
    """What is wrong between the checked records and the record of revisions.

    Always: a file without ``revised``, and content that changed while ``revised`` did not move
    (unless it is ``today``, the build's own date: a revision is a day, and a day's edits share
    it). With ``require_current`` (the test), also a record the build has not brought up to date.
    """
    found: list[str] = []
    seen: set[str] = set()
    for record in records:
        ident, revised = record["id"], record.get("revised")
        seen.add(ident)
        if revised is None:
            found.append(f"{ident}: a bundled file needs 'revised = YYYY-MM-DD'")
            continue
        entry, digest = recorded.get(ident), content_hash(record)
        changed = entry is not None and entry["content"] != digest
        if changed and entry is not None and revised <= entry["revised"] and revised != today:
            found.append(
                f"{ident}: its content changed but 'revised' is still {revised}; give the day of the change"
            )
        elif require_current and entry != {"revised": revised, "content": digest}:
            found.append(f"{ident}: data/{RECORD_NAME} is not up to date; run scripts/build_bundle.py")
    if require_current:
        gone = sorted(recorded.keys() - seen)
        found.extend(
            f"{ident}: recorded but no longer bundled; run scripts/build_bundle.py" for ident in gone
        )
    return found


def current(records: Iterable[dict[str, Any]]) -> Recorded:
    return {
        record["id"]: {"revised": record["revised"], "content": content_hash(record)} for record in records
    }


def dumps(recorded: Recorded) -> str:
    """One observance a line, sorted, for readable diffs."""
    entries = sorted(recorded.items())
    lines = [f"  {json.dumps(ident)}: {json.dumps(entry, sort_keys=True)}" for ident, entry in entries]
    return "{\n" + ",\n".join(lines) + "\n}\n"

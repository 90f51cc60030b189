"""Ids that more than one file claims: the first file keeps the id, the others are problems.

Apart from the validator so that a run reading the user's files from the cache, which parses no
TOML, can check them without loading it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from observe.errors import Problem
from observe.load.locate import key_line


def duplicate_ids(
    checked: list[tuple[Path, dict[str, Any]]],
) -> tuple[list[tuple[Path, dict[str, Any]]], list[Problem]]:
    """The records whose id no earlier file claimed, and a problem for each of the others."""
    records: list[tuple[Path, dict[str, Any]]] = []
    problems: list[Problem] = []
    first_file: dict[str, Path] = {}
    for path, record in checked:
        ident = record["id"]
        if ident in first_file:
            message = f"id: duplicate id '{ident}' (also in {first_file[ident]})"
            problems.append(Problem(str(path), key_line(path, ("id",)), message))
            continue
        first_file[ident] = path
        records.append((path, record))
    return records, problems

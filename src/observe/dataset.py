"""Finding and loading observances: the bundled dataset and the user's own files.

The bundled data is edited as TOML but read from ``bundle.json``, compiled from the TOML by
``scripts/build_bundle.py`` (a test keeps it fresh): parsing JSON is an order of magnitude
cheaper than TOML, and start-up is what users wait for. User files are few, so they are read
as TOML directly and validated on every run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from observe.errors import DataError, Problem
from observe.model import Observance

if TYPE_CHECKING:
    from pathlib import Path

BUNDLE_NAME = "bundle.json"
BUNDLE_FORMAT = 1
DATA_ENV = "OBSERVE_DATA"


def bundled_data_dir() -> str:
    """The bundled ``data`` folder: inside the installed package, or at the top of a checkout.

    Plain ``os.path`` rather than ``pathlib``: this runs at every start, and ``pathlib`` costs
    milliseconds to import.
    """
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "data")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data")


def bundled_sources() -> list[Path]:
    from pathlib import Path

    return sorted((Path(bundled_data_dir()) / "observances").glob("*.toml"))


def compile_bundle(paths: Iterable[Path]) -> str:
    """The bundle text for the given TOML files; raises DataError listing every problem."""
    from observe.schema import check_files

    checked, problems = check_files(paths)
    if problems:
        raise DataError(problems)
    records = sorted((record for _, record in checked), key=lambda record: record["id"])
    document = {"format": BUNDLE_FORMAT, "observances": records}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


class Dataset:
    """All observances in play, bundled and the user's own, by id."""

    def __init__(self, observances: dict[str, Observance]) -> None:
        self.observances = observances

    def __iter__(self) -> Iterator[Observance]:
        return iter(self.observances.values())

    def __len__(self) -> int:
        return len(self.observances)


def validate_files(paths: list[Path]) -> int:
    """Check files as ``load`` would; return how many were checked, or raise listing every problem."""
    from observe.schema import check_files

    expanded = list(paths)
    checked, problems = check_files(expanded)
    bundled_ids = {path.stem for path in bundled_sources()}
    for path, record in checked:
        conflict = override_conflict(path, record, bundled_ids)
        if conflict:
            problems.append(conflict)
    if problems:
        raise DataError(problems)
    return len(expanded)


def load(extra: Iterable[str] = ()) -> Dataset:
    """The bundled dataset plus user files from ``extra`` (files or folders) and $OBSERVE_DATA."""
    observances = {o.id: o for o in _load_bundle()}
    user_paths = [*_env_value(), *extra]
    if user_paths:
        from pathlib import Path

        _add_user_observances(observances, list(expand_paths(Path(path) for path in user_paths)))
    return Dataset(observances)


def _load_bundle() -> list[Observance]:
    path = os.path.join(bundled_data_dir(), BUNDLE_NAME)
    try:
        with open(path, "rb") as bundle:
            document: dict[str, Any] = json.loads(bundle.read())
    except (OSError, ValueError) as error:
        raise DataError([Problem(path, 1, f"the bundled dataset cannot be read ({error})")]) from None
    return [Observance.from_record(record, origin="bundled") for record in document["observances"]]


def _env_value() -> list[str]:
    return [part for part in os.environ.get(DATA_ENV, "").split(os.pathsep) if part]


def env_paths() -> list[Path]:
    from pathlib import Path

    return [Path(part) for part in _env_value()]


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Folders stand for the ``*.toml`` files in them; a missing path is reported, not skipped."""
    for path in paths:
        if path.is_dir():
            yield from sorted(path.glob("*.toml"))
        else:
            yield path


def _add_user_observances(observances: dict[str, Observance], paths: list[Path]) -> None:
    from observe.schema import check_files

    checked, problems = check_files(paths)
    for path, record in checked:
        conflict = override_conflict(path, record, set(observances))
        if conflict:
            problems.append(conflict)
        else:
            observances[record["id"]] = Observance.from_record(record, origin=str(path))
    if problems:
        raise DataError(problems)


def override_conflict(path: Path, record: dict[str, Any], bundled_ids: set[str]) -> Problem | None:
    """Why a user record may not join the bundled ones, or None when it may.

    Reusing a bundled id silently would change what a published calendar UID means, so it is
    allowed only when the file says ``override = true``.
    """
    from pathlib import Path

    from observe.schema import key_line

    ident = record["id"]
    if path.resolve() == (Path(bundled_data_dir()) / "observances" / f"{ident}.toml").resolve():
        return None
    if ident in bundled_ids and not record.get("override"):
        message = f"id '{ident}' is already a bundled observance; add 'override = true' to replace it"
        return Problem(str(path), key_line(path, ("id",)), message)
    if record.get("override") and ident not in bundled_ids:
        message = f"'override = true' but no bundled observance has id '{ident}'"
        return Problem(str(path), key_line(path, ("override",)), message)
    return None

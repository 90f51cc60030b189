"""All observances in play: the bundled ones and the user's own files, validated on every run.

User files are few, so they are read as TOML and checked each time; they may not reuse a
bundled id unless they say so. Where the user's files come from (the config folder, ``--data``,
``$OBSERVE_DATA``) is the command line's business: ``load`` takes the paths.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from observe.errors import DataError, Problem
from observe.load.bundle import DETAILS_NAME, NAMES_NAME, bundled_data_dir, bundled_sources, read_bundled

if TYPE_CHECKING:
    from pathlib import Path

    from observe.details import Details
    from observe.load.cache import UserRecord
    from observe.model import Observance


class Dataset:
    """All observances in play, bundled and the user's own, by id.

    Bundled observances are built from their index records on first use, since completing an id
    on the command line needs only the ids. ``details`` reads the bundled details on first use;
    a user's observances bring theirs along. With ``lang`` (one of the other UN languages) each
    observance carries its name in that language where one is known, and says so in
    ``name_lang``; the names are read only then.
    """

    def __init__(
        self,
        records: list[dict[str, Any]],
        user_observances: dict[str, Observance],
        user_records: dict[str, UserRecord],
        lang: str = "en",
    ) -> None:
        self._records = records
        self._user_observances = user_observances
        self._user_records = user_records
        self._lang = lang
        self._observances: dict[str, Observance] | None = None
        self._bundled_details: dict[str, Any] | None = None
        self._names: dict[str, list[list[Any]]] | None = None

    @property
    def observances(self) -> dict[str, Observance]:
        if self._observances is None:
            from observe.load.records import observance_from_record

            built = {r["id"]: observance_from_record(r, origin="bundled") for r in self._records}
            built.update(self._user_observances)
            if self._lang != "en":
                built = {ident: self._in_language(observance) for ident, observance in built.items()}
            self._observances = built
        return self._observances

    def _in_language(self, observance: Observance) -> Observance:
        """The observance under its names in ``lang``, or as it is where none is known."""
        from observe.model import FormerName

        names = self._names_of(observance.id)
        current = [name for name, until in names if until is None]
        if not current:
            return observance
        former = [FormerName(name, until, ()) for name, until in names if until is not None]
        former.sort(key=lambda name: name.until)
        return observance._replace(name=current[0], former_names=tuple(former), name_lang=self._lang)

    def _names_of(self, ident: str) -> list[tuple[str, int | None]]:
        """An observance's names in ``lang`` with the last year of each (None: in use)."""
        if ident in self._user_records:
            names = self._user_records[ident].full().get("names", ())
            return [(n["name"], n.get("until")) for n in names if n["lang"] == self._lang]
        if self._names is None:
            self._names = read_bundled(NAMES_NAME)["names"].get(self._lang, {})
        return [(name, until) for name, until in self._names.get(ident, [])]

    def ids(self) -> list[str]:
        bundled = [record["id"] for record in self._records]
        known = set(bundled)
        return bundled + [ident for ident in self._user_observances if ident not in known]

    def __iter__(self) -> Iterator[Observance]:
        return iter(self.observances.values())

    def __len__(self) -> int:
        return len(self.observances)

    def details(self, observance: Observance) -> Details:
        from observe.load.records import details_from_record

        if observance.id in self._user_records:
            record = self._user_records[observance.id].full()
            if "revised" not in record:
                record = {**record, "revised": _modified(observance.origin)}
            return details_from_record(record)
        if self._bundled_details is None:
            self._bundled_details = read_bundled(DETAILS_NAME)["details"]
        return details_from_record(self._bundled_details[observance.id])


def validate_files(paths: list[Path]) -> int:
    """Check files as ``load`` would; return how many were checked, or raise listing every problem."""
    from observe.load.observance import check_files

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


def load(user_paths: Iterable[str] = (), lang: str = "en", cache_file: str | None = None) -> Dataset:
    """The bundled dataset plus the user's files and folders in ``user_paths``, named in ``lang``;
    the user's files are read through the compiled cache ``cache_file`` where one is given."""
    from observe.bundled_index import OBSERVANCES

    user_observances: dict[str, Observance] = {}
    user_records: dict[str, UserRecord] = {}
    user_paths = list(user_paths)
    if user_paths:
        from pathlib import Path

        paths = list(expand_paths(Path(path) for path in user_paths))
        bundled_ids = {record["id"] for record in OBSERVANCES}
        _add_user_observances(bundled_ids, user_observances, user_records, paths, cache_file)
    return Dataset(OBSERVANCES, user_observances, user_records, lang)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Folders stand for the ``*.toml`` files in them; a missing path is reported, not skipped."""
    from pathlib import Path

    from observe.load.reading import toml_files

    for path in paths:
        if path.is_dir():
            yield from (Path(name) for name in toml_files(str(path)))
        else:
            yield path


def _add_user_observances(
    bundled_ids: set[str],
    observances: dict[str, Observance],
    records: dict[str, UserRecord],
    paths: list[Path],
    cache_file: str | None,
) -> None:
    """Add the valid user files (their details are built only when asked for), or raise with
    every problem found."""
    from observe.load.cache import checked_records
    from observe.load.records import observance_from_record

    checked, problems = checked_records(paths, cache_file)
    for path, record in checked:
        conflict = override_conflict(path, record.index, bundled_ids)
        if conflict:
            problems.append(conflict)
        else:
            observances[record.index["id"]] = observance_from_record(record.index, origin=str(path))
            records[record.index["id"]] = record
    if problems:
        raise DataError(problems)


def _modified(path: str) -> str:
    """A user file's revision when it states none: when it was last modified (UTC, to the
    second), which moves forward whenever the file is edited and never while it is not."""
    import os
    from datetime import UTC, datetime

    moment = datetime.fromtimestamp(int(os.stat(path).st_mtime), tz=UTC)
    return moment.replace(tzinfo=None).isoformat()


def override_conflict(path: Path, record: dict[str, Any], bundled_ids: set[str]) -> Problem | None:
    """Why a user record may not join the bundled ones, or None when it may.

    Reusing a bundled id silently would change what a published calendar UID means, so it is
    allowed only when the file says ``override = true``.
    """
    from pathlib import Path

    from observe.load.locate import key_line

    ident = record["id"]
    if ident not in bundled_ids and not record.get("override"):
        return None  # the common case, decided without touching the file system
    if path.resolve() == (Path(bundled_data_dir()) / "observances" / f"{ident}.toml").resolve():
        return None
    if ident in bundled_ids and not record.get("override"):
        message = f"id '{ident}' is already a bundled observance; add 'override = true' to replace it"
        return Problem(str(path), key_line(path, ("id",)), message)
    if record.get("override") and ident not in bundled_ids:
        message = f"'override = true' but no bundled observance has id '{ident}'"
        return Problem(str(path), key_line(path, ("override",)), message)
    return None

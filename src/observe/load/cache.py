"""A compiled cache of the user's own observance files, so that a warm run parses no TOML.

A user with as many files of their own as the bundle has would otherwise pay for parsing and
validating all of them on every run, every TAB and every cron line. The cache keeps each valid
file's checked record under the file's path, size and modification time (and a hash of its
content, consulted when the file changed too recently for its time stamp to be trusted), and the
whole cache under the tool's version and format: a changed, added or removed file is checked
again, alone; an invalid file is never cached, so its problems are reported on every run.

The cache is a convenience and nothing more: one that is missing, corrupt, from another version,
unreadable or unwritable is ignored (and rebuilt where it can be), without a word. It is written
to a temporary file and renamed, so processes writing at once never leave a broken one.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any

from observe import __version__
from observe.errors import Problem
from observe.load.bundle import BUNDLE_FORMAT

CACHE_NAME = "user-observances.marshal"
CACHE_FORMAT = 2
# A file modified this close to when the cache was written may change again within the same
# time stamp; its hash decides.
RACY_NS = 2_000_000_000

# size, modification time (ns), sha256, the record's index part, the rest marshalled: a warm
# run unmarshals only what listing needs.
Entry = tuple[int, int, str, dict[str, Any], bytes]


class UserRecord:
    """A user file's checked record: the part listing needs at once, the rest when asked for."""

    def __init__(self, index: dict[str, Any], details: dict[str, Any] | bytes) -> None:
        self.index = index
        self._details = details

    def full(self) -> dict[str, Any]:
        details = marshal.loads(self._details) if isinstance(self._details, bytes) else self._details
        self._details = details
        return {**self.index, **details}


def checked_records(
    paths: list[Path], cache_file: str | None
) -> tuple[list[tuple[Path, UserRecord]], list[Problem]]:
    """Every file's record and every problem, as ``check_files`` gives them, from the cache for
    the files unchanged since it was written (with no cache file: checked, nothing written)."""
    from observe.load.ids import duplicate_ids

    cached, written_ns = _read(cache_file) if cache_file else ({}, 0)
    found: dict[Path, UserRecord] = {}
    fresh: dict[str, Entry] = {}
    unknown: list[Path] = []
    for path in paths:
        entry = cached.get(str(path))
        if entry is not None and _unchanged(path, entry, written_ns):
            fresh[str(path)] = entry
            found[path] = UserRecord(entry[3], entry[4])
        else:
            unknown.append(path)
    problems: list[Problem] = []
    for path, record, problems_of_file in _check(unknown):
        problems.extend(problems_of_file)
        if record is not None:
            fresh[str(path)] = _entry(path, record)
            found[path] = UserRecord(*_split(record))
    if cache_file and fresh != cached:
        _write(cache_file, fresh)
    in_order = [(path, found[path].index) for path in paths if path in found]
    kept, duplicates = duplicate_ids(in_order)
    return [(path, found[path]) for path, _ in kept], sorted(problems + duplicates)


def _split(record: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    from observe.details import DETAIL_KEYS

    index = {key: value for key, value in record.items() if key not in DETAIL_KEYS}
    return index, {key: value for key, value in record.items() if key in DETAIL_KEYS}


def _check(paths: list[Path]) -> list[tuple[Path, dict[str, Any] | None, list[Problem]]]:
    """Validate files the cache cannot vouch for (the validator, and TOML, only if there are any)."""
    if not paths:
        return []
    from observe.load.observance import check_file

    return [(path, *check_file(path)) for path in paths]


def _unchanged(path: Path, entry: Entry, written_ns: int) -> bool:
    size, modified, digest, _, _ = entry
    try:
        status = os.stat(path)
    except OSError:
        return False
    if (status.st_size, status.st_mtime_ns) != (size, modified):
        return False
    return modified < written_ns - RACY_NS or _digest(path) == digest


def _entry(path: Path, record: dict[str, Any]) -> Entry:
    status = os.stat(path)
    index, details = _split(record)
    return status.st_size, status.st_mtime_ns, _digest(path), index, marshal.dumps(details)


def _digest(path: Path) -> str:
    import hashlib  # only for files too recent to trust their time stamps, and on writing

    try:
        with open(path, "rb") as file:
            return hashlib.sha256(file.read()).hexdigest()
    except OSError:
        return ""


def _header() -> tuple[str, int, str, int]:
    return ("observe user cache", CACHE_FORMAT, __version__, BUNDLE_FORMAT)


def _read(cache_file: str) -> tuple[dict[str, Entry], int]:
    """The cached entries and when they were written; nothing, for any cache not exactly ours."""
    try:
        with open(cache_file, "rb") as file:
            header, written_ns, entries = marshal.loads(file.read())
    except Exception:  # missing, unreadable, truncated, corrupt or foreign: no cache
        return {}, 0
    if header != _header() or type(written_ns) is not int or not _well_formed(entries):
        return {}, 0
    return entries, written_ns


def _well_formed(entries: Any) -> bool:
    return isinstance(entries, dict) and all(
        isinstance(key, str)
        and isinstance(entry, tuple)
        and len(entry) == 5
        and type(entry[0]) is int
        and type(entry[1]) is int
        and isinstance(entry[2], str)
        and isinstance(entry[3], dict)
        and isinstance(entry[4], bytes)
        for key, entry in entries.items()
    )


def _write(cache_file: str, entries: dict[str, Entry]) -> None:
    """Write the cache in one rename; any failure leaves things as they were, silently."""
    import tempfile

    folder = os.path.dirname(cache_file)
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".user-observances.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            marshal.dump((_header(), _now_ns(), entries), file)
        os.replace(temporary, cache_file)
    except (OSError, ValueError):
        Path(temporary).unlink(missing_ok=True)


def _now_ns() -> int:
    import time

    return time.time_ns()

"""Validating one observance file into a record: its top level, sources, eras and exceptions.

Records are plain JSON-ready dicts: the bundle is compiled from them and ``load.records`` turns
them into the model. Rules (``Sep 12``, ``Oct 1st Mon``) are parsed once, here.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from observe.errors import DataError, Problem
from observe.load.checks import SLUG, FileCheck, is_year, record_of
from observe.load.history import check_disputes, check_events, check_former_names, check_names
from observe.load.ids import duplicate_ids
from observe.load.keys import (
    ERA_KEYS,
    EXCEPTION_KEYS,
    MULTILINE_KEYS,
    PLAIN_ERA_KEYS,
    PLAIN_TOP_KEYS,
    SOURCE_KEYS,
    TOP_KEYS,
)
from observe.load.locate import Where
from observe.rules import LAST_YEAR, ExpressionError, Fixed, parse_expression, to_data
from observe.vocabulary import KINDS

ANNOUNCED_YEAR = re.compile(r"[0-9]{1,4}")


def check_text(text: str, label: str, stem: str | None = None) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Validate one file's text; return its record (None if unusable) and every problem found."""
    check = FileCheck(label, text, MULTILINE_KEYS)
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"at line (\d+)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        line = int(found[1]) if found else 1
        return None, [Problem(label, line, f"not valid TOML: {message}")]
    if not check.table(data, TOP_KEYS, ()):
        return None, check.problems
    record = _check_observance(check, data, stem)
    return (record if not check.problems else None), check.problems


def check_file(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Validate one file on disk (read within the bounds of ``load.reading``).

    A file that cannot be read raises OutputError; one that is too large or not UTF-8 is a
    problem of that file, like any other.
    """
    from observe.load.reading import read_text

    try:
        text = read_text(str(path)) or ""
    except DataError as error:
        return None, error.problems
    return check_text(text, str(path), path.stem)


def check_files(paths: Iterable[Path]) -> tuple[list[tuple[Path, dict[str, Any]]], list[Problem]]:
    """Validate files together: each on its own, then ids that more than one file claims."""
    checked: list[tuple[Path, dict[str, Any]]] = []
    problems: list[Problem] = []
    for path in paths:
        record, found = check_file(path)
        problems.extend(found)
        if record is not None:
            checked.append((path, record))
    records, duplicates = duplicate_ids(checked)
    return records, sorted(problems + duplicates)


def _check_observance(check: FileCheck, data: dict[str, Any], stem: str | None) -> dict[str, Any]:
    ident = data["id"]
    if not SLUG.fullmatch(ident):
        check.error(("id",), f"'{ident}' is not a kebab-case id (lowercase letters, digits, hyphens)")
    elif stem is not None and stem != ident:
        check.error(("id",), f"'{ident}' does not match the file name '{stem}.toml'")
    if data["kind"] not in KINDS:
        check.error(("kind",), f"'{data['kind']}' is not one of: {', '.join(KINDS)}")
    for topic in data["topics"]:
        if not SLUG.fullmatch(topic):
            check.error(("topics",), f"topic '{topic}' is not kebab-case")
    if not data["topics"]:
        check.error(("topics",), "needs at least one topic")

    sources = _check_sources(check, data["sources"])
    instrument = sources.get(data["instrument"])
    if instrument is None:
        check.error(("instrument",), f"'{data['instrument']}' is not the key of a [[sources]] entry")
    elif "date" not in instrument:
        check.error(("instrument",), f"source '{data['instrument']}' needs a 'date' (its adoption date)")

    record = record_of(data, PLAIN_TOP_KEYS)
    record["description"] = " ".join(data["description"].split())
    if data.get("override"):
        record["override"] = True
    record["sources"] = list(sources.values())
    record["eras"] = _check_eras(check, data["eras"], set(sources), data["kind"])
    cited = set(sources)
    if data.get("exceptions"):
        record["exceptions"] = _check_exceptions(check, data["exceptions"], cited, data["eras"])
    if data.get("events"):
        record["events"] = check_events(check, data["events"], cited)
    if data.get("former_names"):
        record["former_names"] = check_former_names(check, data["former_names"], cited)
    if data.get("disputes"):
        record["disputes"] = check_disputes(check, data["disputes"], cited)
    if data.get("names"):
        record["names"] = check_names(check, data["names"], cited)
    return record


def _check_sources(check: FileCheck, tables: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    sources: dict[str, dict[str, Any]] = {}
    if not tables:
        check.error(("sources",), "needs at least one source")
    for where, table in check.tables(tables, "sources", SOURCE_KEYS):
        if table["key"] in sources:
            check.error((*where, "key"), f"duplicate source key '{table['key']}'")
            continue
        sources[table["key"]] = record_of(table, SOURCE_KEYS)
    return sources


def _check_eras(
    check: FileCheck, tables: list[dict[str, Any]], sources: set[str], kind: str
) -> list[dict[str, Any]]:
    eras: list[dict[str, Any]] = []
    if not tables:
        check.error(("eras",), "needs at least one era")
    previous_end: int | None = None
    previous_open = False
    for where, table in check.tables(tables, "eras", ERA_KEYS, sources):
        start, end = table["from"], table.get("until")
        if end is not None and end < start:
            check.error((*where, "until"), f"{end} is before 'from' {start}")
        if previous_open:
            check.error((*where, "from"), "follows an era with no 'until'; only the last era may run on")
        elif previous_end is not None and start <= previous_end:
            check.error(
                (*where, "from"), f"{start} overlaps the previous era, which runs until {previous_end}"
            )
        previous_end, previous_open = end, end is None
        days = table.get("days", 1)
        if kind == "day" and days != 1:
            check.error((*where, "days"), "a 'day' lasts one day; use kind = \"week\" for a span")
        if kind == "week" and days == 1:
            check.error(where, "a 'week' needs 'days' greater than 1")
        rule = _check_rule(check, table, where)
        if rule is not None:
            eras.append({**record_of(table, PLAIN_ERA_KEYS), **rule})
    return eras


def _check_rule(check: FileCheck, table: dict[str, Any], where: Where) -> dict[str, Any] | None:
    if ("on" in table) == ("announced" in table):
        check.error(where, "give exactly one of 'on' (a rule) or 'announced' (dates year by year)")
        return None
    if "on" in table:
        texts = [table["on"]] if isinstance(table["on"], str) else table["on"]
        parsed = []
        for text in texts:
            try:
                parsed.append(to_data(parse_expression(text)))
            except ExpressionError as error:
                check.error((*where, "on"), str(error))
        return {"on": parsed}
    if "every" in table:
        check.error((*where, "every"), "cannot be combined with 'announced'")
    announced: dict[str, list[str | int | bool]] = {}
    for year_text, text in table["announced"].items():
        year = int(year_text) if ANNOUNCED_YEAR.fullmatch(year_text) else None
        if year is None or not (table["from"] <= year <= table.get("until", LAST_YEAR)):
            check.error((*where, "announced"), f"year '{year_text}' is outside this era")
            continue
        if not isinstance(text, str):
            check.error((*where, "announced"), f"{year}: must be a fixed date like 'May 23'")
            continue
        try:
            expression = parse_expression(text)
        except ExpressionError as error:
            check.error((*where, "announced"), f"{year}: {error}")
            continue
        if not isinstance(expression, Fixed):
            check.error((*where, "announced"), f"{year}: '{text}' must be a fixed date like 'May 23'")
            continue
        announced[str(year)] = to_data(expression)
    return {"announced": dict(sorted(announced.items()))}


def _check_exceptions(
    check: FileCheck, tables: list[dict[str, Any]], sources: set[str], eras: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    exceptions: list[dict[str, Any]] = []
    seen: set[int] = set()
    spans = _year_spans(eras)
    for where, table in check.tables(tables, "exceptions", EXCEPTION_KEYS, sources):
        year = table["year"]
        if year in seen:
            check.error((*where, "year"), f"a second exception for {year}")
        seen.add(year)
        if table["date"].year != year:
            check.error((*where, "date"), f"{table['date'].isoformat()} is not in {year}")
        if not _covered(year, spans):
            check.error((*where, "year"), f"{year} is in no era")
        exceptions.append(record_of(table, EXCEPTION_KEYS))
    return exceptions


def _year_spans(eras: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The (first, last) years of the raw era tables whose years are sound, sorted."""
    spans: list[tuple[int, int]] = []
    for era in eras:
        first, last = era.get("from"), era.get("until", LAST_YEAR)
        if is_year(first) and is_year(last):
            spans.append((first, last))
    return sorted(spans)


def _covered(year: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a year falls in any span: a binary search, so thousands of eras stay cheap."""
    index = bisect_right(spans, (year, LAST_YEAR)) - 1
    return index >= 0 and spans[index][0] <= year <= spans[index][1]

"""Validation of observance files into records, reporting every problem as ``file:line: message``.

A file is checked completely rather than stopping at the first fault, so one run of
``observe validate`` lists everything an editor has to fix. The records it produces are plain
JSON-ready dicts: the bundled dataset is compiled from them, and ``Observance.from_record``
builds the model from them.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeGuard

from observe.errors import DataError, Problem
from observe.printable import has_control
from observe.rules import (
    FIRST_YEAR,
    LAST_YEAR,
    ExpressionError,
    Fixed,
    parse_expression,
    to_data,
)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")
ANNOUNCED_YEAR = re.compile(r"[0-9]{1,4}")
KINDS = ("day", "week")
EVENT_KINDS = ("background", "proclaimed", "moved", "renamed", "observed", "ended", "other")
LONGEST_SPAN_DAYS = 31

Where = tuple[str | int, ...]
# Keys whose text may run over several lines; every other text is one line.
MULTILINE_KEYS = frozenset({"description"})
CONTROL_MESSAGE = "must not hold control characters (tabs, line breaks, escape codes)"


def _holds_control(value: Any, multiline: bool) -> bool:
    """Whether a text, a list of texts or an inline table (``announced``) holds a forbidden
    character; arrays of tables are checked table by table instead, for a precise line."""
    if isinstance(value, str):
        return has_control(value, allow_newlines=multiline)
    if isinstance(value, list):
        return any(isinstance(item, str) and has_control(item, multiline) for item in value)
    if isinstance(value, dict):
        return any(
            _holds_control(item, multiline) or _holds_control(key, False) for key, item in value.items()
        )
    return False


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_year(value: Any) -> TypeGuard[int]:
    return type(value) is int and FIRST_YEAR <= value <= LAST_YEAR


def _is_texts(value: Any) -> bool:
    return isinstance(value, list) and all(_is_text(item) for item in value)


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _is_date(value: Any) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _is_url(value: Any) -> bool:
    """An absolute http(s) URL with nothing a calendar line or terminal could act on."""
    return (
        isinstance(value, str)
        and value.startswith(("https://", "http://"))
        and not any(character.isspace() for character in value)
        and not has_control(value)
    )


def _is_expressions(value: Any) -> bool:
    return _is_text(value) or (_is_texts(value) and bool(value))


def _is_days(value: Any) -> bool:
    return type(value) is int and 1 <= value <= LONGEST_SPAN_DAYS


def _is_every(value: Any) -> bool:
    return type(value) is int and 2 <= value <= 100


def _is_partial_date(value: Any) -> bool:
    """A TOML date, or "YYYY" / "YYYY-MM" naming a real year (1 to 9999) and month."""
    if _is_date(value):
        return True
    match = PARTIAL_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return False
    return int(match[1]) >= FIRST_YEAR and (match[2] is None or 1 <= int(match[2]) <= 12)


def _is_sources(value: Any) -> bool:
    return _is_texts(value) and bool(value)


Check = tuple[Callable[[Any], bool], str]
TEXT: Check = (_is_text, "a non-empty string")
TEXTS: Check = (_is_texts, "a list of non-empty strings")
YEAR: Check = (_is_year, f"a year from {FIRST_YEAR} to {LAST_YEAR}")
TABLES: Check = (_is_tables, "an array of tables ([[...]])")
DATE: Check = (_is_date, "a date like 2003-12-23")
URL: Check = (_is_url, "a URL starting with https:// with no spaces or control characters")
BOOL: Check = (lambda value: isinstance(value, bool), "true or false")
TABLE: Check = (lambda value: isinstance(value, dict), "a table")
EXPRESSIONS: Check = (_is_expressions, "a date expression or a list of them")
DAYS: Check = (_is_days, f"a whole number of days from 1 to {LONGEST_SPAN_DAYS}")
EVERY: Check = (_is_every, "a whole number of years from 2 to 100")
PARTIAL: Check = (_is_partial_date, "a date, or a string 'YYYY' or 'YYYY-MM' naming a real month")
SOURCES: Check = (_is_sources, "a non-empty list of source keys")

# Each table kind: key -> (check, required).
TOP_KEYS: dict[str, tuple[Check, bool]] = {
    "id": (TEXT, True),
    "name": (TEXT, True),
    "aliases": (TEXTS, False),
    "kind": (TEXT, True),
    "body": (TEXT, True),
    "instrument": (TEXT, True),
    "lead": (TEXT, False),
    "topics": (TEXTS, True),
    "url": (URL, True),
    "description": (TEXT, True),
    "override": (BOOL, False),
    "revised": (DATE, False),
    "sources": (TABLES, True),
    "eras": (TABLES, True),
    "exceptions": (TABLES, False),
    "events": (TABLES, False),
    "former_names": (TABLES, False),
    "disputes": (TABLES, False),
}
SOURCE_KEYS = {"key": (TEXT, True), "title": (TEXT, True), "url": (URL, True), "date": (PARTIAL, False)}
ERA_KEYS = {
    "from": (YEAR, True),
    "until": (YEAR, False),
    "on": (EXPRESSIONS, False),
    "announced": (TABLE, False),
    "days": (DAYS, False),
    "every": (EVERY, False),
    "sources": (SOURCES, True),
    "note": (TEXT, False),
}
EXCEPTION_KEYS = {
    "year": (YEAR, True),
    "date": (DATE, True),
    "sources": (SOURCES, True),
    "note": (TEXT, False),
}
EVENT_KEYS = {
    "date": (PARTIAL, True),
    "kind": (TEXT, True),
    "what": (TEXT, True),
    "sources": (SOURCES, True),
}
FORMER_NAME_KEYS = {"name": (TEXT, True), "until": (YEAR, True), "sources": (SOURCES, True)}
DISPUTE_KEYS = {"about": (TEXT, True), "claims": (TABLES, True), "reason": (TEXT, True)}
CLAIM_KEYS = {"says": (TEXT, True), "sources": (SOURCES, True), "followed": (BOOL, False)}


class _Locator:
    """Finds the line of a key in TOML text, since ``tomllib`` reports no positions.

    Paths look like ``("eras", 1, "from")``: the second ``[[eras]]`` table's ``from`` key. A path
    that cannot be found falls back to its nearest enclosing table, then to line 1.
    """

    _HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]")
    _KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")

    def __init__(self, text: str) -> None:
        self.lines: dict[Where, int] = {}
        table: Where = ()
        counts: dict[str, int] = {}
        open_quote: str | None = None  # the delimiter of a multi-line string being read
        for number, line in enumerate(text.split("\n"), start=1):  # TOML counts only \n
            if open_quote is not None:
                if line.count(open_quote) % 2 == 1:
                    open_quote = None
                continue
            if header := self._HEADER.match(line):
                name = header[2]
                if header[1] == "[[":
                    table = (name, counts.get(name, 0))
                    counts[name] = counts.get(name, 0) + 1
                else:
                    table = (name,)
                self.lines.setdefault(table, number)
            elif key := self._KEY.match(line):
                self.lines.setdefault((*table, key[1]), number)
            open_quote = _opens_multiline(line)

    def line_of(self, where: Where) -> int:
        for end in range(len(where), 0, -1):
            if where[:end] in self.lines:
                return self.lines[where[:end]]
        return 1


def _opens_multiline(line: str) -> str | None:
    """The delimiter (\"\"\" or ''') of a multi-line string this line leaves open, if any."""
    for quote in ('"""', "'''"):
        if line.count(quote) % 2 == 1:
            return quote
    return None


def _describe(where: Where) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _FileCheck:
    """The checks for one file, collecting problems instead of stopping at the first."""

    def __init__(self, label: str, text: str) -> None:
        self.label = label
        self.locator = _Locator(text)
        self.problems: list[Problem] = []

    def error(self, where: Where, message: str) -> None:
        prefix = f"{_describe(where)}: " if where else ""
        self.problems.append(Problem(self.label, self.locator.line_of(where), prefix + message))

    def table(self, table: dict[str, Any], keys: dict[str, tuple[Check, bool]], where: Where) -> bool:
        """Check keys and value types; True when the known keys are sound enough to check further.

        An unknown key is reported but does not stop the checks of the keys around it.
        """
        sound = True
        for key, value in table.items():
            if key not in keys:
                self.error((*where, key), f"unknown key '{key}'{_suggestion(key, keys)}")
                continue
            (is_valid, expected), _ = keys[key]
            if not is_valid(value):
                self.error((*where, key), f"must be {expected}")
                sound = False
            elif _holds_control(value, multiline=key in MULTILINE_KEYS):
                self.error((*where, key), CONTROL_MESSAGE)
                sound = False
        for key, (_, required) in keys.items():
            if required and key not in table:
                self.error(where, f"missing required key '{key}'")
                sound = False
        return sound

    def cited(self, keys: Iterable[str], known: set[str], where: Where) -> None:
        for key in keys:
            if key not in known:
                self.error((*where, "sources"), f"cites unknown source '{key}'")


def _suggestion(key: str, keys: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(keys), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def check_text(text: str, label: str, stem: str | None = None) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Validate one file's text; return its record (None if unusable) and every problem found."""
    check = _FileCheck(label, text)
    try:
        data = tomllib.loads(text)
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
    """Validate one file on disk (read within the bounds of ``observe.reading``).

    A file that cannot be read raises OutputError; one that is too large or not UTF-8 is a
    problem of that file, like any other.
    """
    from observe.reading import read_text

    try:
        text = read_text(str(path)) or ""
    except DataError as error:
        return None, error.problems
    return check_text(text, str(path), path.stem)


def check_files(paths: Iterable[Path]) -> tuple[list[tuple[Path, dict[str, Any]]], list[Problem]]:
    """Validate files together: each on its own, then ids that more than one file claims."""
    records: list[tuple[Path, dict[str, Any]]] = []
    problems: list[Problem] = []
    first_file: dict[str, Path] = {}
    for path in paths:
        record, found = check_file(path)
        problems.extend(found)
        if record is None:
            continue
        ident = record["id"]
        if ident in first_file:
            message = f"id: duplicate id '{ident}' (also in {first_file[ident]})"
            problems.append(Problem(str(path), key_line(path, ("id",)), message))
            continue
        first_file[ident] = path
        records.append((path, record))
    return records, sorted(problems)


def key_line(path: Path, where: Where) -> int:
    """The line of a key in a file that has already been read and validated once."""
    from observe.reading import read_text

    return line_in_text(read_text(str(path)) or "", where)


def line_in_text(text: str, where: Where) -> int:
    """The line of a key (or its nearest enclosing table) in TOML text."""
    return _Locator(text).line_of(where)


def _check_observance(check: _FileCheck, data: dict[str, Any], stem: str | None) -> dict[str, Any]:
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

    eras = _check_eras(check, data["eras"], set(sources), data["kind"])
    record: dict[str, Any] = {
        key: data[key]
        for key in ("id", "name", "aliases", "kind", "body", "instrument", "lead", "topics", "url")
        if key in data
    }
    record["description"] = " ".join(data["description"].split())
    if data.get("override"):
        record["override"] = True
    if "revised" in data:
        record["revised"] = data["revised"].isoformat()
    record["sources"] = list(sources.values())
    record["eras"] = eras
    cited = set(sources)
    if data.get("exceptions"):
        record["exceptions"] = _check_exceptions(check, data["exceptions"], cited, data["eras"])
    if data.get("events"):
        record["events"] = _check_events(check, data["events"], cited)
    if data.get("former_names"):
        record["former_names"] = _check_former_names(check, data["former_names"], cited)
    if data.get("disputes"):
        record["disputes"] = _check_disputes(check, data["disputes"], cited)
    return record


def _iso(value: date | str) -> str:
    """A TOML date or a partial-date string, as ISO text of whatever precision it has."""
    return value.isoformat() if isinstance(value, date) else value


def _check_sources(check: _FileCheck, tables: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    sources: dict[str, dict[str, Any]] = {}
    if not tables:
        check.error(("sources",), "needs at least one source")
    for index, table in enumerate(tables):
        where: Where = ("sources", index)
        if not check.table(table, SOURCE_KEYS, where):
            continue
        if table["key"] in sources:
            check.error((*where, "key"), f"duplicate source key '{table['key']}'")
            continue
        source = {key: table[key] for key in ("key", "title", "url")}
        if "date" in table:
            source["date"] = _iso(table["date"])
        sources[table["key"]] = source
    return sources


def _check_eras(
    check: _FileCheck, tables: list[dict[str, Any]], sources: set[str], kind: str
) -> list[dict[str, Any]]:
    eras: list[dict[str, Any]] = []
    if not tables:
        check.error(("eras",), "needs at least one era")
    previous_end: int | None = None
    previous_open = False
    for index, table in enumerate(tables):
        where: Where = ("eras", index)
        if not check.table(table, ERA_KEYS, where):
            continue
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
        check.cited(table["sources"], sources, where)
        days = table.get("days", 1)
        if kind == "day" and days != 1:
            check.error((*where, "days"), "a 'day' lasts one day; use kind = \"week\" for a span")
        if kind == "week" and days == 1:
            check.error(where, "a 'week' needs 'days' greater than 1")
        era: dict[str, Any] = {
            key: table[key] for key in ("from", "until", "days", "every", "sources", "note") if key in table
        }
        rule = _check_rule(check, table, where)
        if rule is not None:
            eras.append({**era, **rule})
    return eras


def _check_rule(check: _FileCheck, table: dict[str, Any], where: Where) -> dict[str, Any] | None:
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
    check: _FileCheck, tables: list[dict[str, Any]], sources: set[str], eras: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    exceptions: list[dict[str, Any]] = []
    seen: set[int] = set()
    spans = _year_spans(eras)
    for index, table in enumerate(tables):
        where: Where = ("exceptions", index)
        if not check.table(table, EXCEPTION_KEYS, where):
            continue
        year = table["year"]
        check.cited(table["sources"], sources, where)
        if year in seen:
            check.error((*where, "year"), f"a second exception for {year}")
        seen.add(year)
        if table["date"].year != year:
            check.error((*where, "date"), f"{table['date'].isoformat()} is not in {year}")
        if not _covered(year, spans):
            check.error((*where, "year"), f"{year} is in no era")
        exceptions.append(
            {"year": year, "date": table["date"].isoformat(), "sources": table["sources"]}
            | ({"note": table["note"]} if "note" in table else {})
        )
    return exceptions


def _year_spans(eras: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The (first, last) years of the raw era tables whose years are sound, sorted."""
    spans: list[tuple[int, int]] = []
    for era in eras:
        first, last = era.get("from"), era.get("until", LAST_YEAR)
        if _is_year(first) and _is_year(last):
            spans.append((first, last))
    return sorted(spans)


def _covered(year: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a year falls in any span: a binary search, so thousands of eras stay cheap."""
    index = bisect_right(spans, (year, LAST_YEAR)) - 1
    return index >= 0 and spans[index][0] <= year <= spans[index][1]


def _check_events(check: _FileCheck, tables: list[dict[str, Any]], sources: set[str]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for index, table in enumerate(tables):
        where: Where = ("events", index)
        if not check.table(table, EVENT_KEYS, where):
            continue
        check.cited(table["sources"], sources, where)
        if table["kind"] not in EVENT_KINDS:
            check.error((*where, "kind"), f"'{table['kind']}' is not one of: {', '.join(EVENT_KINDS)}")
        when = table["date"]
        text = when.isoformat() if isinstance(when, date) else when
        events.append(
            {"date": text, "kind": table["kind"], "what": table["what"], "sources": table["sources"]}
        )
    return sorted(events, key=lambda event: event["date"])


def _check_former_names(
    check: _FileCheck, tables: list[dict[str, Any]], sources: set[str]
) -> list[dict[str, Any]]:
    names: list[dict[str, Any]] = []
    for index, table in enumerate(tables):
        where: Where = ("former_names", index)
        if check.table(table, FORMER_NAME_KEYS, where):
            check.cited(table["sources"], sources, where)
            names.append({key: table[key] for key in ("name", "until", "sources")})
    return sorted(names, key=lambda name: name["until"])


def _check_disputes(
    check: _FileCheck, tables: list[dict[str, Any]], sources: set[str]
) -> list[dict[str, Any]]:
    disputes: list[dict[str, Any]] = []
    for index, table in enumerate(tables):
        where: Where = ("disputes", index)
        if not check.table(table, DISPUTE_KEYS, where):
            continue
        claims = []
        for claim in table["claims"]:
            if check.table(claim, CLAIM_KEYS, (*where, "claims")):
                check.cited(claim["sources"], sources, (*where, "claims"))
                claims.append(
                    {
                        "says": claim["says"],
                        "sources": claim["sources"],
                        "followed": claim.get("followed", False),
                    }
                )
        if len(table["claims"]) < 2:
            check.error((*where, "claims"), "a dispute needs at least two claims")
        if sum(1 for claim in claims if claim["followed"]) != 1:
            check.error((*where, "claims"), "exactly one claim must say followed = true")
        disputes.append({"about": table["about"], "claims": claims, "reason": table["reason"]})
    return disputes

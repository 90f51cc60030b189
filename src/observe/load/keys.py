"""What an observance file may hold: every table kind's keys, and the closed vocabularies.

Each key list is written here once; the checks validate against it and records are copied
from it. The vocabularies are shared with the configuration and the command line.
"""

from __future__ import annotations

from observe.load.checks import (
    BOOL,
    DATE,
    DAYS,
    EVERY,
    EXPRESSIONS,
    PARTIAL,
    SOURCES,
    TABLE,
    TABLES,
    TEXT,
    TEXTS,
    URL,
    YEAR,
    Keys,
)

# Keys whose text may run over several lines; every other text is one line.
MULTILINE_KEYS = frozenset({"description"})

TOP_KEYS: Keys = {
    "id": (TEXT, True),
    "name": (TEXT, True),
    "aliases": (TEXTS, False),
    "kind": (TEXT, True),
    "body": (TEXT, True),
    "instrument": (TEXT, True),
    "lead": (TEXT, False),
    "topics": (TEXTS, True),
    "url": (URL, True),
    "revised": (DATE, False),
    "description": (TEXT, True),
    "override": (BOOL, False),
    "sources": (TABLES, True),
    "eras": (TABLES, True),
    "exceptions": (TABLES, False),
    "events": (TABLES, False),
    "former_names": (TABLES, False),
    "disputes": (TABLES, False),
    "names": (TABLES, False),
}
# The top-level keys a record copies as they are; the tables are checked and copied one by one.
PLAIN_TOP_KEYS = ("id", "name", "aliases", "kind", "body", "instrument", "lead", "topics", "url", "revised")
SOURCE_KEYS: Keys = {"key": (TEXT, True), "title": (TEXT, True), "url": (URL, True), "date": (PARTIAL, False)}
ERA_KEYS: Keys = {
    "from": (YEAR, True),
    "until": (YEAR, False),
    "on": (EXPRESSIONS, False),
    "announced": (TABLE, False),
    "days": (DAYS, False),
    "every": (EVERY, False),
    "sources": (SOURCES, True),
    "note": (TEXT, False),
}
# The era keys a record copies as they are; the rule (on or announced) is parsed.
PLAIN_ERA_KEYS = ("from", "until", "days", "every", "sources", "note")
EXCEPTION_KEYS: Keys = {
    "year": (YEAR, True),
    "date": (DATE, True),
    "sources": (SOURCES, True),
    "note": (TEXT, False),
}
EVENT_KEYS: Keys = {
    "date": (PARTIAL, True),
    "kind": (TEXT, True),
    "what": (TEXT, True),
    "sources": (SOURCES, True),
}
FORMER_NAME_KEYS: Keys = {"name": (TEXT, True), "until": (YEAR, True), "sources": (SOURCES, True)}
DISPUTE_KEYS: Keys = {"about": (TEXT, True), "claims": (TABLES, True), "reason": (TEXT, True)}
NAME_KEYS: Keys = {
    "lang": (TEXT, True),
    "name": (TEXT, True),
    "until": (YEAR, False),
    "sources": (SOURCES, True),
}
CLAIM_KEYS: Keys = {"says": (TEXT, True), "sources": (SOURCES, True), "followed": (BOOL, False)}

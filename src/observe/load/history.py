"""Validating the history tables of an observance file: events, former names and disputes."""

from __future__ import annotations

from typing import Any

from observe.details import EVENT_KINDS
from observe.load.checks import FileCheck, record_of
from observe.load.keys import CLAIM_KEYS, DISPUTE_KEYS, EVENT_KEYS, FORMER_NAME_KEYS, NAME_KEYS
from observe.vocabulary import LANGUAGES


def check_events(check: FileCheck, tables: list[dict[str, Any]], sources: set[str]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for where, table in check.tables(tables, "events", EVENT_KEYS, sources):
        if table["kind"] not in EVENT_KINDS:
            check.error((*where, "kind"), f"'{table['kind']}' is not one of: {', '.join(EVENT_KINDS)}")
        events.append(record_of(table, EVENT_KEYS))
    return sorted(events, key=lambda event: event["date"])


def check_former_names(
    check: FileCheck, tables: list[dict[str, Any]], sources: set[str]
) -> list[dict[str, Any]]:
    names = [
        record_of(table, FORMER_NAME_KEYS)
        for _, table in check.tables(tables, "former_names", FORMER_NAME_KEYS, sources)
    ]
    return sorted(names, key=lambda name: name["until"])


def check_disputes(check: FileCheck, tables: list[dict[str, Any]], sources: set[str]) -> list[dict[str, Any]]:
    disputes: list[dict[str, Any]] = []
    for where, table in check.tables(tables, "disputes", DISPUTE_KEYS):
        claims = []
        for claim in table["claims"]:
            if check.table(claim, CLAIM_KEYS, (*where, "claims")):
                check.cited(claim["sources"], sources, (*where, "claims"))
                claims.append(record_of(claim, CLAIM_KEYS) | {"followed": claim.get("followed", False)})
        if len(table["claims"]) < 2:
            check.error((*where, "claims"), "a dispute needs at least two claims")
        if sum(1 for claim in claims if claim["followed"]) != 1:
            check.error((*where, "claims"), "exactly one claim must say followed = true")
        disputes.append({"about": table["about"], "claims": claims, "reason": table["reason"]})
    return disputes


def check_names(check: FileCheck, tables: list[dict[str, Any]], sources: set[str]) -> list[dict[str, Any]]:
    """Official names in the other UN languages (English is ``name``); each cites its source,
    and a language has one current name (no ``until``) at most."""
    names: list[dict[str, Any]] = []
    current: set[str] = set()
    for where, table in check.tables(tables, "names", NAME_KEYS, sources):
        lang = table["lang"]
        if lang not in LANGUAGES or lang == "en":
            others = ", ".join(code for code in LANGUAGES if code != "en")
            check.error((*where, "lang"), f"'{lang}' is not one of the other UN languages: {others}")
            continue
        if "until" not in table:
            if lang in current:
                check.error(
                    (*where, "lang"), f"a second current name in '{lang}' (give the older one 'until')"
                )
            current.add(lang)
        names.append(record_of(table, NAME_KEYS))
    return sorted(names, key=lambda name: (name["lang"], name.get("until", 10_000)))

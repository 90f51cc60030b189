"""Resolving what a user typed to an observance: exact id, alias, or unambiguous id prefix."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from observe.errors import ObserveError
from observe.model import Observance
from observe.text import fold

WORD = re.compile(r"\w+")


class UnknownObservance(ObserveError):
    """No observance matches; the message names the closest ids."""


def resolve(observances: Mapping[str, Observance], text: str) -> Observance:
    """What a person means by ``text``, in this order: the exact id; a name or alias exactly
    (case and accents aside); a name or alias whose distinctive words are exactly the query's
    ("peace" for "Peace Day", not "Peaceful Coexistence"); an id that only one id starts with.
    Otherwise the candidates, or the closest ids, are named in the error."""
    if text in observances:
        return observances[text]
    wanted = fold(text)
    steps = (
        lambda o: wanted in {fold(name) for name in _names(o)},
        lambda o: (
            bool(_distinctive(wanted)) and _distinctive(wanted) in {_distinctive(fold(n)) for n in _names(o)}
        ),
        lambda o: o.id.startswith(wanted),
    )
    for matches in steps:
        found = [observance for observance in observances.values() if matches(observance)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            shown = ", ".join(o.id for o in found[:5]) + (", ..." if len(found) > 5 else "")
            raise UnknownObservance(f"'{text}' matches {len(found)} observances: {shown}")
    raise UnknownObservance(f"no observance '{text}'{_closest(text, observances)}")


def resolve_all(observances: Mapping[str, Observance], texts: Iterable[str]) -> list[Observance]:
    return [resolve(observances, text) for text in texts]


# Words that every other name holds; what is left tells one observance from another.
COMMON_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "against",
        "all",
        "day",
        "days",
        "for",
        "in",
        "international",
        "of",
        "on",
        "the",
        "to",
        "un",
        "united",
        "nations",
        "world",
        "week",
    ]
)


def _distinctive(folded: str) -> frozenset[str]:
    return frozenset(WORD.findall(folded)) - COMMON_WORDS


def _names(observance: Observance) -> list[str]:
    return [observance.name, *observance.aliases, *(f.name for f in observance.former_names)]


def _closest(text: str, ids: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(fold(text), list(ids), n=3, cutoff=0.5)
    return f"; did you mean {' or '.join(close)}?" if close else "; try 'observe search WORDS'"

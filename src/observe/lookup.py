"""Resolving what a user typed to an observance: exact id, alias, or unambiguous id prefix."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from observe.errors import ObserveError
from observe.model import Observance
from observe.text import fold


class UnknownObservance(ObserveError):
    """No observance matches; the message names the closest ids."""


def resolve(observances: Mapping[str, Observance], text: str) -> Observance:
    """Exact id first, then an alias or former name, then a prefix that only one id starts with."""
    if text in observances:
        return observances[text]
    wanted = fold(text)
    named = [o for o in observances.values() if wanted in {fold(name) for name in _names(o)}]
    if len(named) == 1:
        return named[0]
    prefixed = [o for o in observances.values() if o.id.startswith(wanted)]
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        shown = ", ".join(o.id for o in prefixed[:5]) + (", ..." if len(prefixed) > 5 else "")
        raise UnknownObservance(f"'{text}' matches {len(prefixed)} observances: {shown}")
    raise UnknownObservance(f"no observance '{text}'{_closest(text, observances)}")


def resolve_all(observances: Mapping[str, Observance], texts: Iterable[str]) -> list[Observance]:
    return [resolve(observances, text) for text in texts]


def _names(observance: Observance) -> list[str]:
    return [observance.name, *observance.aliases, *(f.name for f in observance.former_names)]


def _closest(text: str, ids: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(fold(text), list(ids), n=3, cutoff=0.5)
    return f"; did you mean {' or '.join(close)}?" if close else "; try 'observe search WORDS'"

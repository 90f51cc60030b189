"""Finding observances by words: name (in any of the UN's languages the data gives), alias,
topic, body, instrument symbol or description.

Every word must match somewhere; where it matches decides the score, so a word in the name
outranks the same word in a description. Case and accents are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from observe.details import Details
from observe.model import Observance
from observe.text import fold

# How much a match in each field is worth; names outrank prose.
WEIGHTS = {
    "id": 8,
    "name": 10,
    "alias": 8,
    "instrument": 9,
    "topic": 6,
    "body": 5,
    "description": 2,
}
PHRASE_BONUS = 15
WORD = re.compile(r"\w+")


class Match(NamedTuple):
    observance: Observance
    score: int
    fields: tuple[str, ...]


def _field_texts(observance: Observance, details: Details) -> dict[str, str]:
    names = [
        *observance.aliases,
        *(former.name for former in observance.former_names),
        *(name.name for name in details.names),
    ]
    return {
        "id": fold(observance.id.replace("-", " ")),
        "name": fold(observance.name),
        "alias": fold(" | ".join(names)),
        "instrument": fold(" | ".join(details.sources)),
        "topic": fold(" ".join(topic.replace("-", " ") for topic in observance.topics)),
        "body": fold(f"{observance.body} {details.lead}"),
        "description": fold(details.description),
    }


def _matches_word(field: str, term: str, text: str) -> bool:
    """Symbols like ``58/220`` match inside instrument keys; elsewhere each word piece of the term
    (``south-south`` has two) must start a word of the field."""
    if field == "instrument" or _unspaced(term):
        return term in text
    pieces = WORD.findall(term)
    words = WORD.findall(text)
    return bool(pieces) and all(any(word.startswith(piece) for word in words) for piece in pieces)


def _unspaced(term: str) -> bool:
    """Whether a term is in a script written without spaces between words (Chinese, Japanese),
    where it matches anywhere in a name rather than at the start of a word."""
    return any("\u2e80" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff" for character in term)


def _words(text: str) -> str:
    """Words separated by single spaces, so "South-South" and "south south" compare equal."""
    return " ".join(WORD.findall(text))


def search(
    observances: Iterable[Observance], details_of: Callable[[Observance], Details], query: str
) -> list[Match]:
    """Observances matching every term of ``query``, best first (ties by name)."""
    terms = [fold(term) for term in query.split()]
    phrase = _words(fold(query))
    found: list[Match] = []
    for observance in observances:
        texts = _field_texts(observance, details_of(observance))
        score = 0
        matched: set[str] = set()
        for term in terms:
            fields = [field for field, text in texts.items() if _matches_word(field, term, text)]
            if not fields:
                break
            score += max(WEIGHTS[field] for field in fields)
            matched.update(fields)
        else:
            if phrase and phrase in _words(texts["name"]):
                score += PHRASE_BONUS
            ordered = tuple(field for field in WEIGHTS if field in matched)
            found.append(Match(observance, score, ordered))
    return sorted(found, key=lambda match: (-match.score, match.observance.name))

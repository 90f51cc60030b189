"""Narrowing the dataset by the filters every listing command shares: ids, topics, bodies, kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from observe.errors import ObserveError
from observe.model import Observance


class Selection(NamedTuple):
    """What the user asked to see; an empty field means no restriction."""

    ids: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def apply(self, observances: Mapping[str, Observance]) -> list[Observance]:
        """The matching observances; an id that matches nothing is an error, not an empty list.

        Topics and bodies are plain words, so case folding is enough; the id resolver (with its
        accent folding) is loaded only when ids are given.
        """
        if self.ids:
            from observe.lookup import resolve_all

            chosen = resolve_all(observances, self.ids)
        else:
            chosen = list(observances.values())
        topics = {topic.casefold() for topic in self.topics}
        bodies = {body.casefold() for body in self.bodies}
        if topics:
            known = {topic.casefold() for o in observances.values() for topic in o.topics}
            _check_known("topic", topics, known)
        if bodies:
            _check_known("body", bodies, {o.body.casefold() for o in observances.values()})
        return [
            observance
            for observance in chosen
            if (not topics or topics & {topic.casefold() for topic in observance.topics})
            and (not bodies or observance.body.casefold() in bodies)
            and (not self.kinds or observance.kind in self.kinds)
        ]


def _check_known(what: str, wanted: set[str], known: set[str]) -> None:
    """A filter value nothing carries is a typo far more often than a wish for an empty answer:
    say so, with the closest known value, rather than print nothing."""
    import difflib

    for value in sorted(wanted - known):
        close = difflib.get_close_matches(value, sorted(known), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise ObserveError(f"no observance has the {what} '{value}'{hint}")

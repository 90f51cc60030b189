"""What ``show``, ``history``, ``search`` and ``export`` add to an observance: its description,
sources, recorded events and disputes.

Kept out of ``observe.model`` because listing commands never need them: ``observe next`` neither
reads these parts of the data nor defines these types.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple

from observe.model import Observance


class Source(NamedTuple):
    """An instrument or page that supports a claim; ``key`` is how the data cites it.

    ``date`` is ISO text of day, month or year precision: an adoption known only to the month
    is recorded as such rather than pinned to a guessed day.
    """

    key: str
    title: str
    url: str
    date: str | None = None


# What a recorded event may be; the timeline adds "exception" for the years held on another date.
EVENT_KINDS = ("background", "proclaimed", "moved", "renamed", "observed", "ended", "other")


class Event(NamedTuple):
    """A dated fact in the observance's life; ``date`` is ISO text of year, month or day precision."""

    date: str
    kind: str
    what: str
    sources: tuple[str, ...]


class Claim(NamedTuple):
    says: str
    sources: tuple[str, ...]
    followed: bool


class Dispute(NamedTuple):
    """Sources that disagree, kept side by side with the claim the tool follows and why."""

    about: str
    claims: tuple[Claim, ...]
    reason: str


class Name(NamedTuple):
    """The official name in one of the other UN languages (``until``: the last year it was used)."""

    lang: str
    name: str
    sources: tuple[str, ...]
    until: int | None = None


class Details(NamedTuple):
    """What ``show``, ``history``, ``search`` and ``export`` add to an observance."""

    description: str
    sources: dict[str, Source]
    lead: str = ""
    events: tuple[Event, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    revised: str = ""
    names: tuple[Name, ...] = ()

    def proclamation(self, observance: Observance) -> Source:
        return self.sources[observance.instrument]

    def revision(self) -> datetime:
        """When the observance's content last changed (UTC): its ``revised`` date at midnight, or
        the moment the loader recorded for a user file without one; 2000-01-01 when unknown."""
        if not self.revised:
            return REVISION_FLOOR
        moment = datetime.fromisoformat(self.revised)
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


DETAIL_KEYS = ("description", "sources", "lead", "events", "disputes", "revised", "names")
REVISION_FLOOR = datetime(2000, 1, 1, tzinfo=UTC)

"""Narrowing the dataset by the filters every listing command shares: ids, topics, bodies, kind."""

from __future__ import annotations

from typing import NamedTuple

from observe.dataset import Dataset
from observe.lookup import resolve_all
from observe.model import Observance
from observe.text import fold


class Selection(NamedTuple):
    """What the user asked to see; an empty field means no restriction."""

    ids: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def apply(self, dataset: Dataset) -> list[Observance]:
        """The matching observances; an id that matches nothing is an error, not an empty list."""
        chosen = resolve_all(dataset, self.ids) if self.ids else list(dataset)
        topics = {fold(topic) for topic in self.topics}
        bodies = {fold(body) for body in self.bodies}
        return [
            observance
            for observance in chosen
            if (not topics or topics & {fold(topic) for topic in observance.topics})
            and (not bodies or fold(observance.body) in bodies)
            and (not self.kinds or observance.kind in self.kinds)
        ]

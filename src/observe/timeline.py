"""An observance's history as one ordered list: recorded events plus what the eras imply.

The data records events (proclaimed, moved, ...) but not first observances, which follow from
the eras; deriving them here keeps the data free of facts that could contradict each other.
"""

from __future__ import annotations

from observe.details import Details, Event
from observe.model import Era, Observance
from observe.occurrences import in_year
from observe.schedule import LARGEST_EVERY

# Enough years to reach the first occurrence of any every-N-years era.
SEARCH_YEARS = LARGEST_EVERY


def timeline(observance: Observance, details: Details) -> list[Event]:
    """Recorded events and what the eras imply, oldest first; on the same day, recorded events
    come first. Derived entries are events too, of kinds "observed", "ended" and "exception"."""
    entries = list(details.events)
    for index, era in enumerate(observance.eras):
        first = _first_occurrence(observance, era)
        if first is not None:
            label = "First observed" if index == 0 else "First observed under a new rule"
            entries.append(Event(first, "observed", f"{label}: {era.describe()}.", era.sources))
        if era.last_year is not None and index == len(observance.eras) - 1:
            ended = f"Last year observed: {era.last_year}."
            entries.append(Event(str(era.last_year), "ended", ended, era.sources))
    for exception in observance.exceptions.values():
        what = f"Held on another date this year{': ' + exception.note if exception.note else '.'}"
        entries.append(Event(exception.date.isoformat(), "exception", what, exception.sources))
    order = {id(entry): position for position, entry in enumerate(entries)}
    return sorted(entries, key=lambda entry: (entry.date, entry.kind == "observed", order[id(entry)]))


def _first_occurrence(observance: Observance, era: Era) -> str | None:
    last = era.first_year + SEARCH_YEARS
    if era.last_year is not None:
        last = min(era.last_year, last)
    for year in range(era.first_year, last + 1):
        found = in_year(observance, year)
        if found:
            return found[0].start.isoformat()
    return None

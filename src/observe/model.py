"""The observance data model: observances, their eras of date rules, and their sources.

These are plain immutable values, built from validated records by ``load.records``; nothing
here reads files or knows about the command line.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from typing import NamedTuple

from observe.schedule import Schedule


class Era(NamedTuple):
    """One schedule and the years it held, both ends inclusive (``last_year`` None: in force)."""

    first_year: int
    last_year: int | None
    schedule: Schedule
    days: int
    sources: tuple[str, ...]
    note: str = ""

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def describe(self) -> str:
        """The rule in words, as ``show`` prints it: "12 September every year, since 2012"."""
        one_year = self.last_year == self.first_year
        rule = self.schedule.describe(one_year)
        if self.days > 1:
            rule = f"{self.days} days from {rule}"
        if one_year:
            return f"{rule}, in {self.first_year} only"
        if self.last_year is None:
            return f"{rule}, since {self.first_year}"
        return f"{rule}, from {self.first_year} to {self.last_year}"

    def years(self, dash: str = "-") -> str:
        """``2004-2011``, ``2012-`` while in force, or ``2010`` for a single year."""
        if self.last_year == self.first_year:
            return str(self.first_year)
        return f"{self.first_year}{dash}{'' if self.last_year is None else self.last_year}"

    def start_dates(self, year: int) -> list[date]:
        """The dates occurrences start in ``year`` (which the era must cover)."""
        return self.schedule.start_dates(year, self.first_year)


class YearException(NamedTuple):
    """A single year in which the observance was held on another date than its rule gives."""

    year: int
    date: date
    sources: tuple[str, ...]
    note: str = ""


class FormerName(NamedTuple):
    name: str
    until: int
    sources: tuple[str, ...]


class Observance(NamedTuple):
    """What listing, filtering and dating need: names, kind, who proclaimed it, its date rules.

    Descriptions, sources, events and disputes live in ``observe.details``, loaded only by the
    commands that show them, so that ``observe next`` reads a fraction of the data.
    """

    id: str
    name: str
    kind: str
    body: str
    instrument: str
    topics: tuple[str, ...]
    url: str
    eras: tuple[Era, ...]
    aliases: tuple[str, ...] = ()
    exceptions: dict[int, YearException] = {}  # noqa: RUF012  (never mutated)
    former_names: tuple[FormerName, ...] = ()
    origin: str = ""
    era_starts: tuple[int, ...] = ()  # the eras' first years, for a binary search
    name_lang: str = "en"  # the language ``name`` is in (English where no other was asked or known)

    @property
    def first_year(self) -> int:
        return self.eras[0].first_year

    def era_for(self, year: int) -> Era | None:
        """The era in force in ``year``: eras are in order and never overlap, so a binary search
        finds it, and a file of thousands of one-year eras costs no more per year than one era."""
        starts = self.era_starts or tuple(era.first_year for era in self.eras)
        index = bisect_right(starts, year) - 1
        if index >= 0 and self.eras[index].covers(year):
            return self.eras[index]
        return None

    def name_in(self, year: int) -> str:
        """The name the observance carried in ``year``, so old occurrences keep their old name."""
        for former in sorted(self.former_names, key=lambda former: former.until):
            if year <= former.until:
                return former.name
        return self.name


class Occurrence(NamedTuple):
    """An observance on concrete dates in one year, with the era (or exception) that set them."""

    observance: Observance
    start: date
    end: date
    era: Era
    exception: YearException | None = None

    @property
    def name(self) -> str:
        return self.observance.name_in(self.start.year)

    def days_until(self, today: date) -> int:
        return (self.start - today).days


def span_end(start: date, days: int) -> date:
    """The last day of a span, kept within the calendar for spans starting late in year 9999."""
    try:
        return start + timedelta(days=days - 1)
    except OverflowError:
        return date.max

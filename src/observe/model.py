"""The observance data model: observances, their eras of date rules, and their sources.

These are plain immutable values built from validated records (see ``schema``); nothing here
reads files or knows about the command line.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from typing import Any, NamedTuple

from observe.rules import Fixed, from_data
from observe.schedule import Announced, Schedule, Yearly


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

    @classmethod
    def from_record(cls, record: dict[str, Any], origin: str = "") -> Observance:
        """Build an observance from a validated record (the shape ``schema`` produces)."""
        eras = tuple(_era(e) for e in record["eras"])
        return cls(
            id=record["id"],
            name=record["name"],
            kind=record["kind"],
            body=record["body"],
            instrument=record["instrument"],
            topics=tuple(record["topics"]),
            url=record["url"],
            eras=eras,
            aliases=tuple(record.get("aliases", ())),
            exceptions={x["year"]: _exception(x) for x in record.get("exceptions", ())},
            former_names=tuple(
                FormerName(f["name"], f["until"], tuple(f["sources"])) for f in record.get("former_names", ())
            ),
            origin=origin,
            era_starts=tuple(era.first_year for era in eras),
        )


def _era(record: dict[str, Any]) -> Era:
    announced = record.get("announced")
    schedule: Schedule
    if announced is None:
        schedule = Yearly(tuple(from_data(data) for data in record["on"]), record.get("every", 1))
    else:
        schedule = Announced({int(year): _fixed(data) for year, data in announced.items()})
    return Era(
        first_year=record["from"],
        last_year=record.get("until"),
        schedule=schedule,
        days=record.get("days", 1),
        sources=tuple(record["sources"]),
        note=record.get("note", ""),
    )


def _fixed(data: list[Any]) -> Fixed:
    expression = from_data(data)
    assert isinstance(expression, Fixed), "schema admits only fixed dates in 'announced'"
    return expression


def _exception(record: dict[str, Any]) -> YearException:
    return YearException(
        year=record["year"],
        date=date.fromisoformat(record["date"]),
        sources=tuple(record["sources"]),
        note=record.get("note", ""),
    )


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

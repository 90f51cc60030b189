"""The observance data model: observances, their eras of date rules, and their sources.

These are plain immutable values built from validated records (see ``schema``); nothing here
reads files or knows about the command line.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from typing import Any, NamedTuple

from observe.rules import DateExpr, Fixed, from_data


class Era(NamedTuple):
    """One date rule and the years it held, both ends inclusive (``end`` None: still in force)."""

    start: int
    end: int | None
    on: tuple[DateExpr, ...]
    announced: dict[int, Fixed] | None
    days: int
    every: int
    sources: tuple[str, ...]
    note: str = ""

    def covers(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)

    def describe(self) -> str:
        """The rule in words, as ``show`` prints it: "12 September every year, since 2012"."""
        if self.announced is not None:
            rule = "on a date announced each year"
        else:
            rule = " and ".join(expression.describe() for expression in self.on)
            if self.end != self.start:
                rule += " every year" if self.every == 1 else f" every {self.every} years"
        if self.days > 1:
            rule = f"{self.days} days from {rule}"
        if self.end == self.start:
            return f"{rule}, in {self.start} only"
        years = f"since {self.start}" if self.end is None else f"from {self.start} to {self.end}"
        return f"{rule}, {years}"

    def years(self, dash: str = "-") -> str:
        """``2004-2011``, ``2012-`` while in force, or ``2010`` for a single year."""
        if self.end == self.start:
            return str(self.start)
        return f"{self.start}{dash}{'' if self.end is None else self.end}"

    def start_dates(self, year: int) -> list[date]:
        """The dates occurrences start in ``year``; an announced year not listed has none."""
        if self.announced is not None:
            fixed = self.announced.get(year)
            return [] if fixed is None else [fixed.date_in(year)]
        if (year - self.start) % self.every:
            return []
        return [expression.date_in(year) for expression in self.on]


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
        return self.eras[0].start

    def era_for(self, year: int) -> Era | None:
        """The era in force in ``year``: eras are in order and never overlap, so a binary search
        finds it, and a file of thousands of one-year eras costs no more per year than one era."""
        starts = self.era_starts or tuple(era.start for era in self.eras)
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
            era_starts=tuple(era.start for era in eras),
        )


def _era(record: dict[str, Any]) -> Era:
    announced = record.get("announced")
    on = record.get("on", ())
    return Era(
        start=record["from"],
        end=record.get("until"),
        on=tuple(from_data(data) for data in on),
        announced=(
            None if announced is None else {int(year): _fixed(data) for year, data in announced.items()}
        ),
        days=record.get("days", 1),
        every=record.get("every", 1),
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

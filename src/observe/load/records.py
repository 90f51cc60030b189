"""Turning validated records into the model: the one place that knows both shapes.

Records are what ``load.observance`` produces and the bundle stores; the model is what every
command works with. Keeping the conversion here means a field is renamed or added in one place.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from observe.model import Era, FormerName, Observance, YearException
from observe.rules import Fixed, from_data
from observe.schedule import Announced, Schedule, Yearly

if TYPE_CHECKING:
    from observe.details import Details, Dispute


def observance_from_record(record: dict[str, Any], origin: str = "") -> Observance:
    """The model of a validated record (or of its index part in the bundle)."""
    eras = tuple(_era(era) for era in record["eras"])
    return Observance(
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


def details_from_record(record: dict[str, Any]) -> Details:
    """The details of a validated record (or its ``details`` part in the bundle).

    ``observe.details`` is imported here, not above: listing never builds details.
    """
    from observe.details import Details, Event, Name, Source

    return Details(
        description=record["description"],
        sources={s["key"]: Source(s["key"], s["title"], s["url"], s.get("date")) for s in record["sources"]},
        lead=record.get("lead", ""),
        events=tuple(
            Event(e["date"], e["kind"], e["what"], tuple(e["sources"])) for e in record.get("events", ())
        ),
        disputes=tuple(_dispute(d) for d in record.get("disputes", ())),
        revised=record.get("revised", ""),
        names=tuple(
            Name(n["lang"], n["name"], tuple(n["sources"]), n.get("until")) for n in record.get("names", ())
        ),
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
    assert isinstance(expression, Fixed), "validation admits only fixed dates in 'announced'"
    return expression


def _exception(record: dict[str, Any]) -> YearException:
    return YearException(
        year=record["year"],
        date=date.fromisoformat(record["date"]),
        sources=tuple(record["sources"]),
        note=record.get("note", ""),
    )


def _dispute(record: dict[str, Any]) -> Dispute:
    from observe.details import Claim, Dispute

    claims = tuple(
        Claim(c["says"], tuple(c["sources"]), bool(c.get("followed", False))) for c in record["claims"]
    )
    return Dispute(about=record["about"], claims=claims, reason=record["reason"])

"""What ``show`` says about an observance, as labelled facts any output mode can lay out."""

from __future__ import annotations

from datetime import date

from observe.details import Details
from observe.model import Observance, Occurrence
from observe.occurrences import upcoming


def next_occurrence(observance: Observance, today: date) -> Occurrence | None:
    found = upcoming([observance], today, 1, None)
    return found[0] if found else None


def current_rule(observance: Observance, today: date) -> str:
    """The rule in force in ``today``'s year, or the last one with a note that it has ended."""
    era = observance.era_for(today.year)
    if era is not None:
        return era.describe()
    last = observance.eras[-1]
    if last.last_year is not None and last.last_year < today.year:
        return f"no longer observed (last rule: {last.describe()})"
    return f"not yet observed (first rule: {observance.eras[0].describe()})"


def facts(observance: Observance, details: Details, today: date) -> list[tuple[str, str]]:
    """Label/value pairs in reading order; dates are ISO so every mode can reformat them."""
    proclamation = details.proclamation(observance)
    adopted = proclamation.date or "date unknown"
    rows = [("Name", observance.name)]
    if observance.aliases:
        rows.append(("Also called", "; ".join(observance.aliases)))
    for former in observance.former_names:
        rows.append(("Formerly", f"{former.name} (until {former.until})"))
    current = [f"{name.lang}: {name.name}" for name in details.names if name.until is None]
    if current:
        rows.append(("In other languages", "; ".join(current)))
    rows += [
        ("Kind", observance.kind),
        ("Proclaimed by", f"{observance.body}, {proclamation.key} of {adopted}"),
        ("Instrument", proclamation.url),
    ]
    if details.lead:
        rows.append(("Lead", details.lead))
    rows += [
        ("Rule", current_rule(observance, today)),
        ("Next", _next_text(observance, today)),
        ("Topics", ", ".join(observance.topics)),
        ("Official page", observance.url),
    ]
    if observance.origin and observance.origin != "bundled":
        rows.append(("Defined in", observance.origin))
    return rows


def _next_text(observance: Observance, today: date) -> str:
    occurrence = next_occurrence(observance, today)
    if occurrence is None:
        return "none known (see the rule)"
    days = occurrence.days_until(today)
    when = occurrence.start.isoformat()
    if occurrence.end != occurrence.start:
        when += f" to {occurrence.end.isoformat()}"
    if days < 0:
        return f"{when} (in progress)"
    return f"{when} ({'today' if days == 0 else f'in {days} day' + ('s' if days != 1 else '')})"

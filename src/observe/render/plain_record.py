"""Plain text for ``show`` and ``history``: labelled facts and tab-separated sections.

Kept apart from ``render.plain`` so that listing commands in a pipe do not load the timeline
and profile machinery they never use.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from observe.details import Details, Event
from observe.model import Observance
from observe.printable import one_line
from observe.profile import facts
from observe.timeline import timeline


def _cites(keys: Iterable[str]) -> str:
    return ", ".join(keys)


def _row(*fields: str) -> str:
    """Tab-separated fields, none of which can hold a tab, newline or other control character."""
    return "\t".join(one_line(field) for field in fields)


def timeline_lines(entries: Iterable[Event]) -> list[str]:
    """``DATE<TAB>KIND<TAB>WHAT<TAB>SOURCES``, oldest first."""
    return [_row(e.date, e.kind, e.what, _cites(e.sources)) for e in entries]


def profile_lines(observance: Observance, details: Details, today: date) -> list[str]:
    """``show`` as plain text: labelled facts, then one tab-separated section after another."""
    lines = [one_line(f"{label}: {value}") for label, value in facts(observance, details, today)]
    lines.append(one_line(f"Description: {details.description}"))
    lines.append("")
    lines.append("Eras:")
    for era in observance.eras:
        lines.append(_row(era.years(), era.describe(), _cites(era.sources), era.note).rstrip("\t"))
    lines.append("")
    lines.append("History:")
    lines.extend(timeline_lines(timeline(observance, details)))
    if details.disputes:
        lines.append("")
        lines.append("Disputes:")
        for dispute in details.disputes:
            lines.append(one_line(dispute.about))
            for claim in dispute.claims:
                verdict = "followed" if claim.followed else "not followed"
                lines.append(_row("", verdict, claim.says, _cites(claim.sources)))
            lines.append(_row("", "reason", dispute.reason))
    lines.append("")
    lines.append("Sources:")
    for source in details.sources.values():
        adopted = source.date or ""
        lines.append(_row(source.key, adopted, source.title, source.url))
    return lines

"""Plain text for ``show`` and ``history``: labelled facts and tab-separated sections.

Kept apart from ``render.plain`` so that listing commands in a pipe do not load the timeline
and profile machinery they never use.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from observe.details import Details
from observe.model import Observance
from observe.profile import facts
from observe.timeline import Entry, timeline


def _cites(keys: Iterable[str]) -> str:
    return ", ".join(keys)


def timeline_lines(entries: Iterable[Entry]) -> list[str]:
    """``DATE<TAB>KIND<TAB>WHAT<TAB>SOURCES``, oldest first."""
    return [f"{e.date}\t{e.kind}\t{e.what}\t{_cites(e.sources)}" for e in entries]


def profile_lines(observance: Observance, details: Details, today: date) -> list[str]:
    """``show`` as plain text: labelled facts, then one tab-separated section after another."""
    lines = [f"{label}: {value}" for label, value in facts(observance, details, today)]
    lines.append(f"Description: {details.description}")
    lines.append("")
    lines.append("Eras:")
    for era in observance.eras:
        lines.append(f"{era.years()}\t{era.describe()}\t{_cites(era.sources)}\t{era.note}".rstrip("\t"))
    lines.append("")
    lines.append("History:")
    lines.extend(timeline_lines(timeline(observance, details)))
    if details.disputes:
        lines.append("")
        lines.append("Disputes:")
        for dispute in details.disputes:
            lines.append(dispute.about)
            for claim in dispute.claims:
                verdict = "followed" if claim.followed else "not followed"
                lines.append(f"\t{verdict}\t{claim.says}\t{_cites(claim.sources)}")
            lines.append(f"\treason\t{dispute.reason}")
    lines.append("")
    lines.append("Sources:")
    for source in details.sources.values():
        adopted = source.date or ""
        lines.append(f"{source.key}\t{adopted}\t{source.title}\t{source.url}")
    return lines

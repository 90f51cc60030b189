"""``show`` and ``history`` at a terminal: a panel of facts, then tables of rules, history,
disputes and sources.

Apart from ``render.terminal`` so that a listing at a terminal does not import the panel and
styling machinery it never draws.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.console import Console, Group
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from observe.details import Details, Event, Source
from observe.model import Observance
from observe.printable import block, one_line
from observe.profile import facts
from observe.timeline import timeline


def human_partial_date(text: str) -> str:
    """An ISO date of year, month or day precision in words: "1974", "December 1974", "12 September 1978"."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 1:
        return text
    if len(parts) == 2:
        return f"{date(parts[0], parts[1], 1).strftime('%B')} {parts[0]}"
    day = date(parts[0], parts[1], parts[2])
    return f"{day.day} {day.strftime('%B')} {day.year}"


def timeline_table(entries: Iterable[Event], sources: dict[str, Source]) -> Table:
    table = Table(title="History", title_justify="left", header_style="bold", show_lines=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("What", ratio=3)
    table.add_column("Source", ratio=1, overflow="fold")
    for entry in entries:
        table.add_row(human_partial_date(entry.date), one_line(entry.what), _cited(entry.sources, sources))
    return table


def _cited(keys: Iterable[str], sources: dict[str, Source]) -> str:
    return "\n".join(one_line(key) for key in keys if key in sources)


def print_profile(
    console: Console, observance: Observance, details: Details, today: date, lang: str = "en"
) -> None:
    """``show`` on a terminal: a panel of facts, then eras, history, disputes and sources."""
    from observe.render.terminal import marked

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in facts(observance, details, today):
        grid.add_row(label, marked(observance, value, lang) if label == "Name" else one_line(value))
    panel = Group(grid, Text(""), Text(block(details.description)))
    console.print(Panel(panel, title=one_line(observance.id)))

    eras = Table(title="Date rules", title_justify="left", header_style="bold")
    eras.add_column("Years", no_wrap=True)
    eras.add_column("Rule", ratio=2)
    eras.add_column("Source", ratio=1, overflow="fold")
    for era in observance.eras:
        rule = Text(one_line(era.describe()))
        if era.note:
            rule.append("\n" + one_line(era.note), style="dim")
        eras.add_row(era.years("–"), rule, _cited(era.sources, details.sources))
    console.print(eras)
    console.print(timeline_table(timeline(observance, details), details.sources))
    for dispute in details.disputes:
        table = Table(title=one_line(f"Disputed: {dispute.about}"), title_justify="left", header_style="bold")
        table.add_column("Claim")
        table.add_column("Source", overflow="fold")
        table.add_column("Followed", no_wrap=True)
        for claim in dispute.claims:
            table.add_row(
                one_line(claim.says),
                _cited(claim.sources, details.sources),
                "yes" if claim.followed else "no",
            )
        table.caption = one_line(f"Why: {dispute.reason}")
        table.caption_justify = "left"
        console.print(table)
    sources = Table(title="Sources", title_justify="left", header_style="bold")
    sources.add_column("Key", no_wrap=True)
    sources.add_column("Date", no_wrap=True)
    sources.add_column("Title and link", overflow="fold")
    for source in details.sources.values():
        adopted = human_partial_date(source.date) if source.date else ""
        url = one_line(source.url)
        title_and_link = Text(one_line(source.title) + "\n")
        title_and_link.append(url, style=Style(link=url))
        sources.add_row(one_line(source.key), adopted, title_and_link)
    console.print(sources)

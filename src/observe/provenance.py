"""How well the data's claims are backed: which sources are primary, and which keys pretend to be.

A date is only as trustworthy as the document behind it. A source is *primary* when it is
published by the United Nations or one of its agencies (the instrument itself, or the page of the
UN or the lead agency for the day); everything else (news sites, encyclopaedias, copies of a
document on another site) is secondary. The domains are listed once, here.

A source key with a capital letter is a document symbol (``A/RES/58/220``, ``WHA3.1``,
``C-20/DEC.10``); a slug (``unossc-about``) names any other page. A symbol key must point at the
document itself, so that a copy read for a fact can never pass for the instrument: a copy is a
separate source with a slug key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple
from urllib.parse import urlsplit

PRIMARY_DOMAINS = frozenset(
    {
        # The Secretariat, its documents, offices, commissions and information centres.
        "un.org",
        "undocs.org",
        "un.int",
        "unvienna.org",
        "ungeneva.org",
        "unric.org",
        "uneca.org",
        "unescap.org",
        "unece.org",
        "cepal.org",
        "un-ilibrary.org",
        "unoosa.org",
        "unaoc.org",
        "undrr.org",
        "unsouthsouth.org",
        "ohchr.org",
        "unocha.org",
        "unodc.org",
        "unctad.org",
        "unrwa.org",
        # Funds, programmes and other entities of the UN system.
        "undp.org",
        "unep.org",
        "unfpa.org",
        "unicef.org",
        "unhcr.org",
        "unwomen.org",
        "unaids.org",
        "unhabitat.org",
        "wfp.org",
        "unv.org",
        "unops.org",
        "unitar.org",
        "unu.edu",
        "unssc.org",
        "unicri.org",
        "unidir.org",
        "unccd.int",
        "cbd.int",
        "unfccc.int",
        "cites.org",
        "cms.int",
        "worldmigratorybirdday.org",
        # Specialized and related agencies.
        "unesco.org",
        "who.int",
        "paho.org",
        "fao.org",
        "ilo.org",
        "imo.org",
        "icao.int",
        "itu.int",
        "wmo.int",
        "wipo.int",
        "upu.int",
        "ifad.org",
        "unido.org",
        "unwto.org",
        "untourism.int",
        "iaea.org",
        "iom.int",
        "opcw.org",
        "ctbto.org",
        "worldbank.org",
        "imf.org",
    }
)


def is_primary(url: str) -> bool:
    """Whether the page is published by the UN or a UN agency (by its host's registered domain)."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in PRIMARY_DOMAINS)


def is_symbol(key: str) -> bool:
    """Whether a source key is a document symbol rather than a slug."""
    return any(character.isupper() for character in key)


class Report(NamedTuple):
    """The share of current rules with a primary source, and the symbol keys that point at copies."""

    observances: int
    primary: int
    secondary_only: list[str]
    copies: list[str]

    @property
    def share(self) -> float:
        return self.primary / self.observances if self.observances else 1.0

    def summary(self) -> str:
        return (
            f"current rules with a primary source: {self.primary} of {self.observances} "
            f"({self.share:.1%}); symbol keys pointing at a copy: {len(self.copies)}"
        )


def report(records: Iterable[dict[str, Any]]) -> Report:
    """Measure checked records (as ``schema.check_files`` gives them)."""
    count, primary = 0, 0
    secondary_only: list[str] = []
    copies: list[str] = []
    for record in records:
        count += 1
        urls = {source["key"]: source["url"] for source in record["sources"]}
        current = record["eras"][-1]
        if any(is_primary(urls[key]) for key in current["sources"]):
            primary += 1
        else:
            secondary_only.append(record["id"])
        copies.extend(
            f"{record['id']}: source '{key}' is a document symbol but points at {url}"
            for key, url in urls.items()
            if is_symbol(key) and not is_primary(url)
        )
    return Report(count, primary, secondary_only, copies)

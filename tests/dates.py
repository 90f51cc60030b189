"""Dates straight from one observance's TOML file, for tests that pin both sides of a rule change.

Reading the source file (not the compiled bundle) keeps each such test about the data itself; the
freshness test elsewhere keeps the bundle equal to these files.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from observe.load.observance import check_file
from observe.load.records import observance_from_record
from observe.model import Observance
from observe.occurrences import in_year

OBSERVANCES = Path(__file__).resolve().parents[1] / "data" / "observances"


@cache
def observance(ident: str) -> Observance:
    record, problems = check_file(OBSERVANCES / f"{ident}.toml")
    assert record is not None and not problems, [str(problem) for problem in problems]
    return observance_from_record(record, origin="bundled")


def starts(ident: str, year: int) -> list[date]:
    """The start dates of the observance's occurrences in ``year`` (empty when none)."""
    return [occurrence.start for occurrence in in_year(observance(ident), year)]

"""The bundled dataset: it validates, its dates match the instruments, and nothing gets lost."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from observe.load.dataset import load
from observe.load.observance import check_files
from observe.model import Observance
from observe.occurrences import in_year, starting_in_years
from observe.provenance import report
from observe.revisions import RECORD_NAME, current
from observe.revisions import problems as revision_problems
from observe.schedule import Announced

REPO = Path(__file__).resolve().parents[1]
DATASET = load()

# How many observances fall in each month (of their rule in force, or last announced date).
# A file lost or added changes these; update them deliberately, with the data.
PER_MONTH = {1: 9, 2: 13, 3: 26, 4: 25, 5: 28, 6: 35, 7: 19, 8: 15, 9: 28, 10: 27, 11: 29, 12: 23}


def starts(ident: str, year: int) -> list[date]:
    return [occurrence.start for occurrence in in_year(DATASET.observances[ident], year)]


def test_the_bundled_toml_validates() -> None:
    """The checkout's own files, checked as sources of the bundle (not as user files beside it)."""
    files = sorted((REPO / "data" / "observances").glob("*.toml"))
    records, problems = check_files(files)
    assert [str(problem) for problem in problems] == []
    assert len(records) == len(files) == len(DATASET)


def month_of(observance: Observance) -> int:
    schedule = observance.eras[-1].schedule
    if isinstance(schedule, Announced):
        return schedule.dates[max(schedule.dates)].month
    return schedule.expressions[0].month


def test_number_of_observances_per_month_is_pinned() -> None:
    assert dict(sorted(Counter(month_of(o) for o in DATASET).items())) == PER_MONTH


def test_every_observance_names_a_dated_instrument_and_sources() -> None:
    for observance in DATASET:
        details = DATASET.details(observance)
        assert details.proclamation(observance).date, observance.id
        assert details.sources and all(source.url.startswith("http") for source in details.sources.values())
        assert all(era.sources for era in observance.eras), observance.id
        assert 80 <= len(details.description) <= 1200, observance.id


@pytest.mark.parametrize(
    ("ident", "observed", "not_observed"),
    [
        # A/RES/58/220 (2003): 19 December; decision 66/550 (2011): 12 September from 2012.
        ("south-south-cooperation", ["2004-12-19", "2011-12-19", "2012-09-12", "2026-09-12"],
         ["2003-12-19", "2011-09-12", "2012-12-19"]),
        # A/RES/36/67: the opening day of the Assembly's session; A/RES/55/282: 21 September from 2002.
        ("international-day-of-peace", ["1982-09-21", "2000-09-05", "2002-09-21", "2026-09-21"],
         ["1981-09-15", "2001-09-21"]),
        # A/RES/44/236: second Wednesday of October; A/RES/64/200: 13 October from 2010.
        ("disaster-reduction-day", ["1990-10-10", "2009-10-14", "2010-10-13", "2026-10-13"],
         ["1989-10-11", "2009-10-13", "2010-10-14"]),
        # OPCW C-10/5: 29 April from 2006 (held 27 April that first year); C-20/DEC.10: 30 November from 2016.
        ("chemical-warfare-victims-day", ["2006-04-27", "2007-04-29", "2015-04-29", "2016-11-30"],
         ["2005-04-29", "2015-11-30", "2016-04-29"]),
        # A/RES/64/267: 20 October 2010; A/RES/69/282: every five years from 2015.
        ("world-statistics-day", ["2010-10-20", "2015-10-20", "2020-10-20", "2025-10-20"],
         ["2011-10-20", "2014-10-20", "2026-10-20"]),
        # One weekend in May until 2017, then the second Saturdays of May and October.
        ("world-migratory-bird-day", ["2017-05-10", "2018-05-12", "2018-10-13"], ["2017-10-14"]),
        # A/RES/40/202: first Monday of October from 1986.
        ("world-habitat-day", ["1986-10-06", "2026-10-05"], ["1985-10-07"]),
        # A/RES/47/90: first Saturday of July from 1995.
        ("cooperatives-day", ["1995-07-01", "2026-07-04"], ["1994-07-02"]),
        # A/RES/60/5: third Sunday of November.
        ("road-traffic-victims-day", ["2005-11-20", "2026-11-15"], []),
        # UNESCO: third Thursday of November from 2002 (33 C/Resolution 37 in 2005).
        ("world-philosophy-day", ["2002-11-21", "2005-11-17", "2026-11-19"], []),
        # IMCO: 17 March in 1978 (held 16 March in 1979); the last Thursday of September from 1980.
        ("world-maritime-day", ["1978-03-17", "1979-03-16", "1980-09-25", "2026-09-24"], ["1979-03-17"]),
        # A/RES/54/68: 4-10 October from 2000.
        ("world-space-week", ["2000-10-04", "2026-10-04"], ["1999-10-04"]),
        # A/RES/43/61: the week in which 11 November falls.
        ("science-and-peace-week", ["2026-11-09", "2024-11-11"], []),
        # A/RES/54/115: dates announced year by year.
        ("day-of-vesak", ["2024-05-23", "2025-05-12"], []),
    ],
)  # fmt: skip
def test_dates_on_both_sides_of_each_rule_change(
    ident: str, observed: list[str], not_observed: list[str]
) -> None:
    for text in observed:
        day = date.fromisoformat(text)
        assert day in starts(ident, day.year), f"{ident} should start on {text}"
    for text in not_observed:
        day = date.fromisoformat(text)
        assert day not in starts(ident, day.year), f"{ident} should not start on {text}"


def test_weeks_span_their_days() -> None:
    (space_week,) = in_year(DATASET.observances["world-space-week"], 2026)
    assert (space_week.start, space_week.end) == (date(2026, 10, 4), date(2026, 10, 10))
    (science_week,) = in_year(DATASET.observances["science-and-peace-week"], 2026)
    assert (science_week.start, science_week.end) == (date(2026, 11, 9), date(2026, 11, 15))


def test_nothing_before_the_first_era_and_eras_meet_their_rules() -> None:
    """For every observance: no occurrence before its first year, and each occurrence's era covers it."""
    for observance in DATASET:
        assert starting_in_years([observance], 1, observance.first_year - 1) == []
        for occurrence in starting_in_years([observance], observance.first_year, 2060):
            era = observance.era_for(occurrence.start.year)
            assert era is occurrence.era or occurrence.exception is not None


def test_snapshot_of_every_occurrence_from_1950_to_2050() -> None:
    """Regenerate with scripts/build_snapshot.py after a deliberate data change; review the diff."""
    spec = importlib.util.spec_from_file_location("build_snapshot", REPO / "scripts" / "build_snapshot.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.SNAPSHOT.read_text(encoding="utf-8") == module.snapshot_text(), (
        "run scripts/build_snapshot.py"
    )


def bundled_records() -> list[dict[str, Any]]:
    records, problems = check_files(sorted((REPO / "data" / "observances").glob("*.toml")))
    assert problems == []
    return [record for _, record in records]


def test_current_rules_rest_on_primary_sources_and_symbols_on_documents() -> None:
    """The build's own report: at least 95% primary, and no document symbol pointing at a copy."""
    measured = report(bundled_records())
    assert measured.copies == []
    assert measured.share >= 0.95, measured.secondary_only


def test_every_content_change_moved_its_revised_date() -> None:
    """data/revisions.json, kept by scripts/build_bundle.py, matches every file (see revisions.py)."""
    recorded = json.loads((REPO / "data" / RECORD_NAME).read_text("utf-8"))
    assert revision_problems(bundled_records(), recorded, require_current=True) == []


def test_a_change_without_a_new_revised_date_is_caught() -> None:
    record = {"id": "x", "name": "X", "revised": "2026-01-01"}
    recorded = current([record])
    assert revision_problems([record], recorded, require_current=True) == []
    changed = {**record, "name": "Y"}
    (problem,) = revision_problems([changed], recorded, require_current=False)
    assert "content changed but 'revised' is still 2026-01-01" in problem
    assert revision_problems([{**changed, "revised": "2026-02-01"}], recorded, require_current=False) == []
    assert revision_problems([changed], recorded, require_current=False, today="2026-01-01") == []
    assert "not up to date" in revision_problems([{**changed, "revised": "2026-02-01"}], recorded, True)[0]

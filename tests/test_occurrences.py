"""Occurrences from each kind of era, built through the real schema from small TOML records."""

from __future__ import annotations

from datetime import date

import pytest

from observe.load.observance import check_text
from observe.load.records import observance_from_record
from observe.model import Observance
from observe.occurrences import covering, in_year, starting_in_years, upcoming

HEAD = """
id = "sample"
name = "Sample Day"
kind = "{kind}"
body = "UNGA"
instrument = "A/RES/1/1"
topics = ["testing"]
url = "https://example.org/sample"
description = "A made-up observance for tests."

[[sources]]
key = "A/RES/1/1"
title = "A resolution"
url = "https://example.org/res"
date = 2000-01-01
"""


def observance(eras: str, kind: str = "day", extra: str = "") -> Observance:
    record, problems = check_text(HEAD.format(kind=kind) + eras + extra, "sample.toml", "sample")
    assert not problems, [str(p) for p in problems]
    assert record is not None
    return observance_from_record(record)


def starts(o: Observance, year: int) -> list[date]:
    return [occurrence.start for occurrence in in_year(o, year)]


def test_two_eras_meet_without_gap_or_overlap() -> None:
    moved = observance(
        """
[[eras]]
from = 2004
until = 2011
on = "Dec 19"
sources = ["A/RES/1/1"]

[[eras]]
from = 2012
on = "Sep 12"
sources = ["A/RES/1/1"]
"""
    )
    assert starts(moved, 2003) == []
    assert starts(moved, 2004) == [date(2004, 12, 19)]
    assert starts(moved, 2011) == [date(2011, 12, 19)]
    assert starts(moved, 2012) == [date(2012, 9, 12)]
    assert in_year(moved, 2011)[0].era.first_year == 2004
    assert in_year(moved, 2012)[0].era.first_year == 2012


def test_several_dates_a_year() -> None:
    twice = observance(
        '[[eras]]\nfrom = 2018\non = ["May 2nd Sat", "Oct 2nd Sat"]\nsources = ["A/RES/1/1"]\n'
    )
    assert starts(twice, 2026) == [date(2026, 5, 9), date(2026, 10, 10)]


def test_a_week_crossing_the_year_end_is_found_from_either_year() -> None:
    week = observance(
        '[[eras]]\nfrom = 2000\non = "Dec 29"\ndays = 7\nsources = ["A/RES/1/1"]\n', kind="week"
    )
    (occurrence,) = in_year(week, 2025)
    assert (occurrence.start, occurrence.end) == (date(2025, 12, 29), date(2026, 1, 4))
    assert [o.start for o in covering([week], date(2026, 1, 3))] == [date(2025, 12, 29)]
    assert covering([week], date(2026, 1, 5)) == []


def test_a_week_crossing_a_month_end() -> None:
    week = observance(
        '[[eras]]\nfrom = 2000\non = "Sep 28"\ndays = 7\nsources = ["A/RES/1/1"]\n', kind="week"
    )
    (occurrence,) = in_year(week, 2026)
    assert occurrence.end == date(2026, 10, 4)


def test_every_five_years_counts_from_the_era_start() -> None:
    quinquennial = observance(
        '[[eras]]\nfrom = 2010\nuntil = 2010\non = "Oct 20"\nsources = ["A/RES/1/1"]\n'
        '[[eras]]\nfrom = 2015\non = "Oct 20"\nevery = 5\nsources = ["A/RES/1/1"]\n'
    )
    found = [o.start.year for o in starting_in_years([quinquennial], 2005, 2031)]
    assert found == [2010, 2015, 2020, 2025, 2030]


def test_announced_dates_give_nothing_for_unlisted_years() -> None:
    announced = observance(
        '[[eras]]\nfrom = 2000\nannounced = { 2024 = "May 23", 2025 = "May 12" }\nsources = ["A/RES/1/1"]\n'
    )
    assert starts(announced, 2024) == [date(2024, 5, 23)]
    assert starts(announced, 2025) == [date(2025, 5, 12)]
    assert starts(announced, 2026) == []


def test_a_one_year_exception_replaces_the_rule_that_year_only() -> None:
    shifted = observance(
        '[[eras]]\nfrom = 2016\non = "Nov 30"\nsources = ["A/RES/1/1"]\n',
        extra='[[exceptions]]\nyear = 2020\ndate = 2020-11-28\nsources = ["A/RES/1/1"]\nnote = "Moved."\n',
    )
    assert starts(shifted, 2019) == [date(2019, 11, 30)]
    assert starts(shifted, 2020) == [date(2020, 11, 28)]
    assert in_year(shifted, 2020)[0].exception is not None
    assert starts(shifted, 2021) == [date(2021, 11, 30)]


def test_former_names_apply_up_to_their_last_year() -> None:
    renamed = observance(
        '[[eras]]\nfrom = 1990\non = "Oct 13"\nsources = ["A/RES/1/1"]\n',
        extra='[[former_names]]\nname = "Old Day"\nuntil = 2008\nsources = ["A/RES/1/1"]\n',
    )
    assert in_year(renamed, 2008)[0].name == "Old Day"
    assert in_year(renamed, 2009)[0].name == "Sample Day"


def test_years_at_the_edges_of_the_calendar() -> None:
    always = observance('[[eras]]\nfrom = 1\non = "Dec 31"\nsources = ["A/RES/1/1"]\n')
    week = observance('[[eras]]\nfrom = 1\non = "Dec 30"\ndays = 7\nsources = ["A/RES/1/1"]\n', kind="week")
    assert starts(always, 1) == [date(1, 12, 31)]
    assert starts(always, 9999) == [date(9999, 12, 31)]
    assert in_year(week, 9999)[0].end == date.max


@pytest.mark.parametrize(("limit", "within"), [(3, None), (None, 60), (2, 400)])
def test_upcoming_is_sorted_and_bounded(limit: int | None, within: int | None) -> None:
    monthly = [
        observance(f'[[eras]]\nfrom = 2000\non = "{month} 15"\nsources = ["A/RES/1/1"]\n')
        for month in ("Jan", "Apr", "Jul", "Oct")
    ]
    today = date(2026, 11, 24)
    found = upcoming(monthly, today, limit, within)
    assert [o.start for o in found] == sorted(o.start for o in found)
    assert all(o.start >= today for o in found)
    if limit is not None:
        assert len(found) == limit
    if within is not None:
        assert all(o.days_until(today) <= within for o in found)
        assert found, "a 60-day window from 24 November holds 15 January"


def test_upcoming_includes_a_week_in_progress() -> None:
    week = observance(
        '[[eras]]\nfrom = 2000\non = "Nov 18"\ndays = 7\nsources = ["A/RES/1/1"]\n', kind="week"
    )
    (occurrence,) = upcoming([week], date(2026, 11, 24), 1, None)
    assert occurrence.start == date(2026, 11, 18)
    assert occurrence.days_until(date(2026, 11, 24)) == -6


def test_upcoming_stops_when_every_era_has_ended() -> None:
    ended = observance('[[eras]]\nfrom = 2000\nuntil = 2005\non = "Mar 1"\nsources = ["A/RES/1/1"]\n')
    assert upcoming([ended], date(2026, 1, 1), 10, None) == []

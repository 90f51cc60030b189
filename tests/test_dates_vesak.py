"""Day of Vesak: the date the UN kept in each year, as its sources give it (A/RES/54/115 fixes none)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates import starts

IDENT = "day-of-vesak"

# Year -> the one date on record for the UN's Day of Vesak that year.
DATED = {
    2000: date(2000, 5, 15),  # first commemoration at UN Headquarters (secondary accounts; dispute)
    2004: date(2004, 6, 1),  # SG/SM/9340: ceremony in New York
    2006: date(2006, 5, 11),  # SG/SM/10441
    2007: date(2007, 5, 29),  # SG/SM/11010
    2009: date(2009, 5, 15),  # Secretary-General's remarks at the commemoration
    2010: date(2010, 5, 28),  # Secretary-General's message (ceremony on 21 May: dispute)
    2012: date(2012, 5, 5),  # Secretary-General's message (ceremony on 7 May: dispute)
    2014: date(2014, 5, 13),  # SG/SM/15833
    2015: date(2015, 6, 5),  # commemoration in New York
    2016: date(2016, 5, 20),  # Secretary-General's remarks at the commemoration
    2017: date(2017, 5, 10),  # UNIS/SGSM/832
    2018: date(2018, 5, 1),  # President of the General Assembly at the commemoration
    2019: date(2019, 5, 17),  # Secretary-General's message; UN Web TV
    2020: date(2020, 5, 7),  # UNIS/SGSM/1015
    2021: date(2021, 5, 26),  # Secretary-General's message
    2022: date(2022, 5, 16),  # SG/SM/21273
    2023: date(2023, 5, 5),  # Secretary-General's message
    2024: date(2024, 5, 23),  # SG/SM/22218
    2025: date(2025, 5, 12),  # SG/SM/22634
}

# Years no source dates: the rule must not invent a date for them.
UNDATED = [2001, 2002, 2003, 2005, 2008, 2011, 2013, 2026]


@pytest.mark.parametrize(("year", "day"), sorted(DATED.items()))
def test_each_dated_year_has_exactly_its_recorded_date(year: int, day: date) -> None:
    assert starts(IDENT, year) == [day]


@pytest.mark.parametrize("year", UNDATED)
def test_years_without_a_source_have_no_date(year: int) -> None:
    assert starts(IDENT, year) == []


def test_nothing_before_the_first_commemoration_in_2000() -> None:
    assert starts(IDENT, 1999) == []


def test_every_year_from_2000_to_2026_is_either_dated_or_left_unknown() -> None:
    assert sorted([*DATED, *UNDATED]) == list(range(2000, 2027))


@pytest.mark.parametrize(
    ("not_followed", "followed"),
    [
        (date(2000, 5, 18), date(2000, 5, 15)),
        (date(2010, 5, 21), date(2010, 5, 28)),
        (date(2012, 5, 7), date(2012, 5, 5)),
        (date(2019, 5, 18), date(2019, 5, 17)),
        (date(2023, 5, 4), date(2023, 5, 5)),
        (date(2025, 5, 23), date(2025, 5, 12)),
    ],
)
def test_disputed_years_follow_the_un_date(not_followed: date, followed: date) -> None:
    assert starts(IDENT, followed.year) == [followed]
    assert not_followed not in starts(IDENT, not_followed.year)

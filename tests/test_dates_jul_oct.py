"""Observances of July to October: both sides of every first year and rule change in the data.

Each case pins the first year a rule applies and the year before it, read straight from the TOML
file, so that moving an era boundary (or losing a file) fails here.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates import starts

# (observance, last year without the day, first year with it, date that first year)
FIRST_YEARS = [
    # World Cotton Day: WTO-hosted in 2019 and 2020; a UN day from 2021 (A/RES/75/318 of 30 Aug 2021).
    ("world-cotton-day", 2020, 2021, date(2021, 10, 7)),
    # The landlocked developing countries' day, first marked on 6 August 2025.
    ("landlocked-developing-countries-day", 2024, 2025, date(2025, 8, 6)),
    # World Rabies Day, first held by the Global Alliance for Rabies Control in 2007.
    ("world-rabies-day", 2006, 2007, date(2007, 9, 28)),
    # World Heart Day, first held on Sunday 24 September 2000.
    ("world-heart-day", 1999, 2000, date(2000, 9, 24)),
    # Proclaimed by the UNDP Governing Council (decision 89/46); first observed on 11 July 1990.
    ("world-population-day", 1989, 1990, date(1990, 7, 11)),
    # WHO calls 28 July 2011 its first official World Hepatitis Day.
    ("world-hepatitis-day", 2010, 2011, date(2011, 7, 28)),
    # The civic clean-up of 16 September 2023 is background; the UN day starts in 2024.
    ("world-cleanup-day", 2023, 2024, date(2024, 9, 20)),
    # ICO's own coffee day since 2015 is background; A/RES/80/249 of 10 March 2026.
    ("international-coffee-day", 2025, 2026, date(2026, 10, 1)),
    # A/RES/80/10, adopted in November 2025, after that year's 5 September.
    ("indigenous-women-girls-day", 2025, 2026, date(2026, 9, 5)),
    # Proclaimed by A/RES/78/282 and A/RES/77/294.
    ("srebrenica-genocide-day", 2023, 2024, date(2024, 7, 11)),
    ("sand-and-dust-storms-day", 2022, 2023, date(2023, 7, 12)),
    # The 1979 decision of UNWTO's General Assembly instituted the Day from 1980.
    ("world-tourism-day", 1979, 1980, date(1980, 9, 27)),
    # World Breastfeeding Week, first held by WABA in 1992.
    ("world-breastfeeding-week", 1991, 1992, date(1992, 8, 1)),
]


@pytest.mark.parametrize(("ident", "before", "first", "day"), FIRST_YEARS)
def test_first_year_and_the_year_before(ident: str, before: int, first: int, day: date) -> None:
    assert starts(ident, before) == []
    assert starts(ident, first) == [day]


def test_cotton_day_2019_launch_is_not_an_occurrence() -> None:
    assert starts("world-cotton-day", 2019) == []


def test_heart_day_last_sunday_until_2010() -> None:
    assert starts("world-heart-day", 2009) == [date(2009, 9, 27)]
    assert starts("world-heart-day", 2010) == [date(2010, 9, 26)]


def test_heart_day_fixed_on_29_september_from_2011() -> None:
    # 29 September 2011 was a Thursday: the last Sunday (25 September) no longer applies.
    assert starts("world-heart-day", 2011) == [date(2011, 9, 29)]
    # 2012: 29 September, not the last Sunday (30 September) that one calendar site gave.
    assert starts("world-heart-day", 2012) == [date(2012, 9, 29)]


@pytest.mark.parametrize(
    ("ident", "year", "day"),
    [
        ("landlocked-developing-countries-day", 2026, date(2026, 8, 6)),
        ("world-rabies-day", 2026, date(2026, 9, 28)),
        ("world-heart-day", 2026, date(2026, 9, 29)),
    ],
)
def test_new_days_on_their_dates(ident: str, year: int, day: date) -> None:
    assert starts(ident, year) == [day]

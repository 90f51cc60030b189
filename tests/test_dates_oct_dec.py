"""Both sides of the first years and era boundaries set or checked for the October-December observances.

Each case pins the first year in which the day occurs under the body its file names (the first-year
rule of docs/data-format.md) and the year before it, in which it must not occur.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates import starts

# (observance, first year, its date that year): the year before has no occurrence.
FIRST_YEARS = [
    # Earlier observance by others (Special Committee, ICAO, FAO, a coalition) is history, not an era.
    ("south-africa-prisoners-day", 1977, date(1977, 10, 11)),  # the Assembly's proclamation
    ("universal-health-coverage-day", 2017, date(2017, 12, 12)),  # adopted on the day itself
    ("tolerance-day", 1995, date(1995, 11, 16)),  # the Declaration was signed on the day itself
    ("audiovisual-heritage-day", 2007, date(2007, 10, 27)),  # UNESCO calls 2010 the fourth
    ("civil-aviation-day", 1996, date(1996, 12, 7)),
    ("world-soil-day", 2014, date(2014, 12, 5)),  # FAO counts 2014 as the first official one
    ("world-aids-day", 1988, date(1988, 12, 1)),
    ("world-food-day", 1981, date(1981, 10, 16)),
    ("world-science-day", 2002, date(2002, 11, 10)),
    ("romani-language-day", 2016, date(2016, 11, 5)),
    ("school-bullying-day", 2020, date(2020, 11, 5)),
    ("mediterranean-diet-day", 2026, date(2026, 11, 16)),
]


@pytest.mark.parametrize(("ident", "year", "day"), FIRST_YEARS, ids=[case[0] for case in FIRST_YEARS])
def test_first_year_is_held(ident: str, year: int, day: date) -> None:
    assert starts(ident, year) == [day]


@pytest.mark.parametrize(("ident", "year", "day"), FIRST_YEARS, ids=[case[0] for case in FIRST_YEARS])
def test_year_before_first_is_empty(ident: str, year: int, day: date) -> None:
    assert starts(ident, year - 1) == []


def test_south_africa_prisoners_day_ends_after_1991() -> None:
    assert starts("south-africa-prisoners-day", 1991) == [date(1991, 10, 11)]
    assert starts("south-africa-prisoners-day", 1992) == []


def test_audiovisual_heritage_day_not_in_proclamation_year() -> None:
    assert starts("audiovisual-heritage-day", 2005) == []


def test_world_soil_day_fao_observance_of_2013_is_history_not_an_era() -> None:
    assert starts("world-soil-day", 2013) == []
    assert starts("world-soil-day", 2015) == [date(2015, 12, 5)]


def test_civil_aviation_day_icao_years_are_history_not_an_era() -> None:
    assert starts("civil-aviation-day", 1994) == []
    assert starts("civil-aviation-day", 1995) == []

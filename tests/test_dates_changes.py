"""Both sides of the era boundaries and exceptions changed by the "changes" curation pass.

Each test reads the observance's TOML file straight (``tests.dates.starts``), so it pins the data
itself: the new date is an occurrence in its year, and the rule's regular date (or, before a first
year, any date at all) is not.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates import starts

# --- First-year rule: the first era starts under the body the file names. ---


def test_snow_leopard_day_is_absent_before_the_un_took_it_up() -> None:
    # The range countries' own day since 2014 is background; resolution 79/143 came on
    # 12 December 2024, after that year's 23 October.
    assert starts("snow-leopard-day", 2014) == []
    assert starts("snow-leopard-day", 2024) == []


def test_snow_leopard_day_first_un_observance_in_2025() -> None:
    assert starts("snow-leopard-day", 2025) == [date(2025, 10, 23)]


def test_world_diabetes_day_is_absent_in_the_federation_years() -> None:
    assert starts("world-diabetes-day", 1991) == []
    assert starts("world-diabetes-day", 2006) == []


def test_world_diabetes_day_first_un_observance_in_2007() -> None:
    assert starts("world-diabetes-day", 2007) == [date(2007, 11, 14)]


def test_telecommunication_day_is_absent_in_itu_only_years() -> None:
    assert starts("telecommunication-day", 1969) == []
    assert starts("telecommunication-day", 2005) == []


def test_telecommunication_day_first_held_under_resolution_60_252_in_2006() -> None:
    assert starts("telecommunication-day", 2006) == [date(2006, 5, 17)]


# --- World Maritime Day: IMO held the 2010 Day a week before the last Thursday. ---


def test_world_maritime_day_2010_was_held_on_23_september() -> None:
    assert starts("world-maritime-day", 2010) == [date(2010, 9, 23)]
    assert date(2010, 9, 30) not in starts("world-maritime-day", 2010)


@pytest.mark.parametrize(
    ("year", "day"),
    [(2003, 25), (2005, 29), (2009, 24), (2011, 29), (2013, 26), (2016, 29), (2017, 28)],
)
def test_world_maritime_day_other_years_keep_the_last_thursday(year: int, day: int) -> None:
    assert starts("world-maritime-day", year) == [date(year, 9, day)]


def test_world_maritime_day_march_era_and_its_1979_exception() -> None:
    assert starts("world-maritime-day", 1977) == []
    assert starts("world-maritime-day", 1978) == [date(1978, 3, 17)]
    assert starts("world-maritime-day", 1979) == [date(1979, 3, 16)]
    assert starts("world-maritime-day", 1980) == [date(1980, 9, 25)]


# --- Years confirmed against UN messages (the rule holds; the pins keep it from drifting). ---


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (1998, date(1998, 10, 14)),
        (2000, date(2000, 10, 11)),
        (2001, date(2001, 10, 10)),
        (2002, date(2002, 10, 9)),
        (2004, date(2004, 10, 13)),
        (2007, date(2007, 10, 10)),
        (2009, date(2009, 10, 14)),
        (2010, date(2010, 10, 13)),
    ],
)
def test_disaster_reduction_day_confirmed_years(year: int, expected: date) -> None:
    assert starts("disaster-reduction-day", year) == [expected]


def test_south_south_cooperation_moves_from_19_december_to_12_september() -> None:
    assert starts("south-south-cooperation", 2011) == [date(2011, 12, 19)]
    assert starts("south-south-cooperation", 2012) == [date(2012, 9, 12)]


def test_civilizations_dialogue_day_first_held_in_2025() -> None:
    assert starts("civilizations-dialogue-day", 2024) == []
    assert starts("civilizations-dialogue-day", 2025) == [date(2025, 6, 10)]


def test_world_no_tobacco_day_moves_from_7_april_to_31_may() -> None:
    assert starts("world-no-tobacco-day", 1987) == []
    assert starts("world-no-tobacco-day", 1988) == [date(1988, 4, 7)]
    assert starts("world-no-tobacco-day", 1989) == [date(1989, 5, 31)]


def test_world_statistics_day_every_five_years_from_2015() -> None:
    assert starts("world-statistics-day", 2010) == [date(2010, 10, 20)]
    assert starts("world-statistics-day", 2014) == []
    assert starts("world-statistics-day", 2015) == [date(2015, 10, 20)]
    assert starts("world-statistics-day", 2019) == []
    assert starts("world-statistics-day", 2020) == [date(2020, 10, 20)]


def test_zero_discrimination_day_first_held_on_1_march_2014() -> None:
    assert starts("zero-discrimination-day", 2013) == []
    assert starts("zero-discrimination-day", 2014) == [date(2014, 3, 1)]


@pytest.mark.parametrize(
    ("year", "day"),
    [(2002, 21), (2004, 18), (2005, 17), (2008, 20), (2010, 18), (2012, 15)],
)
def test_world_philosophy_day_confirmed_third_thursdays(year: int, day: int) -> None:
    assert starts("world-philosophy-day", year) == [date(year, 11, day)]


def test_world_philosophy_day_absent_before_the_first_philosophy_day() -> None:
    assert starts("world-philosophy-day", 2001) == []


def test_care_and_support_day_first_held_in_2023() -> None:
    assert starts("care-and-support-day", 2022) == []
    assert starts("care-and-support-day", 2023) == [date(2023, 10, 29)]


def test_biological_diversity_day_moves_from_29_december_to_22_may() -> None:
    assert starts("biological-diversity-day", 1993) == []
    assert starts("biological-diversity-day", 1994) == [date(1994, 12, 29)]
    assert starts("biological-diversity-day", 2000) == [date(2000, 12, 29)]
    assert starts("biological-diversity-day", 2001) == [date(2001, 5, 22)]


def test_indigenous_day_first_held_in_1995() -> None:
    assert starts("indigenous-day", 1994) == []
    assert starts("indigenous-day", 1995) == [date(1995, 8, 9)]
    assert starts("indigenous-day", 2004) == [date(2004, 8, 9)]

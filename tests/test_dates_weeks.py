"""Both sides of every era boundary and exception of the weeks and related days: UN Global
Road Safety Week, World AMR Awareness Week, the chemical warfare victims' day, the Spanish and
Chinese language days, World Immunization Week and World Migratory Bird Day. Each date is read
straight from the TOML file."""

from __future__ import annotations

from datetime import date

import pytest

from observe.occurrences import in_year
from tests.dates import observance, starts

# --- UN Global Road Safety Week: every edition, and nothing in between --------------------------

ROAD_SAFETY_WEEKS = {
    2007: date(2007, 4, 23),
    2013: date(2013, 5, 6),
    2015: date(2015, 5, 4),
    2017: date(2017, 5, 8),
    2019: date(2019, 5, 6),
    2021: date(2021, 5, 17),
    2023: date(2023, 5, 15),
    2025: date(2025, 5, 12),
}


@pytest.mark.parametrize(("year", "start"), sorted(ROAD_SAFETY_WEEKS.items()))
def test_road_safety_week_edition(year: int, start: date) -> None:
    assert starts("un-global-road-safety-week", year) == [start]


@pytest.mark.parametrize("year", [2006, 2008, 2011, 2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026])
def test_road_safety_week_absent_between_editions(year: int) -> None:
    assert starts("un-global-road-safety-week", year) == []


def test_road_safety_week_2021_is_not_the_2022_listing() -> None:
    occurrence = in_year(observance("un-global-road-safety-week"), 2021)[0]
    assert (occurrence.start, occurrence.end) == (date(2021, 5, 17), date(2021, 5, 23))


# --- World AMR Awareness Week: announced years, then 18-24 November -----------------------------

AMR_WEEKS = {
    2015: date(2015, 11, 16),
    2016: date(2016, 11, 14),
    2017: date(2017, 11, 13),
    2018: date(2018, 11, 12),
    2019: date(2019, 11, 18),
}


@pytest.mark.parametrize(("year", "start"), sorted(AMR_WEEKS.items()))
def test_amr_week_announced_years(year: int, start: date) -> None:
    assert starts("world-amr-awareness-week", year) == [start]


@pytest.mark.parametrize("year", [2015, 2016, 2017, 2018])
def test_amr_week_was_not_on_18_november_before_2019(year: int) -> None:
    assert date(year, 11, 18) not in starts("world-amr-awareness-week", year)


def test_amr_week_absent_before_2015() -> None:
    assert starts("world-amr-awareness-week", 2014) == []


@pytest.mark.parametrize("year", [2020, 2023, 2026])
def test_amr_week_fixed_from_2020(year: int) -> None:
    assert starts("world-amr-awareness-week", year) == [date(year, 11, 18)]


def test_amr_week_names_by_year() -> None:
    week = observance("world-amr-awareness-week")
    assert week.name_in(2019) == "World Antibiotic Awareness Week"
    assert week.name_in(2020) == "World Antimicrobial Awareness Week"
    assert week.name_in(2022) == "World Antimicrobial Awareness Week"
    assert week.name_in(2023) == "World AMR Awareness Week"


# --- Day of Remembrance for all Victims of Chemical Warfare: exceptions on both sides -----------

CHEMICAL_EXCEPTIONS = {
    2006: (date(2006, 4, 27), date(2006, 4, 29)),
    2011: (date(2011, 4, 28), date(2011, 4, 29)),
    2018: (date(2018, 11, 26), date(2018, 11, 30)),
    2019: (date(2019, 11, 29), date(2019, 11, 30)),
    2023: (date(2023, 11, 29), date(2023, 11, 30)),
}


@pytest.mark.parametrize(("year", "dates"), sorted(CHEMICAL_EXCEPTIONS.items()))
def test_chemical_warfare_day_exception(year: int, dates: tuple[date, date]) -> None:
    held, rule = dates
    assert starts("chemical-warfare-victims-day", year) == [held]
    assert rule not in starts("chemical-warfare-victims-day", year)


@pytest.mark.parametrize("year", [2016, 2017, 2020, 2021, 2022, 2024, 2025])
def test_chemical_warfare_day_on_30_november_otherwise(year: int) -> None:
    assert starts("chemical-warfare-victims-day", year) == [date(year, 11, 30)]


@pytest.mark.parametrize("year", [2007, 2015])
def test_chemical_warfare_day_on_29_april_before_2016(year: int) -> None:
    assert starts("chemical-warfare-victims-day", year) == [date(year, 4, 29)]


def test_chemical_warfare_day_absent_before_2006() -> None:
    assert starts("chemical-warfare-victims-day", 2005) == []


# --- Spanish and Chinese Language Days -----------------------------------------------------------


def test_spanish_day_2010_on_12_october() -> None:
    assert starts("spanish-language-day", 2010) == [date(2010, 10, 12)]


@pytest.mark.parametrize("year", [2011, 2012])
def test_spanish_day_undated_years_stay_empty(year: int) -> None:
    assert starts("spanish-language-day", year) == []


@pytest.mark.parametrize("year", [2013, 2018, 2025])
def test_spanish_day_on_23_april(year: int) -> None:
    assert starts("spanish-language-day", year) == [date(year, 4, 23)]


def test_spanish_day_absent_before_2010() -> None:
    assert starts("spanish-language-day", 2009) == []


def test_chinese_day_2010_on_12_november() -> None:
    assert starts("chinese-language-day", 2010) == [date(2010, 11, 12)]
    assert date(2010, 4, 20) not in starts("chinese-language-day", 2010)


@pytest.mark.parametrize("year", [2011, 2018])
def test_chinese_day_on_20_april_from_2011(year: int) -> None:
    assert starts("chinese-language-day", year) == [date(year, 4, 20)]


def test_chinese_day_absent_before_2010() -> None:
    assert starts("chinese-language-day", 2009) == []


# --- World Immunization Week ---------------------------------------------------------------------


def test_immunization_week_2012_ran_21_to_28_april() -> None:
    occurrence = in_year(observance("world-immunization-week"), 2012)[0]
    assert (occurrence.start, occurrence.end) == (date(2012, 4, 21), date(2012, 4, 28))


def test_immunization_week_2013_ran_20_to_30_april() -> None:
    occurrence = in_year(observance("world-immunization-week"), 2013)[0]
    assert (occurrence.start, occurrence.end) == (date(2013, 4, 20), date(2013, 4, 30))


@pytest.mark.parametrize("year", [2014, 2016, 2024])
def test_immunization_week_24_to_30_april_from_2014(year: int) -> None:
    occurrence = in_year(observance("world-immunization-week"), year)[0]
    assert (occurrence.start, occurrence.end) == (date(year, 4, 24), date(year, 4, 30))


def test_immunization_week_absent_before_2012() -> None:
    assert starts("world-immunization-week", 2011) == []


# --- World Migratory Bird Day --------------------------------------------------------------------


def test_migratory_bird_day_2010_on_the_second_weekend_of_may() -> None:
    assert starts("world-migratory-bird-day", 2010) == [date(2010, 5, 8), date(2010, 5, 9)]


def test_migratory_bird_day_2016_on_tuesday_10_may() -> None:
    assert starts("world-migratory-bird-day", 2016) == [date(2016, 5, 10)]
    assert date(2016, 5, 14) not in starts("world-migratory-bird-day", 2016)


def test_migratory_bird_day_2019_in_may_and_october() -> None:
    assert starts("world-migratory-bird-day", 2019) == [date(2019, 5, 11), date(2019, 10, 12)]


def test_migratory_bird_day_absent_before_2006() -> None:
    assert starts("world-migratory-bird-day", 2005) == []

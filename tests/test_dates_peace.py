"""International Day of Peace: the opening-day era (1982-2001) and the fixed date from 2002.

Each year 1982-2001 is pinned to the opening date its source gives; where that differs from
21 September, 21 September is asserted absent too. Years no source dates stay empty.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates import starts

PEACE = "international-day-of-peace"

OPENING_DAYS = {
    1982: date(1982, 9, 21),
    1984: date(1984, 9, 18),
    1985: date(1985, 9, 17),
    1986: date(1986, 9, 16),
    1987: date(1987, 9, 15),
    1988: date(1988, 9, 20),
    1989: date(1989, 9, 19),
    1991: date(1991, 9, 17),
    1992: date(1992, 9, 15),
    1993: date(1993, 9, 21),
    1994: date(1994, 9, 20),
    1995: date(1995, 9, 19),
    1996: date(1996, 9, 17),
    1997: date(1997, 9, 16),
    1998: date(1998, 9, 9),
    1999: date(1999, 9, 14),
    2000: date(2000, 9, 5),
    2001: date(2001, 9, 11),
}


@pytest.mark.parametrize(("year", "day"), sorted(OPENING_DAYS.items()))
def test_peace_held_on_the_sourced_opening_day(year: int, day: date) -> None:
    assert starts(PEACE, year) == [day]


@pytest.mark.parametrize(
    "year", sorted(year for year, day in OPENING_DAYS.items() if (day.month, day.day) != (9, 21))
)
def test_peace_not_on_21_september_before_2002(year: int) -> None:
    assert date(year, 9, 21) not in starts(PEACE, year)


def test_peace_1998_on_a_wednesday_not_the_third_tuesday() -> None:
    assert starts(PEACE, 1998) == [date(1998, 9, 9)]
    assert date(1998, 9, 15) not in starts(PEACE, 1998)


def test_peace_2001_on_the_planned_opening_not_the_delayed_one() -> None:
    assert starts(PEACE, 2001) == [date(2001, 9, 11)]
    assert date(2001, 9, 12) not in starts(PEACE, 2001)


@pytest.mark.parametrize("year", [1983, 1990])
def test_peace_unsourced_years_have_no_date(year: int) -> None:
    assert starts(PEACE, year) == []


def test_peace_absent_before_first_year() -> None:
    assert starts(PEACE, 1981) == []


@pytest.mark.parametrize("year", [2002, 2003, 2026])
def test_peace_on_21_september_from_2002(year: int) -> None:
    assert starts(PEACE, year) == [date(year, 9, 21)]

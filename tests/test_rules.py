"""Date expressions: each form, its edge cases, and properties checked against dateutil's rrule."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.rrule import FR, MO, SA, SU, TH, TU, WE, YEARLY, rrule
from hypothesis import given
from hypothesis import strategies as st

from observe.rules import (
    ExpressionError,
    Fixed,
    NthWeekday,
    WeekdayNear,
    parse_expression,
)

RRULE_WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Sep 12", 2012, date(2012, 9, 12)),
        ("Dec 31", 9999, date(9999, 12, 31)),
        ("Jan 1", 1, date(1, 1, 1)),
        ("Oct 1st Mon", 2026, date(2026, 10, 5)),
        ("Oct 1st Mon", 2029, date(2029, 10, 1)),  # the 1st itself is a Monday
        ("Nov 3rd Sun", 2026, date(2026, 11, 15)),
        ("Oct 2nd Wed", 1990, date(1990, 10, 10)),
        ("Sep last Thu", 2024, date(2024, 9, 26)),
        ("Sep last Thu", 2021, date(2021, 9, 30)),  # the 30th itself is the last Thursday
        ("Feb last Thu", 2024, date(2024, 2, 29)),  # leap year: the 29th counts
        ("Feb last Thu", 2023, date(2023, 2, 23)),
        ("Feb 4th Sun", 2026, date(2026, 2, 22)),
        ("Nov Mon<=11", 2026, date(2026, 11, 9)),
        ("Nov Mon<=11", 2024, date(2024, 11, 11)),  # the anchor itself is a Monday
        ("May Sat>=8", 2026, date(2026, 5, 9)),
        ("May Sat>=8", 2021, date(2021, 5, 8)),
    ],
)
def test_expression_dates(text: str, year: int, expected: date) -> None:
    assert parse_expression(text).date_in(year) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Feb 29", "leap years"),
        ("Apr 31", "not a day of April"),
        ("Sept 12", "not a date expression"),
        ("Oct 5th Mon", "not a date expression"),
        ("12 Sep", "not a date expression"),
        ("Feb Sat>=23", "can fall outside February"),
        ("Mar Sun<=6", "can fall outside March"),
    ],
)
def test_expressions_outside_the_vocabulary_are_refused(text: str, fragment: str) -> None:
    with pytest.raises(ExpressionError, match=fragment):
        parse_expression(text)


@pytest.mark.parametrize("text", ["Sep 12", "Oct 1st Mon", "Sep last Thu", "Nov Mon<=11", "May Sat>=8"])
def test_expressions_print_as_they_are_written(text: str) -> None:
    assert str(parse_expression(text)) == text


years = st.integers(min_value=1, max_value=9999)
months = st.integers(min_value=1, max_value=12)
weekdays = st.integers(min_value=0, max_value=6)


@given(years, months, weekdays, st.sampled_from([1, 2, 3, 4, -1]))
def test_nth_weekday_lies_in_its_month_on_its_weekday(year: int, month: int, weekday: int, nth: int) -> None:
    day = NthWeekday(month, weekday, nth).date_in(year)
    assert (day.year, day.month, day.weekday()) == (year, month, weekday)
    if nth > 0:
        assert (day.day - 1) // 7 == nth - 1
    else:
        assert day.month != date.fromordinal(day.toordinal() + 7).month


@given(st.integers(min_value=1600, max_value=2400), months, weekdays, st.sampled_from([1, 2, 3, 4, -1]))
def test_nth_weekday_agrees_with_dateutil(year: int, month: int, weekday: int, nth: int) -> None:
    rule = rrule(
        YEARLY, dtstart=date(year, 1, 1), count=1, bymonth=month, byweekday=RRULE_WEEKDAYS[weekday](nth)
    )
    assert rule[0].date() == NthWeekday(month, weekday, nth).date_in(year)


@given(years, months, weekdays, st.integers(min_value=7, max_value=22), st.booleans())
def test_weekday_near_is_the_closest_such_weekday_on_the_right_side(
    year: int, month: int, weekday: int, anchor: int, on_or_after: bool
) -> None:
    day = WeekdayNear(month, weekday, anchor, on_or_after).date_in(year)
    gap = (day - date(year, month, anchor)).days
    assert day.weekday() == weekday
    assert (0 <= gap <= 6) if on_or_after else (-6 <= gap <= 0)
    assert day.month == month


@given(years, months, st.integers(min_value=1, max_value=28))
def test_fixed_dates_round_trip(year: int, month: int, day: int) -> None:
    assert Fixed(month, day).date_in(year) == date(year, month, day)

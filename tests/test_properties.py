"""Properties of the date vocabulary and the queries, over generated values.

dateutil's relativedelta is an independent oracle for the weekday arithmetic; a brute-force walk
over every occurrence is the oracle for ``upcoming``.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from observe.load.dataset import load
from observe.occurrences import starting_in_years, upcoming
from observe.rules import (
    DateExpr,
    Fixed,
    NthWeekday,
    WeekdayNear,
    days_in_month,
    from_data,
    parse_expression,
    to_data,
)

WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
MONTHS = st.integers(1, 12)
YEARS = st.integers(1, 9998)

fixed = st.builds(Fixed, MONTHS, st.integers(1, 31)).filter(
    lambda f: f.day <= days_in_month(2001, f.month) and (f.month, f.day) != (2, 29)
)
nth = st.builds(NthWeekday, MONTHS, st.integers(0, 6), st.sampled_from([1, 2, 3, 4, -1]))
near = st.builds(WeekdayNear, MONTHS, st.integers(0, 6), st.integers(1, 31), st.booleans()).filter(
    lambda n: (
        (1 <= n.day <= days_in_month(2001, n.month) - 6)
        if n.on_or_after
        else (7 <= n.day <= days_in_month(2001, n.month))
    )
)
EXPRESSIONS = st.one_of(fixed, nth, near)


@given(EXPRESSIONS)
def test_every_expression_reads_back_from_its_text_and_its_data(expression: DateExpr) -> None:
    assert parse_expression(str(expression)) == expression
    assert from_data(to_data(expression)) == expression


@given(nth, YEARS)
def test_nth_weekday_agrees_with_relativedelta(expression: NthWeekday, year: int) -> None:
    weekday = WEEKDAYS[expression.weekday]
    if expression.nth > 0:
        expected = date(year, expression.month, 1) + relativedelta(weekday=weekday(expression.nth))
    else:
        expected = date(year, expression.month, 1) + relativedelta(day=31, weekday=weekday(-1))
    assert expression.date_in(year) == expected
    assert expected.month == expression.month


@given(near, YEARS)
def test_weekday_near_agrees_with_relativedelta(expression: WeekdayNear, year: int) -> None:
    anchor = date(year, expression.month, expression.day)
    weekday = WEEKDAYS[expression.weekday]
    expected = anchor + relativedelta(weekday=weekday(+1 if expression.on_or_after else -1))
    assert expression.date_in(year) == expected
    assert expected.month == expression.month and abs((expected - anchor).days) < 7


DATASET = list(load())


@settings(max_examples=40, deadline=None)
@given(st.dates(date(1990, 1, 1), date(2090, 12, 31)), st.integers(1, 40), st.none() | st.integers(0, 800))
def test_upcoming_is_the_brute_force_answer(today: date, limit: int, within: int | None) -> None:
    every = starting_in_years(DATASET, today.year - 1, today.year + 3)
    ahead = [
        o for o in every if o.end >= today and (within is None or o.start <= today + timedelta(days=within))
    ]
    assert upcoming(DATASET, today, limit, within) == ahead[:limit]

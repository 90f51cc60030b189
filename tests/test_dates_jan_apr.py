"""First years of the January-April observances, pinned on both sides (the first-year rule).

Each case gives the first year of the current rule and its date: the day occurs on that date in
that year and not at all in the year before.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates import starts

# Moved to the first year under the body the file names; earlier observance is a background event.
MOVED = [
    # Ramsar Convention's day since 1997; a UN day after A/RES/75/317 of 30 August 2021.
    ("world-wetlands-day", date(2022, 2, 2)),
    # Held by the UAE and partners in 2020 and 2021; a WHO day after WHA74(18) of May 2021.
    ("world-ntd-day", date(2022, 1, 30)),
    # Held informally by logicians in 2019; a UNESCO day after the General Conference of November 2019.
    ("world-logic-day", date(2020, 1, 14)),
    # Kept by campaigners since 2003; a UN day after A/RES/67/146 of 20 December 2012.
    ("zero-tolerance-fgm-day", date(2013, 2, 6)),
]

# First years kept, now backed by a primary source that records the first observance.
CONFIRMED = [
    # UNESCO press release 97-54 calls the 1997 Day the second.
    ("world-book-and-copyright-day", date(1996, 4, 23)),
    # Adopted on 15 March 2022 itself; the Secretary-General called 2023 the first.
    ("anti-islamophobia-day", date(2023, 3, 15)),
    # Adopted on 22 April 2009 itself; first marked in 2010.
    ("international-mother-earth-day", date(2010, 4, 22)),
    # Adopted 2 April 2019; the Secretary-General's message of 2020 calls it the first observance.
    ("international-delegates-day", date(2020, 4, 25)),
]


@pytest.mark.parametrize(("ident", "first"), MOVED + CONFIRMED)
def test_first_year_occurs_on_its_date(ident: str, first: date) -> None:
    assert starts(ident, first.year) == [first]


@pytest.mark.parametrize(("ident", "first"), MOVED + CONFIRMED)
def test_nothing_in_the_year_before(ident: str, first: date) -> None:
    assert starts(ident, first.year - 1) == []

"""Both sides of the first-year and era changes made to the April-July observances.

Each case pins the first year a day occurs under the body its file names, and the year before,
when it does not occur. Dates are read straight from the TOML files.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.dates import observance, starts

FIRST_YEARS = [
    # UNEP's timeline: first celebrated on 5 June 1974, not 1973.
    ("world-environment-day", date(1974, 6, 5)),
    # A UN observance since resolution 72/281 (12 June 2018); IFAD's 2015-2017 days are background.
    ("family-remittances-day", date(2018, 6, 16)),
    # A UN day since resolution 66/127 (December 2011); INPEA and WHO's 2006 launch is background.
    ("elder-abuse-awareness-day", date(2012, 6, 15)),
    # Set by the Manila conference on 25 June 2010 itself; IMO held the first Day in 2011.
    ("day-of-the-seafarer", date(2011, 6, 25)),
    # Adopted on 29 April 2025 itself; first marked on 29 April 2026.
    ("earthquake-victims-day", date(2026, 4, 29)),
    # WHO co-organised the first Day in 2004, before WHA58.13 (May 2005) made it yearly.
    ("world-blood-donor-day", date(2004, 6, 14)),
]


@pytest.mark.parametrize(("ident", "first"), FIRST_YEARS, ids=[case[0] for case in FIRST_YEARS])
def test_first_year_occurs(ident: str, first: date) -> None:
    assert starts(ident, first.year) == [first]


@pytest.mark.parametrize(("ident", "first"), FIRST_YEARS, ids=[case[0] for case in FIRST_YEARS])
def test_absent_the_year_before(ident: str, first: date) -> None:
    assert starts(ident, first.year - 1) == []


def test_environment_day_1973_is_not_an_occurrence() -> None:
    assert date(1973, 6, 5) not in starts("world-environment-day", 1973)


def test_family_remittances_2015_to_2017_are_not_un_occurrences() -> None:
    assert [starts("family-remittances-day", year) for year in (2015, 2016, 2017)] == [[], [], []]


def test_russian_language_day_uses_the_un_list_name() -> None:
    record = observance("russian-language-day")
    assert record.name == "Russian Language Day"
    assert "UN Russian Language Day" in record.aliases

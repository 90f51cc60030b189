"""Resolving what people type: dates with month names, notes on moved and disputed dates, when,
changes, and ids as a person means them."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date

import pytest

from observe.errors import ObserveError
from observe.typed_dates import parse_day
from tests.conftest import Runner
from tests.test_startup import loaded_prefixes, modules_loaded

# Dates as people write them ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-19", date(2026, 12, 19)),
        ("Dec 14", date(2026, 12, 14)),
        ("14 Dec", date(2026, 12, 14)),
        ("14 December 2011", date(2011, 12, 14)),
        ("December 14, 2011", date(2011, 12, 14)),
        ("14th of December", date(2026, 12, 14)),
    ],
)
def test_dates_as_people_write_them(text: str, expected: date) -> None:
    assert parse_day(text, 2026) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("01/02/2026", "reads differently from country to country"),
        ("1.2.2026", "reads differently from country to country"),
        ("Feb 30", "day is out of range for month"),
        ("December 2026", "needs a month and a day"),
        ("Monday", "needs a month and a day"),
        ("Dec 14 2011 10:00", "holds a time"),
        ("tomorrow", "is not a date"),
        ("December" * 10, "is not a date"),
    ],
)
def test_what_is_not_a_date_says_the_accepted_forms(text: str, fragment: str) -> None:
    with pytest.raises(ObserveError) as raised:
        parse_day(text, 2026)
    assert fragment in str(raised.value) and "YYYY-MM-DD or a month name" in str(raised.value)


def test_an_impossible_iso_date_is_refused() -> None:
    with pytest.raises(ObserveError, match="'2026-02-30' is not a valid date: day is out of range"):
        parse_day("2026-02-30", 2026)


def test_on_week_and_today_take_month_names_in_the_reference_year(run: Runner) -> None:
    assert run("on", "Sep 12", "--today", "2012-01-05").out.startswith("2012-09-12\t")
    assert run("on", "Sep 12", "--today", "2011-01-05").out == ""
    assert run("week", "Nov 11", "--today", "2026-01-01").out.startswith("2026-11-")
    assert run("on", "December 19, 2011").out.startswith("2011-12-19\t")
    assert run("today", "--today", "19 December 2011").out.startswith("2011-12-19\t")
    result = run("on", "01/02/2026")
    assert (result.code, result.out, result.err.count("\n")) == (2, "", 1)
    assert "reads differently from country to country" in result.err


def test_observe_today_takes_month_names_too(observe_command: str) -> None:
    env = {**os.environ, "OBSERVE_TODAY": "12 September 2012", "OBSERVE_CONFIG_DIR": "/nonexistent"}
    finished = subprocess.run(
        [observe_command, "today"], capture_output=True, text=True, env=env, check=False
    )
    assert finished.stdout.startswith("2012-09-12\tWed\t0\tday\tsouth-south-cooperation")
    env["OBSERVE_TODAY"] = "31/12/2026"
    finished = subprocess.run(
        [observe_command, "today"], capture_output=True, text=True, env=env, check=False
    )
    assert finished.returncode == 2 and "$OBSERVE_TODAY: '31/12/2026' reads differently" in finished.stderr


def test_iso_dates_do_not_load_dateutil_and_month_names_do() -> None:
    assert loaded_prefixes(modules_loaded("on", "2026-12-19"), ["dateutil"]) == []
    assert loaded_prefixes(modules_loaded("on", "Dec 19"), ["dateutil"]) != []


# Notes on what else concerns a date -------------------------------------------------------------


def notes(run: Runner, *args: str) -> list[dict[str, object]]:
    notes: list[dict[str, object]] = json.loads(run(*args, "--json").out)["notes"]
    return notes


def test_a_date_an_observance_moved_away_from_says_where_it_is_now(run: Runner) -> None:
    (note,) = notes(run, "on", "2026-12-19")
    assert (note["kind"], note["id"]) == ("moved", "south-south-cooperation")
    assert "on 19 December from 2004 to 2011 (A/RES/58/220); in 2026: 12 September" in str(note["text"])
    assert "(A/DEC/66/550)" in str(note["text"])


def test_both_sides_of_the_move(run: Runner) -> None:
    before = json.loads(run("on", "2011-12-19", "--json").out)
    assert [o["id"] for o in before["occurrences"]] == ["south-south-cooperation"]
    assert before["notes"] == []
    after = json.loads(run("on", "2012-12-19", "--json").out)
    assert after["occurrences"] == [] and [n["id"] for n in after["notes"]] == ["south-south-cooperation"]
    peace = notes(run, "on", "2001-09-21")
    assert [(n["kind"], n["id"]) for n in peace] == [("moved", "international-day-of-peace")]
    assert "in 2001: on a date announced each year" in str(peace[0]["text"])


def test_a_disputed_date_says_which_claim_is_followed_and_why(run: Runner) -> None:
    (note,) = notes(run, "on", "Dec 14")
    assert (note["kind"], note["id"]) == ("disputed", "south-south-cooperation")
    assert "some sources give 14 December" in str(note["text"])
    assert "the tool follows 19 December (A/RES/58/220, A/DEC/66/550)" in str(note["text"])


def test_notes_follow_the_table_on_a_terminal_and_never_reach_a_pipe(run: Runner) -> None:
    terminal = run("on", "2026-12-19", terminal=True).out
    assert "Observed on 2026-12-19: nothing." in terminal and "A/DEC/66/550" in terminal
    assert run("on", "2026-12-19").out == ""
    assert run("week", "2026-12-14").out.count("\n") == len(
        json.loads(run("week", "2026-12-14", "--json").out)["occurrences"]
    )
    week_notes = notes(run, "week", "2026-12-14")
    assert {n["kind"] for n in week_notes} == {"moved", "disputed"}


# when --------------------------------------------------------------------------------------------


def test_when_gives_each_year_or_why_not(run: Runner) -> None:
    lines = run("when", "world-statistics-day", "2009-2011", "2015", "2016", "2020").out.splitlines()
    assert lines == [
        "2009\t-\tbefore its first year, 2010",
        "2010\t2010-10-20\t20 October, in 2010 only\t" + lines[1].split("\t")[3],
        "2011\t-\tbetween two of its rules",
        "2015\t2015-10-20\t20 October every 5 years, since 2015\t" + lines[3].split("\t")[3],
        "2016\t-\tnot a year of its rule, which repeats every 5 years from 2015",
        "2020\t2020-10-20\t20 October every 5 years, since 2015\t" + lines[5].split("\t")[3],
    ]
    assert lines[1].split("\t")[3].startswith("A/RES/64/267")


def test_when_defaults_to_this_year_and_next_and_knows_ends_and_announced_dates(run: Runner) -> None:
    assert [line[:4] for line in run("when", "south-south").out.splitlines()] == ["2026", "2027"]
    assert run("when", "namibia-day", "1990").out == "1990\t-\tafter its last year, 1989\n"
    assert "no source gives this year's" in run("when", "day-of-vesak", "2001").out
    assert run("when", "day-of-vesak", "2024").out.startswith(
        "2024\t2024-05-23\ton a date announced each year"
    )
    exception = run("when", "chemical-warfare-victims-day", "2018").out
    assert exception.startswith("2018\t2018-11-26\theld on another date in 2018\topcw-2018")


@pytest.mark.parametrize("years", [["20x"], ["2013-2010"], ["0"], ["1-2000"]])
def test_when_refuses_what_is_not_a_year(run: Runner, years: list[str]) -> None:
    result = run("when", "south-south", *years)
    assert (result.code, result.out, result.err.count("\n")) == (2, "", 1)


def test_when_on_a_terminal_and_in_json(run: Runner) -> None:
    assert (
        "When: United Nations Day for South-South Cooperation"
        in run("when", "south-south", terminal=True).out
    )
    document = json.loads(run("when", "world-statistics-day", "2016", "--json").out)
    assert document["years"][0]["why_none"].startswith("not a year of its rule")


# changes -----------------------------------------------------------------------------------------


def test_changes_of_a_period_in_date_order(run: Runner) -> None:
    lines = run("changes", "--since", "2011-01-01", "--until", "2012-12-31").out.splitlines()
    moved = "2011-12-22\tmoved\tsouth-south-cooperation\tThe General Assembly moves the Day to 12 September"
    assert any(line.startswith(moved) for line in lines)
    assert lines == sorted(lines, key=lambda line: line.split("\t")[0])
    assert "background" not in {line.split("\t")[1] for line in lines}


def test_changes_default_to_the_last_twelve_months(run: Runner) -> None:
    dates = [line.split("\t")[0] for line in run("changes", "--today", "2026-06-30").out.splitlines()]
    full = [day for day in dates if len(day) == 10]
    assert full and all("2025-06-30" <= day <= "2026-06-30" for day in full)
    assert all(day[:4] in ("2025", "2026") for day in dates)


def test_changes_take_the_filters_format_and_json(run: Runner) -> None:
    formatted = run("changes", "--since", "2011-01-01", "--until", "2012-12-31", "--id", "south-south",
                    "--format", "{date} {id}: {what}").out  # fmt: skip
    moved = "The General Assembly moves the Day to 12 September, starting in 2012."
    assert formatted.splitlines()[0] == f"2011-12-22 south-south-cooperation: {moved}"
    assert run("changes", "--format", "{url}").code == 2
    assert run("changes", "--since", "2012-01-01", "--until", "2011-01-01").code == 2
    assert (
        "Changes from" in run("changes", "--since", "1900-01-01", "--until", "1900-12-31", terminal=True).out
    )


# Ids as a person means them ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("international-day-of-peace", "international-day-of-peace"),  # the id
        ("peace day", "international-day-of-peace"),  # an alias, any case
        ("peace", "international-day-of-peace"),  # the distinctive words of a name
        ("coexistence", "no observance 'coexistence'"),  # not all of a name's distinctive words
        ("peaceful-co", "peaceful-coexistence-day"),  # a unique start of an id
        ("women", "'women' matches"),  # several: the candidates
    ],
)
def test_ids_resolve_in_order(run: Runner, typed: str, expected: str) -> None:
    result = run("show", typed, "--json")
    if result.code == 0:
        assert json.loads(result.out)["observance"]["id"] == expected
    else:
        assert (result.code, expected in result.err) == (2, True)

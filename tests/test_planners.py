"""Views and formats for planners: the month grid, CSV for spreadsheets, Markdown for documents."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from observe.render.fields import FIELD_NAMES
from tests.conftest import FIXTURES, Runner

TEAM_DAY = (FIXTURES / "valid" / "team-day.toml").read_text("utf-8")
AWKWARD = 'name = "Team \\"Day\\", of | pipes [and] *stars*"'


def user_data(tmp_path: Path, text: str) -> str:
    (tmp_path / "team-day.toml").write_text(text, "utf-8")
    return str(tmp_path / "team-day.toml")


def first_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, weekday: str) -> None:
    (tmp_path / "config.toml").write_text(f'first_day_of_week = "{weekday}"\n', "utf-8")
    monkeypatch.setenv("OBSERVE_CONFIG_DIR", str(tmp_path))


# The month grid ----------------------------------------------------------------------------------


def test_a_february_of_28_days_starting_on_the_weeks_first_day_fills_four_rows(run: Runner) -> None:
    lines = run("month", "2027-02").out.split("\n\n")[0].splitlines()
    assert lines[:2] == ["February 2027", "Mo  Tu  We  Th  Fr  Sa  Su"]
    assert len(lines) == 6 and lines[2].startswith(" 1") and lines[-1].startswith("22")
    assert lines[-1].rstrip().endswith("28")


def test_weeks_start_on_sunday_when_configured(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monday = run("month", "2026-02").out.splitlines()
    assert monday[2].strip() == "1*" and len(monday[2]) == 4 * 6 + 3
    first_day(tmp_path, monkeypatch, "sunday")
    sunday = run("month", "2026-02").out.splitlines()
    assert sunday[1] == "Su  Mo  Tu  We  Th  Fr  Sa"
    assert sunday[2].startswith(" 1*") and sunday[5].rstrip().endswith("28")
    grid = json.loads(run("month", "2026-02", "--json").out)
    assert grid["first_day_of_week"] == "sunday" and grid["months"][0]["weeks"][0][0]["date"] == "2026-02-01"


def test_a_week_across_two_months_is_in_both(run: Runner, tmp_path: Path) -> None:
    week = TEAM_DAY.replace('kind = "day"', 'kind = "week"').replace(
        'on = "Mar 1st Fri"', 'on = "Dec 28"\ndays = 7'
    )
    data = user_data(tmp_path, week)
    document = json.loads(
        run("month", "2026-12", "--next", "2", "--id", "team-day", "--data", data, "--json").out
    )
    december, january = document["months"]
    assert [o["date"] for o in december["occurrences"]] == ["2026-12-28"]
    assert [o["date"] for o in january["occurrences"]] == ["2026-12-28"]
    days = {day["date"]: day["ids"] for week in january["weeks"] for day in week if day}
    assert days["2027-01-03"] == ["team-day"] and days["2027-01-04"] == []
    assert (
        run("month", "2026-12", "--next", "2", "--id", "team-day", "--data", data, "--csv").out.count("\n")
        == 2
    )


def test_the_terminal_grid_marks_today_and_names_the_days(run: Runner) -> None:
    out = run("month", "--today", "2026-12-01", terminal=True).out
    assert "December 2026" in out and "World AIDS Day" in out
    assert re.search(r"\x1b\[[0-9;]*7m *1 *\x1b", out), "today's number is shown reversed"


def test_month_refuses_what_is_not_a_month(run: Runner) -> None:
    for args in (["2026-13"], ["Dec"], ["9999-12", "--next", "2"]):
        result = run("month", *args)
        assert (result.code, result.out, result.err.count("\n")) == (2, "", 1), args


def test_month_in_templates_quiet_and_failing(run: Runner) -> None:
    assert run("month", "2026-12", "--id", "world-aids-day", "--format", "{date} {id}").out == (
        "2026-12-01 world-aids-day\n"
    )
    empty = ("month", "2026-12", "--id", "world-water-day")
    assert run(*empty, "--quiet-if-empty").out == ""
    assert run(*empty, "--fail-if-empty").code == 1


# CSV and Markdown --------------------------------------------------------------------------------


def test_csv_round_trips_names_with_quotes_commas_and_pipes(run: Runner, tmp_path: Path) -> None:
    data = user_data(tmp_path, TEAM_DAY.replace('name = "Team Day"', AWKWARD))
    out = run("list", "2026", "--id", "team-day", "--data", data, "--csv").out
    assert out.endswith("\r\n") and "\n" not in out.replace("\r\n", "")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert list(rows[0]) == list(FIELD_NAMES)
    assert rows[0]["name"] == 'Team "Day", of | pipes [and] *stars*'
    assert rows[0]["date"] == "2026-03-06" and rows[0]["url"] == "https://example.org/team-day"


def cells(row: str) -> list[str]:
    """A Markdown table row split at its unescaped pipes."""
    assert row.startswith("| ") and row.endswith(" |"), row
    return re.split(r"(?<!\\) \| ", row[2:-2])


def test_markdown_tables_never_break(run: Runner, tmp_path: Path) -> None:
    data = user_data(tmp_path, TEAM_DAY.replace('name = "Team Day"', AWKWARD))
    lines = run(
        "list", "2026", "--id", "team-day", "--id", "world-aids-day", "--data", data, "--markdown"
    ).out.splitlines()
    header, rule, *rows = lines
    assert cells(header) == ["Date", "Weekday", "Observance", "Kind", "Body", "Instrument"]
    assert set(cells(rule)) == {"---"}
    assert all(len(cells(row)) == 6 for row in rows)
    assert (
        r"[Team \"Day\", of \| pipes \[and\] \*stars\*](https://example.org/team-day)".replace('\\"', '"')
        in rows[0]
    )
    assert "[World AIDS Day](https://www.un.org/en/observances/world-aids-day)" in rows[1]


@pytest.mark.parametrize("mode", ["--csv", "--markdown"])
def test_search_and_changes_as_tables(run: Runner, mode: str) -> None:
    found = run("search", "water", mode).out.splitlines()
    assert "world-water-day" in found[1] or "world-water-day" in found[2]
    changed = run("changes", "--since", "2011-12-01", "--until", "2011-12-31", mode).out
    assert "south-south-cooperation" in changed or "South-South" in changed


def test_output_flags_are_alternatives(run: Runner) -> None:
    for pair in (["--csv", "--json"], ["--markdown", "--csv"], ["--csv", "--format", "{id}"]):
        result = run("next", *pair)
        assert (result.code, result.out) == (2, "") and "give only one output format" in result.err


def test_config_may_ask_for_csv_and_show_stays_plain(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "config.toml").write_text('output = "csv"\n', "utf-8")
    monkeypatch.setenv("OBSERVE_CONFIG_DIR", str(tmp_path))
    assert run("next", "-n", "1", terminal=True).out.startswith("date,end,weekday")
    assert run("show", "world-aids-day").out.startswith("Name: World AIDS Day\n")

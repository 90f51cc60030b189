"""Each command through the real entry point, in pipe mode and on a (pretend) terminal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from observe import __version__
from tests.conftest import FIXTURES, Runner


def fields(line: str) -> list[str]:
    return line.split("\t")


def test_next_in_a_pipe_is_ten_tab_separated_lines_nearest_first(run: Runner) -> None:
    result = run("next")
    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert len(lines) == 10
    starts = [fields(line)[0].split("/")[0] for line in lines]
    assert starts == sorted(starts)
    assert all(len(fields(line)) == 6 for line in lines)
    assert "\x1b[" not in result.out


def test_next_count_and_window(run: Runner) -> None:
    assert len(run("next", "-n", "25").out.splitlines()) == 25
    lines = run("next", "--within", "30").out.splitlines()
    assert lines, "the UN observes something in any 30-day window"
    assert all(-31 < int(fields(line)[2]) <= 30 for line in lines)


def test_next_counts_days_from_the_pinned_day(run: Runner) -> None:
    line = next(
        line
        for line in run("next", "-n", "50", "--today", "2026-09-01").out.splitlines()
        if fields(line)[4] == "south-south-cooperation"
    )
    assert fields(line)[:3] == ["2026-09-12", "Sat", "11"]


def test_on_a_date_before_and_after_a_rule_change(run: Runner) -> None:
    assert "south-south-cooperation" in run("on", "2011-12-19").out
    assert "south-south-cooperation" in run("on", "2012-09-12").out
    assert "south-south-cooperation" not in run("on", "2012-12-19").out
    assert "south-south-cooperation" not in run("on", "2011-09-12").out
    assert "south-south-cooperation" not in run("list", "2003", "--id", "south-south-cooperation").out


def test_today_uses_the_pinned_day(run: Runner) -> None:
    result = run("today", "--today", "2012-09-12", "--id", "south-south-cooperation")
    assert fields(result.out.strip())[:3] == ["2012-09-12", "Wed", "0"]


def test_list_a_year_and_a_month(run: Runner) -> None:
    whole = run("list", "2026").out.splitlines()
    december = run("list", "2026", "--month", "12").out.splitlines()
    assert set(december) <= set(whole)
    assert december and all("2026-12" in fields(line)[0] for line in december)
    starts = [fields(line)[0].split("/")[0] for line in whole]
    assert starts == sorted(starts)


def test_list_defaults_to_the_year_of_today(run: Runner) -> None:
    assert run("list").out == run("list", "2026").out


def test_json_is_one_versioned_document(run: Runner) -> None:
    document = json.loads(run("next", "--json").out)
    assert document["version"] == 1
    assert document["today"] == "2026-11-24"
    first = document["occurrences"][0]
    assert set(first) >= {
        "date",
        "end",
        "weekday",
        "days_until",
        "id",
        "name",
        "kind",
        "body",
        "instrument",
        "url",
        "rule",
        "era",
    }
    assert date.fromisoformat(first["date"]) <= date.fromisoformat(first["end"])


def test_json_option_works_before_the_command_too(run: Runner) -> None:
    assert run("--json", "next").out == run("next", "--json").out


def test_terminal_mode_draws_a_table_with_names_and_distances(run: Runner) -> None:
    result = run("next", "--today", "2026-09-01", "-n", "30", terminal=True, width=250)
    assert result.code == 0
    assert "United Nations Day for South-South Cooperation" in result.out
    assert "in 11 days" in result.out
    assert "Sat 12 Sep 2026" in result.out
    assert "\t" not in result.out


@pytest.mark.parametrize(
    ("args", "title"),
    [
        (["today", "--today", "2026-10-06"], "Observed on 2026-10-06"),
        (["on", "2026-10-06"], "Observed on 2026-10-06"),
        (["week", "2026-10-06"], "Week of 2026-10-05 to 2026-10-11"),
        (["list", "2026", "--month", "10"], "Observances in 2026, month 10"),
    ],
)
def test_every_listing_draws_a_table_on_a_terminal(run: Runner, args: list[str], title: str) -> None:
    out = run(*args, "--no-color", terminal=True, width=250).out
    assert out.startswith(title)
    assert "World Space Week" in out and "Sun 4 Oct 2026 – Sat 10 Oct 2026" in out
    assert "\t" not in out


def test_terminal_mode_is_coloured_unless_asked_not_to_be(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "\x1b[" in run("next", terminal=True).out
    assert "\x1b[" not in run("next", "--no-color", terminal=True).out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("next", terminal=True).out


@pytest.mark.parametrize("command", ["next", "today", "on", "list", "validate"])
def test_every_command_has_help_with_an_example(run: Runner, command: str) -> None:
    result = run(command, "--help")
    assert result.code == 0
    assert "Example" in result.out


def test_version_is_the_package_version(run: Runner) -> None:
    assert run("--version").out.strip() == f"observe {__version__}"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["on", "2026-02-30"], "'2026-02-30' is not a valid date"),
        (["next", "--today", "tomorrow"], "'tomorrow' is not a date"),
        (["list", "10000"], "10000 is not in the range"),
        (["next", "--id", "south-south-cooperatoin"], "did you mean south-south-cooperation"),
        (["frobnicate"], "No such command"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_2(run: Runner, args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.code == 2
    assert result.out == ""
    assert fragment in result.err
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err


def test_fail_if_empty_exits_1_only_when_asked(run: Runner) -> None:
    quiet = ("on", "2026-01-02", "--id", "south-south-cooperation")
    assert run(*quiet).code == 0
    assert run(*quiet, "--fail-if-empty").code == 1


def test_terminal_prints_data_text_as_written(run: Runner, tmp_path: Path) -> None:
    """Rich markup and emoji codes in a name must not be interpreted."""
    text = (FIXTURES / "valid" / "team-day.toml").read_text("utf-8")
    path = tmp_path / "team-day.toml"
    path.write_text(text.replace('name = "Team Day"', 'name = "Team [bold]Day[/bold] :smile:"'), "utf-8")
    out = run("next", "--id", "team-day", "--data", str(path), "--no-color", terminal=True, width=200).out
    assert "Team [bold]Day[/bold] :smile:" in out

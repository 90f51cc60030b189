"""The less travelled paths: ended and future observances, empty answers in every mode, failing
output files, damaged installs and the last-resort error handling."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from observe import streams
from observe.cli.shared import TypedDay
from observe.details import REVISION_FLOOR, Details
from observe.errors import OutputError
from observe.ics_events import rule_events
from observe.load import bundle
from observe.load.bundle import compile_bundle
from observe.load.observance import check_text
from observe.load.records import observance_from_record
from observe.provenance import report
from observe.revisions import current, dumps, problems
from observe.rules import from_data
from tests.conftest import FIXTURES, Runner

TEAM_DAY = (FIXTURES / "valid" / "team-day.toml").read_text("utf-8")


def user_file(folder: Path, text: str) -> Path:
    path = folder / "team-day.toml"
    path.write_text(text, "utf-8")
    return path


# show and history of observances that ended, have not begun, or are under way -------------------


def test_an_ended_observance_says_so_and_its_history_ends(run: Runner) -> None:
    shown = run("show", "namibia-day").out
    assert "Rule: no longer observed (last rule: 26 August every year, from 1974 to 1989)" in shown
    assert "Next: none known (see the rule)" in shown
    assert "1989\tended\tLast year observed: 1989." in run("history", "namibia-day").out


def test_an_observance_not_yet_begun_shows_its_first_rule(run: Runner) -> None:
    shown = run("show", "south-south-cooperation", "--today", "1990-01-01").out
    assert "Rule: not yet observed (first rule: 19 December every year, from 2004 to 2011)" in shown
    assert "Next: 2004-12-19 (in 5466 days)" in shown


def test_a_week_under_way_is_in_progress(run: Runner) -> None:
    shown = run("show", "world-space-week", "--today", "2026-10-06").out
    assert "Next: 2026-10-04 to 2026-10-10 (in progress)" in shown


def test_a_user_observance_says_where_it_is_defined(run: Runner, tmp_path: Path) -> None:
    path = user_file(tmp_path, TEAM_DAY.replace('aliases = ["Our Day"]\n', ""))
    shown = run("show", "team-day", "--data", str(path)).out
    assert f"Defined in: {path}" in shown and "Also called" not in shown and "Lead:" not in shown


def test_an_era_with_no_known_date_has_no_first_observance(run: Runner, tmp_path: Path) -> None:
    path = user_file(tmp_path, TEAM_DAY.replace('on = "Mar 1st Fri"', "announced = {}"))
    history = run("history", "team-day", "--data", str(path)).out
    assert "observed" not in history
    one_year = TEAM_DAY.replace("from = 2019", "from = 2019\nuntil = 2019")
    path.write_text(one_year, "utf-8")
    assert "2019\tthe first Friday of March, in 2019 only" in run("show", "team-day", "--data", str(path)).out


# Empty answers and errors in the other modes ---------------------------------------------------


def test_search_that_finds_nothing(run: Runner) -> None:
    assert "Nothing matches 'zzqx'." in run("search", "zzqx", terminal=True).out
    assert (run("search", "zzqx", "--fail-if-empty").code, run("search", "zzqx").code) == (1, 0)


def test_validate_on_a_terminal_and_in_json(run: Runner, tmp_path: Path) -> None:
    path = user_file(tmp_path, TEAM_DAY)
    assert "1 file checked, no problems" in run("validate", str(path), terminal=True).out
    document = json.loads(run("validate", str(path), "--json").out)
    assert (document["checked"], document["problems"]) == (1, [])


def test_an_unknown_body_names_the_closest(run: Runner) -> None:
    result = run("next", "--body", "WHOO")
    assert result.code == 2 and "no observance has the body 'whoo'; did you mean 'who'?" in result.err


def test_ids_do_not_complete_when_user_data_is_broken(
    complete: Callable[[str], str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    user_file(tmp_path, "id = ")
    monkeypatch.setenv("OBSERVE_DATA", str(tmp_path))
    assert "south-south-cooperation" not in complete("observe show south-s")


def test_validate_reports_override_mistakes(run: Runner, tmp_path: Path) -> None:
    path = user_file(
        tmp_path,
        TEAM_DAY.replace(
            'url = "https://example.org/team-day"', 'url = "https://example.org/t"\noverride = true'
        ),
    )
    result = run("validate", str(path))
    assert result.code == 3 and "'override = true' but no bundled observance has id 'team-day'" in result.err
    clash = TEAM_DAY.replace('"team-day"', '"world-aids-day"', 1)
    (tmp_path / "world-aids-day.toml").write_text(clash, "utf-8")
    result = run("validate", str(tmp_path / "world-aids-day.toml"))
    assert "is already a bundled observance; add 'override = true'" in result.err


def test_a_plain_table_header_is_located(tmp_path: Path) -> None:
    (problem,) = check_text(TEAM_DAY + "\n[extra]\nkey = 1\n", "team-day.toml", "team-day")[1]
    assert (problem.line, problem.message) == (22, "extra: unknown key 'extra' (did you mean 'eras'?)")
    no_eras = TEAM_DAY.split("[[eras]]")[0].replace("\n[[sources]]", "eras = []\n\n[[sources]]", 1)
    assert "eras: needs at least one era" in [
        problem.message for problem in check_text(no_eras, "t", None)[1]
    ]


# The last-resort handlers ------------------------------------------------------------------------


def test_an_unnamed_io_error_is_exit_4(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: object) -> None:
        raise OSError(5, "Input/output error", "/somewhere")

    monkeypatch.setattr("observe.occurrences.upcoming", failing)
    result = run("next")
    assert (result.code, result.err) == (4, "observe: Input/output error: /somewhere\n")


def test_observe_debug_shows_the_traceback(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("observe.occurrences.upcoming", broken)
    monkeypatch.setenv("OBSERVE_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        run("next")


def test_a_click_error_that_is_not_a_usage_error_is_one_line(run: Runner, tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "missing.toml"), "next")
    assert result.code == 4 and result.err.count("\n") == 1


# Output files ------------------------------------------------------------------------------------


def test_export_to_a_folder_or_a_link_loop_is_exit_4(run: Runner, tmp_path: Path) -> None:
    assert "it is a folder" in run("export", "--id", "world-aids-day", "-o", str(tmp_path)).err
    loop = tmp_path / "loop.ics"
    loop.symlink_to(loop)
    result = run("export", "--id", "world-aids-day", "-o", str(loop))
    assert result.code == 4 and "Too many levels of symbolic links" in result.err


def test_a_file_written_says_so_on_a_terminal(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = run("export", "--id", "world-aids-day", "-o", str(tmp_path / "a.ics"))
    assert result.err == f"Wrote 1 events to {tmp_path / 'a.ics'}\n"


def test_a_strict_stream_refuses_a_write_it_cannot_make() -> None:
    read_only = os.open(os.devnull, os.O_RDONLY)
    try:
        with pytest.raises(OutputError, match="cannot write to standard output: Bad file descriptor"):
            streams.StrictOutput(read_only, "utf-8", "standard output").write("x")
    finally:
        os.close(read_only)
    closed = streams.StrictOutput(None, "utf-8", "standard error", required=False)
    closed.write("lost quietly")
    with pytest.raises(OSError, match="standard error is closed"):
        closed.fileno()


# Damaged installs and build-time checks -----------------------------------------------------------


def test_a_damaged_bundle_is_a_data_error(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(bundle, "bundled_data_dir", lambda: str(tmp_path))
    monkeypatch.setattr("observe.load.dataset.bundled_data_dir", lambda: str(tmp_path))
    result = run("show", "world-aids-day")
    assert result.code == 3 and "the bundled dataset cannot be read" in result.err


def test_compiling_invalid_files_lists_every_problem(tmp_path: Path) -> None:
    from observe.errors import DataError

    with pytest.raises(DataError) as raised:
        compile_bundle([user_file(tmp_path, "id = 1\n")])
    assert len(raised.value.problems) > 1


def test_the_revision_record_round_trips_and_wants_a_date() -> None:
    records = [{"id": "a", "revised": "2026-01-01"}, {"id": "b", "revised": "2026-02-01"}]
    assert json.loads(dumps(current(records))) == current(records)
    assert problems([{"id": "c"}], {}, require_current=False) == [
        "c: a bundled file needs 'revised = YYYY-MM-DD'"
    ]
    assert "no longer bundled" in problems([], current(records), require_current=True)[0]


def test_the_provenance_summary_counts() -> None:
    record = {
        "id": "x",
        "sources": [{"key": "a", "url": "https://undocs.org/A"}],
        "eras": [{"sources": ["a"]}],
    }
    assert report([record]).summary() == (
        "current rules with a primary source: 1 of 1 (100.0%); symbol keys pointing at a copy: 0"
    )


def test_small_contracts() -> None:
    assert Details("", {}).revision() == REVISION_FLOOR
    assert TypedDay().convert(date(2026, 1, 2), None, None) == date(2026, 1, 2)
    with pytest.raises(ValueError, match="unknown date expression kind 'Lunar'"):
        from_data(["Lunar", 5])


def test_a_renamed_rule_with_no_year_between_renames_is_skipped() -> None:
    record, problems_found = check_text(
        TEAM_DAY.replace('on = "Mar 1st Fri"', 'on = "Mar 1st Fri"\nevery = 5')
        + '\n[[former_names]]\nname = "First"\nuntil = 2020\nsources = ["memo-1"]\n'
        + '\n[[former_names]]\nname = "Second"\nuntil = 2022\nsources = ["memo-1"]\n',
        "team-day.toml",
        "team-day",
    )
    assert problems_found == [] and record is not None
    events = rule_events([observance_from_record(record)], 2040)
    assert {(event.uid, event.summary) for event in events} == {
        ("team-day.2019@observe-days", "First"),
        ("team-day.rule-2023@observe-days", "Team Day"),
    }


# The terminal decision -----------------------------------------------------------------------------


def test_a_terminal_gets_a_table_unless_term_is_dumb_or_config_says_plain(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert "┃" in run("next", "-n", "1", terminal=True).out
    assert "\t" in run("next", "-n", "1", terminal=False).out
    monkeypatch.setenv("TERM", "dumb")
    assert "\t" in run("next", "-n", "1", terminal=True).out
    monkeypatch.setenv("TERM", "xterm")
    (tmp_path / "config.toml").write_text('output = "plain"\n', "utf-8")
    monkeypatch.setenv("OBSERVE_CONFIG_DIR", str(tmp_path))
    assert "\t" in run("next", "-n", "1", terminal=True).out

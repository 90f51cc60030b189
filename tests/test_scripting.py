"""Scripting and cron: templates, quiet and failing empties, config, user data, and hard edges."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Runner

REPO = Path(__file__).resolve().parents[1]
TEAM_DAY = FIXTURES / "valid" / "team-day.toml"


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("OBSERVE_CONFIG_DIR", str(folder))
    return folder


# --format ---------------------------------------------------------------------------------


def test_format_fills_every_documented_field(run: Runner) -> None:
    template = r"{date}|{end}|{weekday}|{days_until}|{id}|{name}|{kind}|{body}|{instrument}|{url}"
    result = run("list", "2012", "--id", "south-south-cooperation", "--format", template)
    assert result.out == (
        "2012-09-12|2012-09-12|Wednesday|-5186|south-south-cooperation|"
        "United Nations Day for South-South Cooperation|day|UNGA|A/RES/58/220|"
        "https://www.un.org/en/observances/south-south-cooperation-day\n"
    )


def test_format_escapes(run: Runner) -> None:
    result = run("list", "2012", "--id", "south-south-cooperation", "--format", r"{{{id}}}\t{kind}\\")
    assert result.out == "{south-south-cooperation}\tday\\\n"


@pytest.mark.parametrize(
    ("template", "fragment"),
    [
        ("{nmae}", "unknown field '{nmae}'"),
        ("{0.__class__}", "unknown field '{0.__class__}'"),
        ("{name.__class__.__mro__}", "unknown field"),
        ("{name", "unmatched '{'"),
        ("name}", "unmatched '}'"),
    ],
)
def test_templates_reach_only_the_documented_fields(run: Runner, template: str, fragment: str) -> None:
    result = run("next", "--format", template)
    assert result.code == 2
    assert result.out == ""
    assert fragment in result.err and result.err.count("\n") == 1


# empty results and exit codes ---------------------------------------------------------------

NOTHING = ("on", "2026-01-02", "--id", "south-south-cooperation")


@pytest.mark.parametrize("mode", [[], ["--json"], ["--format", "{name}"]])
def test_quiet_if_empty_prints_nothing_in_any_mode(run: Runner, mode: list[str]) -> None:
    assert run(*NOTHING, *mode, "--quiet-if-empty").out == ""
    assert run(*NOTHING, *mode, "--quiet-if-empty", terminal=True).out == ""


def test_without_quiet_a_terminal_and_json_still_say_nothing_was_found(run: Runner) -> None:
    assert "nothing" in run(*NOTHING, terminal=True).out
    assert json.loads(run(*NOTHING, "--json").out)["occurrences"] == []


def test_exit_codes(run: Runner) -> None:
    assert run(*NOTHING).code == 0
    assert run(*NOTHING, "--fail-if-empty").code == 1
    assert run("next", "--fail-if-empty").code == 0
    assert run("next", "--bogus").code == 2
    assert run("validate", str(FIXTURES / "invalid" / "overlapping-eras.toml")).code == 3


def test_interrupt_exits_130_quietly(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("observe.occurrences.upcoming", interrupted)
    result = run("next")
    assert result.code == 130
    assert "Traceback" not in result.err and result.err.strip() == ""


# the user's own observances and config ------------------------------------------------------


def test_user_files_from_data_option_env_and_config_folder(
    run: Runner, config_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    expected = "2027-03-05\tFri\t101\tday\tteam-day\tTeam Day\n"
    assert run("next", "--id", "team-day", "-n", "1").code == 2
    assert run("next", "--id", "team-day", "-n", "1", "--data", str(TEAM_DAY)).out == expected
    assert run("next", "--data", str(TEAM_DAY.parent), "--id", "team-day", "-n", "1").out == expected
    monkeypatch.setenv("OBSERVE_DATA", str(TEAM_DAY))
    assert run("next", "--id", "team-day", "-n", "1").out == expected
    monkeypatch.delenv("OBSERVE_DATA")
    (config_dir / "observances").mkdir()
    (config_dir / "observances" / "team-day.toml").write_text(TEAM_DAY.read_text("utf-8"), "utf-8")
    assert run("next", "--id", "team-day", "-n", "1").out == expected


def user_copy(tmp_path: Path, ident: str, extra: str = "") -> Path:
    text = TEAM_DAY.read_text("utf-8").replace('id = "team-day"', f'id = "{ident}"{extra}')
    path = tmp_path / f"{ident}.toml"
    path.write_text(text, "utf-8")
    return path


def test_reusing_a_bundled_id_needs_override(run: Runner, tmp_path: Path) -> None:
    clash = user_copy(tmp_path, "south-south-cooperation")
    result = run("next", "--data", str(clash))
    assert result.code == 3 and result.out == ""
    assert f"{clash}:1: id 'south-south-cooperation' is already a bundled observance" in result.err
    elsewhere = tmp_path / "overriding"
    elsewhere.mkdir()
    override = user_copy(elsewhere, "south-south-cooperation", "\noverride = true")
    replaced = run("show", "south-south-cooperation", "--data", str(override), "--json")
    assert json.loads(replaced.out)["observance"]["name"] == "Team Day"


def test_a_malformed_user_file_stops_the_command_with_every_problem(run: Runner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "broken"\nname = 3\n', "utf-8")
    result = run("next", "--data", str(broken))
    assert result.code == 3 and result.out == ""
    lines = result.err.splitlines()
    assert f"{broken}:2: name: must be a non-empty string" in lines
    assert any("missing required key 'url'" in line for line in lines)
    assert "Traceback" not in result.err


def test_validate_lists_every_problem_as_file_line_message(run: Runner) -> None:
    invalid = sorted((FIXTURES / "invalid").glob("*.toml"))
    result = run("validate", *map(str, invalid))
    assert result.code == 3
    assert all(re.match(r".+\.toml:\d+: .+", line) for line in result.err.splitlines())
    assert {line.split(":")[0] for line in result.err.splitlines()} == {str(path) for path in invalid}


def test_validate_without_paths_checks_bundled_data_and_the_users_files(
    run: Runner, config_dir: Path
) -> None:
    bundled = len(list((REPO / "data" / "observances").glob("*.toml")))
    assert run("validate").out == f"{bundled} files checked, no problems\n"
    (config_dir / "observances").mkdir()
    (config_dir / "observances" / "team-day.toml").write_text(TEAM_DAY.read_text("utf-8"), "utf-8")
    assert run("validate").out == f"{bundled + 1} files checked, no problems\n"


def test_config_defaults_apply_unless_the_command_line_says_otherwise(run: Runner, config_dir: Path) -> None:
    (config_dir / "config.toml").write_text('topics = ["cooperation"]\ncount = 3\noutput = "json"\n', "utf-8")
    document = json.loads(run("next").out)
    assert len(document["occurrences"]) == 3
    assert "south-south-cooperation" in {
        o["id"] for o in json.loads(run("next", "-n", "40").out)["occurrences"]
    }
    explicit = json.loads(run("next", "--topic", "health", "-n", "1").out)["occurrences"]
    assert explicit and explicit[0]["id"] != "south-south-cooperation"


def test_first_day_of_week_sets_the_week(run: Runner, config_dir: Path) -> None:
    monday_week = run("week", "2026-09-13", "--id", "south-south-cooperation").out
    assert monday_week.startswith("2026-09-12"), "Mon 7 to Sun 13 September holds the 12th"
    (config_dir / "config.toml").write_text('first_day_of_week = "sunday"\n', "utf-8")
    assert run("week", "2026-09-13", "--id", "south-south-cooperation").out == ""


def test_a_bad_config_is_reported_with_its_line(run: Runner, config_dir: Path) -> None:
    (config_dir / "config.toml").write_text('count = 3\ncolour = true\noutput = "xml"\n', "utf-8")
    result = run("next")
    config = config_dir / "config.toml"
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{config}:2: colour: unknown setting",
        f"{config}:3: output: must be one of: auto, plain, json, csv, markdown",
    ]


# hard edges, as real processes ---------------------------------------------------------------


def test_a_closed_pipe_ends_quietly(observe_command: str) -> None:
    finished = subprocess.run(
        f"'{observe_command}' list 2026 --today 2026-11-24 | head -1; echo \"status=${{PIPESTATUS[0]}}\"",
        shell=True, executable="/bin/bash", capture_output=True, text=True, check=False,
    )  # fmt: skip
    lines = finished.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("2026-01-")
    assert lines[1] in ("status=0", "status=141")
    assert finished.stderr == ""


def test_runs_with_an_empty_environment(observe_command: str) -> None:
    finished = subprocess.run(
        [observe_command, "next", "--today", "2026-11-24"],
        env={"PATH": os.defpath}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert len(finished.stdout.splitlines()) == 10


def test_ascii_output_replaces_what_it_cannot_show(observe_command: str, tmp_path: Path) -> None:
    accented = user_copy(tmp_path, "dia-de-prueba")
    accented.write_text(
        accented.read_text("utf-8").replace('name = "Team Day"', 'name = "Día de Prueba"'), "utf-8"
    )
    finished = subprocess.run(
        [observe_command, "next", "--today", "2026-11-24", "--data", str(accented), "--id", "dia-de-prueba"],
        env={"PATH": os.defpath, "LANG": "C", "PYTHONIOENCODING": "ascii"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert "D?a de Prueba" in finished.stdout


SLOW_NEXT = """
import sys, time
import observe.occurrences

def slow(*args):
    sys.stderr.write("ready\\n")
    sys.stderr.flush()
    time.sleep(30)

observe.occurrences.upcoming = slow
sys.argv = ["observe", "next", "--today", "2026-11-24"]
from observe.cli import main
main()
"""


def test_a_real_sigint_mid_command_exits_130_without_a_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_NEXT], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stderr is not None and process.stderr.readline() == "ready\n"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 130
    assert out == "" and err.strip() == ""


def cron_lines() -> list[str]:
    text = (REPO / "README.md").read_text("utf-8")
    block = text.split("<!-- cron recipes -->", 1)[1].split("```", 2)[1]
    return [line for line in block.splitlines()[1:] if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("line", cron_lines())
def test_readme_cron_recipes_run_as_written(line: str, observe_command: str, tmp_path: Path) -> None:
    command = line.split(None, 5)[5]
    bin_dir = str(Path(observe_command).parent)
    finished = subprocess.run(
        command, shell=True, cwd=tmp_path, capture_output=True, text=True, check=False,
        env={"PATH": f"{bin_dir}:{os.defpath}", "OBSERVE_TODAY": "2026-11-24", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr == ""

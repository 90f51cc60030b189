"""Hostile data and broken environments: one line and a documented exit status, never a traceback,
a cut-short file, a forged line or a hang.

Streams, signals and special files are tested with real processes, in temporary folders (FIFOs
made with mkfifo, never real devices).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from observe.load.observance import check_file, check_text
from observe.load.records import observance_from_record
from tests.conftest import FIXTURES, Runner

TEAM_DAY = (FIXTURES / "valid" / "team-day.toml").read_text("utf-8")
ICS = FIXTURES / "ics"
TIMEOUT = 60


def observe(command: str, *args: str, **options: object) -> subprocess.CompletedProcess[str]:
    """Run the installed command as a real process, with the day pinned and no user config."""
    env = {**os.environ, "OBSERVE_TODAY": "2026-11-24", "OBSERVE_CONFIG_DIR": "/nonexistent/observe"}
    env.update(options.pop("env", {}))  # type: ignore[call-overload]
    return subprocess.run(
        [command, *args], capture_output=True, text=True, env=env, timeout=TIMEOUT, check=False, **options
    )  # type: ignore[call-overload]


def one_line_error(finished: subprocess.CompletedProcess[str], status: int) -> str:
    assert finished.returncode == status, finished.stderr
    assert finished.stderr.count("\n") == 1 and "Traceback" not in finished.stderr, finished.stderr
    return finished.stderr


def user_file(folder: Path, text: str, name: str = "team-day.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# Validation: control characters, URLs, and values that used to pass a pattern only -------------


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('name = "Team Day"', 'name = "Team\\u001b]0;owned\\u0007 Day"', 2, "name: must not hold control"),
        ('name = "Team Day"', 'name = "Team\\nDay"', 2, "name: must not hold control"),
        ('aliases = ["Our Day"]', 'aliases = ["Our\\tDay"]', 3, "aliases: must not hold control"),
        ('title = "Founding memo"', 'title = "Founding\\u007fmemo"', 13, "title: must not hold control"),
        ('url = "https://example.org/team-day"', 'url = "https://example.org/x\\r\\nBEGIN:VALARM"', 8, "url"),
        ('url = "https://example.org/team-day"', 'url = "https://example.org/a b"', 8, "url: must be"),
        ("date = 2019-03-01", 'date = "2019-13"', 15, "date: must be"),
        ("date = 2019-03-01", 'date = "0000"', 15, "date: must be"),
        ("date = 2019-03-01", 'date = "2019-02-31"', 15, "date: must be"),
        ("date = 2019-03-01", 'date = "２０１９"', 15, "date: must be"),
        ('sources = ["memo-1"]', "sources = []", 20, "sources: must be a non-empty list"),
    ],
)
def test_validation_refuses_with_file_and_line(old: str, new: str, line: int, message: str) -> None:
    assert old in TEAM_DAY
    record, problems = check_text(TEAM_DAY.replace(old, new, 1), "team-day.toml", "team-day")
    assert record is None
    assert any(p.line == line and message in p.message for p in problems), [str(p) for p in problems]
    assert all("\n" not in str(p) and "\x1b" not in str(p) for p in problems)


def test_a_description_may_hold_newlines_but_no_other_control() -> None:
    text = TEAM_DAY.replace('description = "The day', 'description = "First line.\\nThe day')
    assert check_text(text, "team-day.toml", "team-day")[1] == []
    text = TEAM_DAY.replace('description = "The day', 'description = "\\u0007The day')
    assert "must not hold control" in check_text(text, "team-day.toml", "team-day")[1][0].message


def test_odd_announced_years_and_era_bounds_are_problems_not_crashes() -> None:
    announced = TEAM_DAY.replace('on = "Mar 1st Fri"', 'announced = { "²" = "Mar 3" }')
    assert "year '²' is outside this era" in check_text(announced, "team-day.toml", "team-day")[1][0].message
    wrong_until = TEAM_DAY.replace("from = 2019", 'from = 2019\nuntil = "2020"') + (
        '\n[[exceptions]]\nyear = 2020\ndate = 2020-03-02\nsources = ["memo-1"]\n'
    )
    messages = [problem.message for problem in check_text(wrong_until, "team-day.toml", "team-day")[1]]
    assert "eras[0].until: must be a year from 1 to 9999" in messages


def test_a_byte_order_mark_is_accepted_and_lines_count_only_newlines(tmp_path: Path) -> None:
    assert check_file(user_file(tmp_path, "\ufeff" + TEAM_DAY))[1] == []
    # A literal multi-line string holding header- and key-like lines, then a line separator
    # (U+2028, which str.splitlines counts as a line break and TOML does not).
    text = (
        TEAM_DAY.replace(
            'description = "The day our team was founded, kept as an example of a user\'s own observance."',
            "description = '''\nThe day our team was founded.\n[[eras]]\nkind = 1\nStill the description.'''",
        )
        .replace('kind = "day"', 'kind = "dya"')
        .replace('title = "Founding memo"', 'title = "Founding\u2028memo"')
    )
    title_line = text.split("\n").index('title = "Founding\u2028memo"') + 1
    problems = {
        (problem.line, problem.message) for problem in check_text(text, "team-day.toml", "team-day")[1]
    }
    assert problems >= {
        (4, "kind: 'dya' is not one of: day, week"),
        (title_line, "sources[0].title: must not hold control characters (tabs, line breaks, escape codes)"),
    }


def test_thousands_of_one_year_eras_validate_and_resolve(tmp_path: Path) -> None:
    head = TEAM_DAY.split("[[eras]]")[0]
    eras = "".join(
        f'[[eras]]\nfrom = {y}\nuntil = {y}\non = "Mar 1"\nsources = ["memo-1"]\n' for y in range(1, 10000)
    )
    exceptions = "".join(
        f'[[exceptions]]\nyear = {y}\ndate = {y:04d}-03-02\nsources = ["memo-1"]\n'
        for y in range(1, 10000, 7)
    )
    record, problems = check_text(head + eras + exceptions, "team-day.toml", "team-day")
    assert problems == [] and record is not None
    observance = observance_from_record(record)
    assert all(observance.era_for(year) is observance.eras[year - 1] for year in (1, 5000, 9999))


# Reading: only regular files, within a size limit, and unreadable ones are exit 4 -----------------


def test_a_fifo_among_data_files_is_refused_not_waited_on(observe_command: str, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.toml")
    error = one_line_error(observe(observe_command, "next", "--data", str(tmp_path)), 4)
    assert "x.toml: not a regular file" in error


def test_a_file_over_the_size_limit_is_a_data_problem(observe_command: str, tmp_path: Path) -> None:
    path = user_file(tmp_path, TEAM_DAY + "#" * 1_000_001)
    error = one_line_error(observe(observe_command, "next", "--data", str(path)), 3)
    assert f"{path}:1: larger than 1,000,000 bytes" in error


def test_a_config_folder_that_is_a_file_is_exit_4(observe_command: str, tmp_path: Path) -> None:
    not_a_folder = user_file(tmp_path, "", "config")
    finished = observe(observe_command, "next", env={"OBSERVE_CONFIG_DIR": str(not_a_folder)})
    assert "config.toml: Not a directory" in one_line_error(finished, 4)


def test_an_unreadable_data_file_is_exit_4(observe_command: str, tmp_path: Path) -> None:
    """A symbolic link to itself cannot be opened by anyone, root included (unlike chmod 0)."""
    (tmp_path / "loop.toml").symlink_to(tmp_path / "loop.toml")
    error = one_line_error(observe(observe_command, "next", "--data", str(tmp_path)), 4)
    assert "loop.toml: Too many levels of symbolic links" in error


def test_an_unreadable_observances_folder_is_exit_4_never_skipped(
    observe_command: str, tmp_path: Path
) -> None:
    (tmp_path / "observances").symlink_to(tmp_path / "observances")
    finished = observe(observe_command, "next", env={"OBSERVE_CONFIG_DIR": str(tmp_path)})
    assert "cannot read the folder" in one_line_error(finished, 4)


# Writing: every byte or a non-zero status --------------------------------------------------------


def test_a_reader_that_goes_away_is_141(observe_command: str) -> None:
    shell = f"'{observe_command}' export | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"
    finished = subprocess.run(
        ["bash", "-c", shell], capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert (finished.stdout, finished.stderr) == ("141\n", "")


def test_a_file_size_limit_is_exit_4_not_a_short_file(observe_command: str, tmp_path: Path) -> None:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))

    # Without coverage measuring the child: its data file would meet the limit too.
    env = {name: value for name, value in os.environ.items() if not name.startswith("COVERAGE")}
    with open(tmp_path / "out.ics", "w") as out:
        finished = subprocess.run(
            [observe_command, "export"],
            env=env, stdout=out, stderr=subprocess.PIPE, text=True,
            preexec_fn=limit, timeout=TIMEOUT, check=False,
        )  # fmt: skip
    assert finished.returncode == 4 and "cannot write to standard output: File too large" in finished.stderr


@pytest.mark.parametrize("command", [["list"], ["export"], ["show", "south-south-cooperation"]])
def test_a_closed_stdout_is_exit_4(observe_command: str, command: list[str]) -> None:
    finished = observe(observe_command, *command, preexec_fn=lambda: os.close(1))
    assert "cannot write to standard output: it is closed" in one_line_error(finished, 4)


def test_export_into_a_fifo_writes_into_it_and_leaves_it_a_fifo(observe_command: str, tmp_path: Path) -> None:
    fifo = tmp_path / "calendar.ics"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    finished = observe(observe_command, "export", "--data", str(ICS), "--id", "moved-day", "-o", str(fifo))
    reader.join(TIMEOUT)
    assert finished.returncode == 0, finished.stderr
    assert received[0].startswith(b"BEGIN:VCALENDAR") and received[0].endswith(b"END:VCALENDAR\r\n")
    assert fifo.is_fifo() and os.listdir(tmp_path) == ["calendar.ics"]


def test_export_to_dev_stdout_writes_to_standard_output(observe_command: str) -> None:
    finished = observe(
        observe_command, "export", "--data", str(ICS), "--id", "moved-day", "-o", "/dev/stdout"
    )
    assert finished.returncode == 0 and finished.stdout.startswith("BEGIN:VCALENDAR")


def test_sigterm_while_writing_removes_the_temporary_file(observe_command: str, tmp_path: Path) -> None:
    target = tmp_path / "days.ics"
    target.write_bytes(b"old calendar")
    env = {**os.environ, "OBSERVE_TODAY": "2026-11-24", "OBSERVE_CONFIG_DIR": "/nonexistent"}
    args = [observe_command, "export", "--expand", "--from", "1600", "--to", "2099", "-o", str(target)]
    process = subprocess.Popen(args, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + TIMEOUT
    while not any(name.endswith(".tmp") for name in os.listdir(tmp_path)) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGTERM)
    _, error = process.communicate(timeout=TIMEOUT)
    assert (process.returncode, error) == (128 + signal.SIGTERM, "")
    assert os.listdir(tmp_path) == ["days.ics"] and target.read_bytes() == b"old calendar"


# Limits and odd requests: refused in one line, or served -----------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["export", "--expand", "--from", "1", "--to", "9998"], "--expand writes at most 500 years"),
        (["next", "--within", "1000000000", "--json"], "1000000000 is not in the range 0<=x<=36525"),
        (["next", "-n", "1000000000"], "1000000000 is not in the range 1<=x<=100000"),
        (["search", "a" * 10_000], "a search is at most 200 characters long, not 10,000"),
        (["search", ""], "give at least one word"),
        (["--data", "", "next"], "an empty path names no file or folder"),
        (["next", "--topic", "helth"], "no observance has the topic 'helth'; did you mean 'health'?"),
        (["--today", "9999-06-01", "export", "--expand"], "--from defaults to this year, 9999"),
        (["export", "--calendar-name", "A\x1b[2JB"], "must be one line of visible text"),
    ],
)
def test_what_cannot_be_served_is_a_usage_error(run: Runner, args: list[str], fragment: str) -> None:
    result = run(*args)
    assert (result.code, result.out, result.err.count("\n")) == (2, "", 1)
    assert fragment in result.err


def test_a_calendar_name_that_is_not_utf8_is_refused(observe_command: str) -> None:
    finished = observe(observe_command, "export", "--calendar-name", os.fsdecode(b"\xff"))
    assert "not valid UTF-8 text" in one_line_error(finished, 2)


def test_validate_of_a_folder_with_no_data_files_says_so(run: Runner, tmp_path: Path) -> None:
    result = run("validate", str(tmp_path))
    assert (result.code, result.err.strip()) == (2, f"observe validate: no .toml files in {tmp_path}")


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_weeks_at_the_ends_of_the_calendar(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day: str
) -> None:
    (tmp_path / "config.toml").write_text('first_day_of_week = "sunday"\n')
    monkeypatch.setenv("OBSERVE_CONFIG_DIR", str(tmp_path))
    assert run("week", day).code == 0


def test_a_week_at_year_9999_lists_and_exports(run: Runner, tmp_path: Path) -> None:
    late = TEAM_DAY.replace('kind = "day"', 'kind = "week"').replace(
        'from = 2019\non = "Mar 1st Fri"', 'from = 9990\non = "Dec 28"\ndays = 7'
    )
    data = user_file(tmp_path, late)
    listed = run("list", "9999", "--id", "team-day", "--data", str(data))
    spans = [line.split("\t")[0] for line in listed.out.splitlines()]
    assert (listed.code, spans) == (0, ["9998-12-28/9999-01-03", "9999-12-28/9999-12-31"])
    assert run("export", "--id", "team-day", "--data", str(data)).code == 0


def test_list_of_a_year_includes_a_week_that_runs_into_it(run: Runner, tmp_path: Path) -> None:
    week = TEAM_DAY.replace('kind = "day"', 'kind = "week"').replace(
        'on = "Mar 1st Fri"', 'on = "Dec 28"\ndays = 7'
    )
    data = user_file(tmp_path, week)
    year = run("list", "2027", "--id", "team-day", "--data", str(data)).out
    month = run("list", "2027", "--month", "1", "--id", "team-day", "--data", str(data)).out
    assert year.splitlines()[0] == month.splitlines()[0]
    assert year.startswith("2026-12-28/2027-01-03\t")


def test_bare_observe_prints_the_help_laid_out(observe_command: str) -> None:
    finished = subprocess.run([observe_command], capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert finished.returncode == 0 and finished.stderr == ""
    assert finished.stdout.startswith("Usage: observe") and finished.stdout.count("\n") > 20


def test_an_empty_no_color_leaves_colour_on(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "")
    assert "\x1b[" in run("next", "-n", "1", terminal=True).out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("next", "-n", "1", terminal=True).out


def test_an_unexpected_error_is_one_line_with_status_70(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("observe.occurrences.upcoming", broken)
    result = run("next")
    assert (result.code, result.err.count("\n")) == (70, 1)
    assert "internal error (RuntimeError: boom)" in result.err


def test_shell_completion_in_a_real_process(observe_command: str) -> None:
    """Completion answers are written to the real standard output (as bytes, by click)."""
    env = {"_OBSERVE_COMPLETE": "bash_complete", "COMP_WORDS": "observe show south-s", "COMP_CWORD": "2"}
    finished = observe(observe_command, env=env)
    assert (finished.returncode, finished.stderr) == (0, "")
    assert "plain,south-south-cooperation" in finished.stdout.splitlines()

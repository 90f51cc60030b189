"""The validator: one fixture file per fault, each naming the line and message it must produce."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from observe.errors import OutputError
from observe.load.observance import check_file, check_files, check_text
from tests.conftest import FIXTURES

INVALID = sorted((FIXTURES / "invalid").glob("*.toml"))
EXPECT = re.compile(r"# expect: (\d+): (.+)")


def expectation(path: Path) -> tuple[int, str]:
    match = EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} must start with '# expect: LINE: MESSAGE'"
    return int(match[1]), match[2]


@pytest.mark.parametrize("path", INVALID, ids=[path.stem for path in INVALID])
def test_each_fault_is_reported_at_its_line(path: Path) -> None:
    line, fragment = expectation(path)
    record, problems = check_file(path)
    assert record is None
    located = [(problem.line, problem.message) for problem in problems]
    assert any(found_line == line and fragment in message for found_line, message in located), located
    assert all(str(problem).startswith(f"{path}:") for problem in problems)


def test_the_valid_fixture_passes() -> None:
    record, problems = check_file(FIXTURES / "valid" / "team-day.toml")
    assert problems == []
    assert record is not None and record["id"] == "team-day"


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    text = (FIXTURES / "valid" / "team-day.toml").read_text(encoding="utf-8")
    text = text.replace('kind = "day"', 'kind = "month"').replace('on = "Mar 1st Fri"', 'on = "Mar 9th Fri"')
    path = tmp_path / "team-day.toml"
    path.write_text('colour = "blue"\n' + text, encoding="utf-8")
    _, problems = check_file(path)
    messages = " | ".join(problem.message for problem in problems)
    assert "'month' is not one of" in messages
    assert "'Mar 9th Fri' is not a date expression" in messages
    assert "unknown key 'colour'" in messages


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    text = (FIXTURES / "valid" / "team-day.toml").read_text(encoding="utf-8")
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "team-day.toml").write_text(text, encoding="utf-8")
    (second / "team-day.toml").write_text(text, encoding="utf-8")
    records, problems = check_files([first / "team-day.toml", second / "team-day.toml"])
    assert len(records) == 1
    assert [(p.file, p.line) for p in problems] == [(str(second / "team-day.toml"), 1)]
    assert "duplicate id 'team-day'" in problems[0].message


def test_non_utf8_is_a_problem_of_the_file_and_a_missing_file_an_io_error(tmp_path: Path) -> None:
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b'id = "x"\nname = \xff\n')
    (problem,) = check_file(binary)[1]
    assert (problem.line, "not UTF-8" in problem.message) == (2, True)
    with pytest.raises(OutputError, match=r"cannot read .*missing\.toml: no such file"):
        check_file(tmp_path / "missing.toml")


eras_strategy = st.lists(
    st.tuples(st.integers(min_value=1900, max_value=2100), st.integers(min_value=0, max_value=30)),
    min_size=1,
    max_size=4,
)


@given(eras_strategy)
def test_eras_are_accepted_exactly_when_they_do_not_overlap(spans: list[tuple[int, int]]) -> None:
    """Property: written in order, closed eras pass iff each starts after the previous one ends."""
    text = (FIXTURES / "valid" / "team-day.toml").read_text("utf-8").split("[[eras]]")[0]
    for start, length in spans:
        text += (
            f'[[eras]]\nfrom = {start}\nuntil = {start + length}\non = "Mar 1st Fri"\nsources = ["memo-1"]\n'
        )
    _, problems = check_text(text, "team-day.toml", "team-day")
    disjoint = all(later[0] > earlier[0] + earlier[1] for earlier, later in itertools.pairwise(spans))
    assert (problems == []) == disjoint, [str(problem) for problem in problems]

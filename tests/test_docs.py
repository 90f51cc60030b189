"""Docs cannot drift: JSON shapes, commands in the README, help with examples."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from observe.cli import COMMANDS
from tests.conftest import FIXTURES, Runner

REPO = Path(__file__).resolve().parents[1]
JSON_DOC = (REPO / "docs" / "json.md").read_text("utf-8")
README = (REPO / "README.md").read_text("utf-8")


def documented(name: str) -> Any:
    block = JSON_DOC.split(f"<!-- json: {name} -->", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    return json.loads(block)


def shape(value: Any) -> Any:
    """Keys all the way down (first element of lists); values reduced to their JSON type."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def same_shape(documented: Any, actual: Any) -> None:
    """Every documented key exists with the same structure; null documents an optional value."""
    if isinstance(documented, dict):
        assert isinstance(actual, dict)
        assert set(documented) == set(actual), (sorted(documented), sorted(actual))
        for key in documented:
            same_shape(documented[key], actual[key])
    elif isinstance(documented, list) and documented and actual:
        same_shape(documented[0], actual[0])
    elif documented is not None and actual is not None:
        assert type(documented) is type(actual), (documented, actual)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("occurrences", ["next", "-n", "3"]),
        ("occurrences", ["list", "2026", "--month", "11"]),
        ("day", ["week"]),
        ("day", ["on", "Dec 19"]),
        ("when", ["when", "world-statistics-day", "2015-2016"]),
        ("month", ["month", "2026-12"]),
        ("changes", ["changes", "--since", "2011-01-01", "--until", "2012-12-31"]),
        ("show", ["show", "chemical-warfare-victims-day"]),
        ("history", ["history", "world-philosophy-day"]),
        ("search", ["search", "water"]),
        ("validate", ["validate", str(FIXTURES / "invalid" / "bad-expression.toml")]),
    ],
)
def test_json_output_matches_its_documented_shape(run: Runner, name: str, args: list[str]) -> None:
    result = run(*args, "--json")
    same_shape(documented(name), json.loads(result.out))


def test_every_command_is_in_the_readme_and_has_help_with_an_example(run: Runner) -> None:
    for name in COMMANDS:
        assert re.search(rf"observe {name}\b", README), f"'observe {name}' is not in the README"
        help_text = run(name, "--help").out
        assert "Example" in help_text, name


def test_readme_names_the_distribution_in_pyproject() -> None:
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    name = re.search(r'^name = "(.+)"', pyproject, re.MULTILINE)
    assert name and f"**`{name[1]}`**" in README


def test_ci_runs_the_readme_commands() -> None:
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    assert 'readme_command "install command"' in ci and 'readme_command "test command"' in ci
    assert "<!-- install command -->" in README and "<!-- test command -->" in README

"""show, history and search: golden output, id resolution, ranking and JSON shape."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Runner

GOLDEN = Path(__file__).parent / "golden"
# South-South Cooperation moved date; Chemical Warfare moved date; Philosophy Day was renamed.
CHANGED_RULES = ["south-south-cooperation", "chemical-warfare-victims-day", "world-philosophy-day"]
MODES = {"plain": False, "terminal": True}


def compare_with_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; OBSERVE_UPDATE_GOLDEN=1 rewrites it for review as a diff."""
    path = GOLDEN / name
    if os.environ.get("OBSERVE_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs; review, then rerun with OBSERVE_UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("command", ["show", "history"])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("ident", CHANGED_RULES)
def test_golden_output(run: Runner, command: str, mode: str, ident: str) -> None:
    result = run(command, ident, "--no-color", terminal=MODES[mode], width=100)
    assert result.code == 0, result.err
    compare_with_golden(f"{command}-{ident}.{mode}.txt", result.out)


def test_show_names_the_dispute_and_the_claim_followed(run: Runner) -> None:
    out = run("show", "south-south-cooperation").out
    assert "14 December\taipr-2014, aipr-2018" in out
    assert "\tfollowed\t19 December\t" in out
    assert "Rule: 12 September every year, since 2012" in out


def test_history_of_south_south_cooperation_in_order(run: Runner) -> None:
    lines = run("history", "south-south-cooperation").out.splitlines()
    dates = [line.split("\t")[0] for line in lines]
    assert dates == sorted(dates)
    assert dates[:3] == ["1974", "1978-09-12", "1978-12-19"]
    assert {"2003-12-23", "2004-12-19", "2011-12-22", "2012-09-12"} <= set(dates)
    assert all(line.split("\t")[3] for line in lines), "every entry cites a source"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("south-south-cooperation", "south-south-cooperation"),
        ("south-south", "south-south-cooperation"),
        ("South-South Cooperation Day", "south-south-cooperation"),
        ("international day for south-south cooperation", "south-south-cooperation"),
    ],
)
def test_ids_aliases_and_unique_prefixes_resolve(run: Runner, typed: str, expected: str) -> None:
    document = json.loads(run("show", typed, "--json").out)
    assert document["observance"]["id"] == expected


def test_an_ambiguous_prefix_lists_the_candidates(run: Runner) -> None:
    result = run("show", "world-")
    assert result.code == 2
    assert "matches" in result.err and "world-" in result.err
    assert result.err.count("\n") == 1


def test_an_unknown_id_suggests_the_closest(run: Runner) -> None:
    result = run("history", "south-south-coperation")
    assert result.code == 2
    assert "did you mean south-south-cooperation" in result.err


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("58/220", "south-south-cooperation"),
        ("south south", "south-south-cooperation"),
        ("SOUTH-SOUTH", "south-south-cooperation"),
        ("chemical warfare", "chemical-warfare-victims-day"),
        ("philosophy", "world-philosophy-day"),
    ],
)
def test_search_ranks_the_obvious_match_first(run: Runner, query: str, first: str) -> None:
    lines = run("search", *query.split()).out.splitlines()
    assert lines and lines[0].split("\t")[0] == first


def test_search_ignores_accents_and_requires_every_word(run: Runner) -> None:
    assert run("search", "coopération").out == run("search", "cooperation").out
    assert run("search", "cooperation", "zzzz").out == ""


def test_search_json_shape(run: Runner) -> None:
    document = json.loads(run("search", "58/220", "--json").out)
    assert document["version"] == 1 and document["query"] == "58/220"
    assert document["results"][0]["id"] == "south-south-cooperation"
    assert "instrument" in document["results"][0]["matched"]


def test_show_json_carries_eras_timeline_disputes_and_sources(run: Runner) -> None:
    record = json.loads(run("show", "south-south-cooperation", "--json").out)["observance"]
    assert [(era["from"], era["until"]) for era in record["eras"]] == [(2004, 2011), (2012, None)]
    assert record["next"]["date"] == "2027-09-12"
    assert record["disputes"][0]["claims"][0] == {
        "says": "19 December", "sources": ["A/RES/58/220", "A/DEC/66/550"], "followed": True,
    }  # fmt: skip
    assert {source["key"] for source in record["sources"]} >= {"A/RES/58/220", "A/DEC/66/550"}
    assert record["timeline"][0]["date"] == "1974"


def test_ids_complete_in_the_shell(complete: Callable[[str], str]) -> None:
    assert "plain,south-south-cooperation" in complete("observe show south-s")

"""Names in the six official UN languages: sourced in the data, chosen by --lang, never silent
about a fallback, searchable in every language, and the same calendar under other names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from observe.load.dataset import load
from observe.load.observance import check_text
from tests.conftest import FIXTURES, Runner

TEAM_DAY = (FIXTURES / "valid" / "team-day.toml").read_text("utf-8")
WATER = {
    "ar": "يوم المياه العالمي",
    "zh": "世界水日",
    "en": "World Water Day",
    "fr": "Journée mondiale de l'eau",
    "ru": "Всемирный день водных ресурсов",
    "es": "Día Mundial del Agua",
}


@pytest.mark.parametrize("lang", list(WATER))
def test_one_observance_in_all_six_languages(run: Runner, lang: str) -> None:
    listed = json.loads(
        run("list", "2027", "--month", "3", "--id", "world-water-day", "--lang", lang, "--json").out
    )
    (occurrence,) = listed["occurrences"]
    assert (occurrence["name"], occurrence["name_lang"]) == (WATER[lang], lang)
    shown = json.loads(run("show", "world-water-day", "--lang", lang, "--json").out)["observance"]
    assert shown["name"] == WATER[lang]
    assert {n["lang"]: n["name"] for n in shown["names"]} == {k: v for k, v in WATER.items() if k != "en"}
    assert all(n["sources"] for n in shown["names"])
    assert run("search", WATER[lang]).out.startswith("world-water-day\t")
    summaries = [
        line
        for line in run("export", "--id", "world-water-day", "--lang", lang).out.splitlines()
        if line.startswith("SUMMARY:")
    ]
    assert summaries and all(line == f"SUMMARY:{WATER[lang]}" for line in summaries)


def test_search_ignores_case_and_accents_in_every_language(run: Runner) -> None:
    assert run("search", "journée mondiale de l'eau").out.startswith("world-water-day\t")
    assert run("search", "JOURNEE MONDIALE DE L EAU").out.startswith("world-water-day\t")
    assert run("search", "水日").out.startswith("world-water-day\t")


def test_a_missing_name_falls_back_to_english_visibly(run: Runner) -> None:
    document = json.loads(run("next", "--id", "world-futures-day", "-n", "1", "--lang", "ar", "--json").out)
    (occurrence,) = document["occurrences"]
    assert (occurrence["name"], occurrence["name_lang"]) == ("World Futures Day", "en")
    table = run(
        "next", "--id", "world-futures-day", "-n", "1", "--lang", "ar", "--no-color", terminal=True
    ).out
    assert "World Futures Day (en)" in table
    assert run("next", "--id", "world-futures-day", "-n", "1", "--lang", "ar").out.endswith(
        "\tWorld Futures Day\n"
    )


def test_exports_in_two_languages_differ_only_in_names(run: Runner) -> None:
    english = run("export", "--id", "world-water-day", "--id", "world-futures-day").out.splitlines()
    french = run(
        "export", "--id", "world-water-day", "--id", "world-futures-day", "--lang", "fr"
    ).out.splitlines()
    assert len(english) == len(french)
    differing = {(a.split(":")[0], b.split(":")[0]) for a, b in zip(english, french, strict=True) if a != b}
    assert differing == {("X-WR-CALNAME", "X-WR-CALNAME"), ("NAME", "NAME"), ("SUMMARY", "SUMMARY")}
    assert "X-WR-CALNAME:UN International Days (fr)" in french
    assert (
        "X-WR-CALNAME:Mine"
        in run("export", "--id", "world-water-day", "--lang", "fr", "--calendar-name", "Mine").out
    )


def test_wide_and_right_to_left_names_keep_the_table_aligned(run: Runner) -> None:
    for lang in ("zh", "ar"):
        table = run(
            "list", "2027", "--month", "3", "--lang", lang, "--no-color", terminal=True, width=100
        ).out
        lines = table.splitlines()
        body = [line for line in lines if line.startswith(("│", "┃", "┏", "┡", "└"))]
        assert body and {cell_len(line) for line in body} == {100}, lang


def test_the_language_comes_from_the_flag_the_environment_or_the_config(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def name() -> str:
        return run("list", "2027", "--month", "3", "--id", "world-water-day").out.split("\t")[-1].strip()

    (tmp_path / "config.toml").write_text('lang = "es"\n', "utf-8")
    monkeypatch.setenv("OBSERVE_CONFIG_DIR", str(tmp_path))
    assert name() == WATER["es"]
    monkeypatch.setenv("OBSERVE_LANG", "ru")
    assert name() == WATER["ru"]
    monkeypatch.setenv("OBSERVE_LANG", "de")
    result = run("next")
    assert result.code == 2 and "$OBSERVE_LANG: 'de' is not one of: ar, zh, en, fr, ru, es" in result.err


def test_listing_without_lang_reads_no_names() -> None:
    dataset = load()
    assert dataset.observances["world-water-day"].name == "World Water Day"
    assert dataset._names is None


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            'lang = "de"\nname = "Weltwassertag"\nsources = ["memo-1"]',
            "names[0].lang: 'de' is not one of the other UN languages",
        ),
        (
            'lang = "en"\nname = "Team Day"\nsources = ["memo-1"]',
            "names[0].lang: 'en' is not one of the other UN languages",
        ),
        ('lang = "fr"\nname = ""\nsources = ["memo-1"]', "names[0].name: must be a non-empty string"),
        ('lang = "fr"\nname = "Journée"', "names[0]: missing required key 'sources'"),
        (
            'lang = "fr"\nname = "Journée"\nsources = ["memo-9"]',
            "names[0].sources: cites unknown source 'memo-9'",
        ),
    ],
)
def test_bad_language_data_is_reported_with_its_line(names: str, message: str) -> None:
    _, problems = check_text(TEAM_DAY + "\n[[names]]\n" + names + "\n", "team-day.toml", "team-day")
    assert next(p.line for p in problems if message in p.message) >= 21, problems


def test_a_language_has_one_current_name(run: Runner, tmp_path: Path) -> None:
    names = '\n[[names]]\nlang = "fr"\nname = "Journée"\nsources = ["memo-1"]\n'
    (problem,) = check_text(TEAM_DAY + names + names, "team-day.toml", "team-day")[1]
    assert "a second current name in 'fr'" in problem.message
    former = names.replace("sources", "until = 2020\nsources", 1).replace("Journée", "Ancienne journée")
    path = tmp_path / "team-day.toml"
    path.write_text(TEAM_DAY + former + names, "utf-8")
    document = json.loads(
        run("list", "2020", "--data", str(path), "--id", "team-day", "--lang", "fr", "--json").out
    )
    assert document["occurrences"][0]["name"] == "Ancienne journée"
    later = json.loads(
        run("list", "2021", "--data", str(path), "--id", "team-day", "--lang", "fr", "--json").out
    )
    assert later["occurrences"][0]["name"] == "Journée"

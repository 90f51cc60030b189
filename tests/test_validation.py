"""Every fault the validator knows, each made in an otherwise valid file, with the line it names.

Each case edits tests/fixtures/valid/team-day.toml in one place (a list of (old, new) edits) and
expects that problem, at that line, among those reported.
"""

from __future__ import annotations

import pytest

from observe.config import parse_config
from observe.errors import DataError
from observe.load.observance import check_text
from tests.conftest import FIXTURES

TEAM_DAY = (FIXTURES / "valid" / "team-day.toml").read_text("utf-8")
WEEK = TEAM_DAY.replace('kind = "day"', 'kind = "week"').replace(
    'on = "Mar 1st Fri"', 'on = "Mar 1st Fri"\ndays = 7'
)
SECOND_ERA = '\n[[eras]]\nfrom = 2030\non = "Apr 1"\nsources = ["memo-1"]\n'
EXCEPTION = '\n[[exceptions]]\nyear = 2020\ndate = 2020-03-02\nsources = ["memo-1"]\n'
EVENT = '\n[[events]]\ndate = "2019"\nkind = "proclaimed"\nwhat = "Founded."\nsources = ["memo-1"]\n'
FORMER = '\n[[former_names]]\nname = "Old Day"\nuntil = 2020\nsources = ["memo-1"]\n'
DISPUTE = (
    '\n[[disputes]]\nabout = "The date"\nreason = "The memo says so."\n'
    'claims = [{ says = "1 March", sources = ["memo-1"], followed = true }, '
    '{ says = "2 March", sources = ["memo-1"] }]\n'
)

CASES = [
    (
        "bad id",
        TEAM_DAY,
        [('id = "team-day"', 'id = "Team_Day"')],
        1,
        "id: 'Team_Day' is not a kebab-case id",
    ),
    ("bad topic", TEAM_DAY, [('["cooperation"]', '["Co op"]')], 7, "topics: topic 'Co op' is not kebab-case"),
    ("no topic", TEAM_DAY, [('["cooperation"]', "[]")], 7, "topics: needs at least one topic"),
    (
        "no source",
        TEAM_DAY,
        [
            (
                TEAM_DAY[TEAM_DAY.index("\n[[sources]]") : TEAM_DAY.index("[[eras]]")],
                "sources = []\n",
            )
        ],
        10,
        "sources: needs at least one source",
    ),
    (
        "duplicate source key",
        TEAM_DAY,
        [
            (
                "[[eras]]",
                '[[sources]]\nkey = "memo-1"\ntitle = "Again"\nurl = "https://example.org/x"\n\n[[eras]]',
            )
        ],
        18,
        "sources[1].key: duplicate source key 'memo-1'",
    ),
    (
        "until before from",
        TEAM_DAY,
        [("from = 2019", "from = 2019\nuntil = 2018")],
        19,
        "until: 2018 is before 'from' 2019",
    ),
    (
        "a day of seven days",
        TEAM_DAY,
        [('on = "Mar 1st Fri"', 'on = "Mar 1st Fri"\ndays = 7')],
        20,
        "a 'day' lasts one day",
    ),
    (
        "both on and announced",
        TEAM_DAY,
        [("from = 2019", 'from = 2019\nannounced = { 2019 = "Mar 1" }')],
        17,
        "give exactly one of",
    ),
    (
        "every with announced",
        TEAM_DAY,
        [('on = "Mar 1st Fri"', 'announced = { 2019 = "Mar 1" }\nevery = 2')],
        20,
        "eras[0].every: cannot be combined with 'announced'",
    ),
    (
        "announced not text",
        TEAM_DAY,
        [('on = "Mar 1st Fri"', "announced = { 2019 = 3 }")],
        19,
        "2019: must be a fixed date",
    ),
    (
        "announced bad",
        TEAM_DAY,
        [('on = "Mar 1st Fri"', 'announced = { 2019 = "Mar 32" }')],
        19,
        "2019: 'Mar 32' is not a day",
    ),
    (
        "announced not fixed",
        TEAM_DAY,
        [('on = "Mar 1st Fri"', 'announced = { 2019 = "Mar 1st Fri" }')],
        19,
        "2019: 'Mar 1st Fri' must be a fixed date",
    ),
    (
        "second exception",
        TEAM_DAY + EXCEPTION + EXCEPTION,
        [],
        28,
        "exceptions[1].year: a second exception for 2020",
    ),
    (
        "exception elsewhere",
        TEAM_DAY + EXCEPTION,
        [("date = 2020-03-02", "date = 2021-03-02")],
        24,
        "is not in 2020",
    ),
    (
        "event kind",
        TEAM_DAY + EVENT,
        [('"proclaimed"', '"founded"')],
        24,
        "events[0].kind: 'founded' is not one of",
    ),
    (
        "event sources",
        TEAM_DAY + EVENT,
        [('Founded."\nsources = ["memo-1"]', 'Founded."\nsources = ["memo-9"]')],
        26,
        "cites unknown",
    ),
    (
        "event table",
        TEAM_DAY + EVENT,
        [('what = "Founded."', 'what = ""')],
        25,
        "events[0].what: must be a non-empty",
    ),
    (
        "former name",
        TEAM_DAY + FORMER,
        [("until = 2020", 'until = "2020"')],
        24,
        "former_names[0].until: must be a year",
    ),
    (
        "one claim",
        TEAM_DAY + DISPUTE,
        [(', { says = "2 March", sources = ["memo-1"] }', "")],
        25,
        "at least two claims",
    ),
    (
        "no followed",
        TEAM_DAY + DISPUTE,
        [(", followed = true", "")],
        25,
        "exactly one claim must say followed",
    ),
    (
        "claim keys",
        TEAM_DAY + DISPUTE,
        [('{ says = "2 March"', '{ says = ""')],
        25,
        "claims.says: must be a non-empty",
    ),
    (
        "dispute keys",
        TEAM_DAY + DISPUTE,
        [('about = "The date"', "about = 1")],
        23,
        "disputes[0].about: must be",
    ),
    ("second era after open", TEAM_DAY + SECOND_ERA, [], 23, "follows an era with no 'until'"),
    ("week of a day", WEEK, [("days = 7", "days = 1")], 17, "a 'week' needs 'days' greater than 1"),
]


@pytest.mark.parametrize(
    ("text", "edits", "line", "message"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_each_fault_is_reported_at_its_line(
    text: str, edits: list[tuple[str, str]], line: int, message: str
) -> None:
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    record, problems = check_text(text, "team-day.toml", "team-day")
    assert record is None
    found = [(problem.line, problem.message) for problem in problems]
    assert any(at == line and message in said for at, said in found), found


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('topics = "health"\n', 1, "topics: must be a list of strings"),
        ('kinds = ["month"]\n', 1, "kinds: may only hold 'day' and 'week'"),
        ("count = 0\n", 1, "count: must be a whole number of at least 1"),
        ('output = "fancy"\n', 1, "output: must be one of: auto, plain, json, csv, markdown"),
        ('color = "yes"\n', 1, "color: must be true or false"),
        ('first_day_of_week = "someday"\n', 1, "first_day_of_week: must be a weekday name"),
        ("\n\ncolour = true\n", 3, "colour: unknown setting"),
        ("count = [\n", 1, "not valid TOML"),
    ],
)
def test_each_config_fault_is_reported_at_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(DataError) as raised:
        parse_config(text, "config.toml")
    (problem,) = raised.value.problems
    assert (problem.line, message in problem.message) == (line, True), problem


def test_a_valid_config_sets_every_default() -> None:
    text = (
        'topics = ["health"]\nbodies = ["WHO"]\nkinds = ["day"]\ncount = 3\noutput = "plain"\ncolor = false\n'
    )
    config = parse_config(text + 'first_day_of_week = "Sunday"\n', "config.toml")
    assert (config.topics, config.bodies, config.kinds, config.next_count) == (
        ("health",),
        ("WHO",),
        ("day",),
        3,
    )
    assert (config.output, config.color, config.first_day_of_week) == ("plain", False, 6)

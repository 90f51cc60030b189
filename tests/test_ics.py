"""``observe export``: the calendar read back by two independent parsers, its recurring events
expanded and compared with the tool's own occurrences, its raw format checked against what
calendar clients are known to refuse, and the file written all at once or not at all.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
from hypothesis import assume, given
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from observe.contentlines import escape_text
from observe.ics_events import expanded_events, rule_events
from observe.load.dataset import load
from observe.occurrences import starting_in_years
from tests.conftest import FIXTURES, Runner

ICS_FIXTURES = FIXTURES / "ics"
SYNTHETIC = ("--data", str(ICS_FIXTURES), "--id", "moved-day", "--id", "odd-week")
Instance = tuple[str, date, date, str]  # id, start, exclusive end, the name that year
SIZE_NOTE = "observe: note: the calendar is "


@pytest.fixture(autouse=True)
def neutral_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user configuration or observances, and no SOURCE_DATE_EPOCH from the caller's shell."""
    monkeypatch.setenv("OBSERVE_CONFIG_DIR", str(tmp_path / "no-config"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def export(run: Runner, *args: str) -> bytes:
    result = run("export", *args)
    assert result.code == 0, result.err
    assert [line for line in result.err.splitlines() if not line.startswith(SIZE_NOTE)] == []
    return result.out.encode("utf-8")


def expected_instances(extra: Iterable[Path], first: int, last: int) -> list[Instance]:
    """The tool's own occurrences, with the exclusive end that DTEND carries and their names."""
    found = starting_in_years(load(extra), first, last)
    return sorted((o.observance.id, o.start, o.end + timedelta(days=1), o.name) for o in found)


def owner(uid: str, ids: set[str]) -> str:
    """The observance id a UID was made from: everything before its first dot."""
    ident = uid.partition(".")[0]
    assert ident in ids, uid
    return ident


def by_recurring_ical_events(raw: bytes, first: int, last: int, ids: set[str]) -> list[Instance]:
    calendar = icalendar.Calendar.from_ical(raw)
    found = recurring_ical_events.of(calendar).between(date(first, 1, 1), date(last + 1, 1, 1))
    return sorted(
        (owner(str(event["UID"]), ids), event.start, event.end, str(event["SUMMARY"]))
        for event in found
        if first <= event.start.year <= last
    )


def by_ical(raw: bytes, first: int, last: int, ids: set[str]) -> list[Instance]:
    calendar = IcsCalendarStream.calendar_from_ics(raw.decode("utf-8"))
    found = calendar.timeline.overlapping(date(first, 1, 1), date(last + 1, 1, 1))
    return sorted(
        (owner(str(event.uid), ids), event.dtstart, event.dtend, str(event.summary))
        for event in found
        if first <= event.dtstart.year <= last
    )


def logical_lines(raw: bytes) -> list[str]:
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def events(raw: bytes) -> list[dict[str, list[str]]]:
    """Each VEVENT's properties (name with parameters, to all its values), alarms included."""
    found: list[dict[str, list[str]]] = []
    for line in logical_lines(raw):
        if line == "BEGIN:VEVENT":
            found.append({})
        elif found and line != "END:VEVENT":
            name, _, value = line.partition(":")
            found[-1].setdefault(name, []).append(value)
    return found


def assert_well_formed(raw: bytes) -> None:
    """What clients refuse (see ics-client-quirks.md): BOM, bare LF, long or torn lines, and more."""
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    physical = raw.split(b"\r\n")[:-1]
    for line in physical:
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line
        line.decode("utf-8")  # raises if a fold split a character
    continuations = [line for line in physical if line.startswith(b" ")]
    assert all(len(line) > 1 for line in continuations)
    found = events(raw)
    uids = [event["UID"][0] for event in found]
    assert len(uids) == len(set(uids))
    for event in found:
        assert set(event) >= {"DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "URL"}
        assert not {"RDATE", "DTSTART", "DTEND", "COLOR"} & set(event)
        assert not any(name.startswith(("RDATE", "EXDATE;TZID", "DTSTART;TZID")) for name in event)
        (start,), (end,) = event["DTSTART;VALUE=DATE"], event["DTEND;VALUE=DATE"]
        assert re.fullmatch(r"\d{8}", start) and re.fullmatch(r"\d{8}", end) and end > start
        assert event["TRANSP"] == ["TRANSPARENT"]
        assert all(re.fullmatch(r"\d{8}", day) for day in event.get("EXDATE;VALUE=DATE", []))
        for rule in event.get("RRULE", []):
            until = re.search(r"UNTIL=([^;]*)", rule)
            assert until is None or re.fullmatch(r"\d{8}", until[1]), "UNTIL must be a DATE like DTSTART"


def test_bundled_rules_give_exactly_the_tools_occurrences_in_both_parsers(run: Runner) -> None:
    raw = export(run, "--to", "2100")
    assert_well_formed(raw)
    ids = {observance.id for observance in load()}
    expected = expected_instances([], 1900, 2100)
    assert by_recurring_ical_events(raw, 1900, 2100, ids) == expected
    assert by_ical(raw, 1900, 2100, ids) == expected


def test_rules_cover_exceptions_announced_dates_and_unrepeatable_rules(run: Runner) -> None:
    raw = export(run, *SYNTHETIC, "--to", "2100")
    assert_well_formed(raw)
    ids = {"moved-day", "odd-week"}
    expected = [instance for instance in expected_instances([ICS_FIXTURES], 1900, 2100) if instance[0] in ids]
    assert by_recurring_ical_events(raw, 1900, 2100, ids) == expected
    assert by_ical(raw, 1900, 2100, ids) == expected


def test_rule_events_and_single_events_have_the_documented_uids_and_rules(run: Runner) -> None:
    found = {event["UID"][0]: event for event in events(export(run, *SYNTHETIC, "--to", "2031"))}
    assert list(found) == [
        "moved-day.rule-2000@observe-days",
        "moved-day.2000@observe-days",
        "moved-day.2005@observe-days",
        "moved-day.2011@observe-days",
        "moved-day.2013@observe-days",
        "moved-day.rule-2015.1@observe-days",
        "moved-day.rule-2015.2@observe-days",
        "moved-day.2018@observe-days",
        "moved-day.2019@observe-days",
        "moved-day.2030@observe-days",
        "moved-day.2031@observe-days",
        "odd-week.rule-1990@observe-days",
    ]
    first = found["moved-day.rule-2000@observe-days"]
    assert first["DTSTART;VALUE=DATE"] == ["20010610"], "2000 is an exception: the rule starts in 2001"
    assert first["RRULE"] == ["FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=10;UNTIL=20090610"]
    assert first["EXDATE;VALUE=DATE"] == ["20050610"]
    assert first["SUMMARY"] == ["Old Moved Day"]
    second = found["moved-day.rule-2015.2@observe-days"]
    assert second["RRULE"] == ["FREQ=YEARLY;INTERVAL=3;BYMONTH=9;BYDAY=-1SU;UNTIL=20270926"]
    assert second["EXDATE;VALUE=DATE"] == ["20180930"]
    assert found["moved-day.rule-2015.1@observe-days"]["RRULE"][0].split(";")[3] == "BYDAY=2SA"
    assert found["odd-week.rule-1990@observe-days"]["DTEND;VALUE=DATE"] == ["19910104"]


def test_expanded_export_gives_exactly_the_occurrences_in_the_range(run: Runner) -> None:
    raw = export(run, "--expand", "--from", "1975", "--to", "2035", "--data", str(ICS_FIXTURES))
    assert_well_formed(raw)
    assert "RRULE" not in raw.decode("utf-8")
    dataset = load([str(ICS_FIXTURES)])
    ids = set(dataset.observances)
    expected = expected_instances([ICS_FIXTURES], 1975, 2035)
    assert by_recurring_ical_events(raw, 1900, 2100, ids) == expected
    assert by_ical(raw, 1900, 2100, ids) == expected


def test_expanded_events_carry_the_name_in_force_that_year(run: Runner) -> None:
    found = events(export(run, *SYNTHETIC, "--expand", "--from", "2005", "--to", "2011"))
    names = {event["UID"][0]: event["SUMMARY"][0] for event in found}
    assert names["moved-day.2005@observe-days"] == "Old Moved Day"
    assert names["moved-day.2011@observe-days"] == "Moved Day"


def test_default_years_follow_the_reference_day(run: Runner) -> None:
    starts = [event["DTSTART;VALUE=DATE"][0] for event in events(export(run, "--expand"))]
    assert min(starts)[:4] == "2026" and max(starts)[:4] == "2036"
    horizon = events(export(run, "--id", "science-and-peace-week"))
    assert horizon[-1]["UID"] == ["science-and-peace-week.2051@observe-days"]


def test_text_is_escaped_and_folded_between_characters(run: Runner) -> None:
    raw = export(run, *SYNTHETIC)
    assert_well_formed(raw)
    (week,) = [event for event in events(raw) if event["UID"][0].startswith("odd-week")]
    assert week["SUMMARY"] == ["Odd Week\\, of Commas\\; Semicolons \\\\ and Ünïcödé 国际周 🎉"]
    assert "\\n" in week["DESCRIPTION"][0] and "\\;" in week["DESCRIPTION"][0]
    assert week["CATEGORIES"] == ["testing,text,ACME"]
    parsed = next(c for c in icalendar.Calendar.from_ical(raw).walk("VEVENT") if c["UID"].startswith("odd"))
    dataset = load([str(ICS_FIXTURES)])
    observance = dataset.observances["odd-week"]
    assert str(parsed["SUMMARY"]) == observance.name
    description = dataset.details(observance).description
    assert str(parsed["DESCRIPTION"]).startswith(description + "\n\nProclaimed by ACME")
    assert "Proclaimed by ACME: Memo; with, punctuation (memo-1)" in str(parsed["DESCRIPTION"])
    assert "\n\nSources:\nhttps://example.org/memo-1\n\n" in str(parsed["DESCRIPTION"])
    assert str(parsed["URL"]) == observance.url


def test_the_calendar_header_names_the_calendar_and_the_tool(run: Runner) -> None:
    lines = logical_lines(export(run, *SYNTHETIC, "--calendar-name", "Team, days"))
    header = lines[: lines.index("BEGIN:VEVENT")]
    assert header[:5] == ["BEGIN:VCALENDAR", "VERSION:2.0", header[2], "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    assert header[2].startswith("PRODID:") and "observe" in header[2]
    assert {"X-WR-CALNAME:Team\\, days", "NAME:Team\\, days"} <= set(header)
    assert {"REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D"} <= set(header)
    assert any(line.startswith("X-WR-CALDESC:") for line in header)
    assert "X-WR-CALNAME:UN International Days" in logical_lines(export(run, *SYNTHETIC))


def newest_revision() -> str:
    """The newest ``revised`` date among the bundled files, as a DTSTAMP value."""
    dataset = load()
    newest = max(dataset.details(observance).revised for observance in dataset)
    return newest.replace("-", "") + "T000000Z"


def stamps(raw: bytes, name: str = "DTSTAMP") -> set[str]:
    return {line.split(":", 1)[1] for line in logical_lines(raw) if line.startswith(f"{name}:")}


def test_two_runs_give_the_same_bytes_stamped_like_the_whole_dataset(run: Runner) -> None:
    first = export(run, *SYNTHETIC)
    assert first == export(run, *SYNTHETIC)
    assert stamps(first) == {newest_revision()} == stamps(export(run, "--id", "world-aids-day"))


def test_source_date_epoch_changes_the_stamp_and_nothing_else(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = export(run, *SYNTHETIC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = export(run, *SYNTHETIC)
    assert stamps(stamped) == {"20231114T221320Z"}
    assert stamped.replace(b"DTSTAMP:20231114T221320Z", f"DTSTAMP:{newest_revision()}".encode()) == plain


@pytest.mark.parametrize(
    ("epoch", "stamp"), [("-62135596800", "00010101T000000Z"), ("253402300799", "99991231T235959Z")]
)
def test_stamps_are_padded_at_both_ends_of_the_calendar(
    run: Runner, monkeypatch: pytest.MonkeyPatch, epoch: str, stamp: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert stamps(export(run, *SYNTHETIC)) == {stamp}


@pytest.mark.parametrize("epoch", ["yesterday", "253402300800", "-62135596801", "1e9"])
def test_a_bad_source_date_epoch_is_one_line_with_exit_2(
    run: Runner, monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = run("export", *SYNTHETIC)
    assert (result.code, result.out, result.err.count("\n")) == (2, "", 1)
    assert "SOURCE_DATE_EPOCH" in result.err and f"'{epoch}'" in result.err


def revised_copy(folder: Path, revised: str, name: str) -> Path:
    """moved-day.toml with another revised date and name, in its own folder beside odd-week."""
    folder.mkdir()
    text = (ICS_FIXTURES / "moved-day.toml").read_text("utf-8")
    text = text.replace("revised = 2012-06-30", f"revised = {revised}").replace('"Moved Day"', f'"{name}"')
    (folder / "moved-day.toml").write_text(text, "utf-8")
    (folder / "odd-week.toml").write_bytes((ICS_FIXTURES / "odd-week.toml").read_bytes())
    return folder


def by_uid(raw: bytes) -> dict[str, dict[str, list[str]]]:
    return {event["UID"][0]: event for event in events(raw)}


def test_an_edited_observance_gets_a_higher_sequence_and_the_others_keep_theirs(
    run: Runner, tmp_path: Path
) -> None:
    both = ("--id", "moved-day", "--id", "odd-week")
    old = by_uid(export(run, "--data", str(revised_copy(tmp_path / "old", "2012-06-30", "Moved Day")), *both))
    new = by_uid(
        export(run, "--data", str(revised_copy(tmp_path / "new", "2013-01-05", "Shifted Day")), *both)
    )
    assert old.keys() == new.keys()
    for uid, event in new.items():
        if uid.startswith("moved-day."):
            assert int(event["SEQUENCE"][0]) > int(old[uid]["SEQUENCE"][0])
            assert event["LAST-MODIFIED"] == ["20130105T000000Z"] != old[uid]["LAST-MODIFIED"]
        else:
            assert {key: value for key, value in event.items() if key != "DTSTAMP"} == {
                key: value for key, value in old[uid].items() if key != "DTSTAMP"
            }


def test_a_user_file_without_revised_is_revised_when_it_was_last_modified(
    run: Runner, tmp_path: Path
) -> None:
    folder = revised_copy(tmp_path / "days", "2012-06-30", "Moved Day")
    path = folder / "moved-day.toml"
    path.write_text(path.read_text("utf-8").replace("revised = 2012-06-30\n", ""), "utf-8")
    os.utime(path, (1_600_000_000, 1_600_000_000))
    first = by_uid(export(run, "--data", str(folder), "--id", "moved-day"))
    os.utime(path, (1_600_000_060, 1_600_000_060))
    later = by_uid(export(run, "--data", str(folder), "--id", "moved-day"))
    uid = "moved-day.rule-2000@observe-days"
    assert first[uid]["LAST-MODIFIED"] == ["20200913T122640Z"]
    assert int(later[uid]["SEQUENCE"][0]) == int(first[uid]["SEQUENCE"][0]) + 1


def test_a_rule_spanning_a_rename_is_split_so_each_year_has_its_name(run: Runner) -> None:
    renamed = [observance for observance in load() if observance.former_names]
    assert renamed, "the bundled data has renamed observances"
    for observance in renamed:
        raw = export(run, "--id", observance.id, "--to", "2100")
        expected = [
            instance for instance in expected_instances([], 1900, 2100) if instance[0] == observance.id
        ]
        assert by_recurring_ical_events(raw, 1900, 2100, {observance.id}) == expected


def test_an_observance_named_twice_is_written_once(run: Runner) -> None:
    once = export(run, "--id", "world-aids-day")
    assert export(run, "--id", "world-aids-day", "--id", "world-aids-day", "--id", "AIDS Day") == once


def test_the_official_page_ends_every_description(run: Runner) -> None:
    for event in events(export(run, *SYNTHETIC)):
        assert event["DESCRIPTION"][0].endswith("\\n\\nOfficial page: " + escape_text(event["URL"][0]))


def test_a_calendar_over_google_s_limit_says_so_on_stderr(run: Runner) -> None:
    large = run("export", "--expand", "--from", "1950", "--to", "2050")
    assert large.code == 0 and large.err.startswith(SIZE_NOTE) and "1 MB" in large.err
    assert run("export").err == ""


SLUG = st.from_regex(r"[a-z0-9]{1,3}(-[a-z0-9]{1,3}){0,3}", fullmatch=True)


@given(SLUG, SLUG, st.integers(1990, 2030), st.integers(1990, 2030))
def test_no_two_observances_can_share_a_uid(first: str, second: str, start: int, other_start: int) -> None:
    assume(first != second)
    team = load([str(FIXTURES / "valid")]).observances["team-day"]
    one = team._replace(id=first, eras=(team.eras[0]._replace(first_year=start),), era_starts=(start,))
    two = team._replace(
        id=second, eras=(team.eras[0]._replace(first_year=other_start),), era_starts=(other_start,)
    )
    uids = [
        {event.uid for event in [*rule_events([o], 2035), *expanded_events([o], 2020, 2035)]}
        for o in (one, two)
    ]
    assert uids[0] and uids[1] and not uids[0] & uids[1]


@pytest.mark.parametrize(("value", "trigger"), [("1d", "-P1D"), ("12h", "-PT12H"), ("1w", "-P1W")])
def test_alarm_adds_a_reminder_to_every_event(run: Runner, value: str, trigger: str) -> None:
    raw = export(run, *SYNTHETIC, "--alarm", value)
    assert_well_formed(raw)
    found = events(raw)
    assert all(event["TRIGGER"] == [trigger] and event["ACTION"] == ["DISPLAY"] for event in found)
    alarms = [event.subcomponents for event in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
    assert all(len(alarm) == 1 and alarm[0].name == "VALARM" for alarm in alarms)


def test_no_alarm_by_default(run: Runner) -> None:
    assert b"VALARM" not in export(run, *SYNTHETIC)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--alarm", "soon"], "'soon' is not a reminder time"),
        (["--alarm", "0d"], "'0d' is not a reminder time"),
        (["--expand", "--from", "2030", "--to", "2020"], "--from 2030 is after --to 2020"),
        (["--from", "2030"], "--from applies only with --expand"),
        (["--to", "10000"], "10000 is not in the range"),
    ],
)
def test_bad_options_are_one_line_with_exit_2(run: Runner, args: list[str], fragment: str) -> None:
    result = run("export", *args)
    assert (result.code, result.out, result.err.count("\n")) == (2, "", 1)
    assert fragment in result.err


def test_nothing_to_export_is_exit_1(run: Runner) -> None:
    result = run("export", *SYNTHETIC, "--expand", "--from", "1900", "--to", "1950")
    assert (result.code, result.out, result.err.count("\n")) == (1, "", 1)


def test_help_has_an_example(run: Runner) -> None:
    result = run("export", "--help")
    assert result.code == 0 and "Example" in result.out


def test_output_file_holds_what_stdout_would(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "days.ics"
    result = run("export", *SYNTHETIC, "-o", str(target))
    assert (result.code, result.out, result.err) == (0, "", "")
    assert target.read_bytes() == export(run, *SYNTHETIC) == export(run, *SYNTHETIC, "-o", "-")


def test_an_existing_file_is_replaced_whole_and_keeps_its_mode(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "days.ics"
    target.write_bytes(b"old calendar")
    target.chmod(0o640)
    assert run("export", *SYNTHETIC, "-o", str(target)).code == 0
    assert target.read_bytes() == export(run, *SYNTHETIC)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["days.ics"], "no temporary file is left behind"


def test_a_new_file_gets_the_usual_mode_for_new_files(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "days.ics"
    previous = os.umask(0o027)
    try:
        assert run("export", *SYNTHETIC, "-o", str(target)).code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_writing_into_a_missing_folder_is_exit_4_and_creates_nothing(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "days.ics"
    result = run("export", *SYNTHETIC, "-o", str(target))
    assert (result.code, result.out, result.err.count("\n")) == (4, "", 1)
    assert str(target) in result.err and "does not exist" in result.err
    assert os.listdir(tmp_path) == []


def test_a_failure_while_writing_leaves_the_old_file_intact(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "days.ics"
    target.write_bytes(b"old calendar")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run("export", *SYNTHETIC, "-o", str(target))
    assert (result.code, result.out, result.err.count("\n")) == (4, "", 1)
    assert str(target) in result.err and "No space left on device" in result.err
    assert target.read_bytes() == b"old calendar"
    assert os.listdir(tmp_path) == ["days.ics"]

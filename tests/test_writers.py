"""Property: whatever text an observance holds, no writer lets a control character or an extra
line through. Validation refuses such text; these build the model directly, as if it had not."""

from __future__ import annotations

import io
import json
import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from observe.contentlines import escape_text, uri
from observe.details import Details, Event, Source
from observe.errors import Problem
from observe.ics import calendar
from observe.ics_events import rule_events
from observe.model import Era, Observance, Occurrence
from observe.render import template
from observe.render.fields import occurrence_fields
from observe.render.jsonout import dumps, history_document, observance_document, occurrences_document
from observe.render.plain import occurrence_line
from observe.render.plain_record import profile_lines, timeline_lines
from observe.render.terminal import occurrence_table, print_matches
from observe.render.terminal_record import print_profile
from observe.rules import Fixed
from observe.schedule import Yearly
from observe.search import Match
from observe.timeline import timeline

TODAY = date(2026, 11, 24)
# Every C0 control, DEL, the C1 controls and the Unicode line separators, among ordinary letters.
HOSTILE = st.text(
    alphabet=st.sampled_from([chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\x9b", "\u2028", "\u2029"])
    | st.sampled_from("aZ é中|,;:\\\"'{}[]"),
    min_size=1,
    max_size=40,
)
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
NOT_NEWLINE_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def hostile_observance(text: str) -> tuple[Observance, Details, Occurrence]:
    era = Era(2000, None, Yearly((Fixed(3, 1),)), 1, ("key",), note=text)
    observance = Observance(
        id=f"x{text}", name=text, kind="day", body=text, instrument="key", topics=(text,),
        url=f"https://example.org/{text}", eras=(era,), aliases=(text,),
    )  # fmt: skip
    source = Source("key", text, f"https://example.org/{text}", "2000")
    details = Details(
        text, {"key": source}, text, (Event("2001", "other", text, ("key",)),), revised="2020-01-01"
    )
    return observance, details, Occurrence(observance, date(2026, 3, 1), date(2026, 3, 1), era)


@settings(max_examples=60, deadline=None)
@given(HOSTILE)
def test_one_line_writers_give_one_clean_line(text: str) -> None:
    observance, details, occurrence = hostile_observance(text)
    line = occurrence_line(occurrence, TODAY)
    assert not CONTROL.search(line.replace("\t", "")) and line.count("\t") == 5
    filled = template.render(
        r"{name}\t{id}\t{body}\t{url}\t{instrument}", occurrence_fields(occurrence, TODAY)
    )
    assert not CONTROL.search(filled.replace("\t", "")) and filled.count("\t") == 4
    assert not CONTROL.search(str(Problem(f"{text}.toml", 3, text)))
    for row in [*profile_lines(observance, details, TODAY), *timeline_lines(timeline(observance, details))]:
        assert not CONTROL.search(row.replace("\t", ""))
        assert row.count("\t") <= 4


@settings(max_examples=60, deadline=None)
@given(HOSTILE)
def test_json_has_no_raw_control_and_keeps_the_value(text: str) -> None:
    observance, details, occurrence = hostile_observance(text)
    for document in (
        occurrences_document([occurrence], TODAY),
        observance_document(observance, details, TODAY),
        history_document(observance, details),
    ):
        written = dumps(document)
        assert not NOT_NEWLINE_CONTROL.search(written)
        assert json.loads(written) == json.loads(json.dumps(document))


@settings(max_examples=60, deadline=None)
@given(HOSTILE)
def test_the_terminal_gets_no_escape_or_control_from_data(text: str) -> None:
    observance, details, occurrence = hostile_observance(text)
    output = io.StringIO()
    console = Console(
        file=output, width=100, force_terminal=True, color_system=None, markup=False, emoji=False
    )
    console.print(occurrence_table([occurrence], TODAY, text))
    print_profile(console, observance, details, TODAY)
    print_matches(console, text, [Match(observance, 1, ("name",))])
    assert not NOT_NEWLINE_CONTROL.search(output.getvalue())


@settings(max_examples=60, deadline=None)
@given(HOSTILE)
def test_the_calendar_holds_only_its_own_lines(text: str) -> None:
    observance, details, _ = hostile_observance(text)
    raw = b"".join(
        calendar(rule_events([observance], 2030), lambda o: details, text, details.revision(), "-P1D")
    )
    lines = raw.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]
    names = [line.split(":", 1)[0].split(";", 1)[0] for line in lines]
    assert names.count("BEGIN") == names.count("END") == 3  # calendar, event, alarm
    assert names.count("URL") == 1 and not any(CONTROL.search(line) for line in lines)
    assert set(names) <= {
        "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "NAME", "X-WR-CALDESC",
        "DESCRIPTION", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE",
        "DTSTART", "DTEND", "RRULE", "SUMMARY", "CATEGORIES", "TRANSP", "ACTION", "TRIGGER", "URL",
    }  # fmt: skip


@given(HOSTILE)
def test_escaped_text_and_uris_hold_no_control(text: str) -> None:
    assert not CONTROL.search(escape_text(text)) and not CONTROL.search(uri(text)) and " " not in uri(text)

"""Start-up stays cheap by design: commands import only what they use (no timing here)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import sys
sys.argv = ["observe", *sys.argv[1:]]
from observe.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\n".join(sorted(sys.modules)))
"""

# Never needed to list occurrences into a pipe.
NOT_FOR_NEXT = [
    "rich", "icalendar", "dateutil", "importlib.metadata", "json", "pathlib", "tomllib",
    "observe.details", "observe.ics", "observe.load.observance", "observe.cli.records", "observe.cli.export",
]  # fmt: skip


def modules_loaded(*args: str) -> set[str]:
    """The modules a real process loads; without coverage measuring it, which loads its own."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("COVERAGE")}
    finished = subprocess.run(
        [sys.executable, "-c", PROBE, *args, "--today", "2026-11-24"],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    return set(finished.stderr.split("\n"))


def loaded_prefixes(modules: set[str], prefixes: list[str]) -> list[str]:
    return sorted(m for m in modules for p in prefixes if m == p or m.startswith(p + "."))


def test_next_in_a_pipe_loads_nothing_it_does_not_need() -> None:
    assert loaded_prefixes(modules_loaded("next"), NOT_FOR_NEXT) == []


@pytest.mark.parametrize("args", [["today"], ["on", "2026-12-10"], ["list", "2027"], ["week"]])
def test_other_listings_stay_as_light(args: list[str]) -> None:
    assert loaded_prefixes(modules_loaded(*args), NOT_FOR_NEXT) == []


def test_version_loads_no_package_metadata_machinery() -> None:
    modules = modules_loaded("--version")
    assert loaded_prefixes(modules, ["importlib.metadata", "rich", "observe.cli.upcoming"]) == []


def test_export_never_needs_icalendar_or_rich() -> None:
    modules = modules_loaded("export", "--id", "south-south-cooperation")
    assert loaded_prefixes(modules, ["icalendar", "rich", "dateutil"]) == []
    assert "observe.ics" in modules

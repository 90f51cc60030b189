"""The compiled cache of the user's own files: a warm run parses no TOML, every change is seen on
the next run, and a broken, foreign or unwritable cache is ignored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

TEAM_DAY = (FIXTURES / "valid" / "team-day.toml").read_text("utf-8")
PROBE = """
import sys
sys.argv = ["observe", *sys.argv[1:]]
from observe.cli import main
try:
    main()
except SystemExit as stop:
    code = stop.code
sys.stderr.write("\\n".join(sorted(sys.modules)))
sys.exit(code)
"""


def write_days(folder: Path, count: int) -> None:
    folder.mkdir(exist_ok=True)
    for number in range(count):
        ident = f"team-day-{number}"
        (folder / f"{ident}.toml").write_text(TEAM_DAY.replace('"team-day"', f'"{ident}"', 1), "utf-8")


def age(folder: Path) -> None:
    """Files edited long before the cache is written, as a user's files usually are."""
    for path in folder.glob("*.toml"):
        os.utime(path, (1_600_000_000, 1_600_000_000))


def observe(cache: Path, data: Path, *args: str) -> tuple[int, str, set[str]]:
    """Run observe as a process; its status, its output and the modules it loaded."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("COVERAGE")}
    env.update(OBSERVE_CACHE_DIR=str(cache), OBSERVE_CONFIG_DIR="/nonexistent", OBSERVE_TODAY="2026-11-24")
    command = [sys.executable, "-c", PROBE, *args, "--data", str(data)]
    finished = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    lines = finished.stderr.split("\n")
    return finished.returncode, finished.stdout, {line for line in lines if line and " " not in line}


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    data, cache = tmp_path / "days", tmp_path / "cache"
    write_days(data, 3)
    age(data)
    return data, cache


def ids(output: str) -> list[str]:
    return sorted(
        {line.split("\t")[4] for line in output.splitlines() if line.split("\t")[4].startswith("team")}
    )


def test_a_warm_run_parses_no_toml(folders: tuple[Path, Path]) -> None:
    data, cache = folders
    cold_status, cold, cold_modules = observe(cache, data, "list", "2026")
    assert cold_status == 0 and "tomllib" in cold_modules
    assert (cache / "user-observances.marshal").is_file()
    warm_status, warm, warm_modules = observe(cache, data, "list", "2026")
    assert (warm_status, warm) == (0, cold)
    assert not {"tomllib", "observe.load.observance"} & warm_modules


def test_edits_additions_removals_and_breakage_are_seen_next_run(folders: tuple[Path, Path]) -> None:
    data, cache = folders
    observe(cache, data, "list", "2026")
    write_days(data, 4)  # adds team-day-3 (and rewrites the others as they were)
    edited = data / "team-day-1.toml"
    edited.write_text(edited.read_text("utf-8").replace('on = "Mar 1st Fri"', 'on = "Apr 2"'), "utf-8")
    (data / "team-day-0.toml").unlink()
    status, out, _ = observe(cache, data, "list", "2026")
    assert status == 0 and ids(out) == ["team-day-1", "team-day-2", "team-day-3"]
    assert "2026-04-02\tThu\t-236\tday\tteam-day-1\tTeam Day" in out.splitlines()
    (data / "team-day-2.toml").write_text(TEAM_DAY.replace('kind = "day"', 'kind = "dya"'), "utf-8")
    status, out, _ = observe(cache, data, "list", "2026")
    assert status == 3 and out == ""


def test_an_edit_that_keeps_size_and_time_stamp_is_seen_by_its_hash(folders: tuple[Path, Path]) -> None:
    data, cache = folders
    path = data / "team-day-0.toml"
    observe(cache, data, "list", "2026")  # the files were aged: cached on size and time alone
    stamp = path.stat().st_mtime_ns
    os.utime(path, ns=(stamp, stamp))
    now = os.stat(cache / "user-observances.marshal").st_mtime_ns
    os.utime(path, ns=(now, now))  # as recent as the cache: its time stamp cannot be trusted
    observe(cache, data, "list", "2026")
    path.write_text(path.read_text("utf-8").replace("Mar 1st Fri", "Mar 2nd Fri"), "utf-8")
    os.utime(path, ns=(now, now))
    status, out, _ = observe(cache, data, "list", "2026")
    assert status == 0 and "2026-03-13\tFri\t-256\tday\tteam-day-0" in out


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage", b"\xe3" + b"\x00" * 40])
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(
    folders: tuple[Path, Path], content: bytes
) -> None:
    data, cache = folders
    cache.mkdir()
    (cache / "user-observances.marshal").write_bytes(content)
    status, out, modules = observe(cache, data, "list", "2026")
    assert status == 0 and ids(out) == ["team-day-0", "team-day-1", "team-day-2"] and "tomllib" in modules
    assert not {"tomllib"} & observe(cache, data, "list", "2026")[2], "rebuilt, and used"


def test_a_cache_from_another_version_is_ignored(folders: tuple[Path, Path]) -> None:
    import marshal

    data, cache = folders
    observe(cache, data, "list", "2026")
    header, written, entries = marshal.loads((cache / "user-observances.marshal").read_bytes())
    foreign = ((*header[:2], "0.0.0", *header[3:]), written, entries)
    (cache / "user-observances.marshal").write_bytes(marshal.dumps(foreign))
    assert "tomllib" in observe(cache, data, "list", "2026")[2]


def test_an_unwritable_cache_or_no_cache_changes_nothing_but_speed(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    data, _ = folders
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", "utf-8")
    status, out, _ = observe(blocked, data, "list", "2026")
    assert status == 0 and ids(out) == ["team-day-0", "team-day-1", "team-day-2"]
    fresh = tmp_path / "fresh"
    assert observe(fresh, data, "list", "2026", "--no-cache")[0] == 0
    assert not fresh.exists()


def test_concurrent_runs_leave_a_valid_cache(folders: tuple[Path, Path]) -> None:
    data, cache = folders
    env = {name: value for name, value in os.environ.items() if not name.startswith("COVERAGE")}
    env.update(OBSERVE_CACHE_DIR=str(cache), OBSERVE_CONFIG_DIR="/nonexistent", OBSERVE_TODAY="2026-11-24")
    command = [sys.executable, "-m", "observe.cli", "list", "2026", "--data", str(data)]
    runs = [
        subprocess.Popen([sys.executable, "-c", PROBE, "list", "2026", "--data", str(data)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        for _ in range(6)
    ]  # fmt: skip
    outputs = {run.communicate(timeout=60)[0] for run in runs}
    assert len(outputs) == 1 and all(run.returncode == 0 for run in runs), command
    assert [name for name in os.listdir(cache)] == ["user-observances.marshal"]
    assert not {"tomllib"} & observe(cache, data, "list", "2026")[2]


def test_validate_always_reads_the_files(folders: tuple[Path, Path]) -> None:
    data, cache = folders
    observe(cache, data, "list", "2026")
    path = data / "team-day-0.toml"
    stamp = path.stat()
    path.write_text(path.read_text("utf-8").replace('kind = "day"', 'kind = "dya"'), "utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    status, _, modules = observe(cache, data, "validate", str(path))
    assert status == 3 and "tomllib" in modules

"""The wheel carries the dataset, and the compiled bundle matches the TOML it is built from."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from observe.load.bundle import DETAILS_NAME, INDEX_MODULE, NAMES_NAME, compile_bundle

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def test_compiled_data_is_fresh() -> None:
    """The compiled forms must be rebuilt (scripts/build_bundle.py) whenever the TOML changes."""
    compiled = compile_bundle(sorted((DATA / "observances").glob("*.toml")))
    stale = "is stale: run scripts/build_bundle.py"
    assert (REPO / "src" / "observe" / INDEX_MODULE).read_text("utf-8") == compiled.index_module, (
        INDEX_MODULE + stale
    )
    assert (DATA / DETAILS_NAME).read_text("utf-8") == compiled.details_json, DETAILS_NAME + stale
    assert (DATA / NAMES_NAME).read_text("utf-8") == compiled.names_json, NAMES_NAME + stale


def test_the_wheel_ships_the_dataset(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
         str(REPO)],
        check=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("observe_days-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"observe/bundled_index.py", "observe/data/details.json", "observe/data/names.json"} <= names
    tomls = {path.name for path in (DATA / "observances").glob("*.toml")}
    assert {f"observe/data/observances/{name}" for name in tomls} <= names


def test_the_installed_command_runs_from_another_directory(tmp_path: Path, observe_command: str) -> None:
    command = observe_command
    environment = {key: value for key, value in os.environ.items() if key != "OBSERVE_DATA"}
    finished = subprocess.run(
        [command, "next", "--today", "2026-11-24"], cwd=tmp_path, capture_output=True, text=True,
        env=environment, check=False,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert len(finished.stdout.splitlines()) == 10

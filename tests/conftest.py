"""Shared test helpers: run the CLI in-process, in pipe or terminal mode, with a pinned day."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from observe import cli

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = "2026-11-24"


@dataclass
class Result:
    code: int
    out: str
    err: str


Runner = Callable[..., Result]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Runner:
    """Run ``observe ARGS`` through the real entry point; ``terminal=True`` makes stdout a tty.

    ``--today`` is added unless the test gives one, so no test depends on the wall clock. The
    environment starts neutral (C locale, no NO_COLOR, no extra data); a test may change it.
    """
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("OBSERVE_DATA", raising=False)

    def invoke(*args: str, terminal: bool = False, width: int = 120) -> Result:
        argv = ["observe", *args]
        if "--today" not in args and args and args[0] not in ("validate",):
            argv.append(f"--today={TODAY}")
        monkeypatch.setattr(sys, "argv", argv)
        # The captured stream answers isatty() as a terminal would; the tool decides the rest.
        monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal)
        monkeypatch.setenv("COLUMNS", str(width))
        with pytest.raises(SystemExit) as stopped:
            cli.main()
        captured = capsys.readouterr()
        code = stopped.value.code
        return Result(code if isinstance(code, int) else 1, captured.out, captured.err)

    return invoke


@pytest.fixture(scope="session")
def observe_command() -> str:
    """The installed console script, for tests that need a real process (pipes, signals, env)."""
    command = shutil.which("observe", path=str(Path(sys.executable).parent))
    assert command, "the console script is installed next to the interpreter"
    return command


@pytest.fixture
def complete(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[[str], str]:
    """What bash completion offers for a command line being typed (its last word incomplete)."""

    def offered(words: str) -> str:
        monkeypatch.setenv("_OBSERVE_COMPLETE", "bash_complete")
        monkeypatch.setenv("COMP_WORDS", words)
        monkeypatch.setenv("COMP_CWORD", str(len(words.split()) - 1))
        monkeypatch.setattr("sys.argv", ["observe"])
        with pytest.raises(SystemExit):
            cli.main()
        return capsys.readouterr().out

    return offered


@pytest.fixture(autouse=True, scope="session")
def cache_outside_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The compiled cache of user files goes to a temporary folder, for this process and every
    observe process a test starts, never to the home folder of whoever runs the tests."""
    os.environ["OBSERVE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))

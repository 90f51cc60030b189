"""Start-up and export benchmark for observe, measured as whole processes.

Usage:  python benchmarks/run.py [--runs 25] [--venv DIR] [--no-compare] [--json FILE]

Besides start-up (against ``python -c pass``), each command added after ``next`` is compared with
``next`` in the same mode, and ``next`` is run with as many observance files of the user's own as
the bundle has, from a warm cache and with none.

It creates a virtual environment (default: a temporary one), installs this checkout into it the
normal way (not editable: an editable install adds an import hook to every interpreter start),
and times each command against ``python -c pass`` from the same environment, alternating the two
so that drift in machine load hits both alike. Every figure is a median over --runs runs with
its interquartile range, and a ratio to the median of ``python -c pass`` in the same run. Peak
memory is the child's maximum resident set size, measured in separate runs by GNU time
(``/usr/bin/time``, Debian package ``time``): a child started from this harness shares the
harness's memory until it execs and would be charged for it, while time's own image is tiny.

With comparisons on (the default), ``holidays`` and ``khal`` are installed into a second
environment and measured by the same harness.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pty
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-24"


class Timed:
    """The timings and peak memory of one command over several runs."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.seconds: list[float] = []
        self.peak_kib: list[int] = []

    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    def spread_ms(self) -> tuple[float, float]:
        quartiles = statistics.quantiles(self.seconds, n=4)
        return quartiles[0] * 1000, quartiles[2] * 1000


MEMORY_RUNS = 3
GNU_TIME = "/usr/bin/time"


def run_once(command: list[str], env: dict[str, str], terminal: bool = False) -> tuple[float, int]:
    """Wall time and exit status of one run; output is read and discarded."""
    if terminal:
        controller, tty = pty.openpty()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=tty, stderr=tty, env=env)
        os.close(tty)
        reader = threading.Thread(target=_drain_pty, args=(controller,))
        reader.start()
    else:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        reader = threading.Thread(target=_drain, args=(process,))
        reader.start()
    process.wait()
    elapsed = time.perf_counter() - start
    reader.join()
    if terminal:
        os.close(controller)
    return elapsed, process.returncode


def peak_kib(command: list[str], env: dict[str, str], terminal: bool) -> int:
    """The child's maximum resident set size in KiB, as GNU time reports it (0 without it)."""
    if not os.path.exists(GNU_TIME):
        return 0
    with tempfile.NamedTemporaryFile("r") as report:
        run_once([GNU_TIME, "-f", "%M", "-o", report.name, *command], env, terminal)
        return int(report.read().split()[-1])


def _drain(process: subprocess.Popen[bytes]) -> None:
    assert process.stdout is not None
    while process.stdout.read(65536):
        pass


def _drain_pty(controller: int) -> None:
    try:
        while os.read(controller, 65536):
            pass
    except OSError:
        pass  # the terminal closes when the child exits


def measure(
    commands: dict[str, tuple[list[str], bool]], baseline: list[str], env: dict[str, str], runs: int
) -> tuple[Timed, dict[str, Timed]]:
    """Alternate the baseline with each command, ``runs`` times, after one warm-up of each."""
    base = Timed("python -c pass")
    results = {label: Timed(label) for label in commands}
    for label, (command, terminal) in commands.items():
        _, status = run_once(command, env, terminal)
        if status != 0:
            raise SystemExit(f"{label}: exit status {status}: {' '.join(command)}")
    run_once(baseline, env)
    for _ in range(runs):
        for label, (command, terminal) in commands.items():
            base.seconds.append(run_once(baseline, env)[0])
            results[label].seconds.append(run_once(command, env, terminal)[0])
    for _ in range(MEMORY_RUNS):
        base.peak_kib.append(peak_kib(baseline, env, False))
        for label, (command, terminal) in commands.items():
            results[label].peak_kib.append(peak_kib(command, env, terminal))
    return base, results


def make_venv(folder: Path, *requirements: str) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, *requirements], check=True)
    return folder / "bin"


def observe_commands(bin_dir: Path, own: Path) -> dict[str, tuple[list[str], bool]]:
    """Each command with whether it runs on a terminal; ``own`` holds the user's own files."""
    observe = [str(bin_dir / "observe")]
    today = ["--today", TODAY]
    return {
        "observe next (pipe)": ([*observe, "next", *today], False),
        "observe next (terminal)": ([*observe, "next", *today], True),
        "completion of a command": (observe, False),
        "completion of an id": (observe, False),
        "observe export (rules)": ([*observe, "export", *today], False),
        "observe export --expand 1950-2050": (
            [*observe, "export", "--expand", "--from", "1950", "--to", "2050", *today],
            False,
        ),
        "observe on 2026-12-19 (pipe)": ([*observe, "on", "2026-12-19", *today], False),
        "observe month (pipe)": ([*observe, "month", *today], False),
        "observe month (terminal)": ([*observe, "month", *today], True),
        "observe when (pipe)": ([*observe, "when", "south-south-cooperation", *today], False),
        "observe next --csv (pipe)": ([*observe, "next", "--csv", *today], False),
        "observe next --markdown (pipe)": ([*observe, "next", "--markdown", *today], False),
        "observe next --lang fr (pipe)": ([*observe, "next", "--lang", "fr", *today], False),
        "observe next --lang fr (terminal)": ([*observe, "next", "--lang", "fr", *today], True),
        "observe changes (pipe)": ([*observe, "changes", *today], False),
        f"next, {OWN_FILES} own files, warm cache": ([*observe, "next", "--data", str(own), *today], False),
        f"next, {OWN_FILES} own files, no cache": (
            [*observe, "next", "--data", str(own), "--no-cache", *today],
            False,
        ),
    }


OWN_FILES = 274


def own_files(folder: Path) -> Path:
    """As many observance files of the user's own as the bundle has: bundled files under new ids,
    last edited a day ago (as a user's files usually were, long before the run)."""
    folder.mkdir()
    for path in sorted((REPO / "data" / "observances").glob("*.toml"))[:OWN_FILES]:
        ident = f"{path.stem}-own"
        text = path.read_text(encoding="utf-8").replace(f'id = "{path.stem}"', f'id = "{ident}"', 1)
        (folder / f"{ident}.toml").write_text(text, encoding="utf-8")
        day_ago = time.time() - 86_400
        os.utime(folder / f"{ident}.toml", (day_ago, day_ago))
    return folder


# Each command against ``observe next`` in the same mode: the budgets of the commands and options
# that came after it.
RELATIVE = {
    "observe on 2026-12-19 (pipe)": "observe next (pipe)",
    "observe month (pipe)": "observe next (pipe)",
    "observe month (terminal)": "observe next (terminal)",
    "observe when (pipe)": "observe next (pipe)",
    "observe next --csv (pipe)": "observe next (pipe)",
    "observe next --markdown (pipe)": "observe next (pipe)",
    "observe next --lang fr (pipe)": "observe next (pipe)",
    "observe next --lang fr (terminal)": "observe next (terminal)",
    "observe changes (pipe)": "observe next (pipe)",
    f"next, {OWN_FILES} own files, warm cache": "observe next (pipe)",
    f"next, {OWN_FILES} own files, no cache": "observe next (pipe)",
}


COMPLETION_ENV = {
    "completion of a command": {
        "_OBSERVE_COMPLETE": "bash_complete",
        "COMP_WORDS": "observe ne",
        "COMP_CWORD": "1",
    },
    "completion of an id": {
        "_OBSERVE_COMPLETE": "bash_complete",
        "COMP_WORDS": "observe show south",
        "COMP_CWORD": "2",
    },
}


def measure_observe(
    bin_dir: Path, env: dict[str, str], runs: int, own: Path
) -> tuple[Timed, dict[str, Timed]]:
    """Completion needs its own environment per command, so each is measured in its own pass."""
    commands = observe_commands(bin_dir, own)
    baseline = [str(bin_dir / "python"), "-c", "pass"]
    plain = {label: spec for label, spec in commands.items() if label not in COMPLETION_ENV}
    base, results = measure(plain, baseline, {**env, "COLUMNS": "120", "TERM": "xterm-256color"}, runs)
    for label, extra in COMPLETION_ENV.items():
        completion_base, completion = measure({label: commands[label]}, baseline, {**env, **extra}, runs)
        base.seconds.extend(completion_base.seconds)
        results.update(completion)
    return base, results


def comparison_commands(bin_dir: Path, home: Path) -> dict[str, tuple[list[str], bool]]:
    """``holidays`` for one country-year and ``khal list`` on a warm cache of an empty calendar."""
    calendar = home / "calendars" / "personal"
    calendar.mkdir(parents=True)
    config = home / ".config" / "khal"
    config.mkdir(parents=True)
    (config / "config").write_text(
        "[calendars]\n[[personal]]\npath = " + str(calendar) + "\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n",
        encoding="utf-8",
    )
    return {
        "holidays, one country-year": (
            [str(bin_dir / "python"), "-c", "import holidays; holidays.country_holidays('US', years=2026)"],
            False,
        ),
        "khal list (warm cache)": ([str(bin_dir / "khal"), "list", "today", "7d"], False),
    }


def report(base: Timed, results: dict[str, Timed]) -> list[dict[str, Any]]:
    """Print a table, the baseline first, with each command's ratio to the baseline and, for the
    commands in ``RELATIVE``, to ``observe next`` in the same mode; return the rows for --json."""
    base_ms = base.median_ms()
    print(f"{'command':42} {'median':>9} {'IQR':>17} {'ratio':>7} {'vs next':>8} {'peak RSS':>10}")
    rows = []
    for timed in (base, *results.values()):
        median = timed.median_ms()
        low, high = timed.spread_ms()
        peak = max(timed.peak_kib) / 1024
        ratio = median / base_ms
        reference = RELATIVE.get(timed.label)
        versus = median / results[reference].median_ms() if reference else None
        shown = f"{versus:7.2f}x" if versus else " " * 8
        print(
            f"{timed.label:42} {median:7.1f}ms {low:7.1f}-{high:5.1f}ms {ratio:6.2f}x {shown} {peak:8.1f}MiB"
        )
        rows.append(
            {
                "command": timed.label,
                "median_ms": round(median, 1),
                "iqr_ms": [round(low, 1), round(high, 1)],
                "ratio": round(ratio, 2),
                "vs_next": None if versus is None else round(versus, 2),
                "peak_mib": round(peak, 1),
            }
        )
    return rows


def scaling(bin_dir: Path) -> None:
    """Compute cost against observances and years, in-process, from the installed package."""
    script = """
import time
from observe.load.dataset import load
from observe.occurrences import starting_in_years
observances = list(load())
def cost(copies, years):
    # Years from 2030 on, when every observance in the data is in force, so that ten times the
    # years is ten times the work to be done and the ratio shows how the cost grows.
    chosen = observances * copies
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        starting_in_years(chosen, 2030, 2030 + years - 1)
        best = min(best, time.perf_counter() - start)
    return best * 1000
one = cost(1, 10)
print(f"occurrences over 10 years, {len(observances)} observances: {one:.1f} ms")
print(f"  10x the observances: {cost(10, 10):.1f} ms ({cost(10, 10) / one:.1f}x)")
print(f"  10x the years:       {cost(1, 100):.1f} ms ({cost(1, 100) / one:.1f}x)")
print(f"  10x both:            {cost(10, 100):.1f} ms ({cost(10, 100) / one:.1f}x)")
"""
    subprocess.run([str(bin_dir / "python"), "-c", script], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument(
        "--venv", type=Path, help="where to build the environment (default: a temporary folder)"
    )
    parser.add_argument("--no-compare", action="store_true", help="skip holidays and khal")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = options.venv or Path(scratch) / "venv"
        home = Path(scratch) / "home"
        home.mkdir()
        cache = Path(scratch) / "cache"
        env = {"PATH": os.defpath, "HOME": str(home), "LANG": "C.UTF-8", "OBSERVE_CACHE_DIR": str(cache)}
        own = own_files(Path(scratch) / "own")
        machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        print(f"{platform.node()}: {machine}")
        bin_dir = make_venv(root, str(REPO))
        base, results = measure_observe(bin_dir, env, options.runs, own)
        rows = report(base, results)
        scaling(bin_dir)
        if not options.no_compare:
            other = make_venv(Path(scratch) / "compare", "holidays", "khal")
            baseline = [str(other / "python"), "-c", "pass"]
            compare_base, compared = measure(comparison_commands(other, home), baseline, env, options.runs)
            print()
            rows += report(compare_base, compared)
        if options.json:
            options.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

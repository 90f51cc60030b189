"""Write tests/snapshots/occurrences-1950-2050.tsv: every bundled occurrence in those years.

Run after editing the data: python scripts/build_snapshot.py
The test suite compares the file with what the data computes, so any data change shows up in
review as a diff of dates, grouped by observance.
"""

from __future__ import annotations

from pathlib import Path

from observe.load.dataset import load
from observe.occurrences import in_year

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "tests" / "snapshots" / "occurrences-1950-2050.tsv"
FIRST, LAST = 1950, 2050


def snapshot_text() -> str:
    """``ID<TAB>START[/END]`` lines, by id and then date."""
    lines = []
    for observance in sorted(load(), key=lambda observance: observance.id):
        for year in range(FIRST, LAST + 1):
            for occurrence in in_year(observance, year):
                when = occurrence.start.isoformat()
                if occurrence.end != occurrence.start:
                    when += "/" + occurrence.end.isoformat()
                lines.append(f"{observance.id}\t{when}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    SNAPSHOT.write_text(snapshot_text(), encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(REPO)}")

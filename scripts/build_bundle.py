"""Compile data/observances/*.toml into the forms observe reads at run time.

Run after editing the data: python scripts/build_bundle.py
It writes src/observe/bundled_index.py and data/details.json; the test suite fails while they
are stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from observe.dataset import DETAILS_NAME, INDEX_MODULE, compile_bundle
from observe.errors import DataError

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    try:
        compiled = compile_bundle(sorted((REPO / "data" / "observances").glob("*.toml")))
    except DataError as error:
        print("\n".join(str(problem) for problem in error.problems), file=sys.stderr)
        return 3
    targets = {
        REPO / "src" / "observe" / INDEX_MODULE: compiled.index_module,
        REPO / "data" / DETAILS_NAME: compiled.details_json,
    }
    for target, text in targets.items():
        temporary = target.with_suffix(target.suffix + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)
        print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

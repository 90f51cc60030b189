"""Compile data/observances/*.toml into data/bundle.json, the form observe reads at start-up.

Run after editing the data: python scripts/build_bundle.py
The test suite fails while bundle.json is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from observe.dataset import BUNDLE_NAME, bundled_data_dir, bundled_sources, compile_bundle
from observe.errors import DataError


def main() -> int:
    try:
        text = compile_bundle(bundled_sources())
    except DataError as error:
        print("\n".join(str(problem) for problem in error.problems), file=sys.stderr)
        return 3
    target = Path(bundled_data_dir()) / BUNDLE_NAME
    temporary = target.with_suffix(".json.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Compile data/observances/*.toml into the forms observe reads at run time.

Run after editing the data: python scripts/build_bundle.py [-v] [--report]
It writes src/observe/bundled_index.py, data/details.json and data/revisions.json (each
observance's revised date and content hash; a change whose revised date did not move is
refused); the test suite fails while they are stale.
It also reports how many current rules cite a primary source (with -v, which do not) and
fails when a source keyed by a document symbol points at a copy on another site; --report
prints that report (with -v's list) and writes nothing.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from observe.errors import DataError
from observe.load.bundle import DETAILS_NAME, INDEX_MODULE, NAMES_NAME, compile_bundle
from observe.provenance import report
from observe.revisions import RECORD_NAME, current, dumps, problems
from observe.vocabulary import LANGUAGES

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    try:
        compiled = compile_bundle(sorted((REPO / "data" / "observances").glob("*.toml")))
    except DataError as error:
        print("\n".join(str(problem) for problem in error.problems), file=sys.stderr)
        return 3
    if "--report" in sys.argv[1:]:
        return _report(compiled.records, verbose=True)
    record_path = REPO / "data" / RECORD_NAME
    recorded = json.loads(record_path.read_text(encoding="utf-8")) if record_path.exists() else {}
    unrevised = problems(compiled.records, recorded, require_current=False, today=date.today().isoformat())
    if unrevised:
        print("\n".join(unrevised), file=sys.stderr)
        return 3
    targets = {
        REPO / "src" / "observe" / INDEX_MODULE: compiled.index_module,
        REPO / "data" / DETAILS_NAME: compiled.details_json,
        REPO / "data" / NAMES_NAME: compiled.names_json,
        record_path: dumps(current(compiled.records)),
    }
    for target, text in targets.items():
        temporary = target.with_suffix(target.suffix + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)
        print(f"wrote {target.relative_to(REPO)}")
    return _report(compiled.records, verbose="-v" in sys.argv[1:])


def _report(records: list[dict[str, Any]], verbose: bool) -> int:
    """Print the provenance report and the names known per language; fail while a symbol key
    points at a copy."""
    provenance = report(records)
    print(provenance.summary())
    coverage = []
    for lang in LANGUAGES:
        named = sum(
            1
            for r in records
            if lang == "en" or any(n["lang"] == lang and "until" not in n for n in r.get("names", ()))
        )
        coverage.append(f"{lang} {named}")
    print(f"names of the {len(records)} observances, per language: " + ", ".join(coverage))
    for copy in provenance.copies:
        print(f"  {copy}", file=sys.stderr)
    if verbose:
        print("current rules resting only on secondary sources:", ", ".join(provenance.secondary_only))
    return 1 if provenance.copies else 0


if __name__ == "__main__":
    raise SystemExit(main())

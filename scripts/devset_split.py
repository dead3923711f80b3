"""Write data/devset_split.json: which labelled documents the project tunes on and which
it keeps blind.

    .venv/bin/python scripts/devset_split.py

The first devset (d001–d030) has been tuned on since the project began: all of it is
"tuned on". devset2 (d031–d090) is split in two halves of 30, stratified by the gold
attribute and by whether the document also comes as .docx/.pdf, each stratum ordered by
sha256("gongkai-triage/devset2/" + id) and dealt alternately. Only ids, attributes and
file names are read to make the split — no text — so nobody has looked at the blind half
when choosing it. Rules are written and models trained on "tuned on"; benchmarks report
"not tuned on" apart. Re-running gives the same file.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import DEVSET, SHARED_DIR  # noqa: E402

DEVSET2 = SHARED_DIR / "devset2"
OUT = ROOT / "data" / "devset_split.json"
SALT = "gongkai-triage/devset2/"


def main() -> int:
    first = [json.loads(line)["id"] for line in (DEVSET / "corpus.jsonl").open(encoding="utf-8")]
    rows = [json.loads(line) for line in (DEVSET2 / "corpus.jsonl").open(encoding="utf-8")]
    with_files = {p.stem for p in (DEVSET2 / "docs").glob("*.docx")}
    strata: dict[tuple[str, bool], list[str]] = {}
    for row in rows:
        strata.setdefault((row["attribute"], row["id"] in with_files), []).append(row["id"])
    tuned: list[str] = []
    blind: list[str] = []
    turn = 0
    for key in sorted(strata):
        for doc in sorted(
            strata[key], key=lambda d: hashlib.sha256((SALT + d).encode()).hexdigest()
        ):
            (tuned if turn % 2 == 0 else blind).append(doc)
            turn += 1
    split = {
        "about": "Written by scripts/devset_split.py; see its docstring. Tune and train on "
        "tuned_on; report not_tuned_on apart.",
        "tuned_on": {"devset": sorted(first), "devset2": sorted(tuned)},
        "not_tuned_on": {"devset2": sorted(blind)},
    }
    OUT.write_text(json.dumps(split, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: tuned on {len(first)} + {len(tuned)}, not tuned on {len(blind)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

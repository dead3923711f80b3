"""Exact-match accuracy of GB/T 9704 metadata on ../shared/devset, per field and input format.

    .venv/bin/python benchmarks/metadata.py [--devset ../shared/devset] [--errors]

Rows: the 30 texts (texts/*.txt), the 10 docx (docs/) and the 10 PDFs (pdf/), each read
through the real ingestion path. A value where gold is null counts as wrong, as does a
null where gold has a value. Target: every field >= 0.95.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import Settings  # noqa: E402
from pipeline.ingest import ingest_file  # noqa: E402
from pipeline.metadata import extract_metadata  # noqa: E402

FIELDS = ("title", "doc_number", "issuer", "date", "doc_type", "secret_level", "disclosure_marking")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    args = parser.parse_args()
    corpus = args.devset / "corpus.jsonl"
    if not corpus.exists():
        print(f"no devset at {args.devset}: nothing to measure", file=sys.stderr)
        return 1
    gold = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["id"]] = record["metadata"]
    settings = Settings()
    print(f"{'input':<6} {'docs':>4}  " + "  ".join(f"{f:>18}" for f in FIELDS))
    worst = 1.0
    for label, folder, pattern in (
        ("txt", "texts", "*.txt"),
        ("docx", "docs", "*.docx"),
        ("pdf", "pdf", "*.pdf"),
    ):
        files = sorted((args.devset / folder).glob(pattern))
        if not files:
            continue
        hits = dict.fromkeys(FIELDS, 0)
        for path in files:
            document, _, error = ingest_file(path, settings)
            meta = extract_metadata(document).to_dict() if document else {}
            if error:
                print(f"  {path.name}: {error.message}")
            for field in FIELDS:
                ok = meta.get(field) == gold[path.stem][field]
                hits[field] += ok
                if not ok and args.errors:
                    print(
                        f"  {label} {path.stem} {field}: gold={gold[path.stem][field]!r} got={meta.get(field)!r}"
                    )
        accuracy = {f: hits[f] / len(files) for f in FIELDS}
        worst = min(worst, *accuracy.values())
        print(f"{label:<6} {len(files):>4}  " + "  ".join(f"{accuracy[f]:>18.3f}" for f in FIELDS))
    print(f"lowest field accuracy: {worst:.3f} (target >= 0.95)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

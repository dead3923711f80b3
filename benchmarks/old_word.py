"""Old Word (.doc) against the text and .docx versions, on every devset .docx.

    .venv/bin/python benchmarks/old_word.py [--shared ../shared]

Every .docx of ../shared/devset and devset2 is saved as Word 97 .doc by LibreOffice (one
process for all, as an office's old files were made), then each .doc goes through the
real ingestion path (`ingest_file`: LibreOffice converts it back to .docx in a worker
profile, the .docx reader reads it). Per part of the split (data/devset_split.json), it
prints: how many .doc texts equal the .txt's text (the annotated text: wrapped lines
re-joined) and the .docx's text, how many give the same metadata as the .txt, and the recall of the whole
scan (`scan_file`, IoU >= 0.5, the gold spans moved onto the text each file gave) on the
.doc, the .docx and the .txt of the same documents
— issue 23's target: the .doc within 0.02 of the .txt. It also prints the conversion
time per file, what reading an old file costs over a .docx.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import Settings  # noqa: E402
from pipeline.evaluate import evaluate  # noqa: E402
from pipeline.ingest import ingest_file  # noqa: E402
from pipeline.metadata import extract_metadata  # noqa: E402
from pipeline.scan import scan_file  # noqa: E402
from pipeline.training.labelled_set import load_labelled, split_ids  # noqa: E402
from tests.fixtures.libreoffice import convert_with_libreoffice  # noqa: E402


def realigned(record: dict[str, Any], text: str) -> dict[str, Any]:
    """The gold record with its spans moved onto ``text``, the text a file actually
    gave: a .docx reads its page header after the body, so a header line the annotated
    text has first shifts every later offset. A span moves through the characters both
    texts share (difflib), or to the nearest occurrence of its value; one not in
    ``text`` at all stays where it was (and counts as missed)."""
    if text == record["text"]:
        return record
    matcher = difflib.SequenceMatcher(None, record["text"], text, autojunk=False)
    moved: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        moved.update((a + k, b + k) for k in range(size))
    spans = []
    for span in record["spans"]:
        start, end, value = span["start"], span["end"], span["text"]
        at = moved.get(start)
        if at is None or text[at : at + len(value)] != value:
            hits = [m.start() for m in re.finditer(re.escape(value), text)]
            at = min(hits, key=lambda h: abs(h - start)) if hits else start
        spans.append({**span, "start": at, "end": at + (end - start)})
    return {**record, "text": text, "spans": spans}


def _recall(gold: list[dict[str, Any]], paths: list[Path], settings: Settings) -> float:
    results = [scan_file(p, settings, with_text=True) for p in paths]
    gold = [realigned(g, r.get("text") or g["text"]) for g, r in zip(gold, results, strict=True)]
    report = evaluate(gold, results)
    found = sum(s.tp_gold for s in report.labels.values())
    return found / max(1, sum(s.gold for s in report.labels.values()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    sets = {name: args.shared / name for name in ("devset", "devset2")}
    sets = {name: path for name, path in sets.items() if (path / "docs").is_dir()}
    if not sets:
        print(f"no devset under {args.shared}: nothing to measure", file=sys.stderr)
        return 1
    records = {(name, r["id"]): r for name, path in sets.items() for r in load_labelled(path)}
    settings = Settings()
    print(
        f"{'part':<13} {'docs':>4}  {'= .txt':>7} {'= .docx':>7} {'meta =':>7}  {'recall .doc':>11} "
        f"{'.docx':>6} {'.txt':>6}  {'s/file':>6}"
    )
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="old-word-") as folder:
        for part in ("tuned_on", "not_tuned_on"):
            keys = [
                (name, doc)
                for name, ids in split_ids(part).items()
                for doc in ids
                if name in sets and (sets[name] / "docs" / f"{doc}.docx").is_file()
            ]
            if not keys:
                continue
            docx = [sets[name] / "docs" / f"{doc}.docx" for name, doc in keys]
            texts = [sets[name] / "texts" / f"{doc}.txt" for name, doc in keys]
            made = convert_with_libreoffice(docx, Path(folder) / part, "doc:MS Word 97")
            old = {p.stem: p for p in made}
            olds = [old[doc] for _name, doc in keys]
            same_text = same_docx = same_meta = 0
            reading = 0.0  # the .doc's conversion and reading only, what the column says
            for key, path, source, txt in zip(keys, olds, docx, texts, strict=True):
                started = time.perf_counter()
                document, _data, error = ingest_file(path, settings)
                reading += time.perf_counter() - started
                if document is None:
                    print(f"  {path.name}: {error.message if error else '?'}")
                    continue
                text_version, _, _ = ingest_file(txt, settings)
                same_text += document.text == records[key]["text"]
                original, _, _ = ingest_file(source, settings)
                same_docx += original is not None and document.text == original.text
                same_meta += (
                    text_version is not None
                    and extract_metadata(document).to_dict()
                    == extract_metadata(text_version).to_dict()
                )
            per_file = reading / len(keys)
            gold = [records[key] for key in keys]
            recalls = [_recall(gold, paths, settings) for paths in (olds, docx, texts)]
            worst = max(worst, abs(recalls[0] - recalls[2]))
            print(
                f"{part:<13} {len(keys):>4}  {same_text:>3}/{len(keys):<3} "
                f"{same_docx:>3}/{len(keys):<3} "
                f"{same_meta:>3}/{len(keys):<3}  {recalls[0]:>11.3f} {recalls[1]:>6.3f} "
                f"{recalls[2]:>6.3f}  {per_file:>6.2f}"
            )
    print(f"largest recall gap .doc vs .txt: {worst:.3f} (target <= 0.02)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

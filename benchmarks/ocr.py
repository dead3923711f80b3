"""OCR of scanned 公文: accuracy, metadata and detection against the text PDFs, and speed.

    .venv/bin/python benchmarks/ocr.py [--workers 2] [--limit 10] [--json out.json]

The devset PDFs (../shared/devset/pdf, 10 documents, 20 pages) are scanned by
``tests/fixtures/scans.py`` (200 dpi, grey, ±0.8°, blur 0.6, a speck per 2,000 pixels,
image-only) and both sets go through ``triage scan`` (``scan_many``, as the CLI runs it)
with OCR threads set to one per worker. Reported:
- character accuracy of the scans' text against the text PDFs' text, after NFKC and with
  whitespace removed (1 − edit distance / reference length), per document and overall
  (target ≥ 98 %);
- metadata: the share of GB/T 9704 fields (over all documents) equal on scan and text PDF
  (target ≥ 95 %);
- detection recall per label against the gold spans of ``corpus.jsonl``, for the text
  PDFs and for the scans (target: within 0.03 for every label). A gold span is found
  when a finding of its label holds its value (NFKC, no whitespace) or lies inside it
  covering at least half of it;
- speed: pages/s on the workers (target ≥ 0.3), CPU seconds per OCR'd page, the peak RSS
  of a worker (target ≤ 1.2 GB), and the engine's load time in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import DEVSET, Settings  # noqa: E402
from tests.fixtures.scans import scanned_copy  # noqa: E402


def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def found(gold: dict[str, Any], findings: list[dict[str, Any]]) -> bool:
    value = squeeze(gold["text"])
    for f in findings:
        if f["label"] != gold["label"]:
            continue
        got = squeeze(f["text"])
        if value in got or (got in value and len(got) >= 0.5 * len(value)):
            return True
    return False


def recall(
    gold: dict[str, dict[str, Any]], records: dict[str, dict[str, Any]]
) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc_id, record in records.items():
        for span in gold[doc_id]["spans"]:
            out[span["label"]][1] += 1
            out[span["label"]][0] += found(span, record["findings"])
    return {label: (hit, total) for label, (hit, total) in sorted(out.items())}


def load_time() -> float:
    """Seconds to import and load the engine in a fresh process."""
    import subprocess

    code = (
        "import time;t=time.perf_counter();from pipeline.ingest.ocr import load_engine;"
        "load_engine();print(time.perf_counter()-t)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=10, help="devset PDFs to use")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument(
        "--cache",
        type=Path,
        help="reuse OCR results kept in this folder (TRIAGE_OCR_CACHE): for accuracy "
        "figures only, the speed figures then do not measure OCR",
    )
    args = parser.parse_args()
    if not (DEVSET / "pdf").is_dir():
        print(f"skipped: {DEVSET / 'pdf'} is absent (../shared not beside the checkout)")
        return 0
    os.environ["TRIAGE_OCR_THREADS"] = "1"
    if args.cache:
        os.environ["TRIAGE_OCR_CACHE"] = str(args.cache)
    else:
        os.environ.pop("TRIAGE_OCR_CACHE", None)  # measure real OCR
    from pipeline.batch import scan_many

    gold = {
        r["id"]: r
        for r in map(json.loads, (DEVSET / "corpus.jsonl").read_text(encoding="utf-8").splitlines())
    }
    pdfs = sorted((DEVSET / "pdf").glob("*.pdf"))[: args.limit]
    settings = Settings()
    figures: dict[str, Any] = {"documents": len(pdfs)}
    figures["engine_load_seconds"] = round(load_time(), 2)
    with tempfile.TemporaryDirectory() as tmp:
        scans = [scanned_copy(p, Path(tmp) / p.name, seed=i) for i, p in enumerate(pdfs)]
        text_records = {
            p.stem: r
            for p, r in zip(
                pdfs, scan_many(pdfs, settings, workers=args.workers, with_text=True), strict=True
            )
        }
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        scan_records = {
            p.stem: r
            for p, r in zip(
                pdfs, scan_many(scans, settings, workers=args.workers, with_text=True), strict=True
            )
        }
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    pages = sum(len(r.get("ocr", {}).get("pages", [])) for r in scan_records.values())
    errors = [r["source"] for r in scan_records.values() if r["status"] != "ok"]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    figures.update(
        pages=pages,
        errors=errors,
        wall_seconds=round(wall, 1),
        pages_per_second=round(pages / wall, 3) if wall else None,
        cpu_seconds_per_page=round(cpu / pages, 2) if pages else None,
        peak_rss_mb_per_worker=round(after.ru_maxrss / 1024, 0),
        load_average=os.getloadavg()[0],
        ocr_cached=bool(args.cache),
    )
    per_doc = {}
    errors_total = length_total = 0
    fields_equal = fields_total = 0
    for doc_id, ref in text_records.items():
        scan = scan_records[doc_id]
        a, b = squeeze(ref.get("text", "")), squeeze(scan.get("text", ""))
        distance = edit_distance(a, b)
        per_doc[doc_id] = round(1 - distance / max(1, len(a)), 4)
        errors_total += distance
        length_total += len(a)
        for key, value in ref["metadata"].items():
            fields_total += 1
            fields_equal += scan["metadata"].get(key) == value
            if scan["metadata"].get(key) != value:
                print(
                    f"  metadata {doc_id} {key}: text {value!r} · scan {scan['metadata'].get(key)!r}"
                )
    figures["char_accuracy"] = round(1 - errors_total / max(1, length_total), 4)
    figures["char_accuracy_per_document"] = per_doc
    figures["metadata_fields_equal"] = round(fields_equal / max(1, fields_total), 4)
    text_recall, scan_recall = recall(gold, text_records), recall(gold, scan_records)
    figures["recall"] = {
        label: {
            "text_pdf": round(text_recall[label][0] / text_recall[label][1], 3),
            "scan": round(scan_recall[label][0] / scan_recall[label][1], 3),
            "spans": text_recall[label][1],
        }
        for label in text_recall
    }
    worst = max((abs(v["text_pdf"] - v["scan"]) for v in figures["recall"].values()), default=0)
    figures["recall_max_gap"] = round(worst, 3)
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

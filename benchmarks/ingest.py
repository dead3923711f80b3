"""Ingestion speed: docs/s and MB/s for txt, docx and pdf (and pages/s for PDF).

    .venv/bin/python benchmarks/ingest.py [--workers 2] [--copies 10]

Each run scans (ingest + metadata, the work of `triage scan` before detection) a corpus
built in a temporary folder: the devset texts as UTF-8 and GB18030 .txt, the same texts
as .docx plus our rich sample notice, and the devset PDFs plus multi-page sample PDFs.
Without ../shared it uses our own samples only. Target for text PDFs: >= 20 pages/s on
2 workers.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import scan_many  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from tests.fixtures.samples import (  # noqa: E402
    REPLY_TEXT,
    build_notice_docx,
    build_plain_docx,
    build_subsidy_pdf,
)


def build_corpus(folder: Path, devset: Path, copies: int) -> dict[str, list[Path]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((devset / "texts").glob("*.txt"))]
    texts = texts or [REPLY_TEXT.replace("\r\n", "\n")]
    corpus: dict[str, list[Path]] = {"txt": [], "docx": [], "pdf": []}
    for c in range(copies):
        for i, text in enumerate(texts):
            encoding = "utf-8" if i % 2 else "gb18030"
            path = folder / f"t{c}_{i}.txt"
            path.write_bytes(text.encode(encoding))
            corpus["txt"].append(path)
    docx_sources = [
        build_plain_docx(folder / f"base{i}.docx", t.split("\n")) for i, t in enumerate(texts)
    ]
    docx_sources.append(build_notice_docx(folder / "notice.docx"))
    pdf_sources = [
        *sorted((devset / "pdf").glob("*.pdf")),
        build_subsidy_pdf(folder / "subsidy3.pdf", pages=3),
        build_subsidy_pdf(folder / "subsidy8.pdf", pages=8),
    ]
    for c in range(copies):
        for i, src in enumerate(docx_sources):
            dst = folder / f"d{c}_{i}.docx"
            dst.write_bytes(src.read_bytes())
            corpus["docx"].append(dst)
        for i, src in enumerate(pdf_sources):
            dst = folder / f"p{c}_{i}.pdf"
            dst.write_bytes(src.read_bytes())
            corpus["pdf"].append(dst)
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=6, help="copies of each source document")
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(Path(tmp), args.devset, args.copies)
        print(f"workers: {args.workers}")
        print(
            f"{'format':<6} {'docs':>5} {'MB':>7} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'pages/s':>8} {'errors':>6}"
        )
        for fmt, paths in corpus.items():
            size = sum(p.stat().st_size for p in paths) / 1e6
            start = time.perf_counter()
            records = list(scan_many(paths, settings, workers=args.workers))
            seconds = time.perf_counter() - start
            errors = sum(r["status"] != "ok" for r in records)
            pages = sum(r.get("pages") or 0 for r in records)
            pages_s = f"{pages / seconds:8.1f}" if fmt == "pdf" else f"{'':>8}"
            print(
                f"{fmt:<6} {len(paths):>5} {size:>7.2f} {seconds:>8.2f} {len(paths) / seconds:>8.1f} "
                f"{size / seconds:>7.2f} {pages_s} {errors:>6}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

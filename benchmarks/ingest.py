"""Ingestion speed: docs/s and MB/s for txt, docx and pdf (and pages/s for PDF), twice.

    .venv/bin/python benchmarks/ingest.py [--workers 2] [--copies 6]

Two figures per format over the same corpus and the same number of worker processes
(for ``ingest`` warmed up before the clock starts):
- ``ingest``: reading the file and its GB/T 9704 metadata only (`ingest_file` +
  `extract_metadata`), the part that depends on the format;
- ``scan``: the whole `triage scan` of the file (ingest, metadata, every recognizer with
  the NER and clause models, the suggestion, the proposals), through `scan_many` as the
  CLI runs it: each format's run starts its workers (about 2 s of model loading), as
  every `triage scan` does.
The corpus is built in a temporary folder: the devset texts as UTF-8 and GB18030 .txt,
the same texts as .docx plus our rich sample notice, and the devset PDFs plus
multi-page sample PDFs. Without ../shared it uses our own samples only. Target for text
PDFs: >= 20 pages/s on 2 workers.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import scan_many  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.ingest import ingest_file  # noqa: E402
from pipeline.metadata import extract_metadata  # noqa: E402
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


def ingest_one(path: str) -> tuple[bool, int]:
    """Read one file and its metadata: (read, pages)."""
    document, _data, _error = ingest_file(Path(path), Settings())
    if document is None:
        return False, 0
    extract_metadata(document)
    return True, document.pages or 0


def ingest_many(pool: ProcessPoolExecutor, paths: list[Path]) -> tuple[int, int]:
    """(errors, pages) over ``paths`` on the pool's workers."""
    results = list(pool.map(ingest_one, [str(p) for p in paths], chunksize=4))
    return sum(not ok for ok, _ in results), sum(pages for _, pages in results)


def print_row(
    what: str, fmt: str, n: int, size: float, seconds: float, pages: int, errors: int
) -> None:
    pages_s = f"{pages / seconds:8.1f}" if fmt == "pdf" else f"{'':>8}"
    print(
        f"{what:<7} {fmt:<6} {n:>5} {size:>7.2f} {seconds:>8.2f} {n / seconds:>8.1f} "
        f"{size / seconds:>7.2f} {pages_s} {errors:>6}"
    )


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
            f"{'what':<7} {'format':<6} {'docs':>5} {'MB':>7} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'pages/s':>8} {'errors':>6}"
        )
        with ProcessPoolExecutor(args.workers) as pool:
            warm = [p for paths in corpus.values() for p in paths[:1]] * args.workers
            ingest_many(pool, warm)  # imports and caches in every worker before timing
            for fmt, paths in corpus.items():
                size = sum(p.stat().st_size for p in paths) / 1e6
                start = time.perf_counter()
                errors, pages = ingest_many(pool, paths)
                print_row(
                    "ingest", fmt, len(paths), size, time.perf_counter() - start, pages, errors
                )
        list(
            scan_many(
                [p for paths in corpus.values() for p in paths[:1]], settings, workers=args.workers
            )
        )
        for fmt, paths in corpus.items():
            size = sum(p.stat().st_size for p in paths) / 1e6
            start = time.perf_counter()
            records = list(scan_many(paths, settings, workers=args.workers))
            seconds = time.perf_counter() - start
            errors = sum(r["status"] != "ok" for r in records)
            pages = sum(r.get("pages") or 0 for r in records)
            print_row("scan", fmt, len(paths), size, seconds, pages, errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

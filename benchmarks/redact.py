"""Redaction speed: docs/s for .docx and pages/s for .pdf on 2 worker processes.

    .venv/bin/python benchmarks/redact.py [--workers 2] [--rounds 10]

Each job is what `triage redact` does for one file once the spans are chosen: read the
file and write the redacted copy (with its leak check). The spans are our proposals plus
every occurrence of a gold personal-data or trade-secret value, so each document with
such data has redactions (withheld documents too). Corpus: the devset .docx, our sample
notice (text boxes, notes, tracked changes) and PDFs of the same .docx made by
LibreOffice (or the shipped devset PDFs when LibreOffice is absent), plus our sample
公示 PDF. Targets: docx >= 20 docs/s, pdf >= 5 pages/s.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import Settings  # noqa: E402
from pipeline.ingest import ingest_file  # noqa: E402
from pipeline.labels import REDACTABLE  # noqa: E402
from pipeline.redact.copies import redacted_copy  # noqa: E402
from pipeline.redact.spans import Redaction  # noqa: E402
from pipeline.scan import analyse  # noqa: E402
from tests.fixtures.libreoffice import convert_with_libreoffice  # noqa: E402
from tests.fixtures.samples import build_notice_docx, build_subsidy_pdf  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devset"
Job = tuple[str, list[tuple[int, int, str]]]


def gold_values() -> dict[str, set[str]]:
    corpus = DEVSET / "corpus.jsonl"
    if not corpus.exists():
        return {}
    out: dict[str, set[str]] = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        public = bool(record.get("public_persons"))
        out[record["id"]] = {
            record["text"][s["start"] : s["end"]]
            for s in record["spans"]
            if s["label"] in REDACTABLE and not (public and s["label"] == "PERSON")
        }
    return out


def job_for(path: Path, gold: dict[str, set[str]]) -> tuple[Job, int]:
    """The file, its spans, and its page count."""
    document, _data, error = ingest_file(path, Settings())
    if document is None:
        raise SystemExit(f"{path}: {error}")
    spans = list(analyse(document).redactions)
    for value in gold.get(path.stem, set()):
        spans += [
            Redaction(m.start(), m.end(), "GOLD")
            for m in re.finditer(re.escape(value), document.text)
        ]
    return (str(path), [(s.start, s.end, s.label) for s in spans]), document.pages or 1


def redact_one(job: Job) -> int:
    path, raw = job
    document, data, error = ingest_file(Path(path), Settings())
    if document is None or data is None:
        raise RuntimeError(f"{path}: {error}")
    spans = [Redaction(a, b, label) for a, b, label in raw]
    return len(redacted_copy(document, data, spans))


def run(jobs: list[Job], pool: ProcessPoolExecutor | None) -> float:
    """Seconds to redact ``jobs`` in this process or on the started ``pool``."""
    start = time.perf_counter()
    if pool is None:
        for job in jobs:
            redact_one(job)
    else:
        list(pool.map(redact_one, jobs, chunksize=2))
    return time.perf_counter() - start


def warm(pool_jobs: list[Job], pool: ProcessPoolExecutor | None, workers: int) -> None:
    """Start the workers and load the fonts once, outside the timing: the pool that is
    timed is the pool warmed, as a nightly run's workers stay up between files."""
    run(pool_jobs[: 2 * workers], pool)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    gold = gold_values()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx_files = sorted((DEVSET / "docs").glob("*.docx"))
        docx_files.append(build_notice_docx(folder / "notice.docx"))
        try:
            pdf_files = convert_with_libreoffice(docx_files, folder / "pdf")
            pdf_origin = "LibreOffice PDFs of the .docx"
        except FileNotFoundError:
            pdf_files = sorted((DEVSET / "pdf").glob("*.pdf"))
            pdf_origin = "shipped devset PDFs (LibreOffice absent)"
        pdf_files.append(build_subsidy_pdf(folder / "subsidy.pdf", pages=3))
        print(f"corpus: {len(docx_files)} .docx, {len(pdf_files)} PDFs ({pdf_origin})")
        for kind, files in (("docx", docx_files), ("pdf", pdf_files)):
            prepared = [job_for(p, gold) for p in files]
            jobs = [job for job, _pages in prepared] * args.rounds
            pages = sum(n for _job, n in prepared) * args.rounds
            redacted = sum(bool(job[1]) for job, _pages in prepared)
            with contextlib.ExitStack() as stack:
                pool = (
                    stack.enter_context(ProcessPoolExecutor(args.workers))
                    if args.workers > 1
                    else None
                )
                warm(jobs, pool, args.workers)
                seconds = run(jobs, pool)
            unit = "pages" if kind == "pdf" else "docs"
            count = pages if kind == "pdf" else len(jobs)
            target = 5 if kind == "pdf" else 20
            size = f"{pages} pages, " if kind == "pdf" else ""
            print(
                f"{kind}: {len(jobs)} documents ({size}{redacted}/{len(files)} files with "
                f"redactions) in {seconds:.1f} s on {args.workers} workers: "
                f"{count / seconds:.1f} {unit}/s (target >= {target} {unit}/s)"
            )


if __name__ == "__main__":
    main()

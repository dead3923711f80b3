"""The nightly flow's speed on 1,000 mixed documents, and what Prefect costs.

    .venv/bin/python benchmarks/nightly.py [--docs 1000] [--workers 2]

Generates an inbox of ``--docs`` drafts (UTF-8 and GB18030 text, docx, PDF with a text
layer, in turn; :mod:`pipeline.generated_inbox`), then stores it into a fresh SQLite
database three times:

1. **plain**: the same plan → chunks → ``store_chunk`` → summary, on a spawn-context
   ``ProcessPoolExecutor`` of ``--workers`` processes, no Prefect at all;
2. **local**: the ``nightly`` flow with Prefect's process pool task runner;
3. **dask**: the ``nightly`` flow on a Dask LocalCluster of ``--workers`` processes.

It prints each run's wall time and documents per minute, and Prefect's overhead as the
share of a flow run's time that the plain run does not need: (flow − plain) / flow. The
local API server's start (once per night, before the flow) is timed apart and shown
both outside and inside that share. All three runs must store the same records.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from pipeline import nightly  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.generated_inbox import FORMATS, write_inbox  # noqa: E402
from pipeline.store.db import open_db  # noqa: E402


def plain_run(inbox: Path, url: str, workers: int) -> nightly.Summary:
    """The flow's work without Prefect, on the same kind of worker processes."""
    settings = Settings.from_env()
    run = nightly.plan([inbox], open_db(url), settings)
    size = nightly.chunk_size_for(len(run.todo), workers)
    chunks = nightly.chunked(run.todo, size)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        list(pool.map(nightly.store_chunk, chunks, [url] * len(chunks), [settings] * len(chunks)))
    stored, missing = nightly.collect(run.todo, url)
    return nightly.summarise(run, stored, missing)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="triage-nightly-bench-") as tmp:
        work = Path(tmp)
        inbox = work / "inbox"
        started = time.perf_counter()
        write_inbox(inbox, args.docs)
        print(
            f"{args.docs} generated drafts ({', '.join(FORMATS)} in turn) written in "
            f"{time.perf_counter() - started:.1f} s; {os.cpu_count()} CPUs, "
            f"load average {os.getloadavg()[0]:.2f}"
        )

        started = time.perf_counter()
        plain = plain_run(inbox, f"sqlite:///{work / 'plain.db'}", args.workers)
        t_plain = time.perf_counter() - started

        from pipeline import flows

        logging.getLogger("distributed").setLevel(logging.WARNING)

        api = flows.prefect_api()
        started = time.perf_counter()
        api.__enter__()
        t_api = time.perf_counter() - started
        results: dict[str, tuple[float, dict[str, object]]] = {}
        for runner in ("local", "dask"):
            started = time.perf_counter()
            summary = flows.nightly(
                inbox=[str(inbox)],
                db=f"sqlite:///{work / f'{runner}.db'}",
                runner=runner,
                workers=args.workers,
            )
            results[runner] = (time.perf_counter() - started, summary)

    print(f"local Prefect API start: {t_api:.1f} s (once a night, before the flow)\n")
    print(f"{'run':<28}{'wall s':>8}{'docs/min':>10}{'Prefect overhead':>18}{'incl. API':>11}")
    print(
        f"{'plain (no Prefect)':<28}{t_plain:>8.1f}{args.docs / t_plain * 60:>10.0f}{'—':>18}{'—':>11}"
    )
    worst = 0.0
    for runner, (seconds, _summary) in results.items():
        share = (seconds - t_plain) / seconds
        with_api = (seconds + t_api - t_plain) / (seconds + t_api)
        worst = max(worst, share)
        label = f"flow, {runner} ({args.workers} {'processes' if runner == 'local' else 'workers'})"
        print(
            f"{label:<28}{seconds:>8.1f}{args.docs / seconds * 60:>10.0f}"
            f"{share:>17.1%}{with_api:>11.1%}"
        )
    same = all(s == plain.to_dict() for _t, s in results.values())
    print(f"\nsame summary from all three runs: {'yes' if same else 'NO'}")
    print(f"states: {dict(plain.states)}; attributes: {dict(plain.attributes)}")
    verdict = "PASS" if worst <= 0.10 else "FAIL"
    print(f"{verdict}: Prefect overhead {worst:.1%} of the flow's time (target ≤ 10%)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())

"""The nightly flow's speed on 1,000 mixed documents, and what Prefect costs.

    .venv/bin/python benchmarks/nightly.py [--docs 1000] [--workers 2] [--runs 2]

Generates an inbox of ``--docs`` drafts (UTF-8 and GB18030 text, docx, PDF with a text
layer, in turn; :mod:`tests.fixtures.generated_inbox`), then stores it into a fresh SQLite
database with each of four runs, ``--runs`` times in turn (the machine's speed drifts):

- **plain, processes**: plan → chunks → ``store_chunk`` → summary on the local runner's
  ``WorkerPool`` of ``--workers`` processes fed by threads — its work without Prefect;
- **flow, local**: the ``nightly`` flow with the local runner (``--workers`` processes);
- **plain, Dask**: the same chunks with ``Client.map`` on a Dask LocalCluster of
  ``--workers`` processes (cluster start and stop included) — the Dask runner's work
  without Prefect;
- **flow, Dask**: the ``nightly`` flow with prefect-dask's DaskTaskRunner on a LocalCluster;
- **plain / flow, running Dask**: the same two on a cluster that is already up with its
  workers warm (``--dask-address``), as on a platform where the cluster outlives a night.

It prints the median wall time and documents per minute of each, and Prefect's overhead
for each runner: (flow − plain) / flow, against the plain run on the same engine. The
local API server's start (once per night, before the flow) is timed apart and shown both
outside and inside that share. Every run must store the same records.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from pipeline import nightly, nightly_summary  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from tests.fixtures.generated_inbox import FORMATS, write_inbox  # noqa: E402


def plain_run(inbox: Path, url: str, workers: int) -> nightly_summary.Summary:
    """The local runner's work without Prefect: the same warmed-up worker processes fed
    from two threads per process, as the flow's task threads feed them."""
    settings = Settings.from_env()
    with nightly.WorkerPool(workers) as pool:
        run = nightly.plan([inbox], nightly.open_store(url), settings)
        chunks = nightly.chunked(run.todo, nightly.chunk_size_for(len(run.todo), workers))
        with ThreadPoolExecutor(2 * workers) as lanes:
            list(lanes.map(lambda chunk: pool.store(chunk, url, settings), chunks))
    return _summary(run, url)


def _summary(run: nightly.Plan, url: str) -> nightly_summary.Summary:
    """What the flow's last task does: the summary with its 依申请公开 lines."""
    stored, missing = nightly.collect(run.todo, url)
    summary = nightly_summary.summarise(run, stored, missing)
    summary.requests = nightly_summary.request_lines(url)
    return summary


def local_cluster(workers: int) -> Any:
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )


def plain_dask_run(
    inbox: Path, url: str, workers: int, address: str | None = None
) -> nightly_summary.Summary:
    """The Dask runner's work without Prefect: the same chunks mapped on a LocalCluster
    started for the run, or on the running cluster at ``address``."""
    from distributed import Client

    settings = Settings.from_env()
    run = nightly.plan([inbox], nightly.open_store(url), settings)
    chunks = nightly.chunked(run.todo, nightly.chunk_size_for(len(run.todo), workers))
    with contextlib.ExitStack() as stack:
        target = address or stack.enter_context(local_cluster(workers))
        client = stack.enter_context(Client(target))
        futures = client.map(nightly.store_chunk, chunks, url=url, settings=settings, pure=False)
        client.gather(futures)
    return _summary(run, url)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2)
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
        from pipeline import flows

        api = flows.prefect_api()
        started = time.perf_counter()
        api.__enter__()
        t_api = time.perf_counter() - started
        logging.getLogger("distributed").setLevel(logging.WARNING)

        # A running cluster, as on a platform: its workers stay up between nightly runs.
        cluster = local_cluster(args.workers)
        address = cluster.scheduler_address

        def flow_run(
            runner: str, at: str | None = None
        ) -> Callable[[Path, str, int], dict[str, Any]]:
            def run(inbox: Path, url: str, workers: int) -> dict[str, Any]:
                return flows.nightly(
                    inbox=[str(inbox)], db=url, runner=runner, workers=workers, dask_address=at
                )

            return run

        def plain_at(inbox: Path, url: str, workers: int) -> nightly_summary.Summary:
            return plain_dask_run(inbox, url, workers, address)

        variants: dict[str, Callable[[Path, str, int], Any]] = {
            "plain, processes": plain_run,
            "flow, local": flow_run("local"),
            "plain, Dask": plain_dask_run,
            "flow, Dask": flow_run("dask"),
            "plain, running Dask": plain_at,
            "flow, running Dask": flow_run("dask", address),
        }
        baseline = {
            "flow, local": "plain, processes",
            "flow, Dask": "plain, Dask",
            "flow, running Dask": "plain, running Dask",
        }
        warm = work / "warm"  # the running cluster's workers import and load once, untimed
        write_inbox(warm, 4)
        plain_at(warm, f"sqlite:///{work / 'warm-plain.db'}", args.workers)
        flow_run("dask", address)(warm, f"sqlite:///{work / 'warm-flow.db'}", args.workers)
        times: dict[str, list[float]] = {name: [] for name in variants}
        summaries = []
        for round_no in range(args.runs):
            for n, (name, function) in enumerate(variants.items()):
                url = f"sqlite:///{work / f'{round_no}-{n}.db'}"
                started = time.perf_counter()
                summary = function(inbox, url, args.workers)
                times[name].append(time.perf_counter() - started)
                summaries.append(summary if isinstance(summary, dict) else summary.to_dict())
                print(f"  round {round_no + 1}: {name:<20}{times[name][-1]:>7.1f} s", flush=True)
        cluster.close()

    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"\nlocal Prefect API start: {t_api:.1f} s (once a night, before the flow)\n")
    print(
        f"{'run (median)':<24}{'wall s':>8}{'docs/min':>10}{'Prefect overhead':>18}{'incl. API':>11}"
    )
    worst = 0.0
    for name, seconds in median.items():
        line = f"{name:<24}{seconds:>8.1f}{args.docs / seconds * 60:>10.0f}"
        if name.startswith("flow"):
            plain = median[baseline[name]]
            share = (seconds - plain) / seconds
            with_api = (seconds + t_api - plain) / (seconds + t_api)
            worst = max(worst, share)
            line += f"{share:>17.1%}{with_api:>11.1%}"
        print(line)
    same = all(s == summaries[0] for s in summaries)
    print(f"\nsame summary from all {len(summaries)} runs: {'yes' if same else 'NO'}")
    names = [name for _round in range(args.runs) for name in variants]
    for name, summary in zip(names, summaries, strict=True):
        for key in sorted(k for k in summary if summary[k] != summaries[0][k]):
            print(f"  {name}: {key} = {summary[key]!r} (first run: {summaries[0][key]!r})")
    first = summaries[0]
    print(f"states: {first['states']}; attributes: {first['attributes']}")
    verdict = "PASS" if worst <= 0.10 else "FAIL"
    print(f"{verdict}: Prefect overhead at most {worst:.1%} of a flow run's time (target ≤ 10%)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())

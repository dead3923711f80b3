"""Scan many files on N worker processes, in input order, surviving worker crashes.

A parser bug that kills a worker process (a segfault in a C extension, the OOM killer)
must not lose the batch. When the pool breaks, the files not yet done are scanned one
by one, each in a fresh single-worker process, so the file that crashes is identified
exactly and recorded as ``worker_crashed`` while every other file is still scanned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from pipeline.config import Settings
from pipeline.ingest import ErrorCode, IngestError
from pipeline.scan import Record, display_path, error_record, scan_file


def scan_many(
    paths: Sequence[Path],
    settings: Settings,
    *,
    workers: int = 1,
    with_text: bool = False,
    with_blocks: bool = False,
    on_done: Callable[[Record], None] | None = None,
) -> Iterator[Record]:
    """Yield one record per path, in the order of ``paths``."""
    scan = partial(scan_file, settings=settings, with_text=with_text, with_blocks=with_blocks)

    def done(record: Record) -> Record:
        if on_done:
            on_done(record)
        return record

    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield done(scan(path))
        return

    finished = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: list[Future[Record]] = [pool.submit(scan, p) for p in paths]
        try:
            for fut in futures:
                record = fut.result()
                finished += 1
                yield done(record)
        except BrokenProcessPool:
            pass
    for path in paths[finished:]:
        yield done(_scan_isolated(path, scan))


def _scan_isolated(path: Path, scan: Callable[[Path], Record]) -> Record:
    try:
        with ProcessPoolExecutor(max_workers=1) as solo:
            return solo.submit(scan, path).result()
    except BrokenProcessPool:
        source = display_path(path)
        record = error_record(
            source,
            IngestError(
                ErrorCode.INTERNAL,
                f"{source}: reading this file crashed the worker process; it was recorded "
                "and the batch went on (please report the file)",
            ),
            None,
        )
        record["error"]["code"] = "worker_crashed"
        return record

"""Scan many files on N worker processes, in input order, surviving worker crashes.

A parser bug that kills a worker process (a segfault in a C extension, the OOM killer)
must not lose the batch. When the pool breaks, the files not yet done are scanned one
by one, each in a fresh single-worker process, so the file that crashes is identified
exactly and recorded as ``worker_crashed`` while every other file is still scanned.

Starting a worker costs ~2 s of loading (spaCy, jieba, the compiled models), more than
a few hundred documents of scanning; :func:`scan_many` therefore starts the workers
before it returns and each one loads everything at once (:func:`pipeline.scan.warm_up`),
while the calling process goes on with its own start (imports, the report). The calling
process does not import the scanning code for that: only the workers need it. Files go
to the workers a few at a time (:func:`_chunk_size`), the records come back in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.config import Settings

if TYPE_CHECKING:
    from pipeline.scan import Record

Scan = Callable[[Path], "Record"]


def scan_many(
    paths: Sequence[Path],
    settings: Settings,
    *,
    workers: int = 1,
    with_text: bool = False,
    with_blocks: bool = False,
    on_done: Callable[[Record], None] | None = None,
) -> Iterator[Record]:
    """Yield one record per path, in the order of ``paths``.

    With more than one worker (and file), the pool is started and every file submitted
    before this returns; the records come as the iterator is read."""
    scan: Scan = partial(_scan_one, settings=settings, with_text=with_text, with_blocks=with_blocks)
    if workers <= 1 or len(paths) <= 1:
        return _done(map(scan, paths), on_done)
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_up)
    size = _chunk_size(len(paths), workers)
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    futures = [pool.submit(_scan_chunk, scan, chunk) for chunk in chunks]
    return _done(_in_order(pool, futures, paths, scan), on_done)


def _chunk_size(files: int, workers: int) -> int:
    """Files per task: up to 16, as each task's messages cost the main process CPU time
    the workers need (960 files: 2.3 s of main-process CPU one file per task, 1.7 s 16
    per task), but at least 8 tasks per worker so that the workers finish together."""
    return max(1, min(16, files // (workers * 8)))


def _scan_chunk(scan: Scan, paths: Sequence[Path]) -> list[Record]:
    """One task: a few files scanned in a row by one worker."""
    return [scan(path) for path in paths]


def _done(records: Iterator[Record], on_done: Callable[[Record], None] | None) -> Iterator[Record]:
    for record in records:
        if on_done:
            on_done(record)
        yield record


def _in_order(
    pool: ProcessPoolExecutor,
    futures: list[Future[list[Record]]],
    paths: Sequence[Path],
    scan: Scan,
) -> Iterator[Record]:
    """The pool's records in input order; after a crash, the rest one process each."""
    finished = 0
    try:
        for fut in futures:
            for record in fut.result():
                finished += 1
                yield record
    except BrokenProcessPool:
        pass
    finally:  # also when the reader stops early: files not started are dropped
        pool.shutdown(wait=True, cancel_futures=True)
    for path in paths[finished:]:
        yield _scan_isolated(path, scan)


def _scan_one(path: Path, settings: Settings, *, with_text: bool, with_blocks: bool) -> Record:
    """:func:`pipeline.scan.scan_file`, imported where it runs (in the worker)."""
    from pipeline.scan import scan_file

    return scan_file(path, settings, with_text=with_text, with_blocks=with_blocks)


def _warm_up() -> None:
    """Worker initializer: load what scanning uses before the first file arrives."""
    from pipeline.scan import warm_up

    warm_up()


def _scan_isolated(path: Path, scan: Scan) -> Record:
    try:
        with ProcessPoolExecutor(max_workers=1) as solo:
            return solo.submit(scan, path).result()
    except BrokenProcessPool:
        from pipeline.scan import crashed_record, display_path

        return crashed_record(display_path(path))

"""Scan many files on N worker processes, in input order, each file within its time budget.

A parser bug that kills a worker process (a segfault in a C extension, the OOM killer)
must not lose the batch, nor may a file that would take hours (a pathological layout, a
regular expression gone quadratic) hold it up. Files go to the workers one at a time
(:class:`pipeline.supervise.Supervisor`): a worker that dies is replaced and its file
recorded as ``worker_crashed``; one still busy after ``Settings.file_timeout`` seconds is
killed and replaced, its file recorded as ``timeout``; every other file is scanned.

Starting a worker costs ~2 s of loading (spaCy, jieba, the compiled models), more than
a few hundred documents of scanning; :func:`scan_many` therefore starts the workers
before it returns and each one loads everything at once (:func:`pipeline.scan.warm_up`),
while the calling process goes on with its own start (imports, the report). The calling
process does not import the scanning code for that: only the workers need it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.config import Settings
from pipeline.supervise import Supervisor

if TYPE_CHECKING:
    from pipeline.scan import Record

Item = tuple[Path, Path | None]  # a file and the inbox folder it must stay in (None: any)


def scan_many(
    paths: Sequence[Path],
    settings: Settings,
    *,
    workers: int = 1,
    with_text: bool = False,
    with_blocks: bool = False,
    on_done: Callable[[Record], None] | None = None,
    roots: Sequence[Path | None] | None = None,
) -> Iterator[Record]:
    """Yield one record per path, in the order of ``paths``; ``roots`` gives each path's
    inbox folder (:func:`pipeline.discover.discover_within`): a file that resolves
    outside it is recorded as ``outside_inbox`` unread.

    The workers are started before this returns; the records come as the iterator is read."""
    if not paths:
        return iter(())
    items: list[Item] = list(
        zip(paths, roots if roots is not None else [None] * len(paths), strict=True)
    )
    scan = partial(_scan_one, settings=settings, with_text=with_text, with_blocks=with_blocks)
    supervisor: Supervisor[Item, Record] = Supervisor(
        scan,
        workers=min(workers, len(items)),
        budget=settings.file_timeout,
        on_timeout=partial(_timed_out, settings=settings),
        on_crash=_crashed,
        initializer=_warm_up,
    )
    return _done(supervisor.map(items), on_done)


def _done(records: Iterator[Record], on_done: Callable[[Record], None] | None) -> Iterator[Record]:
    for record in records:
        if on_done:
            on_done(record)
        yield record


def _scan_one(item: Item, settings: Settings, *, with_text: bool, with_blocks: bool) -> Record:
    """:func:`pipeline.scan.scan_file`, imported where it runs (in the worker)."""
    from pipeline.scan import scan_file

    path, root = item
    return scan_file(path, settings, with_text=with_text, with_blocks=with_blocks, root=root)


def _warm_up() -> None:
    """Worker initializer: load what scanning uses before the first file arrives."""
    from pipeline.scan import warm_up

    warm_up()


def _timed_out(item: Item, settings: Settings) -> Record:
    from pipeline.scan import display_path, timeout_record

    return timeout_record(display_path(item[0]), settings.file_timeout)


def _crashed(item: Item) -> Record:
    from pipeline.scan import crashed_record, display_path

    return crashed_record(display_path(item[0]))

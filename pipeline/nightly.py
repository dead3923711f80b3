"""The nightly batch as plain functions: plan the inbox, scan and store chunks, summarise.

``pipeline.flows`` wraps these in Prefect tasks; tests and ``triage review add`` call them
directly. The database is the ledger that makes the batch safe to rerun and to kill:

- a file is known by its content hash (:func:`file_key`, the same key the store gives the
  record), so a file seen before is skipped and a changed file becomes a new version;
- every document is stored in its own transaction, so a run killed at any moment leaves
  each file either stored once or not at all, and the rerun does exactly the rest;
- a chunk whose worker process died is redone file by file in a fresh process
  (:func:`rescue`): the file that kills it is recorded as ``worker_crashed``.
"""

from __future__ import annotations

import hashlib
import math
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from functools import lru_cache, partial
from operator import attrgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from pipeline.config import Settings
from pipeline.discover import discover_within, inside
from pipeline.nightly_files import scan_item, settle, stopped_record
from pipeline.scan import Record, crashed_record, display_path, scan_file, warm_up
from pipeline.stall import Stalled, watch
from pipeline.store.db import make_engine, migrate
from pipeline.store.documents import add_record, unread_key
from pipeline.store.models import DocumentRow

HASH_BLOCK = 1 << 20


@dataclass(frozen=True)
class InboxFile:
    """One input file: where it is, how users read its name, and its key in the store."""

    path: str
    source: str
    key: str
    root: str | None = None  # the inbox folder it must resolve inside (None: anywhere)


@dataclass
class Plan:
    """What a run has to do: new files, files already stored, and same-content copies."""

    todo: list[InboxFile] = field(default_factory=list)
    seen: list[InboxFile] = field(default_factory=list)
    duplicates: list[tuple[InboxFile, InboxFile]] = field(default_factory=list)  # (copy, kept)

    @property
    def discovered(self) -> int:
        return len(self.todo) + len(self.seen) + len(self.duplicates)


@dataclass(frozen=True)
class Outcome:
    """A stored file as the run reports it."""

    source: str
    key: str
    document_id: int
    state: str
    attribute: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    previous_id: int | None = None
    ocr_pages: int = 0
    ocr_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def file_key(path: Path, settings: Settings, root: Path | None = None) -> str:
    """The key the store will give this file's record: the SHA-256 of its bytes, or, for
    a file that is not read (missing, unreadable, empty, over the size limit or outside
    its inbox ``root``), the path's key — the same rule as
    :func:`pipeline.store.documents.record_key`."""
    source = display_path(path)
    try:
        if root is not None and not inside(os.path.realpath(path), root):
            return unread_key(source)
        if not path.is_file():
            return unread_key(source)
        size = path.stat().st_size
        if size == 0 or size > settings.max_bytes:
            return unread_key(source)
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while block := handle.read(HASH_BLOCK):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return unread_key(source)


def plan(paths: Iterable[str | Path], factory: sessionmaker[Session], settings: Settings) -> Plan:
    """Discover the inbox and sort its files into new, already stored and copies."""
    files = [
        InboxFile(os.fspath(path), display_path(path), file_key(path, settings, root), str(root))
        for path, root in discover_within(paths)
    ]
    stored = _stored_keys(factory, {f.key for f in files})
    result = Plan()
    first: dict[str, InboxFile] = {}
    for item in files:
        if item.key in stored:
            result.seen.append(item)
        elif item.key in first:
            result.duplicates.append((item, first[item.key]))
        else:
            first[item.key] = item
            result.todo.append(item)
    return result


def _stored_keys(factory: sessionmaker[Session], keys: set[str]) -> set[str]:
    found: set[str] = set()
    ordered = sorted(keys)
    with factory() as session:
        for start in range(0, len(ordered), 500):  # stay under SQL parameter limits
            batch = ordered[start : start + 500]
            found.update(
                session.scalars(select(DocumentRow.sha256).where(DocumentRow.sha256.in_(batch)))
            )
    return found


def chunk_size_for(count: int, workers: int, requested: int | None = None) -> int:
    """Files per task: about four chunks per worker so the last ones finish together, at
    least 5 files so Prefect's cost per task (≈0.3 s on a Dask worker: its task engine
    reports to the API) stays small against the work, at most 250 so a chunk redone after
    a crash, or left to the next run, stays small too."""
    if requested:
        return max(1, requested)
    return max(5, min(250, math.ceil(count / max(1, workers * 4))))


def chunked(items: Sequence[InboxFile], size: int) -> list[list[InboxFile]]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


@lru_cache(maxsize=4)
def _engine(url: str) -> Engine:
    """One engine per process and database: workers run many chunks."""
    return make_engine(url)


def session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(_engine(url), expire_on_commit=False)


def open_store(url: str) -> sessionmaker[Session]:
    """The session factory on ``url`` after migrating it: the planner calls this once
    before any chunk runs, so workers never race to migrate."""
    migrate(_engine(url))
    return session_factory(url)


Scan = Callable[[Path, Settings], Record]


def _scan(path: Path, settings: Settings, root: Path | None = None) -> Record:
    return scan_file(path, settings, with_text=True, root=root)


def store_chunk(
    items: Sequence[InboxFile],
    url: str,
    settings: Settings,
    scan: Scan = _scan,
    owner_id: int | None = None,
) -> int:
    """Scan and store each file of a chunk, one transaction per file; returns how many
    files this call stored. Files already stored (a retry, a rerun after a crash, a
    concurrent run) are not scanned again. Every record is stored under the file's
    planned key, and a file changed since planning as ``changed_during_scan``
    (:mod:`pipeline.nightly_files`). ``owner_id``: the drafter the documents belong to
    (`triage review add --owner`; the nightly gives none, see ``pipeline.store.rights``).

    Only storage can raise (database or disk I/O): every document problem becomes an
    error record, so a retried chunk stores nothing twice and loses nothing.
    """
    factory = session_factory(url)
    stored = _stored_keys(factory, {i.key for i in items})  # one query; a race is caught below
    done = 0
    for item in items:
        if item.key in stored:
            continue
        record = scan_item(item, settings, scan, takes_root=scan is _scan)
        done += _store(factory, *settle(item, record, settings), owner_id=owner_id)
    return done


def _store(
    factory: sessionmaker[Session],
    record: Record,
    data: bytes | None,
    owner_id: int | None = None,
) -> bool:
    """Store one record in its own transaction; False when the content was there already."""
    try:
        with factory() as session, session.begin():
            return add_record(session, dict(record), data, owner_id=owner_id)[1]
    except IntegrityError:
        return False  # a concurrent run stored the same content between check and insert


def rescue(items: Sequence[InboxFile], url: str, settings: Settings, scan: Scan = _scan) -> None:
    """Redo a chunk whose worker died, in fresh processes: the chunk goes on in a new
    process; when that one dies too, the file it was on (the first not stored, files are
    done in order) is recorded as ``worker_crashed`` and the rest go on in another."""
    remaining = list(items)
    context = multiprocessing.get_context("spawn")  # no fork of a threaded orchestrator
    while remaining:
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=context) as solo:
                future = solo.submit(store_chunk, remaining, url, settings, scan)
                _watch(future, remaining, url, settings, solo)
        except Stalled as stuck:
            _store(session_factory(url), stopped_record(stuck.item, settings), None)
            stored = _stored_keys(session_factory(url), {i.key for i in remaining})
            remaining = [i for i in remaining if i.key not in stored]
            continue
        except BrokenProcessPool:
            stored = _stored_keys(session_factory(url), {i.key for i in remaining})
            remaining = [i for i in remaining if i.key not in stored]
            if remaining:
                record = crashed_record(remaining[0].source)
                # Keyed by content: a changed file is tried again next night, the same bytes not.
                record["doc_id"] = remaining[0].key
                _store(session_factory(url), record, None)
                remaining = remaining[1:]
            continue
        break


def _watch(
    future: Future[int],
    items: Sequence[InboxFile],
    url: str,
    settings: Settings,
    executor: ProcessPoolExecutor,
) -> int:
    """The chunk's result; :class:`pipeline.stall.Stalled` if its worker stops storing."""
    keys = {i.key for i in items}
    stored = partial(_stored_keys, session_factory(url), keys)
    return watch(future, items, stored, attrgetter("key"), settings.file_timeout, executor)


class WorkerPool:
    """Worker processes that store chunks (the local runner's processes), replaced when
    one of them dies: the chunks that were running fail with ``BrokenProcessPool`` (and
    are rescued by the caller), the chunks after them run on the new processes."""

    def __init__(self, workers: int, scan: Scan = _scan) -> None:
        self._workers = workers
        self._scan = scan
        self._lock = threading.Lock()
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded orchestrator
        pool = ProcessPoolExecutor(self._workers, mp_context=context, initializer=warm_up)
        for _ in range(self._workers):  # start (and warm up) every process now, not lazily
            pool.submit(os.getpid)
        return pool

    def store(self, chunk: Sequence[InboxFile], url: str, settings: Settings) -> int:
        with self._lock:
            pool = self._pool
        try:
            future = pool.submit(store_chunk, chunk, url, settings, self._scan)
            try:
                return _watch(future, chunk, url, settings, pool)
            except Stalled as stuck:  # its processes are killed: replaced below
                _store(session_factory(url), stopped_record(stuck.item, settings), None)
                raise BrokenProcessPool(str(stuck)) from None
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = self._start()
                    pool.shutdown(wait=False, cancel_futures=True)
            raise

    def close(self) -> None:
        """Let the processes go without waiting for them to exit (freeing a warmed-up
        worker's memory takes seconds; the run's work is done)."""
        with self._lock:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def collect(items: Sequence[InboxFile], url: str) -> tuple[list[Outcome], list[InboxFile]]:
    """What the database holds for a run's files after it: the outcomes of those stored,
    and the files that are not (storage failed; the next run takes them up).

    The database, not the tasks' return values, is the ledger: a retried or rescued chunk
    reports the same as one that ran once.
    """
    by_key: dict[str, Outcome] = {}
    keys = sorted({i.key for i in items})
    with session_factory(url)() as session:
        for start in range(0, len(keys), 500):
            query = (
                select(DocumentRow)
                .where(DocumentRow.sha256.in_(keys[start : start + 500]))
                .options(selectinload(DocumentRow.suggestions))
            )
            for document in session.scalars(query):
                suggestion = document.suggestion
                by_key[document.sha256] = Outcome(
                    source=document.source,
                    key=document.sha256,
                    document_id=document.id,
                    state=document.state,
                    attribute=suggestion.attribute if suggestion else None,
                    error_code=document.error_code,
                    error_message=document.error_message,
                    previous_id=document.previous_id,
                    **_ocr_figures(document.warnings),
                )
    found = [by_key[i.key] for i in items if i.key in by_key]
    missing = [i for i in items if i.key not in by_key]
    return found, missing


def add_files(
    paths: Sequence[Path], url: str, settings: Settings, owner_id: int | None = None
) -> list[Outcome]:
    """Scan and store files in this process (`triage review add`, an upload in the web
    app): what the database holds for each of them afterwards, those stored before
    (the same bytes again) included. ``owner_id``: who the new documents belong to (the
    uploader; see ``pipeline.store.rights``)."""
    run = plan(paths, open_store(url), settings)
    store_chunk(run.todo, url, settings, owner_id=owner_id)
    kept = [first for _copy, first in run.duplicates]
    stored, _missing = collect([*run.todo, *run.seen, *kept], url)
    return stored


def _ocr_figures(warnings: list[Any] | None) -> dict[str, Any]:
    """Pages read by OCR and the time it took, from the record's ``ocr`` warning."""
    for warning in warnings or []:
        if isinstance(warning, dict) and warning.get("code") == "ocr":
            pages = warning.get("pages") or []
            return {"ocr_pages": len(pages), "ocr_seconds": float(warning.get("seconds") or 0)}
    return {}

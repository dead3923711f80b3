"""The Prefect flows: what runs unattended every night, and the only module that knows Prefect.

The path of a night's documents, top to bottom:

1. ``plan_inbox``: walk the inbox, hash every file, and keep only content the database
   has not seen (``pipeline.nightly.plan``); a changed file is new content, stored as a
   new version of the one before.
2. ``scan_and_store``: one task per chunk of files (not per document: Prefect's cost per
   task would dominate short documents), run on the chosen task runner — worker processes
   on this machine, or a Dask cluster. Each file is ingested, analysed (metadata,
   findings, suggestion) and stored in the review queue in its own transaction; a file
   that cannot be read becomes an error record. Retries happen only on I/O errors.
3. ``rescue_chunk``: a chunk whose worker process died is redone in fresh processes, the
   file that kills them recorded as ``worker_crashed``.
4. ``summarise_run``: counts by state, attribute and error code, from the database (the
   ledger), as a markdown artifact and the flow's result.

``publish`` (approved → catalog and public site) and ``rereview`` (due withheld items back
to the queue) are flows of their own, to be scheduled after the nightly one.

Offline by default: without ``PREFECT_API_URL`` the flows start Prefect's local
(ephemeral) API with its SQLite database and share it with their worker processes;
telemetry is off. ``triage nightly INBOX`` runs the nightly flow; ``prefect.yaml`` and
``triage schedule`` (``serve`` below) schedule them (see the README).
"""

from __future__ import annotations

import logging
import os

# Offline unless the operator says otherwise: set before Prefect reads its settings.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import TaskRun
from prefect.logging import get_run_logger
from prefect.states import State
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from pipeline import nightly as work
from pipeline.config import Settings
from pipeline.nightly_summary import Summary, request_lines, summarise
from pipeline.store.anchors import anchor_head
from pipeline.store.db import default_url, opened

RUNNERS = ("local", "dask")
# Retry a chunk only when the failure is I/O (a database or disk hiccup): a bug would
# fail again the same way, and documents never raise (they become error records).
RETRIES = 2
RETRY_DELAYS: list[float] = [5.0, 30.0]


class IncompleteRun(RuntimeError):
    """Some files could not be stored (storage failed): the flow fails so the operator
    sees it; the files are not lost, the next run takes them up."""

    def __init__(self, summary: Summary) -> None:
        super().__init__(
            f"{summary.not_stored} file(s) could not be stored; the next run takes them up"
        )
        self.summary = summary


def io_failure(exc: BaseException) -> bool:
    """Whether an exception is worth retrying: I/O on disk or to the database."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, OperationalError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OSError)


def _retry_on_io(_task: Any, _run: TaskRun, state: State[Any]) -> bool:
    try:
        state.result()
    except BaseException as exc:  # the state's exception, re-raised by result()
        return io_failure(exc)
    return False


@task(name="plan-inbox", cache_policy=NO_CACHE)
def plan_inbox(inbox: Sequence[str], url: str, settings: Settings) -> work.Plan:
    return work.plan(inbox, work.open_store(url), settings)


@task(
    name="scan-and-store",
    cache_policy=NO_CACHE,
    retries=RETRIES,
    retry_delay_seconds=RETRY_DELAYS,
    retry_condition_fn=_retry_on_io,
)
def scan_and_store(chunk: list[work.InboxFile], url: str, settings: Settings) -> int:
    """Store a chunk: on the local runner's worker processes when they are up, else here
    (a Dask worker)."""
    if _local_workers is not None:
        return _local_workers.store(chunk, url, settings)
    return work.store_chunk(chunk, url, settings)


# The local runner's worker processes while a nightly flow runs in this process. Its tasks
# run on threads that hand each chunk to these processes: the documents are read in
# parallel, and Prefect's bookkeeping stays in this process (workers start without
# importing Prefect; a task's API calls overlap with the other chunks' work).
_local_workers: work.WorkerPool | None = None


@contextmanager
def local_workers(runner: str, workers: int) -> Iterator[None]:
    global _local_workers
    if runner != "local":
        yield
        return
    with work.WorkerPool(workers) as pool:
        _local_workers = pool
        try:
            yield
        finally:
            _local_workers = None


@task(name="rescue-chunk", cache_policy=NO_CACHE)
def rescue_chunk(chunk: list[work.InboxFile], url: str, settings: Settings) -> None:
    work.rescue(chunk, url, settings)


@task(name="summarise-run", cache_policy=NO_CACHE)
def summarise_run(run: work.Plan, url: str) -> Summary:
    stored, missing = work.collect(run.todo, url)
    summary = summarise(run, stored, missing)
    summary.requests = request_lines(url)
    create_markdown_artifact(
        key="nightly-summary",
        markdown=summary.markdown(),
        description="公开审夜间批处理：入库、跳过和读取失败的文件",
    )
    return summary


def task_runner(runner: str, workers: int, dask_address: str | None = None) -> TaskRunner[Any]:
    """``local``: threads handing chunks to ``workers`` processes of this machine (see
    :func:`local_workers`), two per process so a process never waits for Prefect's
    bookkeeping; ``dask``: prefect-dask's DaskTaskRunner on the cluster at
    ``dask_address``, or on a LocalCluster of ``workers`` processes."""
    if runner == "local":
        return ThreadPoolTaskRunner(max_workers=2 * workers)
    if runner == "dask":
        import distributed  # noqa: F401  (its import sets its loggers' levels; then ours)
        from prefect_dask import DaskTaskRunner

        # A LocalCluster's scheduler and nannies log every worker's start and stop at INFO.
        logging.getLogger("distributed").setLevel(logging.WARNING)

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={
                "n_workers": workers,
                "threads_per_worker": 1,  # our work is CPU-bound Python: one per process
                "processes": True,
                "dashboard_address": None,
            },
        )
    raise ValueError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")


@flow(name="nightly", log_prints=False)
def nightly(
    inbox: list[str],
    db: str | None = None,
    runner: str = "local",
    workers: int = 2,
    dask_address: str | None = None,
    chunk_size: int | None = None,
) -> dict[str, Any]:
    """Scan the inbox's new and changed files into the review queue; returns the summary."""
    settings = Settings.from_env()
    url = db or default_url(settings)
    with local_workers(runner, workers):  # started first: they warm up while we plan
        return _nightly(inbox, url, settings, runner, workers, dask_address, chunk_size)


def _nightly(
    inbox: list[str],
    url: str,
    settings: Settings,
    runner: str,
    workers: int,
    dask_address: str | None,
    chunk_size: int | None,
) -> dict[str, Any]:
    logger = get_run_logger()
    # Absolute paths: a file's versions are linked by its path, whatever the working folder.
    run = plan_inbox([os.path.abspath(p) for p in inbox], url, settings)
    size = work.chunk_size_for(len(run.todo), workers, chunk_size)
    chunks = work.chunked(run.todo, size)
    logger.info(
        "%d files found: %d to scan in %d chunk(s) of up to %d, %d already stored, %d copies",
        run.discovered,
        len(run.todo),
        len(chunks),
        size,
        len(run.seen),
        len(run.duplicates),
    )
    failed: list[list[work.InboxFile]] = []
    if chunks:
        with task_runner(runner, workers, dask_address) as pool:
            futures = [
                pool.submit(scan_and_store, {"chunk": chunk, "url": url, "settings": settings})
                for chunk in chunks
            ]
            for chunk, future in zip(chunks, futures, strict=True):
                future.wait()
                if future.state.is_failed():
                    logger.warning(
                        "a chunk of %d files failed (%s); redoing it file by file",
                        len(chunk),
                        future.state.message,
                    )
                    failed.append(chunk)
    for chunk in failed:
        try:
            rescue_chunk(chunk, url, settings)
        except Exception as exc:  # storage is down: what is missing is counted below
            logger.error("rescue of a chunk failed: %s", exc)
    summary = summarise_run(run, url)
    logger.info("\n%s", summary.markdown())
    try:  # the audit log's head, copied out of the database (pipeline.store.anchors)
        with work.session_factory(url)() as session:
            anchor_head(session, "nightly")
    except Exception as exc:  # the run's work is stored; the next anchor covers it
        logger.warning("the audit log could not be anchored: %s", exc)
    if not summary.ok:
        raise IncompleteRun(summary)
    return summary.to_dict()


@flow(name="publish")
def publish(db: str | None = None, actor: str = "系统", site: str | None = None) -> dict[str, Any]:
    """Approved documents → the 公开目录 (增加/变更), withheld ones registered, site rewritten."""
    from pipeline.catalog.sweeps import publish_and_write_site

    with opened(db) as factory:
        done = publish_and_write_site(factory, actor, Path(site) if site else None)
    result = done.result
    lines = [
        "# 公开审 publish run",
        "",
        f"- 增加 {len(result.published)}, 变更 {len(result.changed)}, "
        f"不予公开登记 {len(result.registered)}, 失败 {len(result.failed)}",
        f"- site: {done.entries} entries → {done.site}",
    ]
    lines += [f"- 失败 文档 {doc_id}: {message}" for doc_id, message in result.failed]
    create_markdown_artifact(key="publish-summary", markdown="\n".join(lines) + "\n")
    if result.failed:
        raise RuntimeError(f"{len(result.failed)} document(s) could not be published")
    return {
        "published": result.published,
        "changed": result.changed,
        "registered": result.registered,
        "entries": done.entries,
    }


@flow(name="rereview")
def rereview(
    db: str | None = None, actor: str = "系统", today: str | None = None
) -> list[dict[str, Any]]:
    """Withheld items whose re-review date has come go back to the review queue."""
    from dataclasses import asdict

    from pipeline.catalog.sweeps import rereview_due

    with opened(db) as factory:
        items = rereview_due(factory, date.fromisoformat(today) if today else date.today(), actor)
    lines = [
        "# 公开审 re-review",
        "",
        f"{len(items)} withheld item(s) back in the review queue",
        "",
    ]
    lines += [f"- 文档 {i.document_id} ({i.rereview_on}, {i.rule}): {i.title}" for i in items]
    create_markdown_artifact(key="rereview-summary", markdown="\n".join(lines) + "\n")
    return [asdict(i) for i in items]


@contextmanager
def prefect_api() -> Iterator[None]:
    """Without a configured server, start Prefect's local API once in this process and
    export its address, so worker processes report to it instead of each starting one.

    The server stops at interpreter exit, after Prefect has flushed its logs and events.
    """
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url  # inherited by worker processes
    try:
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            yield
    finally:
        del os.environ["PREFECT_API_URL"]


def serve(inbox: list[str], cron: str = "0 1 * * *") -> None:
    """Serve the three flows on a schedule from this process (needs a Prefect server, see
    the README): nightly at ``cron``, publish at 06:00, re-review Mondays at 05:00. The
    database comes from ``TRIAGE_DB`` (not a parameter: Prefect stores those in the clear)."""
    from prefect import serve as prefect_serve
    from prefect.deployments.runner import RunnerDeployment

    deployments = [
        nightly.to_deployment(name="nightly", cron=cron, parameters={"inbox": inbox}),
        publish.to_deployment(name="publish", cron="0 6 * * *"),
        rereview.to_deployment(name="rereview", cron="0 5 * * 1"),
    ]
    # to_deployment is sync here (no running event loop); its typing also allows a coroutine.
    prefect_serve(*(d for d in deployments if isinstance(d, RunnerDeployment)))

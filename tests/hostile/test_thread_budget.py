"""The per-file budget where no alarm can be set (issue 18, item 4, on the Dask runner):
a Dask worker runs its tasks in a thread pool, where SIGALRM never arrives, so the
budget is kept by a watchdog thread. A file stuck in Python is stopped after
``file_timeout`` and recorded as ``timeout``; the rest of the chunk is stored; a block
that ends in time never gets a late timeout."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import select

from pipeline import nightly
from pipeline.config import Settings
from pipeline.file_budget import FileTimeout, can_interrupt, time_limit
from pipeline.scan import Record, scan_file
from pipeline.store.db import open_db, opened
from pipeline.store.models import DocumentRow


def _in_thread(action: object) -> dict[str, object]:
    """Run ``action`` in a fresh thread (as a Dask worker runs a task); what it returned
    or raised, and how long it took."""
    out: dict[str, object] = {}

    def run() -> None:
        assert not can_interrupt()  # no alarm here: the watchdog must do it
        started = time.monotonic()
        try:
            out["value"] = action()  # type: ignore[operator]
        except BaseException as exc:  # the test inspects what arrived
            out["raised"] = exc
        out["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert not thread.is_alive(), "the budget did not stop the block"
    return out


def _spin() -> None:
    with time_limit(0.5):
        while True:
            pass


def test_a_python_loop_outside_the_main_thread_is_stopped() -> None:
    out = _in_thread(_spin)
    assert isinstance(out["raised"], FileTimeout)
    assert 0.4 < float(out["seconds"]) < 5  # type: ignore[arg-type]


def test_a_block_that_ends_in_time_gets_no_late_timeout() -> None:
    def many() -> int:
        overran = 0
        for _ in range(2000):  # budgets that end about when their block does
            try:
                with time_limit(0.0005):
                    sum(range(200))
            except FileTimeout:  # raised from inside its block: right
                overran += 1
        time.sleep(0.3)  # a timeout withdrawn too late would land out here
        return overran

    out = _in_thread(many)
    assert "raised" not in out, out
    assert isinstance(out["value"], int)


def _stuck(path: Path, settings: Settings) -> Record:
    """A scan stuck in Python on ``loop.txt``."""
    if "loop" in path.name:
        while True:
            pass
    return scan_file(path, settings, with_text=True)


def test_a_dask_worker_records_a_file_over_its_budget_as_timeout(tmp_path: Path) -> None:
    """The nightly's task body (``store_chunk``) on a Dask worker: the stuck file is
    ``timeout`` within its budget, the others are stored."""
    from distributed import Client, LocalCluster

    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for name in ("a.txt", "loop.txt", "b.txt"):
        (inbox / name).write_text(f"关于{name}的通知\n正文。\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    settings = Settings(file_timeout=2)
    run = nightly.plan([inbox], open_db(url), settings)
    cluster = LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    )
    try:
        with Client(cluster) as client:
            started = time.monotonic()
            future = client.submit(nightly.store_chunk, run.todo, url, settings, _stuck)
            assert future.result(timeout=120) == 3
            took = time.monotonic() - started
    finally:
        cluster.close()
    with opened(url) as factory, factory() as session:
        codes = {Path(d.source).name: d.error_code for d in session.scalars(select(DocumentRow))}
    assert codes == {"a.txt": None, "b.txt": None, "loop.txt": "timeout"}
    assert took < 60, took

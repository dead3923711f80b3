"""The Prefect flows end to end: 205 files run twice, killed with SIGKILL mid-run and
rerun, on the local process pool and on a Dask LocalCluster; publish and re-review."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from pipeline.store.audit import verify
from pipeline.store.db import opened
from pipeline.store.models import DocumentRow, WithheldItem
from tests.conftest import ROOT
from tests.fixtures.generated_inbox import BAD_FILES, write_inbox
from tests.flows.conftest import stored_records

TRIAGE = [sys.executable, "-m", "pipeline.cli"]


def _count(url: str) -> int:
    with opened(url) as factory, factory() as session:
        return session.scalar(select(func.count(DocumentRow.id))) or 0


def _check_ledger(url: str, inbox: Path) -> dict[str, tuple[Any, ...]]:
    """205 records, each file once, the 5 bad ones with their codes, the audit chain whole."""
    records = stored_records(url, inbox)  # raises on a file stored twice
    assert len(records) == 205
    assert len({r[0] for r in records.values()}) == 205  # no content twice
    errors = {name: r[2] for name, r in records.items() if r[1] == "error"}
    assert errors == BAD_FILES
    with opened(url) as factory, factory() as session:
        assert verify(session).ok
    return records


@pytest.fixture(scope="session")
def local_run(
    prefect_api: str, inbox_205: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The nightly flow on the local process pool, run twice on one database."""
    from pipeline import flows

    url = f"sqlite:///{tmp_path_factory.mktemp('local') / 'triage.db'}"
    first = flows.nightly(inbox=[str(inbox_205)], db=url, runner="local", workers=2)
    second = flows.nightly(inbox=[str(inbox_205)], db=url, runner="local", workers=2)
    return url, first, second


def test_two_runs_store_205_records_once_with_5_errors(
    local_run: tuple[str, dict[str, Any], dict[str, Any]], inbox_205: Path
) -> None:
    url, first, second = local_run
    assert (first["discovered"], first["stored"], first["already_stored"]) == (205, 205, 0)
    assert first["error_codes"] == dict(Counter(BAD_FILES.values()))
    assert first["states"] == {"suggested": 200, "error": 5}
    assert sum(first["attributes"].values()) == 200 and len(first["attributes"]) == 4
    assert sorted(Path(e[0]).name for e in first["errors"]) == sorted(BAD_FILES)
    assert (second["discovered"], second["stored"], second["already_stored"]) == (205, 0, 205)
    _check_ledger(url, inbox_205)


def test_the_dask_runner_stores_the_same_records_as_the_local_one(
    local_run: tuple[str, dict[str, Any], dict[str, Any]],
    inbox_205: Path,
    tmp_path: Path,
) -> None:
    from pipeline import flows

    url = f"sqlite:///{tmp_path / 'triage.db'}"
    summary = flows.nightly(inbox=[str(inbox_205)], db=url, runner="dask", workers=2)
    assert summary == local_run[1]
    assert _check_ledger(url, inbox_205) == stored_records(local_run[0], inbox_205)


def _nightly(inbox: Path, url: str, env: dict[str, str]) -> subprocess.Popen[str]:
    """`triage nightly` in a process group of its own (its workers and Prefect server too)."""
    return subprocess.Popen(
        [*TRIAGE, "nightly", str(inbox), "--db", url, "--chunk-size", "5", "--json"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_kill_9_in_the_middle_of_a_run_then_rerun_stores_every_file_once(
    inbox_205: Path, tmp_path: Path
) -> None:
    """The whole process tree (CLI, worker processes, the local Prefect server) killed
    with SIGKILL while documents are being stored; the rerun does exactly the rest."""
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}  # own server
    run = _nightly(inbox_205, url, env)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and run.poll() is None:
        if (tmp_path / "triage.db").exists():
            try:
                stored = _count(url)
            except Exception:  # the schema is being created
                stored = 0
            if stored >= 40:
                break
        time.sleep(0.1)
    assert run.poll() is None, f"the run ended before it could be killed: {run.communicate()}"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    time.sleep(1)  # let the group's processes die
    at_kill = _count(url)
    assert 40 <= at_kill < 205, at_kill
    with opened(url) as factory, factory() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    rerun = _nightly(inbox_205, url, env)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    summary = json.loads(out)
    assert summary["stored"] == 205 - at_kill and summary["already_stored"] == at_kill
    _check_ledger(url, inbox_205)


def test_publish_and_rereview_flows(
    prefect_api: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Approved drafts go to the catalog and the site; withheld ones are registered and,
    once their re-review date has come, put back in the queue."""
    monkeypatch.setenv("TRIAGE_AGENCY_NAME", "韶关市武江区人民政府办公室")  # not the example
    monkeypatch.setenv("TRIAGE_AGENCY_CODE", "11440203MB2D45678K")
    from pipeline import flows
    from pipeline.store import workflow
    from pipeline.store.users import add_user

    inbox = tmp_path / "inbox"
    write_inbox(inbox, 17, formats=("txt",))  # one draft of each kind
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    flows.nightly(inbox=[str(inbox)], db=url, workers=1)
    with opened(url) as factory, factory() as session, session.begin():
        reviewer = add_user(session, "李审核", "reviewer", "password-123", "test", cleared=True)
        approver = add_user(session, "王批准", "approver", "password-123", "test", cleared=True)
        attributes = {}
        for document in session.scalars(select(DocumentRow)):
            attribute = document.suggestion.attribute  # type: ignore[union-attr]
            attributes[document.id] = attribute
            workflow.decide(session, document.id, reviewer, attribute=attribute)
            workflow.approve(session, document.id, approver)  # 不予公开 → withheld
    site = tmp_path / "site"
    published = flows.publish(db=url, site=str(site))
    released = [i for i, a in attributes.items() if a in ("主动公开", "部分公开", "依申请公开")]
    withheld = [i for i, a in attributes.items() if a == "不予公开"]
    assert released and withheld
    assert len(published["published"]) == published["entries"] == len(released)
    assert (site / "index.html").is_file() and (site / "feed.json").is_file()
    assert sorted(published["registered"]) == sorted(withheld)
    with opened(url) as factory, factory() as session:
        dated = {i.document_id for i in session.scalars(select(WithheldItem)) if i.rereview_on}
    assert dated  # ★长期 items have no re-review date
    due = flows.rereview(db=url, today="2199-01-01")
    assert sorted(item["document_id"] for item in due) == sorted(dated)
    with opened(url) as factory, factory() as session:
        states = {d.id: d.state for d in session.scalars(select(DocumentRow))}
    assert {states[i] for i in dated} == {"suggested"}
    assert flows.rereview(db=url, today="2199-01-01") == []  # requeued once

"""Reviewers' web app under load: latency of `triage serve` with 50 clerks at once.

    .venv/bin/python benchmarks/review_load.py [--sessions 50] [--seconds 60] [--workers 1]
        [--think 1.0] [--ramp 0] [--documents 480] [--db URL]

A fresh database (SQLite in a temporary folder, or a new database on the PostgreSQL
server of ``--db``, dropped afterwards) gets ~480 queued documents (devset texts and
.docx, each copy with a line of its own so its hash is new) and one account per session,
four reviewers to an approver. `triage serve` runs on a free loopback port; each session
logs in and works like a clerk: reviewers open the queue (sometimes filtered or on page
2), open a document, now and then download its review copy, and decide it (verdicts on
some findings, sometimes a span added by hand); approvers approve documents waiting for
approval or return one in five. Sessions often pick one of the first documents of the
queue, so two clerks race for the same one: the loser's 409 conflict is a right answer,
counted apart from errors. Every think pause is random, ``--think`` seconds on average
(0: no pause, the server saturated); all sessions log in at once unless ``--ramp``
spreads the logins.

Printed: p50/p95/max latency per kind of request and overall, requests/s, outcomes.
An error is a 5xx, a refused connection, a timeout or any status other than the one the
step expects (a 403 CSRF refusal, a 200 where a redirect was due). Afterwards the server
is stopped and the database checked: every decision and approval the clients saw saved
(303) is stored, with the unique comment sent, and nothing else is; no document was
decided twice without a return in between (a stale version left nothing); each
document's version counts its state changes; `triage audit verify` passes.
Target: p95 <= 1 s, no errors, no lost decisions; exit 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, make_url, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from review_clerks import PASSWORD, STEPS, Tally, drive  # noqa: E402

from pipeline.batch import scan_many  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.store.db import open_db  # noqa: E402
from pipeline.store.documents import add_record  # noqa: E402
from pipeline.store.models import Approval, AuditEvent, Decision, DocumentRow  # noqa: E402
from pipeline.store.users import add_user  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devset"
TRIAGE = Path(sys.executable).with_name("triage")
TARGET_P95 = 1.0


# --- the database -------------------------------------------------------------------------


def corpus(folder: Path, count: int) -> list[Path]:
    """``count`` distinct files: the devset texts and .docx, copied with a line each."""
    from docx import Document as Docx

    texts = sorted((DEVSET / "texts").glob("*.txt"))
    docs = sorted((DEVSET / "docs").glob("*.docx"))
    if not texts:
        raise SystemExit(f"no devset texts under {DEVSET}")
    sources = texts + docs
    paths = []
    for n in range(count):
        source = sources[n % len(sources)]
        line = f"（负载测试副本 {n}）"
        path = folder / f"{source.stem}-{n}{source.suffix}"
        if source.suffix == ".txt":
            path.write_text(source.read_text(encoding="utf-8") + "\n" + line, encoding="utf-8")
        else:
            document = Docx(str(source))
            document.add_paragraph(line)
            document.save(str(path))
        paths.append(path)
    return paths


def accounts(sessions: int) -> list[tuple[str, str]]:
    """(name, role) per session: every fifth an approver."""
    return [(f"clerk{i:02d}", "approver" if i % 5 == 4 else "reviewer") for i in range(sessions)]


def fill(url: str, folder: Path, documents: int, users: list[tuple[str, str]]) -> int:
    """Queue the documents and add the accounts; returns how many were queued."""
    paths = corpus(folder, documents)
    records = list(scan_many(paths, Settings(), workers=2, with_text=True))
    factory = open_db(url)
    with factory() as session, session.begin():
        for path, record in zip(paths, records, strict=True):
            data = path.read_bytes() if record["status"] == "ok" else None
            add_record(session, dict(record), data)
        for name, role in users:
            # cleared: every clerk may open every document, as before per-document rights
            add_user(session, name, role, PASSWORD, actor="benchmark", cleared=True)
        queued = session.scalar(
            select(func.count()).select_from(DocumentRow).where(DocumentRow.state == "suggested")
        )
    factory.kw["bind"].dispose()
    return int(queued or 0)


@contextlib.contextmanager
def database(given: str | None, folder: Path) -> Iterator[str]:
    """A fresh database: SQLite in ``folder``, or a new one on the server of ``given``."""
    if given is None or given.startswith("sqlite"):
        yield f"sqlite:///{folder / 'review.db'}"
        return
    name = f"review_load_{os.getpid()}"
    admin = create_engine(given, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(given).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --- the server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def server(url: str, workers: int, log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    command = [str(TRIAGE), "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--db", url, "--workers", str(workers)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise SystemExit(f"triage serve exited: {log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{base}/login", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("triage serve did not answer within 90 s")
            time.sleep(0.2)
        yield base, process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its (waited-for or live) children, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(v) for v in fields[11:13]) / ticks  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                pids += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError):
            continue
    return total


# --- the checks ---------------------------------------------------------------------------


def check(url: str, tally: Tally) -> list[tuple[bool, str]]:
    """What the database holds against what the clients were told."""
    factory = open_db(url)
    results: list[tuple[bool, str]] = []
    with factory() as session:
        decisions = {(d.document_id, d.comment) for d in session.scalars(select(Decision))}
        approvals: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for a in session.scalars(select(Approval)):
            approvals[a.action].add((a.document_id, a.reason))
        stored = {"decide": decisions, "approve": approvals["approve"]}
        stored["return"] = approvals["return"]
        for action, rows in stored.items():
            told = tally.saved[action]
            lost, extra = told - rows, rows - told
            results.append(
                (
                    not lost and not extra and len(rows) == len(told),
                    f"{action}: {len(told)} saved per the clients, {len(rows)} stored, "
                    f"{len(lost)} lost, {len(extra)} not reported as saved",
                )
            )
        steps: dict[int, list[str]] = defaultdict(list)
        events = select(AuditEvent).where(AuditEvent.action.in_(STEPS)).order_by(AuditEvent.id)
        for event in session.scalars(events):
            assert event.document_id is not None
            steps[event.document_id].append(event.action)
        stale = [d for d, acts in steps.items() if not follows_workflow(acts)]
        results.append(
            (not stale, f"no step from a stale version: {len(stale)} documents out of order")
        )
        versions = {i: v for i, v in session.execute(select(DocumentRow.id, DocumentRow.version))}
        off = [d for d, v in versions.items() if v != 1 + len(steps.get(d, []))]
        results.append(
            (not off, f"document versions count their steps: {len(off)} of {len(versions)} off")
        )
    factory.kw["bind"].dispose()
    verify = subprocess.run(
        [str(TRIAGE), "audit", "verify", "--db", url], capture_output=True, text=True
    )
    results.append(
        (verify.returncode == 0, f"triage audit verify: {(verify.stdout + verify.stderr).strip()}")
    )
    return results


def follows_workflow(actions: list[str]) -> bool:
    """decide, then approve or return; after a return, decide again (one approval level)."""
    expected = {"decide"}
    for action in actions:
        if action not in expected:
            return False
        expected = {"approve", "return"} if action == "decide" else {"decide"}
        if action == "approve":
            expected = set()
    return True


# --- the report ---------------------------------------------------------------------------


def quantiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    if len(ordered) < 2:
        return ordered[0], ordered[0], ordered[0]
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return cuts[49], cuts[94], ordered[-1]


def report(tally: Tally, elapsed: float, cpu: float, client: float) -> bool:
    everything = [v for values in tally.latencies.values() for v in values]
    print(f"{'request':<17} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind in sorted(tally.latencies, key=lambda k: -len(tally.latencies[k])):
        p50, p95, top = quantiles(tally.latencies[kind])
        print(
            f"{kind:<17} {len(tally.latencies[kind]):>6} {p50 * 1e3:>8.0f} {p95 * 1e3:>8.0f} {top * 1e3:>8.0f}"
        )
    p50, p95, top = quantiles(everything)
    print(f"{'all':<17} {len(everything):>6} {p50 * 1e3:>8.0f} {p95 * 1e3:>8.0f} {top * 1e3:>8.0f}")
    print(
        f"{len(everything) / elapsed:.1f} requests/s over {elapsed:.1f} s; "
        f"server CPU {cpu:.1f} s ({cpu / elapsed:.2f} cores; the database server's not "
        f"counted), load generator {client:.1f} s, {os.cpu_count()} cores in all"
    )
    print("outcomes: " + ", ".join(f"{k} {o} {n}" for (k, o), n in sorted(tally.outcomes.items())))
    shapes: dict[str, int] = {}  # one example of each kind of error, digits ignored
    for message in tally.errors:
        shape = re.sub(r"\d+", "N", message)
        shapes[shape] = shapes.get(shape, 0) + 1
        if shapes[shape] == 1 and len(shapes) <= 10:
            print(f"  error: {message}")
    if len(shapes) > 1:
        print("  errors by kind: " + "; ".join(f"{n}× {s[:70]}" for s, n in shapes.items()))
    good = p95 <= TARGET_P95 and not tally.errors
    print(
        f"p95 {p95 * 1e3:.0f} ms (target <= {TARGET_P95 * 1e3:.0f} ms), errors {len(tally.errors)}: "
        f"{'PASS' if good else 'FAIL'}"
    )
    return good


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between steps (s)")
    parser.add_argument(
        "--ramp", type=float, default=0, help="spread the logins over this many seconds"
    )
    parser.add_argument("--documents", type=int, default=480)
    parser.add_argument("--timeout", type=float, default=30, help="per request (s)")
    parser.add_argument("--db", help="PostgreSQL server URL (default: SQLite in a temp folder)")
    args = parser.parse_args()
    users = accounts(args.sessions)
    folder = Path(tempfile.mkdtemp(prefix="review-load-"))
    try:
        with database(args.db, folder) as url:
            started = time.perf_counter()
            queued = fill(url, folder, args.documents, users)
            print(
                f"database {make_url(url).get_backend_name()}: {queued} documents queued, "
                f"{len(users)} accounts ({sum(r == 'approver' for _n, r in users)} approvers) "
                f"in {time.perf_counter() - started:.0f} s"
            )
            print(
                f"{args.sessions} sessions for {args.seconds:.0f} s, think {args.think} s, "
                f"logins over {args.ramp:.0f} s, "
                f"server workers {args.workers}"
            )
            tally = Tally()
            with server(url, args.workers, folder / "server.log") as (base, process):
                before, mine = cpu_seconds(process.pid), time.process_time()
                elapsed = asyncio.run(drive(base, users, args, tally))
                cpu = cpu_seconds(process.pid) - before
                client = time.process_time() - mine
            good = report(tally, elapsed, cpu, client)
            log = (folder / "server.log").read_text(errors="replace")
            if "Traceback" in log:
                good = False
                print("server log has tracebacks:\n" + log[-3000:])
            for ok, line in check(url, tally):
                good = good and ok
                print(f"{'ok  ' if ok else 'FAIL'} {line}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if good else 1


if __name__ == "__main__":
    raise SystemExit(main())

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
import html
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, func, make_url, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import scan_many  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.store.db import open_db  # noqa: E402
from pipeline.store.documents import add_record  # noqa: E402
from pipeline.store.models import Approval, AuditEvent, Decision, DocumentRow  # noqa: E402
from pipeline.store.users import add_user  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devset"
TRIAGE = Path(sys.executable).with_name("triage")
PASSWORD = "load-test-password"
TARGET_P95 = 1.0
ATTRIBUTES = ("主动公开", "部分公开", "依申请公开", "不予公开")
KEEP_ALIVE = 4.0  # seconds; uvicorn closes idle connections after 5
HOT = 3  # "the first documents of the queue" that sessions race for
STEPS = ("decide", "approve", "return")  # the audit actions that change a document's state


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


# --- the clerks ---------------------------------------------------------------------------


@dataclass
class Tally:
    """Every request: its kind, latency and outcome (ok, conflict, taken, error)."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    saved: dict[str, set[tuple[int, str]]] = field(default_factory=lambda: defaultdict(set))

    def error(self, message: str) -> None:
        self.outcomes["error", message.split(":")[0]] += 1
        self.errors.append(message)


class Refusal(Exception):
    """The step got an answer it should not have: an error, already tallied."""


def form_fields(page: str, action: str) -> dict[str, str] | None:
    """The hidden inputs of the form posting to ``action``, or None without that form."""
    found = re.search(rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', page, re.S)
    if found is None:
        return None
    pattern = r'<input type="hidden" name="([\w-]+)"(?: id="[\w-]+")? value="([^"]*)"'
    # values as a browser sends them: a returned document's form holds its JSON escaped
    return {name: html.unescape(value) for name, value in re.findall(pattern, found[1])}


class Clerk:
    def __init__(
        self, number: int, name: str, role: str, base: str, args: argparse.Namespace, tally: Tally
    ):
        self.number, self.name, self.role = number, name, role
        self.args, self.tally = args, tally
        self.rng = random.Random(number)
        self.sent = 0
        # Idle connections are dropped before uvicorn's 5 s keep-alive ends them, as a
        # browser retries a request a server closed under it; httpx would not.
        limits = httpx.Limits(keepalive_expiry=KEEP_ALIVE)
        self.client = httpx.AsyncClient(base_url=base, timeout=args.timeout, limits=limits)

    async def call(
        self, kind: str, method: str, path: str, expect: int, **kw: Any
    ) -> httpx.Response:
        """One request, timed; anything but ``expect`` (or a 409 conflict where the
        caller allows it) is an error."""
        start = time.perf_counter()
        try:
            response = await self.client.request(method, path, **kw)
        except httpx.HTTPError as exc:
            self.tally.latencies[kind].append(time.perf_counter() - start)
            self.tally.error(f"{type(exc).__name__}: {method} {path} ({exc})")
            raise Refusal from exc
        self.tally.latencies[kind].append(time.perf_counter() - start)
        if response.status_code == expect:
            self.tally.outcomes[kind, "ok"] += 1
            return response
        if response.status_code == 409 and kind in STEPS and "他人修改" in response.text:
            self.tally.outcomes[kind, "conflict"] += 1
            return response
        alert = re.search(r'id="error">([^<]*)<', response.text)  # the page's own message
        page = alert[1] if alert else re.sub(r"<[^>]+>", " ", response.text)
        snippet = re.sub(r"\s+", " ", page)[:160]
        self.tally.error(f"HTTP {response.status_code}: {method} {path} (want {expect}) {snippet}")
        raise Refusal

    async def think(self) -> None:
        if self.args.think > 0:
            await asyncio.sleep(self.rng.uniform(0, 2 * self.args.think))

    def comment(self) -> str:
        self.sent += 1
        return f"负载测试 {self.name} 第 {self.sent} 次"

    async def login(self) -> None:
        page = await self.call("login page", "GET", "/login", 200)
        csrf = form_fields(page.text, "/login") or {}
        form = {
            "name": self.name,
            "password": PASSWORD,
            "csrf": csrf.get("csrf", ""),
            "next": "/queue",
        }
        response = await self.call("login", "POST", "/login", 303, data=form)
        if "triage_session" not in self.client.cookies:
            self.tally.error(f"login: no session cookie for {self.name} ({response.headers})")
            raise Refusal

    async def queue(self, state: str) -> list[int]:
        params: dict[str, str] = {"state": state}
        roll = self.rng.random()
        if roll < 0.15:
            params["attribute"] = self.rng.choice(ATTRIBUTES)
        elif roll < 0.25:
            params["max_confidence"] = "0.8"
        elif roll < 0.30:
            params["words"] = "通知"
        elif roll < 0.40:
            params["page"] = "2"
        kind = "queue" if len(params) == 1 else "queue (filtered)"
        page = await self.call(kind, "GET", "/queue", 200, params=params)
        ids = []
        for row in page.text.split("<tr")[1:]:
            found = re.search(r'href="/documents/(\d+)"', row)
            # An approver passes over 密级 documents: they wait for an admin's override.
            if found and not (self.role == "approver" and row.startswith(' class="secret')):
                ids.append(int(found[1]))
        return ids

    def pick(self, ids: list[int]) -> int:
        return self.rng.choice(ids[:HOT] if self.rng.random() < 0.5 else ids)

    async def open(self, doc_id: int) -> str:
        return (await self.call("document", "GET", f"/documents/{doc_id}", 200)).text

    async def download(self, doc_id: int) -> None:
        if self.rng.random() < 0.1:
            await self.call("review copy", "GET", f"/documents/{doc_id}/review-copy", 200)

    async def follow(self, response: httpx.Response, notice: str) -> None:
        location = response.headers.get("location", "")
        # after a decision the app opens the next document of the queue (?notice=next)
        wanted = (
            (f"?notice={notice}", "?notice=next") if notice == "decided" else (f"?notice={notice}",)
        )
        if not location.endswith(wanted):
            self.tally.error(f"redirect: {location!r} after {response.request.url}")
            raise Refusal
        await self.call("document", "GET", location, 200)

    async def choose(self, *states: str) -> tuple[int, str] | None:
        """A document of the queue (of the first state that has any) and its page."""
        for state in states:
            if ids := await self.queue(state):
                doc_id = self.pick(ids)
                return doc_id, await self.open(doc_id)
        self.tally.outcomes[f"queue {'/'.join(states)}", "empty"] += 1
        return None

    async def submit(self, action: str, doc_id: int, form: dict[str, str], notice: str) -> None:
        """Read (maybe download), think, post; a save is remembered for the checks."""
        await self.download(doc_id)
        await self.think()
        response = await self.call(action, "POST", f"/documents/{doc_id}/{action}", 303, data=form)
        if response.status_code == 303:
            self.tally.saved[action].add(
                (doc_id, form["reason" if action == "return" else "comment"])
            )
            await self.follow(response, notice)

    async def review(self) -> None:
        chosen = await self.choose("suggested", "returned")
        if chosen is None:
            return
        doc_id, page = chosen
        fields = form_fields(page, f"/documents/{doc_id}/decide")
        if fields is None:  # someone decided it between the queue and the page
            self.tally.outcomes["decide", "taken"] += 1
            return
        suggested = re.search(r'id="suggested-attribute">([^<]+)<', page)
        attribute = suggested[1] if suggested and self.rng.random() < 0.8 else None
        form = {**fields, "attribute": attribute or self.rng.choice(ATTRIBUTES)}
        form["comment"] = self.comment()
        for finding in sorted(set(re.findall(r'name="verdict-(\d+)"', page))):
            form[f"verdict-{finding}"] = "reject" if self.rng.random() < 0.2 else "accept"
        if self.rng.random() < 0.3:
            at = self.rng.randrange(0, 40)
            label = self.rng.choice(re.findall(r'<option value="([A-Z_]+)">', page) or ["PERSON"])
            form["added"] = json.dumps([{"start": at, "end": at + 3, "label": label}])
        await self.submit("decide", doc_id, form, "decided")

    async def approve(self) -> None:
        chosen = await self.choose("reviewed")
        if chosen is None:
            return
        doc_id, page = chosen
        returning = self.rng.random() < 0.2
        action = "return" if returning else "approve"
        fields = form_fields(page, f"/documents/{doc_id}/{action}")
        if fields is None:  # someone else approved or returned it meanwhile
            self.tally.outcomes[action, "taken"] += 1
        elif "本件标有密级" in page and not returning:  # waits for an admin's 保密 override
            self.tally.outcomes[action, "skipped (密级)"] += 1
        else:
            form = {**fields, ("reason" if returning else "comment"): self.comment()}
            await self.submit(action, doc_id, form, "returned" if returning else "approved")

    async def run(self, until: float) -> None:
        await asyncio.sleep(self.number * self.args.ramp / self.args.sessions)
        async with self.client:
            try:
                await self.login()
            except Refusal:
                return
            while time.monotonic() < until:
                try:
                    await (self.approve() if self.role == "approver" else self.review())
                except Refusal:
                    await asyncio.sleep(0.5)  # a clerk who got an error page starts over
                await self.think()


async def drive(
    base: str, users: list[tuple[str, str]], args: argparse.Namespace, tally: Tally
) -> float:
    start = time.monotonic()
    clerks = [Clerk(i, name, role, base, args, tally) for i, (name, role) in enumerate(users)]
    await asyncio.gather(*(c.run(start + args.seconds) for c in clerks))
    return time.monotonic() - start


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

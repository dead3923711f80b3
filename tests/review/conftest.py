"""The reviewers' app on a fresh database per test, filled with our own samples (and the
devset documents when ../shared is there), five accounts, and a client that logs in."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from pipeline.config import Settings
from pipeline.discover import discover
from pipeline.review.app import create_app
from pipeline.scan import scan_file
from pipeline.store.db import open_db
from pipeline.store.documents import add_record
from pipeline.store.users import add_user
from tests.conftest import ROOT, SAMPLES

PASSWORD = "correct-horse-1"
USERS = {
    "李审核": "reviewer",
    "孙审核": "reviewer",
    "王批准": "approver",
    "赵管理": "admin",
    "钱拟稿": "drafter",
}
Scanned = list[tuple[dict[str, Any], bytes | None]]


def scan_for_queue(paths: list[Path]) -> Scanned:
    """Scan records (with text) and the bytes of the files that were read."""
    out: Scanned = []
    for path in discover(paths):
        record = dict(scan_file(path, Settings(), with_text=True))
        out.append((record, path.read_bytes() if record["status"] == "ok" else None))
    return out


@pytest.fixture(scope="session")
def sample_scans() -> Scanned:
    return scan_for_queue([SAMPLES])


def fill(url: str, scans: Scanned) -> sessionmaker[Session]:
    factory = open_db(url)
    with factory() as session, session.begin():
        for name, role in USERS.items():
            # all but the drafter cleared (涉密人员): the samples include a 机密 notice
            add_user(session, name, role, PASSWORD, actor="test", cleared=role != "drafter")
        for record, data in scans:
            add_record(session, record, data)
    return factory


@pytest.fixture
def web_db(tmp_path: Path, sample_scans: Scanned) -> Iterator[tuple[str, sessionmaker[Session]]]:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    factory = fill(url, sample_scans)
    yield url, factory
    factory.kw["bind"].dispose()


@contextmanager
def clients_of(app: Any) -> Iterator[Callable[..., TestClient]]:
    """Make a new browser-like client of ``app`` per call, signed in as the named user
    (or anonymous); all closed afterwards."""
    clients: list[TestClient] = []

    def make(name: str | None = None) -> TestClient:
        client = TestClient(app, base_url="http://testserver")
        clients.append(client)
        if name is not None:
            login(client, name)
        return client

    try:
        yield make
    finally:
        for client in clients:
            client.close()


@pytest.fixture
def client_for(web_db: tuple[str, sessionmaker[Session]]) -> Iterator[Callable[..., TestClient]]:
    """A new browser-like client per call, signed in as the named user (or anonymous)."""
    url, _factory = web_db
    with clients_of(create_app(url, secure_cookies=False)) as make:
        yield make


@contextmanager
def served_app(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port, for a real browser: its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']}))
  .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  .map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))"""


def axe_violations(page: Any) -> list[str]:
    """The serious and critical WCAG 2.1 AA violations axe-core finds on the page (its
    context needs ``bypass_csp=True``: the app's CSP forbids the injected script)."""
    if not AXE.exists():
        pytest.skip(f"{AXE} is absent: `make install` runs npm ci (package.json)")
    page.add_script_tag(path=str(AXE))
    return list(page.evaluate(AXE_RUN))


def browser_login(page: Any, base: str, name: str, password: str = PASSWORD) -> None:
    """Sign in through the login form in a Playwright page; lands on the queue."""
    page.goto(f"{base}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/queue")


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf": token, "next": "/queue"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/queue"


def doc_id_of(factory: sessionmaker[Session], fragment: str) -> int:
    """The id of the queued document whose source contains ``fragment``."""
    from sqlalchemy import select

    from pipeline.store.models import DocumentRow

    with factory() as session:
        ids = list(
            session.scalars(select(DocumentRow.id).where(DocumentRow.source.contains(fragment)))
        )
    assert len(ids) == 1, f"{fragment!r} matches {ids}"
    return ids[0]

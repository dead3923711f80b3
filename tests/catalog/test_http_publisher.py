"""The HTTP publisher against a local portal that fails now and then: every entry version
arrives exactly once (idempotency keys), transient failures are retried, a refusal is
reported and not retried, and a rerun sends only what is missing."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy.orm import Session, sessionmaker

from pipeline.catalog.http_publisher import push_pending
from pipeline.catalog.record import CatalogRecord
from pipeline.store.db import open_db
from pipeline.store.models import CatalogEntry, DocumentRow, StoredFile


class Portal(BaseHTTPRequestHandler):
    """Answers 503 to every third request, 422 to one entry, and dedupes by key."""

    received: ClassVar[dict[str, dict[str, Any]]] = {}
    requests: ClassVar[list[str]] = []
    refuse: ClassVar[str] = ""

    def do_POST(self) -> None:
        key = self.headers["Idempotency-Key"]
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.requests.append(key)
        if len(self.requests) % 3 == 1:
            self._answer(503, {"error": "busy"}, retry_after="0")
        elif key.startswith(self.refuse):
            self._answer(422, {"error": "索引号格式不符"})
        elif key in self.received:
            self._answer(200, {"status": "duplicate"})
        else:
            self.received[key] = body
            self._answer(201, {"status": "created"})

    def _answer(self, status: int, body: dict[str, str], retry_after: str = "") -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if retry_after:
            self.send_header("Retry-After", retry_after)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def portal() -> Iterator[str]:
    Portal.received, Portal.requests = {}, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/catalog"
    server.shutdown()


def _catalog(tmp_path: Path, count: int) -> sessionmaker[Session]:
    factory = open_db(f"sqlite:///{tmp_path / 'catalog.db'}")
    with factory() as session, session.begin():
        for n in range(1, count + 1):
            document = DocumentRow(
                source=f"doc{n}.txt", sha256=f"{n:064x}", status="ok", state="published"
            )
            session.add(document)
            session.flush()
            data = f"第 {n} 号文件（删除后）".encode()
            session.add(StoredFile(sha256=f"{n + 1000:064x}", data=data))
            record = CatalogRecord(
                index_number=f"X/2026-{n:05d}",
                title=f"文件 {n}",
                summary="",
                keywords=[],
                formed="2026-03-02",
                doc_number=None,
                issuer="示例局",
                topic="综合政务",
                disclosure="主动公开",
                attribute="主动公开",
                published_at="2026-03-05T09:00:00+00:00",
                file_name=f"X_2026-{n:05d}.txt",
            )
            session.add(
                CatalogEntry(
                    index_number=record.index_number,
                    document_id=document.id,
                    status="active",
                    version=1,
                    record=record.to_dict(),
                    file_sha256=f"{n + 1000:064x}",
                )
            )
    return factory


def test_entries_arrive_once_with_retries_and_refusals_reported(
    tmp_path: Path, portal: str
) -> None:
    factory = _catalog(tmp_path, 6)
    Portal.refuse = "X/2026-00004@"
    waits: list[float] = []
    report = push_pending(factory, portal, retries=3, sleep=waits.append)
    assert sorted(report.pushed) == [f"X/2026-{n:05d}@v1" for n in (1, 2, 3, 5, 6)]
    assert [k for k, _why in report.failed] == ["X/2026-00004@v1"]
    assert "HTTP 422" in report.failed[0][1] and "索引号格式不符" in report.failed[0][1]
    assert set(Portal.received) == set(report.pushed)  # each delivered, none twice
    assert Portal.requests.count("X/2026-00004@v1") <= 2  # a refusal is not retried
    assert report.attempts == len(Portal.requests) > 6  # the 503s were retried
    assert waits and all(w == 0 for w in waits)  # Retry-After: 0 honoured
    sent = Portal.received["X/2026-00002@v1"]
    assert base64.b64decode(sent["file"]["base64"]).decode() == "第 2 号文件（删除后）"
    assert sent["entry"]["index_number"] == "X/2026-00002"

    # rerun: only the refused one is tried again; once the portal accepts it, nothing is left
    Portal.refuse = "nothing"
    again = push_pending(factory, portal, retries=3, sleep=waits.append)
    assert again.pushed == ["X/2026-00004@v1"] and not again.failed
    assert push_pending(factory, portal, sleep=waits.append).attempts == 0
    with factory() as session:
        assert all(e.pushed_version == 1 for e in session.query(CatalogEntry))
    factory.kw["bind"].dispose()


def test_an_unreachable_portal_is_retried_with_backoff_then_reported(tmp_path: Path) -> None:
    factory = _catalog(tmp_path, 1)
    waits: list[float] = []
    report = push_pending(
        factory, "http://127.0.0.1:9/none", retries=3, backoff=0.5, sleep=waits.append
    )
    assert report.pushed == [] and len(report.failed) == 1
    assert "gave up after 4 attempts" in report.failed[0][1]
    assert waits == [0.5, 1.0, 2.0]
    factory.kw["bind"].dispose()

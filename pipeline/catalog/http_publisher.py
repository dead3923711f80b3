"""Pushing catalog entries to a portal's HTTP endpoint (optional publisher).

Each entry version is POSTed once as JSON (the public record, and the released file in
base64) with an ``Idempotency-Key`` of ``索引号@v版本``: a portal that saw the key already
answers without creating a duplicate, so a retry after a lost answer is harmless.
Connection errors, timeouts, 429 and 5xx are retried with exponential backoff (honouring
``Retry-After``); other 4xx answers are failures reported with the portal's message and
not retried. Entries are marked pushed in the database only after a 2xx, so a crash
mid-run re-sends at most the entry in flight, under the same key.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.catalog.record import CatalogRecord
from pipeline.store import audit
from pipeline.store.models import CatalogEntry, StoredFile

RETRYABLE = {408, 425, 429, 500, 502, 503, 504}


@dataclass
class PushReport:
    pushed: list[str] = field(default_factory=list)  # idempotency keys delivered
    failed: list[tuple[str, str]] = field(default_factory=list)  # key, why
    attempts: int = 0


def idempotency_key(entry: CatalogEntry) -> str:
    return f"{entry.index_number}@v{entry.version}"


def payload(entry: CatalogEntry, data: bytes | None) -> dict[str, object]:
    record = CatalogRecord.from_dict(entry.record).to_dict()
    return {
        "entry": record,
        "file": None
        if data is None
        else {"name": record["file_name"], "base64": base64.b64encode(data).decode("ascii")},
    }


def _send(
    client: httpx.Client,
    endpoint: str,
    key: str,
    body: dict[str, object],
    retries: int,
    backoff: float,
    sleep: Callable[[float], None],
    report: PushReport,
) -> str | None:
    """POST until a final answer; returns None on success, else why it failed."""
    last = ""
    for attempt in range(retries + 1):
        report.attempts += 1
        try:
            response = client.post(endpoint, json=body, headers={"Idempotency-Key": key})
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
        else:
            if response.is_success:
                return None
            last = f"HTTP {response.status_code}: {response.text[:200]}"
            if response.status_code not in RETRYABLE:
                return last
            retry_after = response.headers.get("Retry-After", "")
            if retry_after.isdigit() and attempt < retries:
                sleep(min(float(retry_after), 60.0))
                continue
        if attempt < retries:
            sleep(backoff * (2**attempt))
    return f"gave up after {retries + 1} attempts ({last})"


def push_pending(
    factory: sessionmaker[Session],
    endpoint: str,
    *,
    token: str | None = None,
    retries: int = 5,
    backoff: float = 0.5,
    timeout: float = 10.0,
    sleep: Callable[[float], None] = time.sleep,
    transport: httpx.BaseTransport | None = None,
) -> PushReport:
    """Push every entry version the portal does not have yet."""
    report = PushReport()
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with factory() as session:
        waiting = [
            e.id
            for e in session.scalars(select(CatalogEntry).order_by(CatalogEntry.index_number))
            if e.pushed_version < e.version
        ]
    with httpx.Client(timeout=timeout, headers=headers, transport=transport) as client:
        for entry_id in waiting:
            with factory() as session:
                entry = session.get(CatalogEntry, entry_id)
                assert entry is not None
                stored = session.get(StoredFile, entry.file_sha256) if entry.file_sha256 else None
                key = idempotency_key(entry)
                body = payload(entry, stored.data if stored is not None else None)
                version = entry.version
            failure = _send(client, endpoint, key, body, retries, backoff, sleep, report)
            if failure is not None:
                report.failed.append((key, failure))
                continue
            with factory() as session, session.begin():
                entry = session.get(CatalogEntry, entry_id)
                assert entry is not None
                entry.pushed_version = max(entry.pushed_version, version)
                audit.record(session, "系统", "push", entry.document_id, {"key": key})
            report.pushed.append(key)
    return report

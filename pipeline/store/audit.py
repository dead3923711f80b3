"""The append-only audit log (台账), hash-chained so tampering is detectable.

Each event's ``hash`` is the SHA-256 of its content and the previous event's hash, the
first one chained to a fixed genesis value. Editing, deleting or reordering any row breaks
the chain from there on, and ``verify`` names the first broken row. Appends are
serialised (SQLite transactions take the write lock at BEGIN; PostgreSQL takes an
advisory lock), and ``prev_hash`` is unique in the table as a last guard: two writers can
never both chain to the same event, so the log never forks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.store.models import AuditEvent

GENESIS = "0" * 64
AUDIT_LOCK = 7_000_001  # PostgreSQL advisory lock key of the audit chain


def event_hash(
    prev_hash: str, at: str, actor: str, action: str, document_id: int | None, detail: Any
) -> str:
    payload = json.dumps(
        [prev_hash, at, actor, action, document_id, detail],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: str,
    action: str,
    document_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event inside the caller's transaction (flushed, not committed), so the
    event and the change it records commit together or not at all."""
    detail = json.loads(json.dumps(detail or {}, ensure_ascii=False, default=str))
    if session.get_bind().dialect.name == "postgresql":
        # Appenders queue here until the holder's transaction ends (SQLite's transactions
        # already hold the write lock from their start).
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
    prev = last.hash if last is not None else GENESIS
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    event = AuditEvent(
        at=at,
        actor=actor,
        action=action,
        document_id=document_id,
        detail=detail,
        prev_hash=prev,
        hash=event_hash(prev, at, actor, action, document_id, detail),
    )
    session.add(event)
    try:
        with session.begin_nested():
            session.flush([event])
    except IntegrityError as exc:
        raise ConcurrentAppend("another writer appended to the audit log; retry") from exc
    return event


class ConcurrentAppend(RuntimeError):
    """Two writers chained to the same event; the transaction should be retried."""


@dataclass(frozen=True)
class Verification:
    events: int
    problems: list[str]
    head: str  # the last hash: keep it elsewhere to detect a truncated tail

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session) -> Verification:
    """Walk the chain in id order; every row must chain to the one before and hash to
    what it says."""
    problems: list[str] = []
    prev = GENESIS
    count = 0
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
        count += 1
        if event.prev_hash != prev:
            problems.append(f"event {event.id}: does not chain to the event before it")
        expected = event_hash(
            event.prev_hash, event.at, event.actor, event.action, event.document_id, event.detail
        )
        if expected != event.hash:
            problems.append(f"event {event.id}: its content does not match its hash")
        prev = event.hash
    return Verification(count, problems, prev)

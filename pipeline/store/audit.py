"""The append-only audit log (台账), hash-chained and keyed so tampering is detectable.

Each event's ``hash`` is the SHA-256 of its content and the previous event's hash, the
first one chained to a fixed genesis value, and its ``mac`` the HMAC-SHA256 of that hash
under a key kept outside the database (:mod:`pipeline.store.audit_key`). Editing,
deleting or reordering any row breaks the chain from there on; recomputing the hashes
after an edit (anyone can: ``event_hash`` is public) leaves MACs that no longer match,
and without the key no one can make new ones. What a chain cannot show — its newest
events deleted — the anchors show (:mod:`pipeline.store.anchors`), and the decisions,
approvals and catalog entries are checked against the events that recorded them
(:mod:`pipeline.store.audit_records`). ``verify`` names every problem it finds.

Appends are serialised (SQLite transactions take the write lock at BEGIN; PostgreSQL
takes an advisory lock), and ``prev_hash`` is unique in the table as a last guard: two
writers can never both chain to the same event, so the log never forks. Events written
before the chain was keyed (database revision 0004) have no MAC: they are accepted only
before the first keyed event, and counted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.store import anchors
from pipeline.store.audit_key import anchors_path, audit_key
from pipeline.store.audit_records import check_records
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


def event_mac(key: bytes, hash_: str) -> str:
    """The event's HMAC: its hash (which covers its content and its link) under the key."""
    return hmac.new(key, hash_.encode("ascii"), hashlib.sha256).hexdigest()


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
    digest = event_hash(prev, at, actor, action, document_id, detail)
    event = AuditEvent(
        at=at,
        actor=actor,
        action=action,
        document_id=document_id,
        detail=detail,
        prev_hash=prev,
        hash=digest,
        mac=event_mac(audit_key(session.get_bind().engine.url), digest),
    )
    session.add(event)
    try:
        with session.begin_nested():
            session.flush([event])
    except IntegrityError as exc:
        raise ConcurrentAppend("another writer appended to the audit log; retry") from exc
    anchors.after_commit(session, event, first=last is None or last.mac is None)
    return event


class ConcurrentAppend(RuntimeError):
    """Two writers chained to the same event; the transaction should be retried."""


@dataclass(frozen=True)
class Verification:
    events: int
    problems: list[str]
    head: str  # the last hash: keep it elsewhere to detect a truncated tail
    unkeyed: int = 0  # events from before the keyed chain (hash-chained only)
    anchors: int = 0  # anchors checked against the log

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, *, site: Path | None = None) -> Verification:
    """Walk the chain in id order — every row must chain to the one before, hash to what
    it says and carry the MAC of that hash — then check the anchors (the database's
    anchor file, and ``site``'s ``audit-anchor.json`` if given) and the decisions,
    approvals and catalog entries against their events."""
    key = audit_key(session.get_bind().engine.url)
    problems: list[str] = []
    prev = GENESIS
    count = unkeyed = 0
    keyed = False
    rows: dict[int, tuple[str, str | None]] = {}
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
        count += 1
        if event.prev_hash != prev:
            problems.append(f"event {event.id}: does not chain to the event before it")
        expected = event_hash(
            event.prev_hash, event.at, event.actor, event.action, event.document_id, event.detail
        )
        if expected != event.hash:
            problems.append(f"event {event.id}: its content does not match its hash")
        if event.mac is None:
            if keyed:
                problems.append(f"event {event.id}: its MAC was removed")
            unkeyed += 1
        elif not hmac.compare_digest(event.mac, event_mac(key, event.hash)):
            problems.append(
                f"event {event.id}: its MAC does not match (rewritten without the audit key, "
                "or verified with another key)"
            )
            keyed = True
        else:
            keyed = True
        rows[event.id] = (event.hash, event.mac)
        prev = event.hash
    checked = anchors.read(anchors_path(session.get_bind().engine.url))
    if site is not None and (site / anchors.SITE_FILE).exists():
        published = json.loads((site / anchors.SITE_FILE).read_text(encoding="utf-8"))
        checked.append(anchors.Anchor(**published))
    for anchor in checked:
        row = rows.get(anchor.event)
        if row is None:
            problems.append(
                f"anchor of {anchor.at} ({anchor.reason}): event {anchor.event} is missing "
                "(the log was cut back)"
            )
        elif row[0] != anchor.hash:
            problems.append(
                f"anchor of {anchor.at} ({anchor.reason}): event {anchor.event} is not the one "
                "anchored (the log was rewritten)"
            )
        elif anchor.mac is not None and row[1] != anchor.mac:
            problems.append(
                f"anchor of {anchor.at} ({anchor.reason}): event {anchor.event} has lost the MAC "
                "it had (the log was rewritten)"
            )
    problems += check_records(session)
    return Verification(count, problems, prev, unkeyed, len(checked))

"""Anchors: the audit chain's head, copied out of the database from time to time.

The keyed chain (:mod:`pipeline.store.audit`) proves every row it holds, but not that it
holds them all: deleting the newest events leaves a shorter chain that verifies. So its
head — event id, hash and MAC — is appended to an anchor file outside the database (one
JSON line each; the file should be append-only: ``chattr +a``, or on another machine)
after every ``TRIAGE_AUDIT_ANCHOR_EVERY`` events (default 50), at the end of every
nightly run, by ``triage audit anchor`` (for cron), and into every catalog publication
(``audit-anchor.json`` of the public site, mirrored by whoever reads it). ``verify``
checks each anchor against the row it names: a missing or different row means the log
was cut back or rewritten.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlalchemy.orm import Session, SessionTransaction

from pipeline.store.audit_key import anchors_path
from pipeline.store.models import AuditEvent

SITE_FILE = "audit-anchor.json"


@dataclass(frozen=True)
class Anchor:
    at: str
    event: int
    hash: str
    mac: str | None
    reason: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


def anchor_every() -> int:
    raw = os.environ.get("TRIAGE_AUDIT_ANCHOR_EVERY", "").strip()
    return int(raw) if raw else 50


def head(session: Session, reason: str) -> Anchor | None:
    """The newest event as an anchor (None for an empty log)."""
    last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
    if last is None:
        return None
    return Anchor(
        datetime.now(UTC).isoformat(timespec="seconds"), last.id, last.hash, last.mac, reason
    )


def append(path: Path, anchor: Anchor) -> None:
    """Append one anchor line, durably, never rewriting what is there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (anchor.to_json() + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def anchor_head(session: Session, reason: str) -> Anchor | None:
    """Append the current head to the database's anchor file; returns it."""
    found = head(session, reason)
    if found is not None:
        append(anchors_path(session.get_bind().engine.url), found)
    return found


def after_commit(session: Session, event: AuditEvent, *, first: bool = False) -> None:
    """Anchor ``event`` once its transaction commits, if it is the first keyed event of the
    log (so that stripping every MAC shows) or its id is a multiple of
    ``TRIAGE_AUDIT_ANCHOR_EVERY`` (an anchor of a rolled-back event would be a false alarm)."""
    every = anchor_every()
    if not first and (every <= 0 or event.id % every):
        return
    anchor = Anchor(
        datetime.now(UTC).isoformat(timespec="seconds"),
        event.id,
        event.hash,
        event.mac,
        "first keyed event" if first else "periodic",
    )
    path = anchors_path(session.get_bind().engine.url)
    rolled_back: list[bool] = []

    def write(_session: Session) -> None:
        if rolled_back:
            return
        with contextlib.suppress(OSError):  # committed already; the next anchor covers it
            append(path, anchor)

    def cancel(_session: Session, previous: SessionTransaction) -> None:
        if not previous.nested:
            rolled_back.append(True)

    sa_event.listen(session, "after_commit", write, once=True)
    sa_event.listen(session, "after_soft_rollback", cancel)


def read(path: Path) -> list[Anchor]:
    """The anchors in a file (a line that does not parse is skipped: an anchor written
    half when the machine stopped)."""
    if not path.exists():
        return []
    anchors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
            anchors.append(Anchor(**data))
        except (ValueError, TypeError):
            continue
    return anchors

"""Putting scanned documents into the review queue, each input file version exactly once.

A file is identified by its content hash: the same bytes stored again are skipped (a
rerun adds nothing twice); a file whose source path is already known with other bytes is
a new version, linked to the one before. Unreadable files are stored too, in state
``error`` with their error code, so every input ends in exactly one recorded state.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.deadlines import publication_deadline
from pipeline.decide import PUBLISHED
from pipeline.store import audit
from pipeline.store.models import DocumentRow, FindingRow, StoredFile, SuggestionRow
from pipeline.store.rights import is_restricted

SYSTEM = "系统"


def record_key(record: dict[str, Any]) -> str:
    """The content hash; for a file that could not be read at all (no bytes, no hash) a
    hash of its path, so a rerun finds the same record instead of adding another."""
    if record.get("doc_id"):
        return str(record["doc_id"])
    return unread_key(record["source"])


def unread_key(source: str) -> str:
    """The key of a file recorded without its bytes (missing, unreadable, empty, too large)."""
    return hashlib.sha256(f"unread:{source}".encode()).hexdigest()


def add_record(
    session: Session,
    record: dict[str, Any],
    data: bytes | None,
    versions: dict[str, Any] | None = None,
    owner_id: int | None = None,
) -> tuple[DocumentRow, bool]:
    """Store one scan-contract record (made ``with_text``) and the file's bytes; returns
    the document and whether it was new. ``owner_id``: the drafter it belongs to; without
    one, a new version keeps the owner of the version before (see ``rights``)."""
    sha256 = record_key(record)
    existing = session.scalars(select(DocumentRow).where(DocumentRow.sha256 == sha256)).first()
    if existing is not None:
        return existing, False
    previous = session.scalars(
        select(DocumentRow)
        .where(DocumentRow.source == record["source"])
        .order_by(DocumentRow.id.desc())
    ).first()
    error = record.get("error") or {}
    ok = record["status"] == "ok"
    findings = record.get("findings") or []
    suggestion = record.get("suggestion")
    deadline = None
    if ok and suggestion is not None and suggestion["attribute"] in PUBLISHED:
        due = publication_deadline((record.get("metadata") or {}).get("date"))
        deadline = due.due.isoformat() if due is not None else None
    document = DocumentRow(
        source=record["source"],
        sha256=sha256,
        format=record.get("format"),
        status=record["status"],
        error_code=error.get("code"),
        error_message=error.get("message"),
        text=record.get("text"),
        doc_metadata=record.get("metadata") or {},
        warnings=record.get("warnings") or [],
        state="suggested" if ok else "error",
        secret_mark=any(f["label"] == "SECRET_MARK" for f in findings),
        restricted=ok and is_restricted(record.get("metadata"), findings, record.get("text")),
        owner_id=owner_id if owner_id is not None else (previous.owner_id if previous else None),
        previous_id=previous.id if previous is not None else None,
        file_version=previous.file_version + 1 if previous is not None else 1,
        deadline=deadline,
    )
    session.add(document)
    if data is not None and session.get(StoredFile, sha256) is None:
        session.add(StoredFile(sha256=sha256, data=data))
    if ok and suggestion is not None:
        stored = SuggestionRow(
            document=document,
            attribute=suggestion["attribute"],
            legal_basis=list(suggestion["legal_basis"]),
            confidence=float(suggestion["confidence"]),
            needs_escalation=bool(suggestion["needs_escalation"]),
            reasons=list(suggestion["reasons"]),
            redactions=list(record.get("redactions") or []),
            versions=versions or {},
        )
        stored.findings = [
            FindingRow(
                label=f["label"],
                start=f["start"],
                end=f["end"],
                text=f["text"],
                score=f["score"],
                recognizer=f["recognizer"],
                explanation=f["explanation"],
                role=f.get("role"),
            )
            for f in findings
        ]
        session.add(stored)
    session.flush()
    audit.record(
        session,
        SYSTEM,
        "store",
        document.id,
        {
            "source": document.source,
            "sha256": sha256,
            "state": document.state,
            "error": document.error_code,
            "previous": document.previous_id,
            "file_version": document.file_version,
            "restricted": document.restricted,
            "owner": document.owner_id,
        },
    )
    return document, True

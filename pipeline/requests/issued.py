"""Letters issued in a case: the context every template gets, and keeping the bytes
(in ``stored_files``, by hash) with a row that says what, when and by whom."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from pipeline.requests.letters import letter
from pipeline.requests.outcomes import RECEIPT_MEANING
from pipeline.requests.settings import RequestSettings
from pipeline.store.models import StoredFile
from pipeline.store.request_rows import RequestCase, RequestLetter


def context(case: RequestCase, settings: RequestSettings, today: date) -> dict[str, Any]:
    """What every letter may say: the office, the case as received, the applicant."""
    applicant = case.applicant or {}
    return {
        "agency": settings.agency_name,
        "office_contact": settings.office_contact,
        "review_body": settings.review_body,
        "court": settings.court,
        "number": case.number,
        "applicant": applicant,
        "applicant_name": applicant.get("name", ""),
        "applicant_kind": case.applicant_kind,
        "channel": case.channel,
        "receipt_meaning": RECEIPT_MEANING.get(case.channel, "收到申请之日"),
        "content": case.content,
        "received": case.received_on,
        "receipt_note": case.receipt_note,
        "supplement_asked": case.supplement_asked_on,
        "supplement_received": case.supplement_received_on,
        "extension_days": case.extension_days,
        "today": today,
    }


def keep(
    session: Session, case: RequestCase, kind: str, filename: str, data: bytes, actor: str
) -> RequestLetter:
    sha256 = hashlib.sha256(data).hexdigest()
    if session.get(StoredFile, sha256) is None:
        session.add(StoredFile(sha256=sha256, data=data))
    row = RequestLetter(kind=kind, filename=filename, sha256=sha256, created_by=actor)
    case.letters.append(row)
    session.flush()
    return row


def issue(
    session: Session,
    case: RequestCase,
    kind: str,
    extra: dict[str, Any],
    settings: RequestSettings,
    today: date,
    actor: str,
) -> tuple[str, RequestLetter]:
    """Render, lay out and keep one letter; returns its text and row."""
    text, data = letter(kind, {**context(case, settings, today), **extra}, settings)
    safe = case.number.replace("/", "-")
    row = keep(session, case, kind, f"{safe} {kind}.docx", data, actor)
    return text, row


def letter_bytes(session: Session, row: RequestLetter) -> bytes:
    stored = session.get(StoredFile, row.sha256)
    if stored is None:  # pragma: no cover - kept in the same transaction as the row
        raise LookupError(f"{row.filename}: 文件缺失")
    return stored.data

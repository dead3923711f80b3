"""What people decided, checked against the audit events that recorded it.

The keyed chain protects the events; the rows they describe live in other tables
(``decisions``, ``approvals``, ``catalog_entries``), where an UPDATE changes a decision's
attribute without touching the log; so do who may see what (``users.role``,
``users.cleared``, ``documents.restricted``, ``documents.owner_id``). So each event that creates or changes such a row
carries a digest of the row (its id, and a SHA-256 of what matters in it), and
:func:`check_records` finds every row whose digest no longer matches its latest event,
every row no event recorded (inserted behind the workflow's back), and every event whose
row is gone. Events written before the digests existed are compared on what they did
record (a decision's attribute, comment and redaction count; an approval's document,
action and level; an entry's version, file and status).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.store.models import Approval, AuditEvent, CatalogEntry, Decision, DocumentRow, User

_APPROVAL_ACTIONS = {"approve": "approve", "return": "return", "override": "secrecy_override"}


def _digest(values: list[Any]) -> str:
    payload = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def decision_digest(decision: Decision) -> str:
    # Boxes drawn on page images and the removals' reasons count only when there are
    # some: digests of decisions made before they existed stay what their events recorded.
    areas = [list(decision.areas)] if decision.areas else []
    reasons = [{"reasons": list(decision.reasons)}] if decision.reasons else []
    return _digest(
        [
            decision.document_id,
            decision.suggestion_id,
            decision.user_id,
            decision.attribute,
            list(decision.legal_basis or []),
            dict(decision.verdicts or {}),
            list(decision.redactions or []),
            decision.comment or "",
            *areas,
            *reasons,
        ]
    )


def approval_digest(approval: Approval) -> str:
    return _digest(
        [
            approval.document_id,
            approval.decision_id,
            approval.level,
            approval.user_id,
            approval.action,
            approval.reason or "",
        ]
    )


def entry_digest(entry: CatalogEntry) -> str:
    return _digest(
        [
            entry.index_number,
            entry.document_id,
            entry.status,
            entry.version,
            entry.file_sha256,
            dict(entry.record or {}),
        ]
    )


def check_records(session: Session) -> list[str]:
    """Every disagreement between the decisions, approvals and catalog entries and the
    audit events that recorded them."""
    events: dict[str, list[AuditEvent]] = {}
    query = select(AuditEvent).where(
        AuditEvent.action.in_(
            ["decide", "approve", "return", "secrecy_override", "publish", "withdraw"]
        )
    )
    for event in session.scalars(query.order_by(AuditEvent.id)):
        events.setdefault(event.action, []).append(event)
    return (
        _decisions(session, events)
        + _approvals(session, events)
        + _entries(session, events)
        + _rights(session)
    )


def _rights(session: Session) -> list[str]:
    """Who may see what, against the events that set it: each account's role and
    clearance as its last ``add_user``/``set_user`` event left them, each document's
    restriction and owner as its ``store`` event recorded them (events written before
    revision 0006 hold neither: an account is then uncleared, a document unchecked)."""
    problems = []
    expected: dict[str, dict[str, Any]] = {}
    query = select(AuditEvent).where(AuditEvent.action.in_(["add_user", "set_user"]))
    for event in session.scalars(query.order_by(AuditEvent.id)):
        name = event.detail.get("user")
        state = expected.setdefault(str(name), {"cleared": False})
        for key in ("role", "cleared"):
            value = event.detail.get(key)
            if value is not None:  # set_user: [before, after]
                state[key] = value[-1] if isinstance(value, list) else value
    for user in session.scalars(select(User)):
        now = expected.get(user.name)
        if now is None:
            problems.append(f"user {user.name}: no audit event records the account")
        elif now.get("role", user.role) != user.role or now["cleared"] != bool(user.cleared):
            problems.append(
                f"user {user.name} ({user.role}, cleared={bool(user.cleared)}) is not what the "
                "audit events recorded"
            )
    stored = select(AuditEvent).where(AuditEvent.action == "store")
    rows = {d.id: d for d in session.scalars(select(DocumentRow))}
    for event in session.scalars(stored):
        document = rows.get(event.document_id or -1)
        if document is None or "restricted" not in event.detail:
            continue
        if (event.detail["restricted"], event.detail.get("owner")) != (
            bool(document.restricted),
            document.owner_id,
        ):
            problems.append(
                f"document {document.id}: who may see it (restricted={document.restricted}, "
                f"owner {document.owner_id}) is not what audit event {event.id} recorded"
            )
    return problems


def _decisions(session: Session, events: dict[str, list[AuditEvent]]) -> list[str]:
    problems = []
    recorded = {e.detail.get("decision"): e for e in events.get("decide", [])}
    rows = {d.id: d for d in session.scalars(select(Decision))}
    for decision in rows.values():
        event = recorded.get(decision.id)
        if event is None or event.document_id != decision.document_id:
            problems.append(
                f"decision {decision.id} (document {decision.document_id}): no audit event "
                "records it (written behind the workflow's back)"
            )
        elif "digest" in event.detail:
            if event.detail["digest"] != decision_digest(decision):
                problems.append(
                    f"decision {decision.id} (document {decision.document_id}) is not what audit "
                    f"event {event.id} recorded (now {decision.attribute})"
                )
        elif (
            event.detail.get("attribute") != decision.attribute
            or event.detail.get("comment", "") != (decision.comment or "")
            or event.detail.get("redactions") != len(decision.redactions or [])
        ):
            problems.append(
                f"decision {decision.id} (document {decision.document_id}) is not what audit "
                f"event {event.id} recorded (now {decision.attribute})"
            )
    for number, event in recorded.items():
        if number not in rows:
            problems.append(f"event {event.id} records decision {number}, which is gone")
    return problems


def _approvals(session: Session, events: dict[str, list[AuditEvent]]) -> list[str]:
    problems = []
    by_id: dict[int, AuditEvent] = {}
    legacy: list[AuditEvent] = []
    for action in _APPROVAL_ACTIONS.values():
        for recorded in events.get(action, []):
            if "approval" in recorded.detail:
                by_id[recorded.detail["approval"]] = recorded
            else:
                legacy.append(recorded)
    rows = {a.id: a for a in session.scalars(select(Approval))}
    for approval in rows.values():
        event = by_id.get(approval.id)
        what = f"approval {approval.id} ({approval.action}, document {approval.document_id})"
        if event is not None:
            if event.detail.get("digest") != approval_digest(approval):
                problems.append(f"{what} is not what audit event {event.id} recorded")
        elif not any(
            e.document_id == approval.document_id
            and e.action == _APPROVAL_ACTIONS.get(approval.action)
            and e.detail.get("level", approval.level) == approval.level
            for e in legacy
        ):
            problems.append(
                f"{what}: no audit event records it (written behind the workflow's back)"
            )
    for number, event in by_id.items():
        if number not in rows:
            problems.append(f"event {event.id} records approval {number}, which is gone")
    return problems


def _entries(session: Session, events: dict[str, list[AuditEvent]]) -> list[str]:
    problems = []
    latest: dict[str, AuditEvent] = {}
    for recorded in events.get("publish", []) + events.get("withdraw", []):
        number = recorded.detail.get("index_number")
        if number is not None and (number not in latest or recorded.id > latest[number].id):
            latest[number] = recorded
    rows = {e.index_number: e for e in session.scalars(select(CatalogEntry))}
    for number, entry in rows.items():
        event = latest.get(number)
        if event is None:
            problems.append(f"catalog entry {number}: no audit event records its publication")
            continue
        if "digest" in event.detail:
            same = event.detail["digest"] == entry_digest(entry)
        elif event.action == "publish":
            same = (
                event.detail.get("version") == entry.version
                and event.detail.get("file") == entry.file_sha256
                and entry.status == "active"
            )
        else:
            same = entry.status == "withdrawn"
        if not same:
            problems.append(
                f"catalog entry {number} is not what audit event {event.id} recorded "
                f"({event.action} of version {event.detail.get('version', entry.version)})"
            )
    for number, event in latest.items():
        if number not in rows:
            problems.append(f"event {event.id} records catalog entry {number}, which is gone")
    return problems

"""Who may see which document (issue 18, item 8): the one rule every route and command
asks, and the record of every refusal.

Two rules, both must hold:

- **密级 and state secrets** — a document marked 密级 (绝密, 机密, 秘密: in its metadata,
  found by the marking detector, or on a line of its own however written) or holding a
  ``STATE_SECRET`` finding is ``restricted``: only users cleared for it (``users.cleared``,
  set with ``triage users add/set --cleared``) see it. Admins always may: they grant the
  clearance and give the 保密审查意见 such a document needs before release, so withholding
  it from them would protect nothing.
- **Drafters see only their own documents** (``documents.owner_id``): those queued with
  ``triage review add --owner NAME``, and later versions of them (a new version of a file
  keeps the owner of the one before). Documents the nightly brings in have no owner
  unless they are a new version of an owned one, so no drafter sees them; reviewers,
  approvers and admins see every document the first rule lets them see.

A refused access is an audit event (``access_refused``: who, which document, which route
or command, why) written in its own transaction, so the refusal stays recorded although
the request that caused it changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, true
from sqlalchemy.orm import Session

from pipeline.decide import STATE_LEVEL
from pipeline.doc_kinds import marking_in_any_form
from pipeline.store import audit
from pipeline.store.models import DocumentRow, User

REFUSED = "access_refused"
WHY = {
    "restricted": "此文档标有密级或含可能属于国家秘密的内容，只有经授权的涉密人员可以查看",
    "not_owner": "拟稿人只能查看本人的文档",
}


@dataclass(frozen=True)
class Reader:
    """Who asks, as the rule needs it (built from a ``User`` or the web app's viewer)."""

    user_id: int
    name: str
    role: str
    cleared: bool

    @classmethod
    def of(cls, user: User) -> Reader:
        return cls(user.id, user.name, user.role, bool(user.cleared))

    @property
    def sees_restricted(self) -> bool:
        return self.cleared or self.role == "admin"


def is_restricted(
    metadata: Mapping[str, Any] | None, findings: Iterable[Mapping[str, Any]], text: str | None
) -> bool:
    """Whether a document is 密级-marked or holds a state secret: metadata's 密级, a
    ``STATE_SECRET`` finding, a ``SECRET_MARK`` naming a state level (not 内部资料), or a
    marking on a line of its own in any written form."""
    if (metadata or {}).get("secret_level"):
        return True
    for finding in findings:
        label = finding.get("label")
        if label == "STATE_SECRET":
            return True
        if label == "SECRET_MARK" and STATE_LEVEL.search(str(finding.get("text") or "")):
            return True
    return bool(text) and marking_in_any_form(text or "") is not None


def refusal(reader: Reader, document: DocumentRow) -> str | None:
    """Why ``reader`` may not see ``document`` (a key of ``WHY``), or None if they may."""
    if document.restricted and not reader.sees_restricted:
        return "restricted"
    if reader.role == "drafter" and document.owner_id != reader.user_id:
        return "not_owner"
    return None


def may_see(reader: Reader, document: DocumentRow) -> bool:
    return refusal(reader, document) is None


def visible(reader: Reader) -> ColumnElement[bool]:
    """The same rule as a condition on ``documents``, for listings: a document the reader
    may not open is not listed at all (not even counted)."""
    conditions: list[ColumnElement[bool]] = []
    if not reader.sees_restricted:
        conditions.append(DocumentRow.restricted.is_(False))
    if reader.role == "drafter":
        conditions.append(DocumentRow.owner_id == reader.user_id)
    return and_(true(), *conditions) if conditions else true()


class AccessRefused(PermissionError):
    """The reader may not see the document; ``message`` is the Chinese sentence to show."""

    def __init__(self, reader: Reader, document_id: int, why: str) -> None:
        self.reader = reader
        self.document_id = document_id
        self.why = why
        self.message = f"无权查看文档 {document_id}：{WHY[why]}。如需查看，请联系管理员。"
        super().__init__(self.message)


def check(reader: Reader, document: DocumentRow) -> None:
    """Raise :class:`AccessRefused` unless ``reader`` may see ``document``."""
    why = refusal(reader, document)
    if why is not None:
        raise AccessRefused(reader, document.id, why)


def record_refusal(session: Session, refused: AccessRefused, route: str) -> None:
    """The ``access_refused`` event, in the caller's (own, committed) transaction."""
    audit.record(
        session,
        refused.reader.name,
        REFUSED,
        refused.document_id,
        {"route": route, "why": refused.why, "role": refused.reader.role},
    )

"""The review workflow: who may move a document from which state to which, and the record
of it (先审查、后公开；谁审查、谁负责).

    new/suggested ─▶ in_review ─▶ reviewed ─▶ (approval levels) ─▶ approved ─▶ published
                          ▲            │                          └▶ withheld (不予公开)
                          └─ returned ◀┘ (退回, with a reason)

Every function works inside the caller's session transaction and writes its audit event
there, so the change and its record commit together. Each takes the document version the
user saw: if someone else changed the document since, it raises ``Conflict`` and changes
nothing (the database re-checks the version on write, so a race between the check and the
write is caught too). A document with a 密级 marking is approved for release only after an
admin's 保密 override with a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from pipeline.decide import ATTRIBUTES, WITHHELD
from pipeline.labels import REDACTABLE
from pipeline.reasons import is_choice
from pipeline.redact.occurrences import every_occurrence, group_verdicts, value_groups
from pipeline.redact.spans import area_of
from pipeline.store import audit, rights
from pipeline.store.audit_records import approval_digest, decision_digest
from pipeline.store.decided_reasons import ReasonError, apply_reasons, area_reason, changed_reasons
from pipeline.store.models import Approval, Decision, DocumentRow, FindingRow, SuggestionRow, User

ROLES = ("drafter", "reviewer", "approver", "admin")
STATES = (
    "suggested",
    "in_review",
    "reviewed",
    "approved",
    "published",
    "withheld",
    "returned",
    "error",
    "dismissed",  # an unreadable file nobody will fix (不再处理), with the reason
    "superseded",  # replaced by a fixed file uploaded again (重新提交), history kept
)
# each state as a clerk reads it, in the web app, the nightly summary and the commands
STATE_NAMES = {
    "suggested": "待审核",
    "in_review": "审核中",
    "reviewed": "待审批",
    "approved": "已批准",
    "published": "已发布",
    "withheld": "不予公开（已登记）",
    "returned": "已退回",
    "error": "读取失败",
    "dismissed": "不再处理",
    "superseded": "已被新文件替换",
}
DECIDABLE = ("suggested", "in_review", "returned")
VERDICTS = ("accept", "reject", "modify")


class WorkflowError(ValueError):
    """A step that is not allowed: wrong state, wrong role, missing reason."""


class Conflict(WorkflowError):
    """Someone else changed the document since the user loaded it."""


@dataclass(frozen=True)
class ApprovalPolicy:
    """The roles that approve, one per level, in order (default: one approver). Admins
    may act at any level; nobody approves their own decision or two levels."""

    levels: tuple[str, ...] = ("approver",)

    @classmethod
    def parse(cls, text: str) -> ApprovalPolicy:
        levels = tuple(part.strip() for part in text.split(",") if part.strip())
        bad = [r for r in levels if r not in ROLES]
        if not levels or bad:
            raise ValueError(f"approval levels must be roles among {ROLES}, not {text!r}")
        return cls(levels)


def get_document(session: Session, document_id: int, user: User | None = None) -> DocumentRow:
    """The document; with ``user``, only if they may see it (else ``rights.AccessRefused``)."""
    document = session.get(DocumentRow, document_id)
    if document is None:
        raise WorkflowError(f"文档 {document_id} 不存在")
    if user is not None:
        rights.check(rights.Reader.of(user), document)
    return document


def _check_version(document: DocumentRow, expected: int | None) -> None:
    if expected is not None and document.version != expected:
        last = document.approvals[-1] if document.approvals else None
        who = f"（最后操作：{last.user.name}）" if last is not None else ""
        raise Conflict(
            f"文档 {document.id} 在您打开后已被他人修改{who}（修改计数 {expected} → "
            f"{document.version}）。请刷新后重新审核，您的修改未保存。"
        )


def _require(user: User, *roles: str) -> None:
    if not user.active:
        raise WorkflowError(f"用户 {user.name} 已停用")
    if user.role != "admin" and user.role not in roles:
        raise WorkflowError(
            f"用户 {user.name}（{user.role}）无权执行此操作，需要：{'、'.join(roles)}"
        )


# The same checks for the steps kept in other modules (store/intake.py).
require_role = _require
check_version = _check_version


def _move(
    session: Session, document: DocumentRow, user: User, state: str, action: str, **detail: Any
) -> None:
    before = document.state
    document.state = state
    audit.record(session, user.name, action, document.id, {"from": before, "to": state, **detail})


def start_review(session: Session, document_id: int, user: User) -> DocumentRow:
    """A reviewer opens a queued document: suggested/returned → in_review."""
    _require(user, "reviewer")
    document = get_document(session, document_id, user)
    if document.state in ("suggested", "returned"):
        _move(session, document, user, "in_review", "start_review")
    return document


def decide(
    session: Session,
    document_id: int,
    user: User,
    *,
    attribute: str,
    redactions: Sequence[dict[str, Any]] | None = None,
    verdicts: dict[str, str] | None = None,
    added: Sequence[dict[str, Any]] = (),
    areas: Sequence[dict[str, Any]] = (),
    reasons: dict[str, tuple[str, str]] | None = None,
    comment: str = "",
    expected_version: int | None = None,
    carried: dict[str, Any] | None = None,
) -> Decision:
    """Record a reviewer's decision. ``carried``: what of it was taken over from the
    earlier file version's decision (``pipeline.review.versions.carried_record``). ``redactions=None`` takes the proposals minus those
    whose findings were all rejected; ``verdicts`` maps finding ids to accept/reject/modify
    (unlisted: accept); ``added`` are spans the reviewer marked by hand, ``areas`` boxes
    drawn on page images (:func:`~pipeline.redact.spans.area_of`), ``reasons`` the
    reviewer's 删除理由 per value entry (finding id → (choice, note); unlisted: the label's
    default; an added span or area carries its own). Overlapping spans are merged, so
    each character is redacted once."""
    _require(user, "reviewer")
    document = get_document(session, document_id, user)
    _check_version(document, expected_version)
    if document.state not in DECIDABLE:
        raise WorkflowError(f"文档 {document.id} 当前状态为 {document.state}，不能作出审核决定")
    if attribute not in ATTRIBUTES:
        raise WorkflowError(f"公开属性必须是 {'、'.join(ATTRIBUTES)} 之一，而不是 {attribute!r}")
    suggestion = document.suggestion
    findings = {str(f.id): f for f in (suggestion.findings if suggestion else [])}
    verdicts = dict(verdicts or {})
    unknown = [k for k in verdicts if k not in findings]
    bad = [v for v in verdicts.values() if v not in VERDICTS]
    if unknown or bad:
        raise WorkflowError(f"无效的审核意见：未知发现 {unknown}，无效取值 {bad}")
    # One decision per value: the copies remove a value wherever it occurs.
    groups = value_groups(
        document.text or "", list(findings.values()), suggestion.redactions if suggestion else []
    )
    verdicts, disagree = group_verdicts(groups, verdicts)
    if disagree:
        raise WorkflowError(
            f"同一内容须作同一审核意见（公开稿按内容删除其每一处）：{'、'.join(disagree[:5])}"
        )
    final = (
        list(redactions) if redactions is not None else _accepted(suggestion, findings, verdicts)
    )
    hand = [dict(span) for span in added]
    _check_spans(document, final + hand)
    try:
        final, why = apply_reasons(document.text or "", groups, final, hand, reasons or {})
    except ReasonError as exc:
        raise WorkflowError(str(exc)) from exc
    final = every_occurrence(document.text or "", final)
    boxes = _check_areas(areas)
    decision = Decision(
        document=document,
        suggestion_id=suggestion.id if suggestion else None,
        user_id=user.id,
        attribute=attribute,
        legal_basis=list(suggestion.legal_basis)
        if suggestion and suggestion.attribute == attribute
        else [],
        verdicts={k: verdicts.get(k, "accept") for k in findings},
        redactions=[] if attribute == WITHHELD else final,
        areas=[] if attribute == WITHHELD else boxes,
        reasons=[] if attribute == WITHHELD else why,
        comment=comment,
        carried=carried,
    )
    session.add(decision)
    session.flush()
    _move(
        session,
        document,
        user,
        "reviewed",
        "decide",
        decision=decision.id,
        attribute=attribute,
        redactions=len(decision.redactions),
        rejected=sorted(k for k, v in decision.verdicts.items() if v == "reject"),
        comment=comment,
        digest=decision_digest(decision),
        **({"areas": decision.areas} if decision.areas else {}),
        **({"reasons": changed} if (changed := changed_reasons(decision.reasons or [])) else {}),
        **({"carried": carried.get("count", 0)} if carried else {}),
    )
    return decision


def _check_areas(areas: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The boxes drawn on page images, checked and in their stored form."""
    out = []
    for row in areas:
        try:
            area = area_of(row)
            why = area_reason(row)
        except ValueError as exc:
            raise WorkflowError(str(exc)) from exc
        if area.label not in REDACTABLE and not is_choice(str(row.get("reason") or area.label)):
            raise WorkflowError(f"无效的删除类别：{area.label!r}")
        out.append({**why, **area.to_dict(), "label": why["label"]})
    return out


def _accepted(
    suggestion: SuggestionRow | None, findings: dict[str, FindingRow], verdicts: dict[str, str]
) -> list[dict[str, Any]]:
    """The proposals cut to the findings in them that were not rejected or modified (a
    modified finding's span is replaced by the one the reviewer marked); a proposal with
    no finding inside stays whole."""
    if suggestion is None:
        return []
    kept = []
    for span in suggestion.redactions:
        inside = [
            f
            for f in findings.values()
            if span["start"] <= f.start and f.end <= span["end"] and f.label in REDACTABLE
        ]
        if not inside:
            kept.append(dict(span))
        for key, f in findings.items():
            if f in inside and verdicts.get(key) not in ("reject", "modify"):
                kept.append({**span, "start": f.start, "end": f.end, "label": f.label})
    return kept


def _check_spans(document: DocumentRow, spans: Sequence[dict[str, Any]]) -> None:
    length = len(document.text or "")
    for span in spans:
        try:
            start, end = int(span["start"]), int(span["end"])
            str(span["label"])
        except (KeyError, TypeError, ValueError) as exc:
            raise WorkflowError(f"删除范围须有 start、end、label：{span!r}") from exc
        if not 0 <= start < end <= length:
            raise WorkflowError(f"删除范围 {start}–{end} 超出文档（长度 {length}）")


def _reviewed(
    session: Session, document_id: int, expected_version: int | None, what: str, user: User
) -> tuple[DocumentRow, Decision]:
    """The document and its decision, if it is waiting for approval (else WorkflowError)
    and ``user`` may see it (else ``rights.AccessRefused``)."""
    document = get_document(session, document_id, user)
    _check_version(document, expected_version)
    decision = document.decision
    if document.state != "reviewed" or decision is None:
        raise WorkflowError(f"文档 {document.id} 当前状态为 {document.state}，不能{what}")
    return document, decision


def _step(
    session: Session,
    document: DocumentRow,
    decision: Decision,
    user: User,
    level: int,
    action: str,
    reason: str,
) -> Approval:
    approval = Approval(
        document=document,
        decision_id=decision.id,
        level=level,
        user_id=user.id,
        action=action,
        reason=reason,
    )
    session.add(approval)
    session.flush()
    return approval


def approve(
    session: Session,
    document_id: int,
    user: User,
    policy: ApprovalPolicy = ApprovalPolicy(),
    *,
    expected_version: int | None = None,
    comment: str = "",
) -> Approval:
    """Approve at the next level; after the last level the document is approved (or,
    decided 不予公开, withheld)."""
    document, decision = _reviewed(session, document_id, expected_version, "审批", user)
    done = approvals_done(document, decision)
    level = len(done) + 1
    role = policy.levels[level - 1]
    _require(user, role)
    if took_part(decision, done, user.id):
        raise WorkflowError(
            f"用户 {user.name} 已参与本文档的审核或审批，不能再审批（谁审查、谁负责）"
        )
    releasing = decision.attribute != WITHHELD
    if awaits_override(document, decision):
        raise WorkflowError(
            f"文档 {document.id} 标有密级，决定为{decision.attribute}：须由管理员作保密审查意见"
            "（override，写明理由）后才能批准公开"
        )
    approval = _step(session, document, decision, user, level, "approve", comment)
    final = level == len(policy.levels)
    state = ("approved" if releasing else "withheld") if final else "reviewed"
    _move(
        session,
        document,
        user,
        state,
        "approve",
        level=level,
        of=len(policy.levels),
        comment=comment,
        approval=approval.id,
        digest=approval_digest(approval),
    )
    return approval


def approvals_done(document: DocumentRow, decision: Decision) -> list[Approval]:
    """The approval steps already given to this decision, in level order."""
    return [a for a in document.approvals if a.decision_id == decision.id and a.action == "approve"]


def took_part(decision: Decision, done: Sequence[Approval], user_id: int) -> bool:
    """Whether the user decided or already approved (谁审查、谁负责: nobody signs twice)."""
    return user_id == decision.user_id or any(a.user_id == user_id for a in done)


def overridden(document: DocumentRow, decision: Decision) -> bool:
    return any(a.action == "override" and a.decision_id == decision.id for a in document.approvals)


def awaits_override(document: DocumentRow, decision: Decision) -> bool:
    """A 密级-marked document decided for release without the admin's 保密 override yet."""
    return (
        document.secret_mark
        and decision.attribute != WITHHELD
        and not overridden(document, decision)
    )


def secrecy_override(
    session: Session,
    document_id: int,
    user: User,
    reason: str,
    *,
    expected_version: int | None = None,
) -> Approval:
    """An admin's 保密审查 override: the marked document may be released as decided."""
    _require(user, "admin")  # admins only: _require lets admins through and no other role
    if not reason.strip():
        raise WorkflowError("保密审查意见必须写明理由")
    document, decision = _reviewed(session, document_id, expected_version, "作保密审查意见", user)
    approval = _step(session, document, decision, user, 0, "override", reason)
    audit.record(
        session,
        user.name,
        "secrecy_override",
        document.id,
        {"reason": reason, "approval": approval.id, "digest": approval_digest(approval)},
    )
    return approval


def return_document(
    session: Session,
    document_id: int,
    user: User,
    reason: str,
    *,
    expected_version: int | None = None,
) -> Approval:
    """退回: an approver sends a reviewed document back, with a reason."""
    _require(user, "approver")
    if not reason.strip():
        raise WorkflowError("退回必须写明理由")
    document, decision = _reviewed(session, document_id, expected_version, "退回", user)
    approval = _step(session, document, decision, user, 0, "return", reason)
    _move(
        session,
        document,
        user,
        "returned",
        "return",
        reason=reason,
        approval=approval.id,
        digest=approval_digest(approval),
    )
    return approval

"""The steps between intake and answer, each checked whole before anything changes and
recorded in the audit log: 补正 (第三十条), consultations (第三十二条, 第三十四条), the
one extension (第三十三条), a 第三十五条 delay, closing, and the sweep that closes cases
whose supplement period passed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.requests.cases import (
    ACTOR_SYSTEM,
    RequestError,
    case_to_act_on,
    clock,
    due_of,
    ensure,
    event,
    not_after_today,
)
from pipeline.requests.clock import (
    MAX_EXTENSION,
    Pause,
    reply_due,
    supplement_due,
    supplement_notice_by,
)
from pipeline.requests.issued import issue
from pipeline.requests.outcomes import CLOSURES
from pipeline.requests.settings import RequestSettings
from pipeline.store.models import User
from pipeline.store.request_rows import RequestCase, RequestConsultation

PARTY_KINDS = ("第三方", "其他机关")


def _open(case: RequestCase, what: str) -> None:
    if case.state == "closed":
        raise RequestError(f"申请 {case.number} 已于 {case.closed_on} 办结，不能再{what}")
    if case.state == "replied":
        raise RequestError(f"申请 {case.number} 已于 {case.replied_on} 答复，不能再{what}")


def ask_supplement(
    session: Session,
    user: User,
    ref: int | str,
    asked: date,
    items: str = "",
    today: date | None = None,
    settings: RequestSettings | None = None,
    version: int | None = None,
) -> RequestCase:
    """第三十条: one notice, naming what to supplement and by when; the clock stops until
    the supplemented application arrives."""
    settings, today = ensure(settings), today or date.today()
    case = case_to_act_on(session, user, settings.handler_roles, "告知补正", ref, version)
    _open(case, "告知补正")
    if case.supplement_asked_on:
        raise RequestError(
            f"申请 {case.number} 已于 {case.supplement_asked_on} 告知补正；第三十条要求一次性告知，不能再次告知"
        )
    received = date.fromisoformat(case.received_on)
    not_after_today(asked, today, "补正告知日期")
    if asked < received:
        raise RequestError(f"补正告知日期 {asked.isoformat()} 早于收到申请之日 {case.received_on}")
    notice_by = supplement_notice_by(received)
    by = supplement_due(asked, settings.supplement_days)
    case.state = "supplement"
    case.supplement_asked_on = asked.isoformat()
    case.supplement_due_on = by.due.isoformat()
    case.supplement_items = (
        items.strip() or "请明确所申请政府信息的名称、文号或者便于查询的其他特征性描述。"
    )
    late = asked > notice_by.due
    issue(
        session,
        case,
        "补正告知书",
        {"items": case.supplement_items, "asked": asked, "supplement_due": by.due},
        settings,
        today,
        user.name,
    )
    event(
        session,
        user.name,
        "supplement_asked",
        case,
        asked=case.supplement_asked_on,
        supplement_due=case.supplement_due_on,
        notice_late=late,
        notice_by=notice_by.due.isoformat(),
    )
    return case


def receive_supplement(
    session: Session,
    user: User,
    ref: int | str,
    received: date,
    today: date | None = None,
    settings: RequestSettings | None = None,
    version: int | None = None,
) -> RequestCase:
    """The supplemented application arrived: the reply period restarts from that day."""
    settings, today = ensure(settings), today or date.today()
    case = case_to_act_on(session, user, settings.handler_roles, "登记补正", ref, version)
    if case.state != "supplement" or not case.supplement_asked_on:
        raise RequestError(f"申请 {case.number} 没有待补正的事项")
    not_after_today(received, today, "收到补正日期")
    if received < date.fromisoformat(case.supplement_asked_on):
        raise RequestError(
            f"收到补正日期 {received.isoformat()} 早于补正告知日期 {case.supplement_asked_on}"
        )
    case.state = "open"
    case.supplement_received_on = received.isoformat()
    due = reply_due(received)
    event(
        session,
        user.name,
        "supplement_received",
        case,
        received=case.supplement_received_on,
        late=bool(case.supplement_due_on and case.supplement_received_on > case.supplement_due_on),
        due=due.due.isoformat(),
    )
    return case


def consult(
    session: Session,
    user: User,
    ref: int | str,
    party: str,
    sent: date,
    kind: str = "第三方",
    answered: date | None = None,
    opinion: str = "",
    today: date | None = None,
    settings: RequestSettings | None = None,
    version: int | None = None,
) -> RequestConsultation:
    """Send a consultation (a 征求意见书 is issued), or record the answer of the one sent
    to ``party`` on ``sent``. Its time does not count against the reply (第三十三条)."""
    settings, today = ensure(settings), today or date.today()
    case = case_to_act_on(session, user, settings.handler_roles, "征求意见", ref, version)
    _open(case, "征求意见")
    if case.state == "supplement":
        raise RequestError(f"申请 {case.number} 正在等待补正，补正后再征求意见")
    party = party.strip()
    if not party:
        raise RequestError("被征求意见的第三方或机关名称不能为空")
    if kind not in PARTY_KINDS:
        raise RequestError(f"征求意见对象须为 {'、'.join(PARTY_KINDS)}，而不是“{kind}”")
    not_after_today(sent, today, "征求意见书发出日期")
    start = date.fromisoformat(case.supplement_received_on or case.received_on)
    if sent < start:
        raise RequestError(
            f"征求意见书发出日期 {sent.isoformat()} 早于答复期限起算日 {start.isoformat()}"
        )
    if answered is not None:
        not_after_today(answered, today, "收到意见日期")
        if answered < sent:
            raise RequestError(
                f"收到意见日期 {answered.isoformat()} 早于发出日期 {sent.isoformat()}"
            )
    existing = next(
        (c for c in case.consultations if c.party == party and c.sent_on == sent.isoformat()), None
    )
    if existing is not None:
        if existing.answered_on:
            raise RequestError(f"已于 {existing.answered_on} 收到{party}的意见")
        if answered is None:
            raise RequestError(
                f"已于 {existing.sent_on} 向{party}征求意见；收到意见时请填写收到日期"
            )
        existing.answered_on = answered.isoformat()
        existing.opinion = opinion.strip()
        session.flush()
        event(
            session,
            user.name,
            "consult_answered",
            case,
            party_kind=existing.kind,
            consultation=existing.id,
            answered=existing.answered_on,
        )
        return existing
    row = RequestConsultation(
        party=party,
        kind=kind,
        sent_on=sent.isoformat(),
        answered_on=answered.isoformat() if answered else None,
        opinion=opinion.strip(),
        created_by=user.name,
    )
    case.consultations.append(row)
    session.flush()
    pause = Pause(sent, answered)
    issue(
        session,
        case,
        "征求意见书",
        {"party": party, "kind": kind, "sent": sent, "answer_due": pause.answer_due},
        settings,
        today,
        user.name,
    )
    event(
        session,
        user.name,
        "consult",
        case,
        consultation=row.id,
        party_kind=kind,
        sent=row.sent_on,
        answer_due=pause.answer_due.isoformat(),
        answered=row.answered_on,
    )
    return row


def request_extension(
    session: Session,
    user: User,
    ref: int | str,
    days: int,
    reason: str,
    today: date | None = None,
    settings: RequestSettings | None = None,
    version: int | None = None,
) -> RequestCase:
    """The clerk asks for the one extension (第三十三条); the head approves it."""
    settings, today = ensure(settings), today or date.today()
    case = case_to_act_on(session, user, settings.handler_roles, "申请延期", ref, version)
    _extendable(case, days, reason, today)
    if case.extension_requested:
        raise RequestError(f"申请 {case.number} 的延期申请正在等待负责人审批")
    case.extension_requested = {
        "days": days,
        "reason": reason.strip(),
        "by": user.name,
        "on": today.isoformat(),
    }
    event(session, user.name, "extension_requested", case, days=days)
    return case


def _extendable(case: RequestCase, days: int, reason: str, today: date) -> None:
    _open(case, "延期")
    if case.extension_days:
        raise RequestError(
            f"申请 {case.number} 已于 {case.extension_on} 延期 {case.extension_days} 个工作日；"
            "第三十三条规定答复期限只能延长一次"
        )
    if case.delay_until:
        raise RequestError(f"申请 {case.number} 已按第三十五条确定延迟答复期限，不能再延期")
    if case.state == "supplement":
        raise RequestError(f"申请 {case.number} 正在等待补正，答复期限尚未起算，不需要延期")
    if not 1 <= days <= MAX_EXTENSION:
        raise RequestError(
            f"延长的期限须为 1–{MAX_EXTENSION} 个工作日（第三十三条），而不是 {days}"
        )
    if not reason.strip():
        raise RequestError("延期须说明理由（写入延期答复告知书）")
    due = due_of(case)
    if due is not None and today > due.due:
        raise RequestError(f"答复期限已于 {due.due.isoformat()} 届满，不能再延期")


def approve_extension(
    session: Session,
    head: User,
    ref: int | str,
    days: int | None = None,
    reason: str | None = None,
    today: date | None = None,
    settings: RequestSettings | None = None,
    version: int | None = None,
) -> RequestCase:
    """The 政府信息公开工作机构负责人 approves the extension (the pending request, or one
    given here); a 延期答复告知书 with the new due date is issued."""
    settings, today = ensure(settings), today or date.today()
    case = case_to_act_on(
        session, head, settings.head_roles, "批准延期（须政府信息公开工作机构负责人）", ref, version
    )
    pending = case.extension_requested or {}
    days = days if days is not None else int(pending.get("days") or MAX_EXTENSION)
    reason = (reason if reason is not None else str(pending.get("reason") or "")).strip()
    _extendable(case, days, reason, today)
    before = due_of(case)
    assert before is not None
    case.extension_days = days
    case.extension_reason = reason
    case.extension_approved_by = head.name
    case.extension_on = today.isoformat()
    case.extension_requested = None
    after = due_of(case)
    assert after is not None
    issue(
        session,
        case,
        "延期答复告知书",
        {
            "days": days,
            "reason": reason,
            "old_due": before.due,
            "new_due": after.due,
            "new_due_estimated": after.estimated,
        },
        settings,
        today,
        head.name,
    )
    event(
        session,
        head.name,
        "extend",
        case,
        days=days,
        requested_by=pending.get("by"),
        due_before=before.due.isoformat(),
        due=after.due.isoformat(),
    )
    return case


def delay(
    session: Session,
    head: User,
    ref: int | str,
    until: date,
    reason: str,
    today: date | None = None,
    settings: RequestSettings | None = None,
    version: int | None = None,
) -> RequestCase:
    """第三十五条: a reasoned later date for a request of unreasonable volume."""
    settings, today = ensure(settings), today or date.today()
    case = case_to_act_on(session, head, settings.head_roles, "确定延迟答复期限", ref, version)
    _open(case, "延迟答复")
    if case.delay_until:
        raise RequestError(f"申请 {case.number} 已确定延迟至 {case.delay_until}")
    if not reason.strip():
        raise RequestError("第三十五条延迟答复须说明理由")
    due = due_of(case)
    if due is None:
        raise RequestError(f"申请 {case.number} 正在等待补正，答复期限尚未起算")
    if until <= due.due:
        raise RequestError(f"延迟答复日期须晚于现答复期限 {due.due.isoformat()}")
    case.delay_until, case.delay_reason = until.isoformat(), reason.strip()
    issue(
        session,
        case,
        "延迟答复告知书",
        {"until": until, "reason": case.delay_reason},
        settings,
        today,
        head.name,
    )
    event(session, head.name, "delay", case, until=case.delay_until, due_before=due.due.isoformat())
    return case


def close(
    session: Session,
    user: User,
    ref: int | str,
    closure: str | None = None,
    today: date | None = None,
    settings: RequestSettings | None = None,
    version: int | None = None,
) -> RequestCase:
    """办结: an answered case; or one not processed further (其他处理): 逾期不补正 once the
    supplement period has passed, 逾期未缴费, 其他."""
    settings, today = ensure(settings), today or date.today()
    case = case_to_act_on(session, user, settings.handler_roles, "办结申请", ref, version)
    if case.state == "closed":
        raise RequestError(f"申请 {case.number} 已于 {case.closed_on} 办结")
    lapsed = clock(case, today).supplement_lapsed
    if case.state == "replied":
        if closure:
            raise RequestError(f"申请 {case.number} 已答复，办结时不能再注明不予处理的原因")
    else:
        closure = closure or ("逾期不补正" if lapsed else None)
        if closure is None:
            raise RequestError(
                f"申请 {case.number} 尚未答复，不能办结；不再处理的申请请注明原因（{'、'.join(CLOSURES)}）"
            )
        if closure not in CLOSURES:
            raise RequestError(f"原因须为 {'、'.join(CLOSURES)} 之一，而不是“{closure}”")
        if closure == "逾期不补正" and not lapsed:
            raise RequestError(
                f"申请 {case.number} 的补正期限（{case.supplement_due_on or '未告知补正'}）尚未届满"
            )
        case.closure = closure
    case.state = "closed"
    case.closed_on = today.isoformat()
    event(session, user.name, "close", case, closure=case.closure, closed=case.closed_on)
    return case


def sweep(session: Session, today: date | None = None, actor: str = ACTOR_SYSTEM) -> list[str]:
    """Close as 逾期不补正 every case whose supplement period has passed; returns their
    numbers. For the nightly run (or `triage requests sweep`)."""
    today = today or date.today()
    closed = []
    for case in session.scalars(select(RequestCase).where(RequestCase.state == "supplement")):
        if clock(case, today).supplement_lapsed:
            case.state, case.closure, case.closed_on = "closed", "逾期不补正", today.isoformat()
            event(session, actor, "close", case, closure="逾期不补正", closed=case.closed_on)
            closed.append(case.number)
    return closed

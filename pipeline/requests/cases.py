"""What every step of a case shares: the error clerks read, finding a case, who may act,
the audit event, and the case's clocks as of a day.

States: ``open`` (办理中: the clock runs, or pauses while a consultation is out) →
``supplement`` (待补正: the clock waits for the supplemented application) → ``open`` →
``replied`` (已答复) → ``closed`` (已办结); a case whose supplement period passed, or that
is not processed further (逾期未缴费 …), closes without an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.requests.clock import Due, Pause, due_by, reply_due, working_days_left
from pipeline.requests.settings import RequestSettings
from pipeline.store import audit
from pipeline.store.models import User
from pipeline.store.request_rows import RequestCase

STATE_NAMES = {"open": "办理中", "supplement": "待补正", "replied": "已答复", "closed": "已办结"}
DUE_SOON_DAYS = 5
ACTOR_SYSTEM = "系统"


class RequestError(ValueError):
    """A step that cannot be taken, in words for the clerk; nothing was changed."""


def get_case(session: Session, ref: int | str) -> RequestCase:
    """A case by its id or its 案件编号."""
    case = None
    if isinstance(ref, int) or str(ref).isdigit():
        case = session.get(RequestCase, int(ref))
    if case is None:
        case = session.scalars(select(RequestCase).where(RequestCase.number == str(ref))).first()
    if case is None:
        raise RequestError(f"申请 {ref} 不存在")
    return case


def require(user: User, roles: tuple[str, ...], what: str) -> None:
    if not user.active:
        raise RequestError(f"用户 {user.name} 已停用")
    if user.role not in roles:
        raise RequestError(f"用户 {user.name} 无权{what}（需要角色：{'、'.join(roles)}）")


def check_version(case: RequestCase, expected: int | None) -> None:
    if expected is not None and case.version != expected:
        raise RequestError(
            f"申请 {case.number} 已被他人修改（您看到的是第 {expected} 版，当前为第 "
            f"{case.version} 版），您的操作未保存，请刷新后重试"
        )


def case_to_act_on(
    session: Session,
    user: User,
    roles: tuple[str, ...],
    what: str,
    ref: int | str,
    version: int | None,
) -> RequestCase:
    """The case a step acts on: the user may take the step (``roles``), the case exists,
    and it is still the version the user saw."""
    require(user, roles, what)
    case = get_case(session, ref)
    check_version(case, version)
    return case


def event(
    session: Session,
    actor: str,
    action: str,
    case: RequestCase,
    document_id: int | None = None,
    **detail: Any,
) -> None:
    """An audit event of a case: its id and number and what changed, never the
    applicant's personal data (the log is permanent)."""
    audit.record(
        session,
        actor,
        f"request_{action}",
        document_id,
        {"request": case.id, "number": case.number, **detail},
    )


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def not_after_today(value: date, today: date, what: str) -> None:
    if value > today:
        raise RequestError(
            f"{what} {value.isoformat()} 晚于今天（{today.isoformat()}），请核对日期"
        )


def start_day(case: RequestCase) -> date:
    """The day the reply period counts from: receipt, or the supplement's arrival."""
    return day(case.supplement_received_on) or date.fromisoformat(case.received_on)


def pauses(case: RequestCase) -> list[Pause]:
    return [Pause(date.fromisoformat(c.sent_on), day(c.answered_on)) for c in case.consultations]


def due_of(case: RequestCase) -> Due | None:
    """The reply's due date, or None while the case waits for a supplement."""
    if case.state == "supplement":
        return None
    return reply_due(start_day(case), case.extension_days, pauses(case), day(case.delay_until))


@dataclass(frozen=True)
class CaseClock:
    state: str
    due: date | None
    estimated: bool
    basis: str
    days_left: int | None  # working days to the due date (negative: overdue)
    paused: bool  # a consultation is out: the clock stands still
    overdue: bool
    due_soon: bool
    supplement_due: date | None
    supplement_lapsed: bool  # the supplement period passed without a supplement

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "due": self.due.isoformat() if self.due else None,
            "estimated": self.estimated,
            "basis": self.basis,
            "days_left": self.days_left,
            "paused": self.paused,
            "overdue": self.overdue,
            "due_soon": self.due_soon,
            "supplement_due": self.supplement_due.isoformat() if self.supplement_due else None,
            "supplement_lapsed": self.supplement_lapsed,
        }


def clock(case: RequestCase, today: date) -> CaseClock:
    """The case's clocks as seen on ``today``: only cases still to be answered run."""
    supplement_due = day(case.supplement_due_on)
    lapsed = case.state == "supplement" and supplement_due is not None and today > supplement_due
    due = due_of(case)
    running = case.state == "open" and due is not None
    paused = running and any(p.open_on(today) for p in pauses(case))
    left = working_days_left(today, due.due) if running and due is not None else None
    overdue = running and due is not None and today > due.due
    soon = running and due is not None and not overdue and due.due <= due_by(today, DUE_SOON_DAYS)
    return CaseClock(
        case.state,
        due.due if due else None,
        bool(due and due.estimated),
        due.basis if due else "等待补正：答复期限自收到补正申请之日起计算（第三十条）",
        left,
        paused,
        overdue,
        soon,
        supplement_due,
        lapsed,
    )


def ensure(settings: RequestSettings | None) -> RequestSettings:
    return settings or RequestSettings.from_env()

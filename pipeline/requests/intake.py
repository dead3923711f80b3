"""Registering an application (第二十九条, 第三十一条): who applies, what they ask for, in
what form, how and when it arrived; a case number and a 登记回执."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from sqlalchemy.orm import Session

from pipeline.catalog.index_numbers import next_number
from pipeline.requests.cases import RequestError, ensure, event, require
from pipeline.requests.clock import receipt_day, reply_due
from pipeline.requests.issued import issue
from pipeline.requests.outcomes import APPLICANT_KINDS, CHANNELS, NATURAL
from pipeline.requests.settings import RequestSettings
from pipeline.store.models import User
from pipeline.store.request_rows import RequestCase

# The applicant's fields (personal data: shown only to those who handle the case).
APPLICANT_FIELDS = {
    "name": "姓名或名称",
    "id_type": "证件类型",
    "id_number": "证件号码",
    "org_code": "统一社会信用代码",
    "legal_rep": "法定代表人或负责人",
    "contact_person": "联系人",
    "phone": "联系电话",
    "email": "电子邮箱",
    "address": "通信地址",
    "postcode": "邮政编码",
}
FORMS = ("纸质", "电子数据", "其他")
DELIVERY = ("邮寄", "电子邮件", "自行领取", "当场阅读、抄录", "其他")
MAX_TEXT = 4000


@dataclass
class Intake:
    """An application as the clerk registers it."""

    applicant_kind: str
    applicant: dict[str, str]
    content: str
    received: date
    received_at: time | None = None
    channel: str = "当面"
    described: dict[str, str] = field(default_factory=dict)  # 名称, 文号, 其他特征
    form_wanted: dict[str, str] = field(default_factory=dict)  # 载体形式, 获取方式

    def problems(self, today: date) -> list[str]:
        """Everything wrong with it at once (the clerk fixes the form in one go)."""
        out = []
        if self.applicant_kind not in APPLICANT_KINDS:
            out.append(
                f"申请人类型须为 {'、'.join(APPLICANT_KINDS)} 之一，而不是“{self.applicant_kind}”"
            )
        if not self.applicant.get("name", "").strip():
            out.append("申请人姓名或名称不能为空")
        unknown = set(self.applicant) - set(APPLICANT_FIELDS)
        if unknown:
            out.append(f"未知的申请人信息项：{'、'.join(sorted(unknown))}")
        if not self.content.strip():
            out.append("申请公开的政府信息内容描述不能为空")
        if any(len(v) > MAX_TEXT for v in [self.content, *self.applicant.values()]):
            out.append(f"填写内容过长（每项不超过 {MAX_TEXT} 字）")
        if self.channel not in CHANNELS:
            out.append(f"提交方式须为 {'、'.join(CHANNELS)} 之一，而不是“{self.channel}”")
        if self.received > today:
            out.append(
                f"收到日期 {self.received.isoformat()} 晚于今天（{today.isoformat()}），请核对日期"
            )
        form = self.form_wanted.get("载体形式")
        if form and form not in FORMS:
            out.append(f"载体形式须为 {'、'.join(FORMS)} 之一")
        how = self.form_wanted.get("获取方式")
        if how and how not in DELIVERY:
            out.append(f"获取方式须为 {'、'.join(DELIVERY)} 之一")
        return out


def add_case(
    session: Session,
    user: User,
    intake: Intake,
    today: date | None = None,
    settings: RequestSettings | None = None,
) -> RequestCase:
    """Register an application: validated whole, numbered without gaps (the counter is
    taken in this transaction), receipt day per 第三十一条 and the office's hours, a
    登记回执 issued; one audit event."""
    settings = ensure(settings)
    today = today or date.today()
    require(user, settings.handler_roles, "登记政府信息公开申请")
    problems = intake.problems(today)
    if problems:
        raise RequestError("；".join(problems))
    receipt = receipt_day(
        intake.received, intake.received_at, settings.closes, settings.next_working_day
    )
    year = receipt.on.year
    number = settings.case_number(year, next_number(session, f"依申请|{year}"))
    submitted = intake.received.isoformat() + (
        f" {intake.received_at.strftime('%H:%M')}" if intake.received_at else ""
    )
    applicant = {k: v.strip() for k, v in intake.applicant.items() if v and v.strip()}
    case = RequestCase(
        number=number,
        applicant_kind=intake.applicant_kind,
        applicant=applicant,
        content=intake.content.strip(),
        described={k: v.strip() for k, v in intake.described.items() if v and v.strip()},
        form_wanted={k: v for k, v in intake.form_wanted.items() if v},
        channel=intake.channel,
        submitted=submitted,
        received_on=receipt.on.isoformat(),
        receipt_note=receipt.note,
        state="open",
        handler=user.name,
    )
    session.add(case)
    session.flush()
    due = reply_due(receipt.on)
    issue(
        session,
        case,
        "登记回执",
        {"due": due.due, "due_estimated": due.estimated},
        settings,
        today,
        user.name,
    )
    event(
        session,
        user.name,
        "add",
        case,
        kind="自然人" if intake.applicant_kind == NATURAL else "法人或其他组织",
        channel=intake.channel,
        received=case.received_on,
        due=due.due.isoformat(),
        estimated=due.estimated,
    )
    return case


def applicant_form(values: dict[str, Any]) -> dict[str, str]:
    """The applicant fields out of a form or options (unknown keys left out)."""
    return {k: str(values.get(k) or "").strip() for k in APPLICANT_FIELDS if values.get(k)}

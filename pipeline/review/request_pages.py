"""The 依申请公开 pages of the reviewers' app, without the web framework: who may see
them, what each page shows, how a posted form becomes a step of the case. ``app.py``
keeps only thin routes around these functions.

Cases hold applicants' personal data: every page and download here is for the roles
that handle cases (``TRIAGE_REQUEST_HANDLERS``), nothing here is public, and the catalog
site is built from catalog records alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.requests.cases import STATE_NAMES, RequestError, get_case
from pipeline.requests.clock import parse_moment
from pipeline.requests.intake import APPLICANT_FIELDS, DELIVERY, FORMS, Intake, add_case
from pipeline.requests.issued import letter_bytes
from pipeline.requests.links import Found, linked, proposal, search
from pipeline.requests.outcomes import (
    APPLICANT_KINDS,
    CHANNELS,
    CLOSURES,
    OUTCOMES,
    RECEIPT_MEANING,
    WITHHOLDINGS,
)
from pipeline.requests.settings import RequestSettings
from pipeline.requests.steps import PARTY_KINDS
from pipeline.requests.views import cases, dashboard_counts, detail
from pipeline.review.logins import Viewer
from pipeline.store import audit, rights
from pipeline.store.models import AuditEvent, DocumentRow, User
from pipeline.store.request_rows import RequestLetter

ACTION_NAMES = {
    "request_add": "登记申请",
    "request_supplement_asked": "告知补正",
    "request_supplement_received": "收到补正",
    "request_consult": "征求意见",
    "request_consult_answered": "收到意见",
    "request_extension_requested": "申请延期",
    "request_extend": "批准延期",
    "request_delay": "延迟答复",
    "request_link": "关联文档",
    "request_reply": "答复",
    "request_close": "办结",
    "request_download": "下载文书",
}
NOTICES = {
    "added": "申请已登记，登记回执已生成。",
    "supplement": "补正告知书已生成，答复期限在收到补正后重新计算。",
    "supplement_received": "已登记收到补正，答复期限重新起算。",
    "consult": "征求意见书已生成，征求意见期间不计入答复期限。",
    "consult_answer": "已登记收到意见。",
    "extension_request": "延期申请已提交，等待负责人批准。",
    "extension_approve": "已批准延期，延期答复告知书已生成。",
    "delay": "延迟答复告知书已生成。",
    "link": "文档已关联。",
    "reply": "答复书已出具。",
    "close": "申请已办结。",
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PageRefused(Exception):
    """Not for this user (403) or not there (404); the app shows the error page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def settings() -> RequestSettings:
    return RequestSettings.from_env()


def may_handle(viewer: Viewer | None) -> bool:
    return viewer is not None and viewer.role in settings().handler_roles


def require_handler(viewer: Viewer) -> None:
    if not may_handle(viewer):
        raise PageRefused(403, "依申请公开案件含有申请人个人信息，只有办理人员可以查看")


def _field(form: Mapping[str, Any], name: str, limit: int = 4000) -> str:
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _date(form: Mapping[str, Any], name: str, what: str, required: bool = True) -> date | None:
    text = _field(form, name)
    if not text:
        if required:
            raise RequestError(f"请填写{what}")
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise RequestError(f"{what}“{text}”不是日期（如 2025-09-30）") from exc


def _version(form: Mapping[str, Any]) -> int | None:
    try:
        return int(_field(form, "version"))
    except ValueError:
        return None


def _user(session: Session, viewer: Viewer) -> User:
    user = session.get(User, viewer.user_id)
    if user is None:
        raise PageRefused(403, "用户不存在")
    return user


def choices() -> dict[str, Any]:
    """The fixed lists the forms offer."""
    return {
        "applicant_kinds": APPLICANT_KINDS,
        "channels": CHANNELS,
        "receipt_meaning": RECEIPT_MEANING,
        "applicant_fields": APPLICANT_FIELDS,
        "forms": FORMS,
        "deliveries": DELIVERY,
        "outcomes": OUTCOMES,
        "withholdings": WITHHOLDINGS,
        "closures": tuple(CLOSURES),
        "party_kinds": PARTY_KINDS,
        "state_names": STATE_NAMES,
    }


def dashboard(
    session: Session, viewer: Viewer, due_within: str, state: str, today: date
) -> dict[str, Any]:
    require_handler(viewer)
    within = int(due_within) if due_within.isdigit() else None
    rows = cases(session, today, within, state if state in STATE_NAMES else None)
    return {
        "viewer": viewer,
        "rows": rows,
        "counts": dashboard_counts(cases(session, today)),
        "filters": {"due_within": due_within, "state": state},
        "today": today.isoformat(),
        **choices(),
    }


def new_form(
    viewer: Viewer, values: Mapping[str, Any] | None = None, error: str = ""
) -> dict[str, Any]:
    require_handler(viewer)
    return {"viewer": viewer, "values": dict(values or {}), "error": error, **choices()}


def parse_intake(form: Mapping[str, Any]) -> Intake:
    received = _field(form, "received")
    if not received:
        raise RequestError("请填写收到日期")
    try:
        day, at = parse_moment(
            received + (f" {_field(form, 'received_at')}" if _field(form, "received_at") else "")
        )
    except ValueError as exc:
        raise RequestError(str(exc)) from exc
    return Intake(
        applicant_kind=_field(form, "applicant_kind"),
        applicant={k: _field(form, k) for k in APPLICANT_FIELDS if _field(form, k)},
        content=_field(form, "content"),
        received=day,
        received_at=at,
        channel=_field(form, "channel"),
        described={
            "名称": _field(form, "title"),
            "文号": _field(form, "doc_number"),
            "其他特征": _field(form, "features"),
        },
        form_wanted={"载体形式": _field(form, "form"), "获取方式": _field(form, "delivery")},
    )


def create(session: Session, viewer: Viewer, form: Mapping[str, Any], today: date) -> int:
    require_handler(viewer)
    return add_case(session, _user(session, viewer), parse_intake(form), today, settings()).id


def case_page(
    session: Session,
    viewer: Viewer,
    case_id: int,
    today: date,
    words: str = "",
    notice: str = "",
    error: str = "",
) -> dict[str, Any]:
    require_handler(viewer)
    try:
        case = get_case(session, case_id)
    except RequestError as exc:
        raise PageRefused(404, str(exc)) from exc
    events = [
        e
        for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("request_%")).order_by(AuditEvent.id)
        )
        if (e.detail or {}).get("request") == case.id
    ]
    found = _for_reader(session, viewer, linked(session, case), keep=True)
    results = search(session, words) if words.strip() else []
    return {
        "viewer": viewer,
        "case": case,
        "data": detail(session, case, today),
        "linked": found,
        "proposal": proposal(found),
        "results": _for_reader(session, viewer, results, keep=False),
        "words": words,
        "history": events,
        "is_head": viewer.role in settings().head_roles,
        "notice": NOTICES.get(notice, ""),
        "error": error,
        "today": today.isoformat(),
        **choices(),
    }


def _for_reader(session: Session, viewer: Viewer, found: list[Found], keep: bool) -> list[Found]:
    """Found documents as the viewer may see them (``pipeline.store.rights``): others are
    left out of search results; a linked one (it counts in the case's proposal) stays,
    its title and 文号 hidden."""
    out = []
    for f in found:
        document = session.get(DocumentRow, f.document_id)
        if document is not None and rights.may_see(viewer.reader, document):
            out.append(f)
        elif keep:
            out.append(replace(f, title="（涉密文档，标题不显示）", doc_number=""))
    return out


Step = Callable[[Session, User, int, Mapping[str, Any], date, int | None], None]


def _supplement(
    s: Session, u: User, cid: int, f: Mapping[str, Any], today: date, v: int | None
) -> None:
    from pipeline.requests.steps import ask_supplement

    asked = _date(f, "asked", "补正告知日期")
    assert asked is not None
    ask_supplement(s, u, cid, asked, _field(f, "items"), today, settings(), v)


def _supplement_received(
    s: Session, u: User, cid: int, f: Mapping[str, Any], today: date, v: int | None
) -> None:
    from pipeline.requests.steps import receive_supplement

    got = _date(f, "received", "收到补正日期")
    assert got is not None
    receive_supplement(s, u, cid, got, today, settings(), v)


def _consult(
    s: Session, u: User, cid: int, f: Mapping[str, Any], today: date, v: int | None
) -> None:
    from pipeline.requests.steps import consult

    sent = _date(f, "sent", "征求意见书发出日期")
    assert sent is not None
    consult(
        s,
        u,
        cid,
        _field(f, "party"),
        sent,
        _field(f, "kind") or "第三方",
        _date(f, "answered", "收到意见日期", required=False),
        _field(f, "opinion"),
        today,
        settings(),
        v,
    )


def _extension_request(
    s: Session, u: User, cid: int, f: Mapping[str, Any], today: date, v: int | None
) -> None:
    from pipeline.requests.steps import request_extension

    days = _field(f, "days")
    if not days.isdigit():
        raise RequestError("延长的工作日数须为整数")
    request_extension(s, u, cid, int(days), _field(f, "reason"), today, settings(), v)


def _extension_approve(
    s: Session, u: User, cid: int, f: Mapping[str, Any], today: date, v: int | None
) -> None:
    from pipeline.requests.steps import approve_extension

    approve_extension(s, u, cid, None, None, today, settings(), v)


def _delay(s: Session, u: User, cid: int, f: Mapping[str, Any], today: date, v: int | None) -> None:
    from pipeline.requests.steps import delay

    until = _date(f, "until", "延迟答复日期")
    assert until is not None
    delay(s, u, cid, until, _field(f, "reason"), today, settings(), v)


def _link(s: Session, u: User, cid: int, f: Mapping[str, Any], today: date, v: int | None) -> None:
    from pipeline.requests.links import link

    doc, index = _field(f, "doc"), _field(f, "index")
    if doc and not doc.isdigit():
        raise RequestError(f"文档编号“{doc}”须为数字")
    link(s, u, cid, int(doc) if doc else None, index or None, settings(), v)


def _reply(s: Session, u: User, cid: int, f: Mapping[str, Any], today: date, v: int | None) -> None:
    from pipeline.requests.replies import reply

    reply(
        s,
        u,
        cid,
        _field(f, "outcome"),
        _field(f, "reason") or None,
        _field(f, "where"),
        _field(f, "agency"),
        _field(f, "note"),
        today,
        settings(),
        v,
    )


def _close(s: Session, u: User, cid: int, f: Mapping[str, Any], today: date, v: int | None) -> None:
    from pipeline.requests.steps import close

    close(s, u, cid, _field(f, "closure") or None, today, settings(), v)


STEPS: dict[str, Step] = {
    "supplement": _supplement,
    "supplement_received": _supplement_received,
    "consult": _consult,
    "extension_request": _extension_request,
    "extension_approve": _extension_approve,
    "delay": _delay,
    "link": _link,
    "reply": _reply,
    "close": _close,
}


def run_step(
    session: Session, viewer: Viewer, case_id: int, step: str, form: Mapping[str, Any], today: date
) -> str:
    """Run a posted step as the signed-in user; returns the notice code for the redirect.
    A refusal raises ``RequestError`` and the caller's transaction changes nothing."""
    require_handler(viewer)
    action = STEPS.get(step)
    if action is None:
        raise PageRefused(404, f"没有“{step}”这一步")
    action(session, _user(session, viewer), case_id, form, today, _version(form))
    return step


def letter_file(
    session: Session, viewer: Viewer, case_id: int, letter_id: int
) -> tuple[str, bytes]:
    """A letter or attachment of a case, for download (an audit event)."""
    require_handler(viewer)
    row = session.get(RequestLetter, letter_id)
    if row is None or row.case_id != case_id:
        raise PageRefused(404, f"申请 {case_id} 没有文书 {letter_id}")
    audit.record(
        session,
        viewer.name,
        "request_download",
        None,
        {"request": case_id, "number": row.case.number, "letter": row.id, "kind": row.kind},
    )
    return row.filename, letter_bytes(session, row)


def report_page(session: Session, viewer: Viewer, year: int) -> dict[str, Any]:
    from pipeline.requests.report import COLUMNS, table_three

    if viewer.role not in ("approver", "admin"):
        raise PageRefused(403, "只有审批人和管理员可以查看年度报告")
    return {"viewer": viewer, "year": year, "table": table_three(session, year), "columns": COLUMNS}


def report_xlsx(session: Session, viewer: Viewer, year: int) -> tuple[str, bytes]:
    import tempfile
    from pathlib import Path

    from pipeline.requests.report import table_three, write_xlsx

    report_page(session, viewer, year)
    with tempfile.TemporaryDirectory(prefix="triage-report-") as folder:
        path = write_xlsx(table_three(session, year), Path(folder) / "t.xlsx")
        return f"{year}-依申请公开情况.xlsx", path.read_bytes()

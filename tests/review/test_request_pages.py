"""The 依申请公开 pages through HTTP: only the roles that handle cases see them (the
applicant's personal data), a bad intake form is refused whole with the reason, a step
refused re-renders the case with the reason and changes nothing, the report table and
its .xlsx for approvers."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.store.models import AuditEvent
from pipeline.store.request_rows import RequestCase
from tests.review.conftest import csrf_of

ClientFor = Callable[..., TestClient]
FORM = {
    "applicant_kind": "自然人",
    "name": "赵申请",
    "id_number": "110101199003071235",
    "content": "某某方案",
    "channel": "当面",
    "received": "2025-09-30",
    "received_at": "10:00",
}


def _count(factory: sessionmaker[Session]) -> tuple[int, int]:
    with factory() as session:
        return (
            session.scalar(select(func.count()).select_from(RequestCase)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def test_request_pages(client_for: ClientFor, web_db: tuple[str, sessionmaker[Session]]) -> None:
    _url, factory = web_db
    clerk = client_for("李审核")
    page = clerk.get("/requests/new").text
    csrf = csrf_of(page)
    before = _count(factory)
    future = (date.today() + timedelta(days=3)).isoformat()
    refused = clerk.post("/requests", data={**FORM, "received": future, "name": "", "csrf": csrf})
    assert refused.status_code == 422
    assert "晚于今天" in refused.text and "申请人姓名或名称不能为空" in refused.text
    assert _count(factory) == before
    made = clerk.post("/requests", data={**FORM, "csrf": csrf}, follow_redirects=False)
    assert made.status_code == 303
    case_url = made.headers["location"].split("?")[0]
    shown = clerk.get(case_url).text
    assert "110101199003071235" in shown and "依申请〔2025〕1号" in shown
    assert "2025-11-04" in shown  # 9-30 + 20 working days over 国庆 (Sat 10-11 worked)

    # drafters never see cases (personal data); approvers see the report
    drafter = client_for("钱拟稿")
    assert drafter.get("/requests").status_code == 403
    denied = drafter.get(case_url)
    assert denied.status_code == 403 and "110101199003071235" not in denied.text
    assert 'href="/requests"' not in drafter.get("/queue").text
    assert 'href="/requests"' in clerk.get("/queue").text
    assert clerk.get("/requests/report").status_code == 403
    head = client_for("王批准")
    report = head.get("/requests/report?year=2025")
    assert report.status_code == 200 and "一、本年新收政府信息公开申请数量" in report.text
    book = load_workbook(io.BytesIO(head.get("/requests/report.xlsx?year=2025").content))
    assert book.active is not None and book.active["H5"].value == 1  # 新收 总计

    # a step refused: reply after closing
    csrf = csrf_of(shown)
    assert (
        clerk.post(
            f"{case_url}/close", data={"csrf": csrf, "closure": "其他"}, follow_redirects=False
        ).status_code
        == 303
    )
    before = _count(factory)
    again = clerk.post(f"{case_url}/reply", data={"csrf": csrf, "outcome": "信息不存在"})
    assert again.status_code == 409 and "办结，不能再答复" in again.text
    assert _count(factory) == before
    forged = clerk.post(f"{case_url}/reply", data={"csrf": "forged", "outcome": "信息不存在"})
    assert forged.status_code == 403

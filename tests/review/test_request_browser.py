"""依申请公开 in a real browser (Playwright, Debian's Chromium): a clerk registers an
application, finds and links a catalog entry and a draft, consults a third party and asks
for an extension; the head approves it; the draft is reviewed; the clerk answers 部分公开
with the redacted copies. The letters are what the page says, the applicant's data never
reaches the public catalog site, and `triage audit verify` passes."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from pipeline.catalog.settings import CatalogSettings
from pipeline.catalog.sweeps import publish_and_write_site, write_public_site
from pipeline.cli import app as cli
from pipeline.config import Settings
from pipeline.deadlines import is_working_day
from pipeline.review.app import create_app
from pipeline.scan import scan_file
from pipeline.store import workflow
from pipeline.store.db import open_db
from pipeline.store.documents import add_record
from pipeline.store.models import CatalogEntry
from pipeline.store.request_rows import RequestCase
from pipeline.store.users import add_user, find_user
from tests.conftest import ROOT, SAMPLES
from tests.requests.helpers import APPLICANT_ID, DRAFT, THIRD_ID, THIRD_PHONE
from tests.review.conftest import served_app

SHOTS = ROOT / "build" / "screenshots"
PASSWORD = "correct-horse-1"
NOTICE = "韶府办〔2024〕3号 关于印发内涝防治方案的通知.docx"
APPLICANT = {
    "name": "赵申请",
    "id_number": APPLICANT_ID,
    "phone": "13700001111",
    "address": "某某市某某区幸福路88号3栋502室",
}


def _queue(factory: Any, path: Path) -> int:
    record = dict(scan_file(path, Settings(), with_text=True))
    with factory() as session, session.begin():
        return add_record(session, record, path.read_bytes())[0].id


def _decide_and_approve(factory: Any, doc_id: int, attribute: str) -> None:
    with factory() as session, session.begin():
        reviewer, approver = find_user(session, "孙审核"), find_user(session, "王负责")
        assert reviewer is not None and approver is not None
        workflow.decide(session, doc_id, reviewer, attribute=attribute)
        workflow.approve(session, doc_id, approver)


def _working_day_before(day: date) -> date:
    day -= timedelta(days=1)
    while not is_working_day(day)[0]:
        day -= timedelta(days=1)
    return day


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The app over a database with a published catalog entry (the sample 通知) and a
    queued draft (holding a resident's ID number and phone)."""
    site = tmp_path / "site"
    monkeypatch.setenv("TRIAGE_SITE_DIR", str(site))
    monkeypatch.setenv("TRIAGE_AGENCY_NAME", "韶关市武江区人民政府办公室")  # not the example
    monkeypatch.setenv("TRIAGE_AGENCY_CODE", "11440203MB2D45678K")
    url = f"sqlite:///{tmp_path / 'review.db'}"
    factory = open_db(url)
    with factory() as session, session.begin():
        for name, role in {
            "李办理": "reviewer",
            "孙审核": "reviewer",
            "王负责": "approver",
        }.items():
            add_user(session, name, role, PASSWORD if name != "孙审核" else None, actor="test")
    shutil.copy(SAMPLES / NOTICE, tmp_path / NOTICE)
    notice = _queue(factory, tmp_path / NOTICE)
    _decide_and_approve(factory, notice, "主动公开")
    publish_and_write_site(factory, "系统", site)
    (tmp_path / "通报.txt").write_text(DRAFT, encoding="utf-8")
    draft = _queue(factory, tmp_path / "通报.txt")
    with factory() as session:
        entry = session.query(CatalogEntry).one()
        index_number = entry.index_number
    with served_app(create_app(url, secure_cookies=False)) as base:
        yield {
            "base": base,
            "url": url,
            "factory": factory,
            "site": site,
            "draft": draft,
            "index": index_number,
        }
    factory.kw["bind"].dispose()


def _login(page: Any, base: str, name: str, target: str) -> None:
    page.goto(f"{base}{target}")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}{target}")


def _logout(page: Any, base: str) -> None:
    page.click("button:has-text('退出')")
    page.wait_for_url(f"{base}/login?notice=signed_out")


def test_a_request_from_intake_to_partial_disclosure(served: dict[str, Any], browser: Any) -> None:
    base, factory = served["base"], served["factory"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    received = _working_day_before(_working_day_before(date.today()))

    # the clerk registers the application
    _login(page, base, "李办理", "/requests")
    page.click("#new-request")
    page.select_option("#applicant_kind", "自然人")
    for key, value in APPLICANT.items():
        page.fill(f"#f-{key}", value)
    page.fill("#f-content", "某某街道旧城改造项目征收补偿情况及内涝防治方案")
    page.select_option("#f-channel", "网络")
    page.fill("#f-received", received.isoformat())
    page.fill("#f-received_at", "10:00")
    page.click("#intake-submit")
    page.wait_for_selector("text=申请已登记")
    case_url = page.url.split("?")[0]
    case_id = int(case_url.rsplit("/", 1)[-1])
    assert APPLICANT["address"] in page.inner_text("#applicant")
    first_due = page.inner_text("#case-due")

    # finds and links the catalog entry (by 文号) and the draft (by words of its text)
    page.fill("#search-words", "韶府办〔2024〕3号")
    page.click("#search-submit")
    page.wait_for_selector("#search-results")
    assert served["index"] in page.inner_text("#search-results")
    page.click("#search-results .link-doc")
    page.wait_for_selector("text=文档已关联")
    page.fill("#search-words", "旧城改造项目征收补偿")
    page.click("#search-submit")
    page.click(f"#search-results .link-doc[data-doc='{served['draft']}']")
    page.wait_for_selector("text=文档已关联")
    assert "尚在审核" in page.inner_text("#proposal")  # the draft's suggestion, until reviewed
    assert "公开目录" in page.inner_text("#links")

    # consults the third party (answered two days later) and asks for an extension
    page.fill("#consult-party", "王建国（被征收人）")
    page.fill("#consult-sent", received.isoformat())
    page.fill("#consult-answered", _working_day_before(date.today()).isoformat())
    page.click("#consult-submit")
    page.wait_for_selector("text=征求意见书已生成")
    page.fill("#extension-days", "15")
    page.fill("#extension-reason", "需要调取的征收档案较多")
    page.click("#extension-request")
    page.wait_for_selector("#extension-pending")
    assert page.locator("#extension-approve").count() == 0  # only the head approves
    _logout(page, base)

    # the head approves the extension
    _login(page, base, "王负责", f"/requests/{case_id}")
    page.click("#extension-approve")
    page.wait_for_selector("text=已批准延期")
    assert page.inner_text("#case-due") != first_due
    assert "延长 15 个工作日" in page.inner_text("#case-basis")
    page.screenshot(path=str(SHOTS / "requests-1-extended.png"), full_page=True)
    _logout(page, base)

    # the draft goes through review; then the clerk answers 部分公开 with the copies
    _decide_and_approve(factory, served["draft"], "部分公开")
    _login(page, base, "李办理", f"/requests/{case_id}")
    page.select_option("#reply-outcome", "部分公开")
    page.select_option("#reply-reason", "第三方合法权益")
    page.click("#reply-submit")
    page.wait_for_selector("text=答复书已出具")
    assert (
        page.inner_text("#case-state") == "已答复"
        and page.inner_text("#case-outcome") == "部分公开"
    )
    page.screenshot(path=str(SHOTS / "requests-2-replied.png"), full_page=True)
    links = {
        a.get_attribute("data-kind"): a.get_attribute("href")
        for a in page.locator("#letters a").all()
    }
    assert {"登记回执", "征求意见书", "延期答复告知书", "答复书", "附件"} <= set(links)
    letter = page.request.get(f"{base}{links['答复书']}")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(letter.body())).paragraphs)
    assert "第三十七条" in text and "第十五条" in text and "行政复议" in text and "行政诉讼" in text
    assert APPLICANT["id_number"] not in text and "王建国" not in text
    attachments = [
        a.get_attribute("href") for a in page.locator("#letters a[data-kind='附件']").all()
    ]
    assert len(attachments) == 2  # the catalog's released file and the draft's redacted copy
    copies = [page.request.get(f"{base}{href}").body() for href in attachments]
    assert any("征收补偿情况" in c.decode("utf-8", "replace") for c in copies)
    assert not any(THIRD_ID.encode() in c or THIRD_PHONE.encode() in c for c in copies)
    page.click("#close-submit")
    page.wait_for_selector("text=申请已办结")
    context.close()

    # the public catalog site, rewritten, holds none of the applicant's data
    settings = CatalogSettings.from_env()
    write_public_site(factory, settings, served["site"])
    published = [p for p in served["site"].rglob("*") if p.is_file()]
    assert any(p.suffix == ".html" for p in published)
    for path in published:
        data = path.read_bytes()
        for value in APPLICANT.values():
            assert value.encode("utf-8") not in data, (path, value)
    with factory() as session:
        case = session.get(RequestCase, case_id)
        assert case is not None and case.state == "closed" and case.extension_days == 15
        assert case.extension_approved_by == "王负责" and len(case.consultations) == 1
    checked = CliRunner().invoke(cli, ["audit", "verify", "--db", served["url"]])
    assert checked.exit_code == 0 and "audit log intact" in checked.output, checked.output

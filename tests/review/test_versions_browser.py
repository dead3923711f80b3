"""A new version of a published document, end to end in a real browser (issue 21,
item 7, second half). Playwright drives Debian's Chromium against the app: version 1 of
a 救助公示 is decided (one name kept, an address removed by hand), approved and
published; the nightly reads the same file changed (one line edited, one added); the
reviewer sees 第 2 版, the link to 第 1 版 and its 索引号, the diff (修改/新增 with
新增/删除 characters), the earlier decisions filled in and marked 沿用上一版 where the
text is unchanged and only the changed lines left to decide; decides; the approver
sees what was carried and approves; publishing updates the same catalog entry (same
索引号, 第 2 版, history 增加 → 变更). Screenshots go to build/screenshots/ (the
reviewer's view to docs/ with `make screenshots`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pipeline.config import Settings
from pipeline.nightly import add_files
from pipeline.review.app import create_app
from pipeline.store import workflow
from pipeline.store.db import open_db
from pipeline.store.models import CatalogEntry, DocumentRow, User
from tests.conftest import ROOT, readme_shot
from tests.review.conftest import browser_login, fill, scan_for_queue, served_app

SHOTS = ROOT / "build" / "screenshots"
AGENCY = {"TRIAGE_AGENCY_NAME": "韶关市人民政府办公室", "TRIAGE_AGENCY_CODE": "11440200007019540X"}
V1 = [
    "大塘镇2024年临时救助发放情况公示",
    "根据《社会救助暂行办法》，现将2024年第二季度临时救助发放情况公示如下：",
    "一、救助对象王建华，身份证号440203196805121234，联系电话13926512345，发放金额800元。",
    "二、救助对象李秀英，身份证号440203197203153328，联系电话13702345678，发放金额600元。",
    # the group alone (五组), which no detector reads: the clerk marks it by hand
    "三、救助对象陈国强（五组），家住幸福路18号，发放金额500元。",
    "公示期为5个工作日，如有异议，请向大塘镇民政办反映。",
    "大塘镇人民政府",
    "2024年7月1日",
]
# 第 2 版: 李秀英's amount corrected (her line edited), a fourth person added
V2 = [
    *V1[:3],
    "二、救助对象李秀英，身份证号440203197203153328，联系电话13702345678，发放金额650元。",
    V1[4],
    "四、救助对象张美玲，身份证号440203198511224420，发放金额300元。",
    *V1[5:],
]


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str, Path]]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "临时救助公示.txt").write_text("\n".join(V1) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'review.db'}"
    fill(url, scan_for_queue([inbox])).kw["bind"].dispose()
    for name, value in AGENCY.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("TRIAGE_SITE_DIR", str(tmp_path / "site"))
    app = create_app(url, secure_cookies=False, settings=Settings(data_dir=tmp_path / "data"))
    with served_app(app) as base:
        yield base, url, inbox


def _context(browser: Any) -> Any:
    return browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")


def _decide_v1(url: str) -> int:
    """Version 1 decided as a clerk would: 王建华's phone kept (不同意: the village
    committee's number), the residence group removed by hand; approved."""
    factory = open_db(url)
    with factory() as session, session.begin():
        document = session.scalars(select(DocumentRow)).one()
        clerk = session.scalars(select(User).where(User.name == "孙审核")).one()
        boss = session.scalars(select(User).where(User.name == "王批准")).one()
        text = document.text or ""
        assert document.suggestion is not None
        kept = [f for f in document.suggestion.findings if f.text == "13926512345"]
        assert kept, "the sample's phone numbers are found"
        at = text.index("五组")
        workflow.decide(
            session,
            document.id,
            clerk,
            attribute="部分公开",
            verdicts={str(f.id): "reject" for f in kept},
            added=[{"start": at, "end": at + 2, "label": "ADDRESS"}],
            comment="王建华的电话为村委会电话，公开；住址和村组删除。",
        )
        workflow.approve(session, document.id, boss, workflow.ApprovalPolicy())
        doc_id = document.id
    factory.kw["bind"].dispose()
    return doc_id


def _publish(page: Any, base: str) -> str:
    page.goto(f"{base}/catalog")
    page.click("#publish-submit")
    page.wait_for_selector("#notice")
    return str(page.inner_text("#notice"))


def test_a_new_version_of_a_published_document(browser: Any, served: tuple[str, str, Path]) -> None:
    base, url, inbox = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    v1 = _decide_v1(url)
    approver = _context(browser)
    boss = approver.new_page()
    browser_login(boss, base, "王批准")
    assert "增加 1 条" in _publish(boss, base)
    number = boss.inner_text("#entries .index-number")

    # the nightly reads the same file, changed
    (inbox / "临时救助公示.txt").write_text("\n".join(V2) + "\n", encoding="utf-8")
    (outcome,) = add_files([inbox / "临时救助公示.txt"], url, Settings())
    v2 = outcome.document_id
    assert v2 != v1

    reviewer = _context(browser)
    page = reviewer.new_page()
    browser_login(page, base, "李审核")
    page.goto(f"{base}/documents/{v2}")
    assert page.inner_text("#file-version") == "第 2 版"
    previous = page.inner_text("#previous")
    assert f"第 1 版（文档 {v1}，已发布）" in previous and number in previous
    assert page.inner_text("#diff-summary") == "修改 1 段、新增 1 段；未改动 7 段"
    rows = page.inner_text("#diff-rows")
    assert "修改" in rows and "新增" in rows and "张美玲" in rows
    changed = page.locator("#diff-rows li.diff-changed")
    assert changed.locator("del").inner_text() == "600"
    assert changed.locator("ins").inner_text() == "650"
    # carried where the text is unchanged: the phone kept, the address removed, the
    # residence group removed by hand, the attribute
    carried = page.inner_text("#carried")
    assert "沿用第 1 版的审核决定" in carried and "部分公开" in carried
    phone = page.locator(".finding", has=page.locator("q", has_text="13926512345"))
    assert "沿用上一版" in phone.inner_text()
    assert phone.locator("input[value=reject]").is_checked()
    address = page.locator(".finding", has=page.locator("q", has_text="幸福路18号"))
    assert "沿用上一版" in address.inner_text()
    assert address.locator("input[value=accept]").is_checked()
    for fresh in ("李秀英", "张美玲"):  # in the edited and the new line: a new look
        item = page.locator(".finding", has=page.locator("q", has_text=fresh))
        assert "本版新内容" in item.inner_text()
    assert "五组（沿用上一版）" in page.inner_text("#added-list")
    assert page.locator("#attribute").input_value() == "部分公开"
    page.screenshot(path=str(readme_shot("new-version.png")), full_page=True)

    # the reviewer looks at the new lines only, and decides
    page.fill("#comment", "第 2 版：李秀英金额更正，新增张美玲，均按原标准删除。")
    page.click("#decide-submit")
    page.wait_for_selector("p.notice, #error")
    assert page.locator("#error").count() == 0, page.inner_text("#error")
    factory = open_db(url)
    with factory() as session:
        document = session.get(DocumentRow, v2)
        assert document is not None and document.state == "reviewed"
        decision = document.decision
        assert decision is not None and decision.carried is not None
        assert decision.carried["from"] == v1 and decision.carried["attribute"] == "部分公开"
        assert decision.carried["added"] == ["五组"]
        text = document.text or ""
        removed = {text[s["start"] : s["end"]] for s in decision.redactions}
        assert {"五组", "幸福路18号", "440203198511224420"} <= removed
        assert "13926512345" not in removed and "13702345678" in removed

    # the approver sees the carried part and approves; publishing updates the entry
    boss.goto(f"{base}/documents/{v2}")
    assert "沿用第 1 版" in boss.inner_text("#decision-carried")
    assert boss.inner_text("#file-version") == "第 2 版"
    boss.screenshot(path=str(SHOTS / "new-version-approver.png"), full_page=True)
    boss.click("#approve-submit")
    boss.wait_for_selector("text=已审批。")
    assert "变更 1 条" in _publish(boss, base)
    assert boss.locator("#entries .index-number").count() == 1
    assert boss.inner_text("#entries .index-number") == number
    boss.goto(f"{base}/documents/{v2}/versions")
    assert boss.inner_text("#versions-index-number") == number
    history = boss.inner_text("#catalog-history")
    assert "增加" in history and "变更" in history
    assert "第 1 版" in boss.inner_text("#versions") and "第 2 版" in boss.inner_text("#versions")
    approver.close()
    reviewer.close()
    with factory() as session:
        entry = session.scalars(select(CatalogEntry)).one()
        assert (entry.index_number, entry.document_id, entry.version) == (number, v2, 2)
        assert [h["kind"] for h in entry.record["history"]] == ["增加", "变更"]
        first = session.get(DocumentRow, v1)
        assert first is not None and first.state == "published"
    factory.kw["bind"].dispose()

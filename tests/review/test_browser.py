"""The reviewers' app in a real browser: Playwright drives Debian's Chromium against the
app served on loopback. A reviewer logs in, opens a queued devset document, rejects a
finding, adds a redaction by selecting text, decides 部分公开; an approver approves it.
The database then holds exactly that, `triage audit verify` passes, and after one audit
row is altered it fails. Screenshots go to build/screenshots/."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from pipeline.review.app import create_app
from pipeline.store.models import AuditEvent, Decision, DocumentRow
from tests.conftest import DEVSET, ROOT, need
from tests.review.conftest import PASSWORD, fill, scan_for_queue, served_app

SHOTS = ROOT / "build" / "screenshots"
TRIAGE = Path(sys.executable).with_name("triage")
SELECTED = "QCZJ-YSQ-2024-0027"  # the request's registration number: not a finding
EVIL_COMMENT = "<img src=x onerror=alert(1)>同意<script>alert(2)</script>"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The app on a free loopback port over a database with the devset documents."""
    docs = need(DEVSET / "docs")
    url = f"sqlite:///{tmp_path / 'review.db'}"
    factory = fill(url, scan_for_queue(sorted(docs.glob("*.docx"))))
    factory.kw["bind"].dispose()
    with served_app(create_app(url, secure_cookies=False)) as base:
        yield base, url


SELECT_TEXT = """([target]) => {
  // Select the first occurrence of target in the document text, as a mouse drag would.
  const root = document.getElementById("doc-text");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let whole = "", nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, whole.length]); whole += n.data; }
  const at = whole.indexOf(target);
  if (at < 0) return false;
  const point = (i) => { for (const [n, s] of nodes) if (i <= s + n.data.length) return [n, i - s]; };
  const range = document.createRange();
  range.setStart(...point(at));
  range.setEnd(...point(at + target.length));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}"""


def _login(page: Any, base: str, name: str) -> None:
    page.goto(f"{base}/queue")
    assert "/login" in page.url  # anonymous: sent to the login form
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/queue")
    assert name in page.inner_text("#who")


def _verify(url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TRIAGE), "audit", "verify", "--db", url], capture_output=True, text=True, timeout=60
    )


def test_review_and_approve_in_the_browser(served: tuple[str, str], browser: Any) -> None:
    base, url = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    # the reviewer: queue → the 答复书 → reject the addressee's name, select the
    # registration number and add it as a redaction, decide 部分公开
    _login(page, base, "李审核")
    page.screenshot(path=str(SHOTS / "1-queue.png"), full_page=True)
    page.click("text=政府信息公开申请答复书")
    page.wait_for_selector("#doc-text")
    doc_id = int(page.url.rsplit("/", 1)[-1])
    name = page.locator(".finding", has_text="个人姓名").first
    finding_id = name.get_attribute("data-finding")
    name.locator("input[value=reject]").check()
    assert page.evaluate(SELECT_TEXT, [SELECTED])
    page.wait_for_selector("#sel-add:not([disabled])")
    assert page.inner_text("#sel-text") == SELECTED
    page.select_option("#sel-label", "privacy:PERSON")  # a 删除理由 (fault 6)
    page.click("#sel-add")
    assert page.inner_text("#added-count") == "1"
    assert SELECTED in page.inner_text("#added-list")
    page.select_option("#attribute", "部分公开")
    page.fill("#comment", EVIL_COMMENT)
    first = page.locator(f'#doc-text .seg[data-findings~="{finding_id}"]').first
    assert "rejected" in (first.get_attribute("class") or "")  # shown struck through
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "2-document.png"), full_page=False)
    page.click("#decide-submit")
    page.wait_for_selector("text=审核决定已保存")  # on the next document in the queue
    page.goto(f"{base}/documents/{doc_id}")
    assert page.inner_text("#doc-state") == "待审批"
    assert page.inner_text("#decided-attribute") == "部分公开"
    page.click("button:has-text('退出')")
    page.wait_for_url(f"{base}/login?notice=signed_out")

    # the approver approves it
    _login(page, base, "王批准")
    page.goto(f"{base}/documents/{doc_id}")
    assert EVIL_COMMENT in page.inner_text(".comment")  # shown as text
    page.fill("#approve textarea[name=comment]", "同意公开")
    page.click("#approve-submit")
    page.wait_for_selector("text=已审批")
    assert page.inner_text("#doc-state") == "已批准"
    page.screenshot(path=str(SHOTS / "3-approved.png"), full_page=True)
    page.goto(f"{base}/audit")
    assert "哈希链完整" in page.inner_text("#audit-status")
    assert dialogs == []  # no injected script ran anywhere

    # the database holds what was done in the browser
    from pipeline.store.db import open_db

    factory = open_db(url)
    with factory() as session:
        document = session.get(DocumentRow, doc_id)
        assert document is not None and document.state == "approved"
        decision = session.scalars(select(Decision).where(Decision.document_id == doc_id)).one()
        text = document.text or ""
        assert decision.attribute == "部分公开" and decision.comment == EVIL_COMMENT
        assert decision.verdicts[finding_id] == "reject"
        start = text.index(SELECTED)
        assert {"start": start, "end": start + len(SELECTED), "label": "PERSON"} in [
            {k: r[k] for k in ("start", "end", "label")} for r in decision.redactions
        ]
        rejected = next(f for f in document.suggestion.findings if str(f.id) == finding_id)  # type: ignore[union-attr]
        assert not any(
            r["start"] < rejected.end and rejected.start < r["end"] for r in decision.redactions
        )
        assert [(a.level, a.action, a.user.name) for a in document.approvals] == [
            (1, "approve", "王批准")
        ]
    checked = _verify(url)
    assert checked.returncode == 0, checked.stderr
    assert "audit log intact" in checked.stdout

    # tamper: someone edits the recorded decision in the database
    with factory() as session, session.begin():
        session.execute(
            update(AuditEvent)
            .where(AuditEvent.action == "decide")
            .values(detail={"from": "in_review", "to": "reviewed", "attribute": "主动公开"})
        )
    factory.kw["bind"].dispose()
    checked = _verify(url)
    assert checked.returncode == 1
    assert "tampered" in checked.stderr
    page.goto(f"{base}/audit")
    assert "哈希链已被破坏" in page.inner_text("#audit-status")
    page.screenshot(path=str(SHOTS / "4-audit-tampered.png"), full_page=False)
    context.close()
    assert all((SHOTS / f).stat().st_size > 10_000 for f in ("2-document.png", "3-approved.png"))

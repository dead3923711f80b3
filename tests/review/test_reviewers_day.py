"""The reviewers' day in a real browser (issue 21): one server and one Chromium for the
module. A clerk reviews five 答复书 with the keyboard only (J/K, A/R, Ctrl+Enter → the
next document), the page's preview agrees with the 公开稿; an approver sees what changed
and returns one; the clerk finds it first, filled in, and resubmits it unchanged; axe-core
finds no serious or critical violation on the login, queue, document and statistics
pages; at 390 px the document page is one column. Screenshots: build/screenshots/
(review-app.png to docs/ with `make screenshots`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from pipeline.review.app import create_app
from pipeline.store.db import open_db
from pipeline.store.models import Decision, DocumentRow
from tests.conftest import ROOT, readme_shot
from tests.review.conftest import axe_violations, browser_login, fill, scan_for_queue, served_app
from tests.review.test_preview_is_copy import LINES, NAME

SHOTS = ROOT / "build" / "screenshots"
NAMES = ["王小明", "李建国", "赵丽华", "陈志强", "刘晓燕", "周文斌"]
REASON = "申请人姓名应删除，请重审"


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The app on loopback over six generated 答复书 (one name, four times, each)."""
    folder = tmp_path_factory.mktemp("day")
    inbox = folder / "inbox"
    inbox.mkdir()
    for number, name in enumerate(NAMES, 1):
        text = "\n".join(LINES).replace(NAME, name).replace("13812345678", f"1381234567{number}")
        (inbox / f"答复书{number}.txt").write_text(text + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'review.db'}"
    fill(url, scan_for_queue([inbox])).kw["bind"].dispose()
    with served_app(create_app(url, secure_cookies=False)) as base:
        yield base, url


PAGE_TEXT = """() => Array.from(document.querySelectorAll('#doc-text .seg')).map((s) =>
  s.classList.contains('redacted') ? Array.from(s.textContent).map((c) => c === '\\n' ? c : '■').join('')
  : s.textContent).join('')"""


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_keyboard_review_of_five_documents(browser: Any, day: tuple[str, str]) -> None:
    base, url = day
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    browser_login(page, base, "李审核")
    assert page.inner_text("#progress").startswith("今日 0/6")
    page.click("table.queue a")
    started, keys, decided = time.monotonic(), 0, []
    for round in range(5):
        page.wait_for_selector("#doc-text")
        doc_id = int(page.url.split("/documents/")[1].split("?")[0])
        name = page.inner_text(".finding[data-group='0'] q")  # the name: first in the text
        page.keyboard.press("j")  # the name's entry
        page.keyboard.press("r")  # 不同意: kept everywhere
        keys += 2
        shown = page.evaluate(PAGE_TEXT)
        assert shown.count(name) == 4  # all four occurrences kept on the page
        if round == 0:
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(readme_shot("review-app.png")))
            copy_before = shown
        page.keyboard.press("Control+Enter")
        keys += 1
        # the next document opens (a predicate in Python: the page's CSP forbids eval)
        page.wait_for_url(lambda url, d=doc_id: not url.split("?")[0].endswith(f"/documents/{d}"))
        assert "上一件的审核决定已保存" in page.inner_text(".notice")
        decided.append(doc_id)
        if round == 0:  # the 公开稿 of what was previewed
            response = page.request.get(f"{base}/documents/{doc_id}/redacted-copy")
            assert response.ok
            assert _lines(response.body().decode("utf-8")) == _lines(copy_before)
    seconds = time.monotonic() - started
    assert page.inner_text("#progress").startswith("今日 5/6")
    print(f"\nkeyboard: 5 documents, {keys} keys + 1 click, {seconds:.1f} s")
    factory = open_db(url)
    with factory() as session:
        for doc_id in decided:
            document = session.get(DocumentRow, doc_id)
            assert document is not None and document.state == "reviewed"
            text = document.text or ""
            d = document.decision
            assert d is not None and not [
                r for r in d.redactions if text[r["start"] : r["end"]] in NAMES
            ]
    factory.kw["bind"].dispose()
    context.close()


def test_a_return_round_trip_and_what_the_approver_sees(browser: Any, day: tuple[str, str]) -> None:
    base, url = day
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    # another clerk decides the sixth with a hand-added phrase and a comment
    browser_login(page, base, "孙审核")
    page.goto(f"{base}/queue")
    page.click("table.queue a")
    page.wait_for_selector("#doc-text")
    doc_id = int(page.url.split("/documents/")[1].split("?")[0])
    page.click("summary")
    page.fill("#add-text", "六十日内")
    page.fill("#comment", "复议期限删除")
    page.click("#decide-submit")
    page.wait_for_selector(".notice")
    factory = open_db(url)
    with factory() as session:
        first = session.scalars(select(Decision).where(Decision.document_id == doc_id)).one()
        spans = [(r["start"], r["end"], r["label"]) for r in first.redactions]
    page.click("button:has-text('退出')")

    browser_login(page, base, "王批准")
    page.goto(f"{base}/documents/{doc_id}")
    assert "六十日内" in page.inner_text("#changes-added")  # what the reviewer added
    assert not page.is_visible("#sel-bar")  # [hidden] wins over the bar's display:flex
    page.fill("#return textarea[name=reason]", REASON)
    page.click("#return button")
    page.wait_for_selector("text=已退回审核人")
    page.click("button:has-text('退出')")

    browser_login(page, base, "孙审核")
    assert page.inner_text("table.queue tbody tr >> nth=0").find("已退回") >= 0
    page.click("table.queue a")
    page.wait_for_selector("#returned-reason")
    assert REASON in page.inner_text("#returned-reason")
    assert page.input_value("#comment") == "复议期限删除"
    assert page.inner_text("#added-count") == "1"
    page.click("#decide-submit")
    page.wait_for_selector(".notice")
    with factory() as session:
        again = session.scalars(
            select(Decision).where(Decision.document_id == doc_id).order_by(Decision.id.desc())
        ).first()
        assert again is not None and again.id != first.id
        assert [(r["start"], r["end"], r["label"]) for r in again.redactions] == spans
        assert again.comment == "复议期限删除"
    factory.kw["bind"].dispose()
    context.close()


def test_accessibility_and_a_narrow_window(browser: Any, day: tuple[str, str]) -> None:
    base, _url = day
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="zh-CN", bypass_csp=True
    )
    page = context.new_page()
    problems: dict[str, list[str]] = {}

    def check(name: str) -> None:
        if found := axe_violations(page):
            problems[name] = found

    page.goto(f"{base}/login")
    check("login")
    browser_login(page, base, "王批准")
    check("queue")
    page.goto(f"{base}/queue?state=all")
    page.click("table.queue a")
    page.wait_for_selector("#doc-text")
    check("document")
    page.goto(f"{base}/statistics")
    check("statistics")
    page.click("button:has-text('退出')")
    browser_login(page, base, "李审核")
    page.goto(f"{base}/queue?state=all")
    page.click("table.queue a")
    page.wait_for_selector("#doc-text")
    check("document (reviewer)")
    assert not problems, problems

    narrow = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    phone = narrow.new_page()
    browser_login(phone, base, "李审核")
    phone.goto(page.url)
    text, side = (
        phone.locator(".text-col").bounding_box(),
        phone.locator(".side-col").bounding_box(),
    )
    assert text and side and side["y"] >= text["y"] + text["height"] - 1  # one column
    assert side["width"] <= 390 and text["width"] <= 390
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways: {width} px"
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SHOTS / "5-narrow-390.png"))
    narrow.close()
    context.close()

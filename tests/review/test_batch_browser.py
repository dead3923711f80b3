"""同类批量审核 in a real browser (issue 21, item 3): Playwright drives Debian's Chromium
against the app over 20 generated 救助公示 of one 镇 with the same table, three of them
exceptions (a 经办人 line, a bank account, a 密级 marking). A reviewer opens the group,
decides the first notice, applies its pattern to the 16 that fit in one submit, and
decides the three exceptions one by one. The database then holds 20 decisions, 16 of
them with the batch comment and the model's verdict per finding kind, every one an
audited ``decide``; axe-core finds no serious or critical violation on the two batch
pages. Clicks and seconds are printed; the plan's screenshot goes to build/screenshots/
(to docs/ with `make screenshots`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pipeline.review.app import create_app
from pipeline.store import batch_review
from pipeline.store.db import open_db
from pipeline.store.models import AuditEvent, DocumentRow
from tests.conftest import readme_shot
from tests.fixtures.similar_notices import spread, write_notices
from tests.review.conftest import axe_violations, browser_login, fill, scan_for_queue, served_app

COUNT = 20
EXCEPTIONS = spread(COUNT)  # notice number → what makes it an exception
REASONS = {"handler": "经办人", "bank": "银行账号", "secret": "密级"}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str]]:
    paths = write_notices(tmp_path / "inbox", COUNT, EXCEPTIONS)
    url = f"sqlite:///{tmp_path / 'review.db'}"
    fill(url, scan_for_queue(paths)).kw["bind"].dispose()
    with served_app(create_app(url, secure_cookies=False)) as base:
        yield base, url


def _doc_of(url: str, number: int) -> int:
    factory = open_db(url)
    with factory() as session:
        found = session.scalars(
            select(DocumentRow.id).where(DocumentRow.source.contains(f"救助公示{number:02d}"))
        ).one()
    factory.kw["bind"].dispose()
    return found


def test_twenty_alike_notices_in_one_pattern_plus_the_exceptions(
    browser: Any, served: tuple[str, str]
) -> None:
    base, url = served
    model = _doc_of(url, 1)
    exceptions = {_doc_of(url, n): kind for n, kind in EXCEPTIONS.items()}
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="zh-CN", bypass_csp=True
    )
    page = context.new_page()
    browser_login(page, base, "李审核")
    started, clicks = time.monotonic(), 0

    def click(selector: str) -> None:
        nonlocal clicks
        page.click(selector)
        clicks += 1

    tags = page.locator("table.queue a.tag.similar")
    assert tags.count() == COUNT and tags.first.inner_text() == f"同类 {COUNT} 件"
    assert not axe_violations(page)
    click("table.queue a.tag.similar")  # the queue's 同类 tag opens the groups
    assert "20 件" in page.inner_text("#groups")
    assert not axe_violations(page)
    click(f"#groups a[href='/documents/{model}']")  # 先审核一件
    page.wait_for_selector("#doc-text")
    click("#decide-submit")  # the machine's proposal is right: names kept, the rest removed
    page.wait_for_url("**/documents/*?notice=*")
    click("nav a[href='/batches']")
    click(f"#groups a[href='/batches/{model}']")
    page.wait_for_selector("#batch")
    assert page.locator("#batch input[name=doc]:checked").count() == COUNT - 1 - len(exceptions)
    shown = page.inner_text("#exceptions")
    for doc_id, kind in exceptions.items():
        row = page.locator("#exceptions tr.exception", has_text=f"文档 {doc_id}")
        assert REASONS[kind] in row.inner_text(), (kind, row.inner_text())
    assert "须逐件审核（3 件）" in shown
    assert not axe_violations(page)
    page.screenshot(path=str(readme_shot("batch-review.png")), full_page=True)
    _one_column_at_390(browser, base, [f"{base}/batches", f"{base}/batches/{model}"])
    click("#batch-submit")
    page.wait_for_selector("#batch-done")
    assert f"处理 {COUNT - 1 - len(exceptions)} 件" in page.inner_text("#batch-done")
    assert page.locator("#batch").count() == 0  # nothing left that fits
    for doc_id in exceptions:  # one by one, from the batch page's list
        click(f"#exceptions a[href='/documents/{doc_id}']")
        page.wait_for_selector("#decide-submit")
        click("#decide-submit")
        page.wait_for_url("**/documents/*?notice=*")
        page.goto(f"{base}/batches/{model}")  # back to the list: one more click
        clicks += 1
    assert "没有不相符的文档" in page.inner_text("#exceptions")
    seconds = time.monotonic() - started
    print(f"\nbatch: {COUNT} documents, {clicks} clicks, {seconds:.1f} s, 4 documents opened")
    context.close()

    factory = open_db(url)
    with factory() as session:
        documents = list(session.scalars(select(DocumentRow)))
        assert len(documents) == COUNT and all(d.state == "reviewed" for d in documents)
        comment = f"按同类文档 {model} 的审核意见批量处理"
        batched = [d for d in documents if d.decision and d.decision.comment == comment]
        assert sorted(d.id for d in batched) == sorted(
            d.id for d in documents if d.id != model and d.id not in exceptions
        )
        for document in batched:
            text, decision = document.text or "", document.decision
            assert decision is not None and decision.attribute == "部分公开"
            removed = {text[r["start"] : r["end"]] for r in decision.redactions}
            for finding in document.suggestion.findings if document.suggestion else []:
                cue = batch_review.cue_of(text, finding.start)
                assert (finding.text in removed) == (cue in ("身份证号码", "联系电话", "家庭住址"))
        decided = session.scalars(
            select(AuditEvent.document_id).where(AuditEvent.action == "decide")
        )
        assert sorted(decided) == sorted(d.id for d in documents)
    factory.kw["bind"].dispose()


def _one_column_at_390(browser: Any, base: str, urls: list[str]) -> None:
    """The batch pages on a 390 px phone: nothing scrolls sideways, the plan's table and
    the exceptions fit the width (issue 21, item 10)."""
    narrow = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    phone = narrow.new_page()
    browser_login(phone, base, "李审核")
    for url in urls:
        phone.goto(url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{url} scrolls sideways at 390 px: {width} px"
    narrow.close()

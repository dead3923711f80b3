"""Redaction reasons in a real browser (issue 21, fault 6). A reviewer changes the
删除理由 of the applicant's name from 个人隐私（个人姓名） to 其他个人信息 with the label
准考证号 and decides; the approver sees the change and approves; the 删除台账 page lists
it masked, with where, why and who; the 区分处理说明 prints as a page and downloads as
.docx and PDF; ``triage export-labels`` exports the name with the reviewer's category.
Screenshots: build/screenshots/ (ledger.png to docs/ with `make screenshots`)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app as cli
from pipeline.review.app import create_app
from tests.conftest import readme_shot
from tests.review.conftest import (
    AXE,
    axe_violations,
    browser_login,
    fill,
    scan_for_queue,
    served_app,
)
from tests.review.test_preview_is_copy import LINES, NAME, PHONE


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    folder = tmp_path_factory.mktemp("reasons")
    inbox = folder / "inbox"
    inbox.mkdir()
    (inbox / "答复书.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'review.db'}"
    fill(url, scan_for_queue([inbox])).kw["bind"].dispose()
    with served_app(create_app(url, secure_cookies=False)) as base:
        yield base, url, folder


def _log_out(page: Any) -> None:
    page.click("button:has-text('退出')")
    page.wait_for_url("**/login**")


def test_a_reason_chosen_approved_listed_explained_and_exported(
    browser: Any, served: tuple[str, str, Path]
) -> None:
    base, url, folder = served
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000},
        locale="zh-CN",
        accept_downloads=True,
        bypass_csp=True,
    )
    page = context.new_page()

    # the reviewer: the name's reason becomes 其他个人信息 (准考证号)
    browser_login(page, base, "李审核")
    page.click("table.queue a")
    page.wait_for_selector("#doc-text")
    doc_id = int(page.url.split("/documents/")[1].split("?")[0])
    entry = page.locator(".finding", has=page.locator(f"q:text-is('{NAME}')"))
    choice = entry.locator("select.reason-choice")
    assert choice.input_value() == "privacy:PERSON"  # the default: its finding's label
    note = entry.locator(".reason-note")
    assert note.is_hidden()
    choice.select_option("other_personal")
    assert note.is_visible()  # a label of its own is asked for
    note.locator("input").fill("准考证号")
    page.click("#decide-submit")
    page.wait_for_selector(".notice")
    _log_out(page)

    # the approver sees the changed reason, then approves
    browser_login(page, base, "王批准")
    page.goto(f"{base}/documents/{doc_id}")
    changed = page.inner_text("#changes-reasons")
    assert "个人隐私（个人姓名）" in changed and "其他个人信息（准考证号）" in changed
    row = page.locator("#removals tr", has=page.locator(f"q:text-is('{NAME}')"))
    assert "其他个人信息（准考证号）（第十五条）" in row.inner_text()
    page.click("#approve-submit")
    page.wait_for_selector("text=已审批")

    # the 删除台账: masked, where, why, who
    page.click("#ledger-link")
    page.wait_for_selector("#ledger")
    table = page.inner_text("#ledger")
    assert "王＊＊" in table and "其他个人信息（准考证号）" in table and "第十五条" in table
    assert "第 2、3 段" in table and "系统建议为：个人隐私（个人姓名）" in table
    assert NAME not in page.inner_text("main") and PHONE not in page.inner_text("main")
    signed = page.inner_text("#ledger-signatures")
    assert "审核人：李审核" in signed and "审批人（第 1 级）：王批准" in signed
    page.screenshot(path=str(readme_shot("ledger.png")), full_page=True)
    if AXE.exists():
        assert axe_violations(page) == []

    # the 区分处理说明: a page to print, a Word file and a PDF
    page.click("#explanation-link")
    page.wait_for_selector("#explanation-title")
    sheet = page.inner_text("main")
    assert "第三十七条" in sheet and "其他个人信息（准考证号）" in sheet and NAME not in sheet
    with page.expect_download() as download:
        page.click("text=下载（docx）")
    saved = folder / "说明.docx"
    download.value.save_as(saved)
    assert download.value.suggested_filename.endswith(".docx")
    import docx

    cells = [
        c.text
        for t in docx.Document(io.BytesIO(saved.read_bytes())).tables
        for r in t.rows
        for c in r.cells
    ]
    assert "王＊＊" in cells and "其他个人信息（准考证号）" in cells and NAME not in "".join(cells)
    pdf = page.request.get(f"{base}/documents/{doc_id}/explanation.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    # both downloads are in the document's record
    page.goto(f"{base}/documents/{doc_id}")
    assert page.inner_text(".history").count("下载区分处理说明") == 2
    context.close()

    # retraining learns the reviewer's category
    out = folder / "labels"
    result = CliRunner().invoke(cli, ["export-labels", "--out", str(out), "--db", url])
    assert result.exit_code == 0, result.output
    (record,) = [
        json.loads(line) for line in (out / "corpus.jsonl").read_text("utf-8").splitlines()
    ]
    names = [s for s in record["spans"] if s["text"] == NAME]
    assert len(names) == 4
    assert all(
        (s["label"], s["proposed_label"], s["category"], s["detail"])
        == ("OTHER_PERSONAL", "PERSON", "其他个人信息", "准考证号")
        for s in names
    )

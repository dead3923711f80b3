"""The clerks' jobs in a real browser (issue 21, items 5, 7 and 9): Playwright drives
Debian's Chromium against one app for the module, which stores uploads through the
nightly intake as `triage serve` does. A clerk uploads two files, replaces the
unreadable one by a fixed file and dismisses another; an approver previews the 公开目录,
is refused while the agency settings are the examples, publishes once they are set,
downloads the spreadsheets and withdraws the entry; an admin adds a user who then logs
in; two reviewers see each other on one document, the second to save keeps the work
the 409 refused; the approver sees the reviewer's changes marked in the text.
Screenshots go to build/screenshots/; the catalog preview and the approver's view
(catalog-app.png, approver-changes.png) to docs/ for the README with `make screenshots`."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pipeline.config import Settings
from pipeline.review.app import create_app
from pipeline.review.commands import upload_intake
from pipeline.store import workflow
from pipeline.store.db import open_db
from pipeline.store.models import CatalogEntry, DocumentRow, User
from tests.conftest import ROOT, readme_shot
from tests.fixtures.samples import build_plain_docx
from tests.review.conftest import axe_violations, browser_login, fill, scan_for_queue, served_app
from tests.review.test_preview_is_copy import ADDED, LINES, NAME

SHOTS = ROOT / "build" / "screenshots"
NAMES = ["王小明", "李建国", "赵丽华", "陈志强"]
AGENCY = {"TRIAGE_AGENCY_NAME": "韶关市人民政府办公室", "TRIAGE_AGENCY_CODE": "11440200007019540X"}
BROKEN = b"PK\x03\x04 not really a zip"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    """The app on loopback over four 答复书 (one per test that needs one) and an
    unreadable .docx, with uploads going through the nightly intake."""
    folder = tmp_path_factory.mktemp("clerk")
    inbox = folder / "inbox"
    inbox.mkdir()
    for number, name in enumerate(NAMES, 1):
        text = "\n".join(LINES).replace(NAME, name)
        (inbox / f"答复书{number}.txt").write_text(text + "\n", encoding="utf-8")
    (inbox / "损坏的文件.docx").write_bytes(BROKEN)
    url = f"sqlite:///{folder / 'review.db'}"
    fill(url, scan_for_queue([inbox])).kw["bind"].dispose()
    app = create_app(url, secure_cookies=False, settings=Settings(data_dir=folder / "data"))
    app.state.intake = partial(upload_intake, url, Settings())
    with served_app(app) as base:
        yield base, url, folder


def _doc(url: str, fragment: str) -> int:
    factory = open_db(url)
    with factory() as session:
        ids = list(
            session.scalars(select(DocumentRow.id).where(DocumentRow.source.contains(fragment)))
        )
    factory.kw["bind"].dispose()
    assert len(ids) == 1, (fragment, ids)
    return ids[0]


def _context(browser: Any) -> Any:
    return browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")


def test_upload_a_fixed_file_and_dismiss_in_the_browser(
    browser: Any, served: tuple[str, str, Path]
) -> None:
    base, url, folder = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = _context(browser)
    page = context.new_page()
    browser_login(page, base, "李审核")
    page.click("nav >> text=上传文件")
    new = folder / "upload" / "答复书（新）.txt"
    new.parent.mkdir()
    new.write_text("\n".join(LINES).replace(NAME, "周晓梅") + "\n", encoding="utf-8")
    bad = new.with_name("坏了的通知.docx")
    bad.write_bytes(BROKEN + b"!")
    page.set_input_files("#files", [str(new), str(bad)])
    page.click("#upload-submit")
    page.wait_for_selector("#stored")
    stored = page.inner_text("#stored")
    assert "已入库（2 件）" in stored and "待审核" in stored and "读取失败" in stored
    page.screenshot(path=str(SHOTS / "6-upload.png"), full_page=True)
    broken = _doc(url, "坏了的通知.docx")

    # the unreadable one: its resubmit link, the fixed file, the old one kept and linked
    page.click("#stored >> text=上传修正后的文件")
    page.wait_for_selector("#replaces")
    assert f"重新提交：替换文档 {broken}" in page.inner_text("#upload")
    fixed = build_plain_docx(
        new.with_name("坏了的通知（修正）.docx"), ["关于防汛检查的通知", "各镇街：请做好检查。"]
    )
    page.set_input_files("#files", str(fixed))
    page.click("#upload-submit")
    page.wait_for_selector("#stored")
    assert f"替换了文档 {broken}" in page.inner_text("#stored")
    page.goto(f"{base}/documents/{broken}")
    assert "本件已被重新提交的文件替换" in page.inner_text("#superseded")
    assert page.inner_text("#doc-state") == "已被新文件替换"

    # the other unreadable file: dismissed, with a reason, in its history
    page.goto(f"{base}/queue?state=error")
    page.click("table.queue a:has-text('损坏的文件')")
    page.wait_for_selector("#dismiss")
    page.fill("#dismiss-reason", "重复文件，原件已另行上传")
    page.click("#dismiss-submit")
    page.wait_for_selector("text=此文件不再处理")
    assert page.inner_text("#doc-state") == "不再处理"
    assert "重复文件，原件已另行上传" in page.inner_text(".history")
    context.close()
    factory = open_db(url)
    with factory() as session:
        states = {
            d.source.rsplit("/", 1)[-1]: d.state for d in session.scalars(select(DocumentRow))
        }
    factory.kw["bind"].dispose()
    assert states["坏了的通知.docx"] == "superseded"
    assert states["坏了的通知（修正）.docx"] == "suggested"
    assert states["损坏的文件.docx"] == "dismissed"


def test_publish_from_the_browser_after_a_preview(
    browser: Any, served: tuple[str, str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, url, folder = served
    for name in AGENCY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRIAGE_SITE_DIR", str(folder / "site"))
    doc_id = _doc(url, "答复书1.txt")
    factory = open_db(url)
    with factory() as session, session.begin():
        clerk = session.scalars(select(User).where(User.name == "孙审核")).one()
        boss = session.scalars(select(User).where(User.name == "王批准")).one()
        workflow.decide(session, doc_id, clerk, attribute="主动公开")
        workflow.approve(session, doc_id, boss, workflow.ApprovalPolicy())
    context = _context(browser)
    page = context.new_page()
    browser_login(page, base, "王批准")
    page.click("nav >> text=公开目录")
    page.wait_for_selector("#pending")
    assert "政府信息公开申请答复书" in page.inner_text("#pending")
    assert "发布时分配" in page.inner_text("#pending")
    assert "TRIAGE_AGENCY_NAME" in page.inner_text("#placeholders")
    page.click("#publish-submit")
    page.wait_for_selector("#error")
    refusal = page.inner_text("#error")
    assert "未发布" in refusal and "TRIAGE_AGENCY_NAME" in refusal
    assert "TRIAGE_AGENCY_CODE" in refusal
    page.screenshot(path=str(SHOTS / "7-catalog-refused.png"), full_page=True)
    with factory() as session:
        assert session.scalars(select(CatalogEntry)).first() is None

    for name, value in AGENCY.items():
        monkeypatch.setenv(name, value)
    page.goto(f"{base}/catalog")
    assert page.locator("#placeholders").count() == 0
    page.screenshot(path=str(readme_shot("catalog-app.png")))  # the preview, for the README
    page.click("#publish-submit")
    page.wait_for_selector("#notice")
    assert "增加 1 条" in page.inner_text("#notice")
    number = page.inner_text("#entries .index-number")
    assert number.startswith(AGENCY["TRIAGE_AGENCY_CODE"] + "/")
    page.screenshot(path=str(SHOTS / "7-catalog-published.png"), full_page=True)
    for link, ending in (("#dl-stats", ".xlsx"), ("#dl-catalog", ".xlsx")):
        with page.expect_download() as download:
            page.click(link)
        assert download.value.suggested_filename.endswith(ending)
        assert Path(download.value.path()).stat().st_size > 1000

    page.fill("#entries input[name=reason]", "已被新答复替代")
    page.click("#entries button:has-text('取消条目')")
    page.wait_for_selector("text=目录条目已取消")
    assert "已取消：已被新答复替代" in page.inner_text("#entries")
    assert (folder / "site" / "index.html").exists()
    context.close()
    with factory() as session:
        entry = session.scalars(select(CatalogEntry)).one()
        assert entry.index_number == number and entry.status == "withdrawn"
    factory.kw["bind"].dispose()


def test_an_admin_adds_a_user_who_then_logs_in(browser: Any, served: tuple[str, str, Path]) -> None:
    base, _url, _folder = served
    context = _context(browser)
    page = context.new_page()
    browser_login(page, base, "赵管理")
    page.click("nav >> text=用户管理")
    page.fill("#user-name", "周审核")
    page.select_option("#user-role", "reviewer")
    page.fill("#user-password", "long-enough-1")
    page.fill("#user-password2", "long-enough-1")
    page.click("#add-user-submit")
    page.wait_for_selector("text=用户已添加")
    assert "周审核" in page.inner_text("#users")
    page.click("button:has-text('退出')")
    browser_login(page, base, "周审核", "long-enough-1")
    assert "周审核（审核人）" in page.inner_text("#who")
    context.close()


def test_two_reviewers_see_each_other_and_the_loser_keeps_the_work(
    browser: Any, served: tuple[str, str, Path]
) -> None:
    base, url, _folder = served
    doc_id = _doc(url, "答复书2.txt")
    first_context, second_context = _context(browser), _context(browser)
    first, second = first_context.new_page(), second_context.new_page()
    browser_login(first, base, "李审核")
    browser_login(second, base, "孙审核")
    first.goto(f"{base}/documents/{doc_id}")
    first.wait_for_load_state("networkidle")  # its heartbeat has said it is here
    second.goto(f"{base}/documents/{doc_id}")
    second.wait_for_selector("#presence:not([hidden])")
    assert second.inner_text("#presence") == "李审核 也在看这份文档"
    first.reload()
    first.wait_for_selector("#presence:not([hidden])")
    assert first.inner_text("#presence") == "孙审核 也在看这份文档"

    # the second reviewer works: keeps the name, adds a phrase, writes a comment …
    name = second.inner_text(".finding[data-group='0'] q")
    second.keyboard.press("j")
    second.keyboard.press("r")
    second.click("summary")
    second.fill("#add-text", ADDED)
    second.select_option("#attribute", "部分公开")
    comment = "申请人本人申请，姓名保留；复议期限删除"
    second.fill("#comment", comment)
    # … while the first decides: keeps the name too and removes the phrase
    first.keyboard.press("j")
    first.keyboard.press("r")
    first.click("summary")
    first.fill("#add-text", ADDED)
    first.click("#decide-submit")
    first.wait_for_selector("text=审核决定已保存")
    second.click("#decide-submit")
    second.wait_for_selector("#unsaved")
    assert "未保存" in second.inner_text("#error")
    kept = second.inner_text("#unsaved")
    assert name in kept and ADDED in kept and "部分公开" in kept
    assert second.input_value("#unsaved-comment") == comment
    second.screenshot(path=str(SHOTS / "8-conflict-kept.png"), full_page=True)
    first_context.close()

    # the approver: the phrase added by hand in red, the kept name in yellow, the table
    context = _context(browser)
    page = context.new_page()
    browser_login(page, base, "王批准")
    page.goto(f"{base}/documents/{doc_id}")
    added = page.locator("#doc-text .seg.chg-added")
    assert "".join(added.all_inner_texts()) == ADDED
    assert page.locator("#doc-text .seg.chg-kept").all_inner_texts() == [name] * 4
    red = added.first.evaluate("(e) => getComputedStyle(e).backgroundColor")
    yellow = page.locator("#doc-text .seg.chg-kept").first.evaluate(
        "(e) => getComputedStyle(e).backgroundColor"
    )
    assert (red, yellow) == ("rgb(179, 38, 30)", "rgb(255, 229, 138)")
    assert "公开稿删除的内容（2 项）" in page.inner_text(".side-col")
    table = page.inner_text("#removals")
    assert ADDED in table and "审核人添加" in table and "系统建议" in table
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(readme_shot("approver-changes.png")), full_page=False)

    # returned: the second reviewer finds the first one's decision filled in, puts the
    # decision the 409 refused back with one click, and saves it
    page.fill("#return textarea[name=reason]", "请两位审核人商定")
    page.click("#return button")
    page.wait_for_selector("text=已退回审核人")
    context.close()
    second.goto(f"{base}/documents/{doc_id}")
    second.wait_for_selector("#restore-draft:not([hidden])")
    assert second.input_value("#comment") == ""  # the first reviewer's (empty) comment
    second.click("#restore-draft")
    assert second.input_value("#comment") == comment
    assert second.input_value("#attribute") == "部分公开"
    assert second.inner_text("#added-count") == "1" and ADDED in second.inner_text("#added-list")
    second.click("#decide-submit")
    second.wait_for_selector("text=审核决定已保存")
    factory = open_db(url)
    with factory() as session:
        document = session.get(DocumentRow, doc_id)
        assert document is not None and document.decision is not None
        assert document.decision.user.name == "孙审核"
        assert (document.decision.attribute, document.decision.comment) == ("部分公开", comment)
        text = document.text or ""
        assert ADDED in [text[r["start"] : r["end"]] for r in document.decision.redactions]
        assert name not in [text[r["start"] : r["end"]] for r in document.decision.redactions]
    factory.kw["bind"].dispose()
    second.goto(f"{base}/documents/{_doc(url, '答复书4.txt')}")
    assert second.locator("#restore-draft:not([hidden])").count() == 0  # used up, and per document
    second_context.close()


def test_the_clerk_pages_are_accessible(browser: Any, served: tuple[str, str, Path]) -> None:
    """axe-core: no serious or critical violation on the upload, catalog and users pages."""
    base, url, _folder = served
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="zh-CN", bypass_csp=True
    )
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    for name, path in (
        ("李审核", f"/upload?done={_doc(url, '答复书3.txt')}"),
        ("王批准", "/catalog"),
        ("赵管理", "/users"),
    ):
        browser_login(page, base, name)
        page.goto(f"{base}{path}")
        if found := axe_violations(page):
            problems[path] = found
        page.click("button:has-text('退出')")
        page.wait_for_url(f"{base}/login?notice=signed_out")
    assert not problems, problems
    context.close()

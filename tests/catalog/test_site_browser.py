"""The public catalog site in a real browser: Playwright drives Debian's Chromium over the
site served on loopback by a plain static server, and over file:// (the pages' CSP
allows only their own script and style, which must still run there). A 文号 typed into
the search box leaves exactly its entry; the entry's page shows its fields and file; a
withdrawn entry's page says 已取消; no injected markup runs and the browser reports no
errors (a CSP violation would be one). Screenshots go to build/screenshots/."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.catalog.test_site import CHANGED, FILES, FLOOD, RECORDS, WITHDRAWN_RECORD, write
from tests.conftest import ROOT

SHOTS = ROOT / "build" / "screenshots"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("catalog") / "site"
    write(out)
    return out


@pytest.fixture(scope="module")
def served(site_dir: Path) -> Iterator[str]:
    """The written site behind http.server on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(10)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that records dialogs (an injected alert) and errors (CSP violations)."""
    context = browser.new_context(viewport={"width": 1280, "height": 560}, locale="zh-CN")
    page = context.new_page()
    page.problems = []
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: page.problems.append(f"error: {e}"))
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    yield page
    context.close()


def _visible_numbers(page: Any) -> list[str]:
    return [
        t.strip()
        for t in page.locator("#entries tbody tr[data-search]:visible td.idx").all_inner_texts()
    ]


def _fields(page: Any) -> dict[str, str]:
    return page.eval_on_selector_all(
        "#meta th",
        "ths => Object.fromEntries(ths.map(th => [th.textContent.trim(), th.nextElementSibling.textContent.trim()]))",
    )


def test_search_and_open_entries_over_http(served: str, page: Any) -> None:
    page.goto(f"{served}/index.html")
    page.wait_for_selector("#finder:not([hidden])")  # the script ran and showed the finder
    assert len(_visible_numbers(page)) == len(RECORDS)

    # a 文号 leaves exactly its entry (not 武府办函〔2024〕19号, which shares most of it)
    page.fill("#q", "武府办函〔2024〕9号")
    assert _visible_numbers(page) == [FLOOD.index_number]
    assert page.inner_text("#count") == "找到 1 条，共 5 条（其中已取消 1 条）"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "catalog-search.png"), full_page=True)
    # other brackets and full-width digits find it too; words combine
    page.fill("#q", "武府办函[２０２４]9号")
    assert _visible_numbers(page) == [FLOOD.index_number]
    page.fill("#q", "营商环境 政务服务")
    assert _visible_numbers(page) == [CHANGED.index_number]
    page.fill("#q", "没有这样的文件")
    assert _visible_numbers(page) == [] and page.is_visible("#none")

    # filters: status, year, 公开方式, and the reset button
    page.click("#clear")
    page.select_option("#status", "withdrawn")
    assert _visible_numbers(page) == [WITHDRAWN_RECORD.index_number]
    page.select_option("#status", "")
    page.select_option("#year", "2024")
    assert WITHDRAWN_RECORD.index_number not in _visible_numbers(page)
    assert len(_visible_numbers(page)) == len(RECORDS) - 1
    page.select_option("#disclosure", "依申请公开")
    assert _visible_numbers(page) == [f"{FLOOD.index_number[:-5]}00027"]
    page.click("#clear")
    assert len(_visible_numbers(page)) == len(RECORDS)
    assert page.inner_text("#count") == "共 5 条（其中已取消 1 条）"

    # open the entry from the search result: its fields, and its file downloads
    page.fill("#q", "武府办函〔2024〕9号")
    page.click(f"text={FLOOD.title}")
    page.wait_for_selector("#meta")
    assert page.url.endswith("/entries/11420100MB1957883K-2024-00009.html")
    fields = _fields(page)
    assert fields["文号"] == FLOOD.doc_number and fields["名称"] == FLOOD.title
    assert fields["索引号"] == FLOOD.index_number and fields["生成日期"] == FLOOD.formed
    assert fields["公开方式"] == "主动公开" and fields["主题词"] == "防汛，抗旱，应急"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "catalog-entry.png"), full_page=True)
    href = page.get_attribute("#file-link", "href")
    response = page.request.get(f"{served}/entries/{href}")
    assert response.ok and response.body() == FILES["防汛抗旱通知.pdf"]

    # a withdrawn entry: found by its 文号, its page says 已取消 and links no file
    page.go_back()
    page.wait_for_selector("#finder:not([hidden])")
    page.fill("#q", "武政办〔2023〕45号")
    assert _visible_numbers(page) == [WITHDRAWN_RECORD.index_number]
    page.click(f"text={WITHDRAWN_RECORD.title}")
    page.wait_for_selector("#withdrawn")
    notice = page.inner_text("#withdrawn")
    assert "本条目已取消" in notice and WITHDRAWN_RECORD.withdrawn_reason in notice
    assert page.locator("a[href*='files/']").count() == 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "catalog-withdrawn.png"), full_page=True)

    # the entry with markup in its title: shown as text, nothing ran
    page.goto(f"{served}/index.html")
    page.fill("#q", "alert(1)")
    assert len(_visible_numbers(page)) == 1
    assert "<script>alert(1)</script>" in page.inner_text("#entries tbody")
    assert page.problems == []


def test_search_works_from_file_urls(site_dir: Path, page: Any) -> None:
    page.goto((site_dir / "index.html").as_uri())
    page.wait_for_selector("#finder:not([hidden])")
    style = "getComputedStyle(document.querySelector('.masthead')).backgroundImage"
    assert "linear-gradient" in page.evaluate(style)  # the style sheet loaded
    page.fill("#q", "武府办函〔2024〕19号")
    assert _visible_numbers(page) == [CHANGED.index_number]
    page.click(f"text={CHANGED.title}")
    page.wait_for_selector("#history")
    assert _fields(page)["文号"] == CHANGED.doc_number
    assert "更正附件2中的咨询电话" in page.inner_text("#history")
    assert page.problems == []

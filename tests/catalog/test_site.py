"""The public catalog site's pages: every entry listed and given a page with its fields, links
that resolve, withdrawn entries marked and unlinked, values escaped, hostile file names
kept inside files/."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from pipeline.catalog import site
from pipeline.catalog.record import WITHDRAWN
from pipeline.catalog.site import safe_file_name
from tests.catalog.site_records import (
    AGENCY,
    CHANGED,
    CODE,
    EVIL,
    EVIL_FILE,
    EVIL_TITLE,
    FILES,
    FLOOD,
    ON_REQUEST,
    RECORDS,
    WITHDRAWN_RECORD,
    entry_page,
    fields_of,
    page_of,
    write,
)


def test_report_counts(tmp_path: Path) -> None:
    report = write(tmp_path / "site")
    assert report == site.SiteReport(out=tmp_path / "site", entries=5, withdrawn=1, files=3)
    assert sorted(p.name for p in (tmp_path / "site" / "files").iterdir()) == [
        "x.pdf",
        "营商环境措施（第二版）.pdf",
        "防汛抗旱通知.pdf",
    ]  # the withdrawn entry's file and the unreferenced one are not published


def test_index_lists_every_entry_newest_first(out: Path) -> None:
    page = page_of(out / "index.html")
    assert page.get("lang") == "zh-CN"
    assert AGENCY in page.findtext(".//title")
    rows = page.xpath('//table[@id="entries"]/tbody/tr[@data-search]')
    assert [r.xpath("string(td[1])").strip() for r in rows] == [
        f"{CODE}/2024-00031",
        f"{CODE}/2024-00027",
        f"{CODE}/2024-00019",
        f"{CODE}/2024-00009",
        f"{CODE}/2023-00112",
    ]
    titles = {r.xpath("string(td[2]/a)") for r in rows}
    assert titles == {r.title for r in RECORDS}
    withdrawn = [r for r in rows if r.get("data-status") == WITHDRAWN]
    assert len(withdrawn) == 1 and "已取消" in withdrawn[0].text_content()
    assert "共 5 条（其中已取消 1 条）" in page.text_content()
    # the filters offer what the entries hold
    assert page.xpath('//select[@id="year"]/option/text()') == ["全部", "2024", "2023"]
    assert page.xpath('//select[@id="disclosure"]/option/text()') == [
        "全部",
        "主动公开",
        "依申请公开",
    ]
    assert page.xpath('//select[@id="status"]/option/@value') == ["", "active", "withdrawn"]
    assert "国民经济管理、国有资产监管" in page.xpath('//select[@id="topic"]/option/text()')
    # without JavaScript the finder stays hidden and the whole list shows
    assert page.get_element_by_id("finder").get("hidden") is not None
    assert not [r for r in rows if r.get("hidden") is not None]


def test_search_text_carries_the_searchable_fields(out: Path) -> None:
    rows = page_of(out / "index.html").xpath("//tr[@data-search]")
    search = {r.xpath("string(td[1])").strip(): r.get("data-search") for r in rows}
    text = search[FLOOD.index_number]
    for value in (
        FLOOD.index_number,
        FLOOD.title,
        FLOOD.doc_number,
        FLOOD.summary,
        *FLOOD.keywords,
    ):
        assert value is not None and value in text


def test_each_entry_page_shows_its_fields(out: Path) -> None:
    for record in RECORDS:
        fields = fields_of(page_of(entry_page(out, record)))
        assert fields["索引号"] == record.index_number
        assert fields["名称"] == record.title
        assert fields["内容概述"] == record.summary
        assert fields["主题词"] == "，".join(record.keywords)
        assert fields["生成日期"] == (record.formed or "")
        assert fields["文号"] == (record.doc_number or "")
        assert fields["发布机构"] == AGENCY
        assert fields["主题分类"] == record.topic
        assert fields["公开方式"] == record.disclosure
        if record is not CHANGED:  # its timestamp is in UTC: below
            assert fields["发布时间"] == record.published_at[:16].replace("T", " ")
        assert fields["版本"].startswith(f"第 {record.version} 版")
    # a UTC timestamp is shown in Beijing time
    assert fields_of(page_of(entry_page(out, CHANGED)))["发布时间"] == "2024-05-20 10:00"


def test_links_resolve_to_files_inside_the_site(out: Path) -> None:
    pages = [out / "index.html", *sorted((out / "entries").glob("*.html"))]
    assert len(pages) == 6
    checked = 0
    for path in pages:
        page = page_of(path)
        for link in page.xpath("//a/@href | //link/@href | //script/@src"):
            url = urlsplit(link)
            assert not url.scheme and not url.netloc, link  # everything is relative
            target = (path.parent / unquote(url.path)).resolve()
            assert target.is_relative_to(out.resolve()) and target.is_file(), (path, link)
            checked += 1
    assert checked > 30
    link = page_of(entry_page(out, FLOOD)).get_element_by_id("file-link")
    target = entry_page(out, FLOOD).parent / unquote(link.get("href"))
    assert target.read_bytes() == FILES["防汛抗旱通知.pdf"]
    assert FLOOD.file_sha256 and FLOOD.file_sha256 in page_of(entry_page(out, FLOOD)).text_content()


def test_withdrawn_entry_says_so_and_no_longer_links_its_file(out: Path) -> None:
    path = entry_page(out, WITHDRAWN_RECORD)
    page = page_of(path)
    notice = page.get_element_by_id("withdrawn").text_content()
    assert "本条目已取消" in notice and WITHDRAWN_RECORD.withdrawn_reason in notice
    assert not page.xpath('//a[contains(@href, "files/")]')
    assert "停车收费通知.pdf" not in path.read_text(encoding="utf-8")
    assert not (out / "files" / "停车收费通知.pdf").exists()
    history = page.get_element_by_id("history").text_content()
    assert "取消" in history and "2024-03-01 09:00" in history


def test_changed_entry_shows_its_versions(out: Path) -> None:
    page = page_of(entry_page(out, CHANGED))
    rows = [
        [td.text_content().strip() for td in tr.xpath("td")]
        for tr in page.xpath('//table[@id="history"]/tbody/tr')
    ]
    assert rows == [
        ["第 1 版", "2024-05-10 10:00", "增加", ""],
        ["第 2 版", "2024-05-20 10:00", "变更", "更正附件2中的咨询电话"],
    ]
    assert "已作区分处理" in fields_of(page)["公开属性"]


def test_entry_on_request_has_no_file_and_says_why(out: Path) -> None:
    page = page_of(entry_page(out, ON_REQUEST))
    assert not page.xpath('//a[contains(@href, "files/")]')
    assert "依申请公开" in page.xpath('string(//section[@class="file"])')


def test_markup_is_shown_as_text(out: Path) -> None:
    for path in [out / "index.html", entry_page(out, EVIL)]:
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        page = page_of(path)
        assert [s.get("src") for s in page.iter("script")] == (
            ["static/catalog.js"] if path.name == "index.html" else []
        )
        assert not page.xpath("//*[@onerror or @onclick or @onload or @style] | //style | //img")
    assert EVIL_TITLE in page_of(out / "index.html").text_content()
    assert fields_of(page_of(entry_page(out, EVIL)))["名称"] == EVIL_TITLE
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    assert {e["title"] for e in feed["entries"]} >= {EVIL_TITLE}  # data, not markup


def test_pages_allow_only_their_own_scripts_and_styles(out: Path) -> None:
    for path in [out / "index.html", *(out / "entries").glob("*.html")]:
        page = page_of(path)
        csp = page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
        assert csp == [site.CSP], path
        assert all(s.get("src") and not (s.text or "").strip() for s in page.iter("script"))
    assert "script-src 'self'" in site.CSP and "style-src 'self'" in site.CSP
    assert "default-src 'none'" in site.CSP and "unsafe" not in site.CSP
    assert (out / "static" / "catalog.js").read_bytes() == (site.STATIC / "catalog.js").read_bytes()
    assert (out / "static" / "site.css").is_file()


def test_hostile_file_name_stays_inside_files(tmp_path: Path) -> None:
    out = tmp_path / "a" / "site"
    write(out)
    assert (
        sorted(p.name for p in tmp_path.rglob("*") if p.is_file() and not p.is_relative_to(out))
        == []
    )
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["site"]  # no temp folder left
    assert (out / "files" / "x.pdf").read_bytes() == FILES[EVIL_FILE]
    link = page_of(entry_page(out, EVIL)).get_element_by_id("file-link")
    assert link.get("href") == "../files/x.pdf" and link.text == "x.pdf"
    entry = next(
        e
        for e in json.loads((out / "feed.json").read_bytes())["entries"]
        if e["title"] == EVIL_TITLE
    )
    assert entry["file_name"] == "x.pdf" and entry["file_url"] == "files/x.pdf"
    assert entry["file_sha256"] == hashlib.sha256(FILES[EVIL_FILE]).hexdigest()  # computed


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../x", "x"),
        ("../../etc/passwd", "passwd"),
        ("/abs/path/报告.pdf", "报告.pdf"),
        ("..\\..\\win.docx", "win.docx"),
        ("..", "file"),
        ("", "file"),
        (".hidden", "hidden"),
        ("a\x00b\nc.pdf", "abc.pdf"),
        ('a<b>c:d"e|f?g*h#i%j.pdf', "a_b_c_d_e_f_g_h_i_j.pdf"),
        ("通知（2024）.pdf", "通知（2024）.pdf"),
        ("长" * 100 + ".pdf", "长" * 65 + ".pdf"),  # 3 bytes a character
    ],
    ids=lambda v: repr(v)[:24],
)
def test_safe_file_name(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe
    assert len(safe.encode()) <= site.MAX_NAME_BYTES

"""The public catalog site: every entry listed and given a page with its fields, links
that resolve, withdrawn entries marked and unlinked, values escaped, hostile file names
kept inside files/, the feed valid against its schema (and a broken one not), and the
same input written twice giving the same bytes, swapped in whole."""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from jsonschema import Draft202012Validator

from pipeline.catalog import site
from pipeline.catalog.record import WITHDRAWN, CatalogRecord, Change
from pipeline.catalog.site import FeedError, safe_file_name, validate_feed, write_site

AGENCY = "武汉市人民政府办公厅"
CODE = "11420100MB1957883K"
GENERATED = "2024-06-30T18:00:00+08:00"
EVIL_TITLE = '<script>alert(1)</script>关于"测试"的<b>通知</b>'
EVIL_FILE = "../../x.pdf"


def _pdf(text: str) -> bytes:
    return f"%PDF-1.7\n% {text}\n%%EOF\n".encode()


FILES: dict[str, bytes] = {
    "防汛抗旱通知.pdf": _pdf("flood"),
    "营商环境措施（第二版）.pdf": _pdf("business v2"),
    "停车收费通知.pdf": _pdf("parking"),
    EVIL_FILE: _pdf("hostile"),
    "unused.pdf": _pdf("not referenced"),
}


def _record(number: str, title: str, file: str | None = None, **values: Any) -> CatalogRecord:
    """An entry of this agency, 主动公开 unless said otherwise, with `file` released."""
    defaults: dict[str, Any] = {
        "summary": "",
        "keywords": [],
        "formed": None,
        "doc_number": None,
        "issuer": AGENCY,
        "topic": "综合政务",
        "disclosure": "主动公开",
        "attribute": "主动公开",
    }
    if file is not None:
        defaults |= {"file_name": file, "file_sha256": hashlib.sha256(FILES[file]).hexdigest()}
    return CatalogRecord(index_number=f"{CODE}/{number}", title=title, **(defaults | values))


FLOOD = _record(
    "2024-00009",
    "武汉市人民政府办公厅关于做好2024年防汛抗旱工作的通知",
    "防汛抗旱通知.pdf",
    summary="部署2024年全市防汛抗旱工作，明确各区、各部门责任分工和应急响应要求。",
    keywords=["防汛", "抗旱", "应急"],
    formed="2024-04-12",
    doc_number="武府办函〔2024〕9号",
    topic="城乡建设、环境保护",
    published_at="2024-04-15T09:30:00+08:00",
    history=[Change(1, "2024-04-15T09:30:00+08:00", "增加")],
)
CHANGED = _record(
    "2024-00019",
    "武汉市进一步优化营商环境若干措施",
    "营商环境措施（第二版）.pdf",
    summary="围绕市场准入、政务服务、要素保障等方面提出二十条措施。",
    keywords=["营商环境", "政务服务"],
    formed="2024-05-08",
    doc_number="武府办函〔2024〕19号",
    topic="国民经济管理、国有资产监管",
    attribute="部分公开",
    published_at="2024-05-20T02:00:00+00:00",  # UTC, as the publisher writes it
    version=2,
    history=[
        Change(1, "2024-05-10T10:00:00+08:00", "增加"),
        Change(2, "2024-05-20T10:00:00+08:00", "变更", "更正附件2中的咨询电话"),
    ],
)
WITHDRAWN_RECORD = _record(
    "2023-00112",
    "武汉市中心城区临时停车收费管理办法的通知",
    "停车收费通知.pdf",
    summary="规定中心城区道路临时停车收费标准和管理要求。",
    keywords=["停车", "收费"],
    formed="2023-11-02",
    doc_number="武政办〔2023〕45号",
    published_at="2024-03-01T09:00:00+08:00",
    version=2,
    status=WITHDRAWN,
    withdrawn_reason="该文件已被武政办〔2024〕3号废止",
    history=[
        Change(1, "2023-11-06T09:00:00+08:00", "增加"),
        Change(2, "2024-03-01T09:00:00+08:00", "取消", "该文件已被武政办〔2024〕3号废止"),
    ],
)
EVIL = _record(
    "2024-00031",
    EVIL_TITLE,
    summary="<img src=x onerror=alert(2)>内容概述 & 其他",
    keywords=['"><script>alert(3)</script>', "测试"],
    formed="2024-06-01",
    doc_number="武府办〔2024〕31号",
    published_at="2024-06-03T09:00:00+08:00",
    file_name=EVIL_FILE,  # and no checksum: the site computes it
)
ON_REQUEST = _record(
    "2024-00027",
    "关于某区征收补偿安置情况的说明",
    summary="涉及特定征收项目的补偿安置情况。",
    keywords=["征收", "补偿"],
    topic="城乡建设、环境保护",
    disclosure="依申请公开",
    attribute="依申请公开",
    published_at="2024-05-28T15:00:00+08:00",
)
RECORDS = [FLOOD, CHANGED, WITHDRAWN_RECORD, EVIL, ON_REQUEST]


def write(out: Path, records: list[CatalogRecord] | None = None) -> site.SiteReport:
    return write_site(
        RECORDS if records is None else records, FILES, out, agency=AGENCY, generated_at=GENERATED
    )


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _page(path: Path) -> Any:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def _fields(page: Any) -> dict[str, str]:
    """The entry's definition table as 字段 → text."""
    return {
        th.text_content().strip(): th.getnext().text_content().strip()
        for th in page.xpath('//table[@id="meta"]//th')
    }


def _entry_page(out: Path, record: CatalogRecord) -> Path:
    return out / "entries" / f"{record.index_number.replace('/', '-')}.html"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    write(out)
    return out


def test_report_counts(tmp_path: Path) -> None:
    report = write(tmp_path / "site")
    assert report == site.SiteReport(out=tmp_path / "site", entries=5, withdrawn=1, files=3)
    assert sorted(p.name for p in (tmp_path / "site" / "files").iterdir()) == [
        "x.pdf",
        "营商环境措施（第二版）.pdf",
        "防汛抗旱通知.pdf",
    ]  # the withdrawn entry's file and the unreferenced one are not published


def test_index_lists_every_entry_newest_first(out: Path) -> None:
    page = _page(out / "index.html")
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
    rows = _page(out / "index.html").xpath("//tr[@data-search]")
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
        fields = _fields(_page(_entry_page(out, record)))
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
    assert _fields(_page(_entry_page(out, CHANGED)))["发布时间"] == "2024-05-20 10:00"


def test_links_resolve_to_files_inside_the_site(out: Path) -> None:
    pages = [out / "index.html", *sorted((out / "entries").glob("*.html"))]
    assert len(pages) == 6
    checked = 0
    for path in pages:
        page = _page(path)
        for link in page.xpath("//a/@href | //link/@href | //script/@src"):
            url = urlsplit(link)
            assert not url.scheme and not url.netloc, link  # everything is relative
            target = (path.parent / unquote(url.path)).resolve()
            assert target.is_relative_to(out.resolve()) and target.is_file(), (path, link)
            checked += 1
    assert checked > 30
    link = _page(_entry_page(out, FLOOD)).get_element_by_id("file-link")
    target = _entry_page(out, FLOOD).parent / unquote(link.get("href"))
    assert target.read_bytes() == FILES["防汛抗旱通知.pdf"]
    assert FLOOD.file_sha256 and FLOOD.file_sha256 in _page(_entry_page(out, FLOOD)).text_content()


def test_withdrawn_entry_says_so_and_no_longer_links_its_file(out: Path) -> None:
    path = _entry_page(out, WITHDRAWN_RECORD)
    page = _page(path)
    notice = page.get_element_by_id("withdrawn").text_content()
    assert "本条目已取消" in notice and WITHDRAWN_RECORD.withdrawn_reason in notice
    assert not page.xpath('//a[contains(@href, "files/")]')
    assert "停车收费通知.pdf" not in path.read_text(encoding="utf-8")
    assert not (out / "files" / "停车收费通知.pdf").exists()
    history = page.get_element_by_id("history").text_content()
    assert "取消" in history and "2024-03-01 09:00" in history


def test_changed_entry_shows_its_versions(out: Path) -> None:
    page = _page(_entry_page(out, CHANGED))
    rows = [
        [td.text_content().strip() for td in tr.xpath("td")]
        for tr in page.xpath('//table[@id="history"]/tbody/tr')
    ]
    assert rows == [
        ["第 1 版", "2024-05-10 10:00", "增加", ""],
        ["第 2 版", "2024-05-20 10:00", "变更", "更正附件2中的咨询电话"],
    ]
    assert "已作区分处理" in _fields(page)["公开属性"]


def test_entry_on_request_has_no_file_and_says_why(out: Path) -> None:
    page = _page(_entry_page(out, ON_REQUEST))
    assert not page.xpath('//a[contains(@href, "files/")]')
    assert "依申请公开" in page.xpath('string(//section[@class="file"])')


def test_markup_is_shown_as_text(out: Path) -> None:
    for path in [out / "index.html", _entry_page(out, EVIL)]:
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        page = _page(path)
        assert [s.get("src") for s in page.iter("script")] == (
            ["static/catalog.js"] if path.name == "index.html" else []
        )
        assert not page.xpath("//*[@onerror or @onclick or @onload or @style] | //style | //img")
    assert EVIL_TITLE in _page(out / "index.html").text_content()
    assert _fields(_page(_entry_page(out, EVIL)))["名称"] == EVIL_TITLE
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    assert {e["title"] for e in feed["entries"]} >= {EVIL_TITLE}  # data, not markup


def test_pages_allow_only_their_own_scripts_and_styles(out: Path) -> None:
    for path in [out / "index.html", *(out / "entries").glob("*.html")]:
        page = _page(path)
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
    link = _page(_entry_page(out, EVIL)).get_element_by_id("file-link")
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


def test_feed_validates_against_the_schema(out: Path) -> None:
    schema = json.loads(site.SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    validate_feed(feed)
    Draft202012Validator(schema).validate(feed)
    assert feed["agency"] == AGENCY and feed["generated_at"] == GENERATED and feed["count"] == 5
    by_number = {e["index_number"]: e for e in feed["entries"]}
    flood = by_number[FLOOD.index_number]
    assert flood["url"] == f"entries/{CODE}-2024-00009.html"
    assert unquote(flood["file_url"]) == "files/防汛抗旱通知.pdf"
    assert (out / unquote(flood["file_url"])).is_file() and (out / flood["url"]).is_file()
    assert flood["history"] == [
        {"version": 1, "at": "2024-04-15T09:30:00+08:00", "kind": "增加", "reason": ""}
    ]
    withdrawn = by_number[WITHDRAWN_RECORD.index_number]
    assert withdrawn["status"] == WITHDRAWN and withdrawn["file_url"] is None
    # the feed round-trips to the records (but for the names it is published under)
    back = {k: v for k, v in flood.items() if k not in ("url", "file_url")}
    assert CatalogRecord.from_dict(back) == FLOOD


def _broken(feed: dict[str, Any], change: Any) -> dict[str, Any]:
    broken = copy.deepcopy(feed)
    change(broken)
    return broken


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda f: f["entries"][0].pop("title"), id="missing-title"),
        pytest.param(lambda f: f.pop("generated_at"), id="missing-generated_at"),
        pytest.param(lambda f: f["entries"][0].update(extra=1), id="extra-field"),
        pytest.param(lambda f: f.update(more="x"), id="extra-top-level"),
        pytest.param(lambda f: f["entries"][0].update(formed="2024/04/12"), id="date-format"),
        pytest.param(lambda f: f["entries"][0].update(formed="2024-02-30"), id="no-such-date"),
        pytest.param(lambda f: f["entries"][0].update(published_at="昨天"), id="timestamp"),
        pytest.param(lambda f: f["entries"][0].update(status="deleted"), id="status"),
        pytest.param(lambda f: f["entries"][0].update(version="2"), id="version-type"),
        pytest.param(lambda f: f["entries"][0].update(file_name="../x.pdf"), id="file-name-path"),
        pytest.param(
            lambda f: f["entries"][0]["history"].append({"version": 1}), id="history-item"
        ),
        pytest.param(lambda f: f["entries"][0].update(title="  "), id="blank-title"),
        pytest.param(lambda f: f.update(count="5"), id="count-type"),
    ],
)
def test_broken_feed_does_not_validate(out: Path, change: Any) -> None:
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    with pytest.raises(FeedError):
        validate_feed(_broken(feed, change))


def test_withdrawn_entry_in_feed_must_say_why_and_drop_its_file(out: Path) -> None:
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    at = next(i for i, e in enumerate(feed["entries"]) if e["status"] == WITHDRAWN)
    for change in (
        lambda f: f["entries"][at].update(withdrawn_reason=""),
        lambda f: f["entries"][at].update(file_url="files/x.pdf"),
    ):
        with pytest.raises(FeedError, match="entries/"):
            validate_feed(_broken(feed, change))


def test_invalid_record_fails_before_anything_is_written(out: Path) -> None:
    before = _tree(out)
    bad = replace(FLOOD, formed="2024年4月12日")
    with pytest.raises(FeedError, match="formed"):
        write(out, [bad, CHANGED])
    assert _tree(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([replace(FLOOD, file_name="nope.pdf")], "no bytes"),
        ([replace(FLOOD, file_sha256="0" * 64)], "SHA-256"),
        (
            [
                FLOOD,
                replace(CHANGED, index_number=FLOOD.index_number),
            ],
            "page name",
        ),
        (
            [
                FLOOD,
                replace(CHANGED, file_name="../防汛抗旱通知.pdf", file_sha256=None),
            ],
            "another entry",
        ),
    ],
    ids=["missing-file", "checksum", "same-index-number", "file-name-clash"],
)
def test_inconsistent_input_fails_loudly(
    tmp_path: Path, records: list[CatalogRecord], message: str
) -> None:
    files = {**FILES, "../防汛抗旱通知.pdf": b"other bytes"}
    with pytest.raises(ValueError, match=message):
        write_site(records, files, tmp_path / "site", agency=AGENCY, generated_at=GENERATED)
    assert list(tmp_path.iterdir()) == []


def test_same_input_gives_identical_bytes(tmp_path: Path) -> None:
    write(tmp_path / "one")
    write(tmp_path / "two", list(reversed(RECORDS)))  # input order does not matter
    first = _tree(tmp_path / "one")
    assert first == _tree(tmp_path / "two")
    write(tmp_path / "one")  # rewriting in place
    assert _tree(tmp_path / "one") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "two"]


def test_rewrite_swaps_in_the_whole_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    write(out)
    (out / "stale.txt").write_text("left by someone")
    report = write(out, [FLOOD])
    assert report.entries == 1 and report.files == 1
    assert sorted(_tree(out)) == [
        f"entries/{CODE}-2024-00009.html",
        "feed.json",
        "files/防汛抗旱通知.pdf",
        "index.html",
        "static/catalog.js",
        "static/favicon.svg",
        "static/site.css",
    ]
    assert out.stat().st_mode & 0o755 == 0o755  # readable by the web server
    # where the atomic exchange is not available, two renames do it
    monkeypatch.setattr(site, "_exchange", lambda a, b: False)
    write(out)
    assert json.loads((out / "feed.json").read_bytes())["count"] == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError, match="not a catalog site"):
        write(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert write(empty).entries == 5  # an empty folder is fine


def test_empty_catalog(tmp_path: Path) -> None:
    report = write(tmp_path / "site", [])
    assert report.entries == report.files == 0
    assert "目录中尚无条目" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    validate_feed(json.loads((tmp_path / "site" / "feed.json").read_bytes()))


def test_generated_at_defaults_to_now_in_beijing_time(tmp_path: Path) -> None:
    write_site([FLOOD], FILES, tmp_path / "site", agency=AGENCY)
    stamp = json.loads((tmp_path / "site" / "feed.json").read_bytes())["generated_at"]
    assert stamp.endswith("+08:00") and len(stamp) == len("2024-06-30T18:00:00+08:00")


def test_index_numbers_in_the_agency_s_own_format(tmp_path: Path) -> None:
    """TRIAGE_INDEX_FORMAT may put Chinese into the 索引号, and serials may be unpadded:
    pages keep readable names behind percent-encoded links, and 2024-10 sorts above 2024-9."""
    records = [
        replace(ON_REQUEST, index_number=f"武政办/2024-{n}", title=f"第{n}号") for n in (9, 10, 100)
    ]
    out = tmp_path / "site"
    write(out, records)
    rows = _page(out / "index.html").xpath("//tr[@data-search]")
    assert [r.xpath("string(td[1])").strip() for r in rows] == [
        "武政办/2024-100",
        "武政办/2024-10",
        "武政办/2024-9",
    ]
    href = rows[0].xpath("string(td[2]/a/@href)")
    assert href == "entries/%E6%AD%A6%E6%94%BF%E5%8A%9E-2024-100.html"
    assert (out / unquote(href)).is_file() and (out / "entries" / "武政办-2024-100.html").is_file()
    assert json.loads((out / "feed.json").read_bytes())["entries"][0]["url"] == href
    with pytest.raises(FeedError, match="index_number"):
        write(
            tmp_path / "other",
            [replace(FLOOD, index_number="2024 - 9")],
        )

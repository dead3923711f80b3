"""The catalog records the site tests write — a flood notice, a changed entry, a withdrawn
one, one with markup and a hostile file name, one on request — and how the tests read the
site back (the file tree, a page, an entry's field table)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import lxml.html

from pipeline.catalog import site
from pipeline.catalog.record import WITHDRAWN, CatalogRecord, Change
from pipeline.catalog.site import write_site

AGENCY = "武汉市人民政府办公厅"
CODE = "11420100MB1957883K"
GENERATED = "2024-06-30T18:00:00+08:00"
EVIL_TITLE = '<script>alert(1)</script>关于"测试"的<b>通知</b>'
EVIL_FILE = "../../x.pdf"


def pdf_of(text: str) -> bytes:
    return f"%PDF-1.7\n% {text}\n%%EOF\n".encode()


FILES: dict[str, bytes] = {
    "防汛抗旱通知.pdf": pdf_of("flood"),
    "营商环境措施（第二版）.pdf": pdf_of("business v2"),
    "停车收费通知.pdf": pdf_of("parking"),
    EVIL_FILE: pdf_of("hostile"),
    "unused.pdf": pdf_of("not referenced"),
}


def record_of(number: str, title: str, file: str | None = None, **values: Any) -> CatalogRecord:
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


FLOOD = record_of(
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
CHANGED = record_of(
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
WITHDRAWN_RECORD = record_of(
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
EVIL = record_of(
    "2024-00031",
    EVIL_TITLE,
    summary="<img src=x onerror=alert(2)>内容概述 & 其他",
    keywords=['"><script>alert(3)</script>', "测试"],
    formed="2024-06-01",
    doc_number="武府办〔2024〕31号",
    published_at="2024-06-03T09:00:00+08:00",
    file_name=EVIL_FILE,  # and no checksum: the site computes it
)
ON_REQUEST = record_of(
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


def tree_of(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def page_of(path: Path) -> Any:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def fields_of(page: Any) -> dict[str, str]:
    """The entry's definition table as 字段 → text."""
    return {
        th.text_content().strip(): th.getnext().text_content().strip()
        for th in page.xpath('//table[@id="meta"]//th')
    }


def entry_page(out: Path, record: CatalogRecord) -> Path:
    return out / "entries" / f"{record.index_number.replace('/', '-')}.html"

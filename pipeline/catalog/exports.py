"""`triage catalog export`: the catalog as CSV, XLSX, JSON or an HTML table.

The columns carry the field names of the 公开目录 (索引号, 名称, 内容概述, …) so the files
open as clerks expect them; JSON keeps the records' own keys (the feed's shape) and the
history. CSV is written with a BOM (utf-8-sig) so Excel on Chinese Windows reads it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from pipeline.catalog.record import WITHDRAWN, CatalogRecord

FORMATS = ("csv", "xlsx", "json", "html")
COLUMNS = {
    "index_number": "索引号",
    "title": "名称",
    "summary": "内容概述",
    "keywords": "主题词",
    "formed": "生成日期",
    "doc_number": "文号",
    "issuer": "发布机构",
    "topic": "主题分类",
    "disclosure": "公开方式",
    "attribute": "公开属性",
    "published_at": "发布时间",
    "version": "版本",
    "status": "状态",
    "withdrawn_reason": "取消理由",
}


def table(records: Sequence[CatalogRecord]) -> pd.DataFrame:
    rows = []
    for r in records:
        row = {COLUMNS[k]: getattr(r, k) for k in COLUMNS}
        row["主题词"] = "、".join(r.keywords)
        row["状态"] = "已取消" if r.status == WITHDRAWN else "有效"
        rows.append(row)
    return pd.DataFrame(rows, columns=list(COLUMNS.values()))


def export(records: Sequence[CatalogRecord], fmt: str, out: Path) -> Path:
    if fmt not in FORMATS:
        raise ValueError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out.parent.mkdir(parents=True, exist_ok=True)
    ordered = sorted(records, key=lambda r: r.index_number)
    if fmt == "json":
        out.write_text(
            json.dumps([r.to_dict() for r in ordered], ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    elif fmt == "csv":
        table(ordered).to_csv(out, index=False, encoding="utf-8-sig")
    elif fmt == "xlsx":
        table(ordered).to_excel(out, index=False, sheet_name="公开目录", engine="openpyxl")
    else:
        body = table(ordered).to_html(index=False, escape=True, border=0)
        out.write_text(
            '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            "<title>政府信息公开目录</title></head><body>\n"
            f"<h1>政府信息公开目录</h1>\n{body}\n</body></html>\n",
            encoding="utf-8",
        )
    return out

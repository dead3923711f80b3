"""Exports, annual statistics and the re-review of withheld items, on a small catalog."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store import workflow
from pipeline.store.db import open_db
from pipeline.store.models import DocumentRow, User, WithheldItem
from tests.catalog.test_publish import _publish, _queue_notices

SECRET = """嘉兴市公安局
秘密★1年
嘉公发〔2025〕8号
关于做好重大活动安全保卫工作的通知
各分局：
    现将安全保卫工作部署如下。
嘉兴市公安局
2025年9月10日
"""


@pytest.fixture
def catalog(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    _queue_notices(url, tmp_path / "inbox", 3)
    from tests.review.conftest import scan_for_queue

    secret = tmp_path / "secret" / "安保通知.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    factory = open_db(url)
    from pipeline.store.documents import add_record

    with factory() as session, session.begin():
        ((record, data),) = scan_for_queue([secret])
        document, _new = add_record(session, record, data)
        reviewer = session.scalars(select(User).where(User.name == "李审核")).one()
        approver = session.scalars(select(User).where(User.name == "王批准")).one()
        workflow.decide(session, document.id, reviewer, attribute="不予公开", comment="涉密")
        workflow.approve(session, document.id, approver)
    factory.kw["bind"].dispose()
    result = _publish(url)
    assert len(result.published) == 3 and len(result.registered) == 1
    return url


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "html"])
def test_exports(catalog: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"catalog.{fmt}"
    assert "3 entries" in _cli(
        "catalog", "export", "--format", fmt, "--out", str(out), "--db", catalog
    )
    if fmt == "csv":
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
        table = pd.read_csv(out, encoding="utf-8-sig")
    elif fmt == "xlsx":
        table = pd.read_excel(out, sheet_name="公开目录")
    elif fmt == "json":
        rows = json.loads(out.read_text(encoding="utf-8"))
        assert {r["doc_number"] for r in rows} == {f"武府办函〔2026〕{n}号" for n in (1, 2, 3)}
        assert all("陈建国" not in json.dumps(r, ensure_ascii=False) for r in rows)
        return
    else:
        html = out.read_text(encoding="utf-8")
        assert html.count("<tr") == 4 and "武府办函〔2026〕2号" in html
        return
    assert list(table.columns)[:4] == ["索引号", "名称", "内容概述", "主题词"]
    assert sorted(table["文号"]) == [f"武府办函〔2026〕{n}号" for n in (1, 2, 3)]
    assert set(table["状态"]) == {"有效"}
    assert not table.astype(str).apply(lambda col: col.str.contains("13800138")).any().any()


def test_annual_statistics_workbook_and_charts(catalog: str, tmp_path: Path) -> None:
    from datetime import date

    year = date.today().year
    out = tmp_path / "report"
    text = _cli("catalog", "stats", "--year", str(year), "--out", str(out), "--db", catalog)
    assert "== 公开属性" in text and "第十四条" in text
    book = openpyxl.load_workbook(out / f"{year}-年度报告统计.xlsx")
    assert book.sheetnames == ["公开属性", "目录变动", "主题分类", "不予公开依据", "发布时效"]
    attributes = {row[0]: row[1] for row in book["公开属性"].iter_rows(min_row=2, values_only=True)}
    assert attributes == {"主动公开": 0, "部分公开": 3, "依申请公开": 0, "不予公开": 1}
    activity = {row[0]: row[1] for row in book["目录变动"].iter_rows(min_row=2, values_only=True)}
    assert activity == {"增加": 3, "变更": 0, "取消": 0}
    for chart in ("attributes.png", "topics.png", "bases.png"):
        assert (out / chart).read_bytes()[:4] == b"\x89PNG"


def test_withheld_items_come_back_for_review_when_due(catalog: str) -> None:
    factory = open_db(catalog)
    with factory() as session:
        item = session.scalars(select(WithheldItem)).one()
        assert item.rereview_on == "2026-09-10"  # 秘密★1年 from the 成文日期 2025-09-10
        assert item.legal_basis and "秘密★1年" in item.rereview_rule
    listed = _cli("rereview", "--list", "--today", "2026-09-09", "--db", catalog)
    assert "到期复审的不予公开事项 0 件，仅列出" in listed
    listed = _cli("rereview", "--today", "2026-09-10", "--db", catalog)
    assert "截至 2026-09-10 到期复审的不予公开事项 1 件，已放回待审队列" in listed
    with factory() as session:
        document = session.scalars(
            select(DocumentRow).where(DocumentRow.secret_mark.is_(True))
        ).one()
        assert document.state == "suggested"
        assert session.scalars(select(WithheldItem)).one().status == "requeued"
        doc_id = document.id
    # decided again: withheld again, registered again with a new date from today's rule
    with factory() as session, session.begin():
        reviewer = session.scalars(select(User).where(User.name == "李审核")).one()
        approver = session.scalars(select(User).where(User.name == "王批准")).one()
        workflow.decide(session, doc_id, reviewer, attribute="不予公开", comment="仍属秘密")
        workflow.approve(session, doc_id, approver)
    factory.kw["bind"].dispose()
    again = _publish(catalog)
    assert again.registered == [doc_id]
    factory = open_db(catalog)
    with factory() as session:
        item = session.scalars(select(WithheldItem)).one()
        assert item.status == "registered" and "仍属秘密" in item.reason
    factory.kw["bind"].dispose()

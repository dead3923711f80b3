"""`triage requests …` as a script drives it: intake to reply and close, the clocks in the
JSON, and bad input — a received date in the future, an extension asked twice, a reply
after closing — refused with a clear message and nothing changed (the case, its letters
and the audit log are as before). `triage audit verify` passes afterwards."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store.models import AuditEvent
from pipeline.store.request_rows import RequestCase, RequestLetter


def _run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def _state(factory: sessionmaker[Session]) -> tuple[object, ...]:
    """Everything a refused command must leave as it was."""
    with factory() as session:
        cases = [
            (c.id, c.state, c.version, c.extension_days, c.outcome, c.closed_on)
            for c in session.scalars(select(RequestCase).order_by(RequestCase.id))
        ]
        return (
            tuple(cases),
            session.scalar(select(func.count()).select_from(RequestLetter)),
            session.scalar(select(func.count()).select_from(AuditEvent)),
        )


def test_requests_from_the_command_line(
    db_url: str, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    db = ("--db", db_url)
    out = json.loads(
        _run(
            "requests",
            "add",
            "--applicant-type",
            "自然人",
            "--name",
            "张三",
            "--received",
            "2025-09-30 18:05",
            "--content",
            "某某街道旧城改造征收补偿方案",
            "--channel",
            "网络",
            "--json",
            "--as",
            "李办理",
            "--today",
            "2025-10-09",
            *db,
        )
    )
    assert out["received"] == "2025-10-09" and out["due"] == "2025-11-05" and not out["estimated"]
    case = str(out["id"])
    org = json.loads(
        _run(
            "requests",
            "add",
            "--applicant-type",
            "法律服务机构",
            "--name",
            "某某律师事务所",
            "--received",
            "2025-10-10",
            "--content",
            "某批复",
            "--json",
            "--today",
            "2025-10-10",
            *db,
        )
    )
    # bad input: a received date in the future
    before = _state(factory)
    refused = _run(
        "requests",
        "add",
        "--applicant-type",
        "自然人",
        "--name",
        "李四",
        "--received",
        "2025-10-11",
        "--content",
        "x",
        "--today",
        "2025-10-10",
        *db,
        code=1,
    )
    assert "收到日期 2025-10-11 晚于今天（2025-10-10）" in refused
    assert _state(factory) == before
    _run(
        "requests",
        "add",
        "--applicant-type",
        "个体户",
        "--name",
        "李四",
        "--received",
        "2025-10-10",
        "--content",
        "x",
        *db,
        code=1,
    )
    assert _state(factory) == before
    # the clocks: a 补正 restarts, a consultation pauses, one extension
    _run("requests", "supplement", case, "--asked", "2025-10-10", "--today", "2025-10-10", *db)
    shown = json.loads(_run("requests", "show", case, "--json", "--today", "2025-10-15", *db))
    assert (
        shown["state"] == "supplement"
        and shown["due"] is None
        and shown["supplement_due"] == "2025-10-30"
    )
    _run("requests", "supplement", case, "--received", "2025-10-20", "--today", "2025-10-20", *db)
    _run(
        "requests",
        "consult",
        case,
        "--party",
        "某某置业有限公司",
        "--sent",
        "2025-10-21",
        "--today",
        "2025-10-22",
        *db,
    )
    shown = json.loads(_run("requests", "show", case, "--json", "--today", "2025-10-22", *db))
    assert shown["state"] == "open" and shown["paused"] and shown["due"] == "2025-12-08"
    _run(
        "requests",
        "consult",
        case,
        "--party",
        "某某置业有限公司",
        "--sent",
        "2025-10-21",
        "--answered",
        "2025-11-04",
        "--today",
        "2025-11-05",
        *db,
    )
    assert "2025-12-01" in _run("requests", "show", case, "--today", "2025-11-05", *db)
    _run(
        "requests",
        "extend",
        case,
        "--approved-by",
        "李办理",
        "--days",
        "10",
        "--today",
        "2025-11-06",
        *db,
        code=1,
    )
    extended = _run(
        "requests",
        "extend",
        case,
        "--approved-by",
        "王负责",
        "--days",
        "10",
        "--today",
        "2025-11-06",
        *db,
    )
    assert "2025-12-15" in extended
    # bad input: an extension asked twice
    before = _state(factory)
    twice = _run(
        "requests",
        "extend",
        case,
        "--approved-by",
        "王负责",
        "--days",
        "5",
        "--today",
        "2025-11-07",
        *db,
        code=1,
    )
    assert "只能延长一次" in twice
    assert _state(factory) == before
    listed = [
        json.loads(line)
        for line in _run("requests", "list", "--jsonl", "--today", "2025-12-09", *db).splitlines()
    ]
    assert [r["number"] for r in listed] == [org["number"], out["number"]]  # most urgent first
    assert listed[0]["overdue"] and listed[0]["due"] == "2025-11-06"  # Sat 10-11 worked
    soon = _run(
        "requests", "list", "--due-within", "3", "--jsonl", "--today", "2025-12-09", *db
    ).splitlines()
    assert [json.loads(line)["id"] for line in soon] == [
        org["id"]
    ]  # overdue; the other due 12-15, after 12-12
    # answer, close, and a reply after closing
    letter = tmp_path / "答复书.docx"
    _run(
        "requests",
        "reply",
        case,
        "--outcome",
        "不予公开",
        "--reason",
        "第三方合法权益",
        "--out",
        str(letter),
        "--as",
        "李办理",
        "--today",
        "2025-12-10",
        *db,
    )
    text = "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)
    assert "第十五条" in text and "第三十六条第（三）项" in text and "行政复议" in text
    _run("requests", "close", case, "--today", "2025-12-11", *db)
    before = _state(factory)
    again = _run(
        "requests",
        "reply",
        case,
        "--outcome",
        "予以公开",
        "--out",
        str(tmp_path / "again.docx"),
        "--today",
        "2025-12-12",
        *db,
        code=1,
    )
    assert "已于 2025-12-11 办结，不能再答复" in again
    assert _state(factory) == before and not (tmp_path / "again.docx").exists()
    closed = json.loads(_run("requests", "show", case, "--json", *db))
    assert closed["state"] == "closed" and closed["outcome"] == "不予公开"
    assert "audit log intact" in _run("audit", "verify", *db)
    report = _run("requests", "report", "--year", "2025", "--out", str(tmp_path / "report"), *db)
    assert "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 1 | 0 | 2 |" in report
    assert "| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |" in report
    assert (tmp_path / "report" / "2025-依申请公开情况.xlsx").stat().st_size > 0

"""The review workflow through `triage users|review|audit`, as a script would drive it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import SAMPLES


def _run(*args: str, input: str | None = None) -> str:
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exit_code == 0, result.output
    return result.output


def _sql(db: str, statement: str) -> list[tuple[object, ...]]:
    """Run SQL straight on the database, behind the store's back."""
    engine = create_engine(db)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def test_queue_decide_approve_and_verify_from_the_cli(db_url: str, tmp_path: Path) -> None:
    db = db_url
    _run(
        "users",
        "add",
        "李审核",
        "--role",
        "reviewer",
        "--password-stdin",
        "--db",
        db,
        input="pw-123456\n",
    )
    _run(
        "users",
        "add",
        "王批准",
        "--role",
        "approver",
        "--password-stdin",
        "--db",
        db,
        input="pw-654321\n",
    )
    _run("review", "add", str(SAMPLES), "--db", db)
    again = _run("review", "add", str(SAMPLES), "--db", db)
    assert "0 queued" in again  # a rerun adds nothing twice
    rows = [json.loads(line) for line in _run("review", "list", "--jsonl", "--db", db).splitlines()]
    assert len(rows) == len([p for p in SAMPLES.iterdir() if p.is_file()])
    # the 公示 PDF (the scanned 纪要, read by OCR now, is withheld whole: nothing to redact)
    pdf = next(
        r for r in rows if r["source"].endswith("公示（第二批）.pdf") and r["state"] == "suggested"
    )
    shown = json.loads(_run("review", "show", str(pdf["id"]), "--db", db))
    assert shown["findings"] and shown["suggestion"]["redactions"]
    areas = tmp_path / "areas.json"  # a box on the page image, as the web app stores it
    area = {"page": 1, "box": [90.0, 700.0, 300.0, 730.0], "label": "PERSON"}
    areas.write_text(json.dumps([area]), encoding="utf-8")
    _run(
        "review",
        "decide",
        str(pdf["id"]),
        "--as",
        "李审核",
        "--attribute",
        "部分公开",
        "--accept-all",
        "--areas",
        str(areas),
        "--db",
        db,
    )
    shown = json.loads(_run("review", "show", str(pdf["id"]), "--db", db))
    (kept,) = shown["decisions"][-1]["areas"]  # as drawn, with its label's 删除理由
    assert {k: kept[k] for k in area} == area and kept["category"] == "个人隐私"
    _run("review", "approve", str(pdf["id"]), "--as", "王批准", "--db", db)
    rows = [
        json.loads(line)
        for line in _run(
            "review", "list", "--state", "approved", "--jsonl", "--db", db
        ).splitlines()
    ]
    assert [r["id"] for r in rows] == [pdf["id"]]
    assert "intact" in _run("audit", "verify", "--db", db)
    _sql(db, "UPDATE audit_events SET detail = '{}' WHERE action = 'decide'")
    result = CliRunner().invoke(app, ["audit", "verify", "--db", db])
    assert result.exit_code == 1 and "tampered" in result.output


def test_files_that_fail_are_recorded_without_their_bytes(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = db_url
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "big.txt").write_text("关于某事项的通知" * 200, encoding="utf-8")
    monkeypatch.setenv("TRIAGE_MAX_BYTES", "100")
    _run("review", "add", str(inbox), "--db", db)
    (row,) = [
        json.loads(line) for line in _run("review", "list", "--jsonl", "--db", db).splitlines()
    ]
    assert (row["state"], row["error"]) == ("error", "too_large")
    assert _sql(db, "SELECT count(*) FROM stored_files") == [(0,)]

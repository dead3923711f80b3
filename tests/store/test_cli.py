"""The review workflow through `triage users|review|audit`, as a script would drive it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import SAMPLES


def _run(*args: str, input: str | None = None) -> str:
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exit_code == 0, result.output
    return result.output


def test_queue_decide_approve_and_verify_from_the_cli(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
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
    pdf = next(r for r in rows if r["source"].endswith(".pdf") and r["state"] == "suggested")
    shown = json.loads(_run("review", "show", str(pdf["id"]), "--db", db))
    assert shown["findings"] and shown["suggestion"]["redactions"]
    _run(
        "review",
        "decide",
        str(pdf["id"]),
        "--as",
        "李审核",
        "--attribute",
        "部分公开",
        "--accept-all",
        "--db",
        db,
    )
    _run("review", "approve", str(pdf["id"]), "--as", "王批准", "--db", db)
    rows = [
        json.loads(line)
        for line in _run(
            "review", "list", "--state", "approved", "--jsonl", "--db", db
        ).splitlines()
    ]
    assert [r["id"] for r in rows] == [pdf["id"]]
    assert "intact" in _run("audit", "verify", "--db", db)
    with sqlite3.connect(tmp_path / "t.db") as connection:
        connection.execute("UPDATE audit_events SET detail = '{}' WHERE action = 'decide'")
    result = CliRunner().invoke(app, ["audit", "verify", "--db", db])
    assert result.exit_code == 1 and "tampered" in result.output


def test_files_that_fail_are_recorded_without_their_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "big.txt").write_text("关于某事项的通知" * 200, encoding="utf-8")
    monkeypatch.setenv("TRIAGE_MAX_BYTES", "100")
    _run("review", "add", str(inbox), "--db", db)
    (row,) = [
        json.loads(line) for line in _run("review", "list", "--jsonl", "--db", db).splitlines()
    ]
    assert (row["state"], row["error"]) == ("error", "too_large")
    with sqlite3.connect(tmp_path / "t.db") as connection:
        assert connection.execute("SELECT count(*) FROM stored_files").fetchone() == (0,)

"""Per-document rights below the web app: which documents are restricted, the accounts'
clearance and a document's owner from the command line, the workflow refusing (and the
CLI auditing) a step on a document the user may not see, and migration 0006 marking the
documents stored before it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, select, text
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store import workflow
from pipeline.store.db import MIGRATIONS, open_db
from pipeline.store.documents import add_record
from pipeline.store.models import AuditEvent, Base, DocumentRow, FindingRow, SuggestionRow
from pipeline.store.rights import AccessRefused, Reader, is_restricted, may_see
from pipeline.store.users import add_user, find_user, set_user
from tests.conftest import SAMPLES


def _finding(label: str, value: str) -> dict[str, Any]:
    return {"label": label, "text": value}


@pytest.mark.parametrize(
    ("metadata", "findings", "body", "restricted"),
    [
        ({"secret_level": "机密"}, [], "正文", True),
        ({}, [_finding("STATE_SECRET", "储备粮实际库存")], "正文", True),
        ({}, [_finding("SECRET_MARK", "秘密★1年")], "正文", True),
        ({}, [_finding("SECRET_MARK", "内部资料 注意保存")], "正文", False),  # not 密级
        ({}, [], "标题\n绝  密\n正文", True),  # a marking on its own line, spaced
        ({}, [], "本通知所称秘密载体的管理", False),  # the word inside a sentence
        (None, [_finding("PERSON", "王小明")], "王小明", False),
    ],
)
def test_which_documents_are_restricted(
    metadata: dict[str, Any] | None, findings: list[dict[str, Any]], body: str, restricted: bool
) -> None:
    assert is_restricted(metadata, findings, body) is restricted


def _run(*args: str, input: str | None = None, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exit_code == code, result.output
    return result.output


def test_clearance_owner_and_refusals_from_the_cli(db_url: str) -> None:
    """`users add/set --cleared`, `review add --owner`, and `review decide` refused (exit
    4, audited) for an uncleared reviewer on a 密级 document, allowed once cleared."""
    db = db_url
    _run("users", "add", "钱拟稿", "--role", "drafter", "--password-stdin", "--db", db,
         input="pw-123456\n")  # fmt: skip
    _run("users", "add", "李审核", "--role", "reviewer", "--password-stdin", "--db", db,
         input="pw-123456\n")  # fmt: skip
    out = _run("users", "add", "周审核", "--role", "reviewer", "--cleared", "--password-stdin",
               "--db", db, input="pw-123456\n")  # fmt: skip
    assert "cleared" in out
    _run("review", "add", str(SAMPLES), "--owner", "钱拟稿", "--db", db)
    rows = [json.loads(line) for line in _run("review", "list", "--jsonl", "--db", db).splitlines()]
    secret = next(r for r in rows if "机密通知" in r["source"])
    listing = _run("users", "list", "--db", db)
    assert "周审核\treviewer\tactive\tcleared" in listing
    assert "李审核\treviewer\tactive\n" in listing
    refused = _run(
        "review", "decide", str(secret["id"]), "--as", "李审核", "--attribute", "不予公开",
        "--accept-all", "--db", db, code=4,
    )  # fmt: skip
    assert "无权查看文档" in refused
    factory = open_db(db)
    try:
        with factory() as session:
            document = session.get(DocumentRow, secret["id"])
            assert document is not None and document.restricted and not document.decisions
            owner = find_user(session, "钱拟稿")
            assert owner is not None and document.owner_id == owner.id
            event = session.scalars(
                select(AuditEvent).where(AuditEvent.action == "access_refused")
            ).one()
            assert event.actor == "李审核" and event.document_id == secret["id"]
            assert event.detail == {
                "route": "triage review decide",
                "why": "restricted",
                "role": "reviewer",
            }
    finally:
        factory.kw["bind"].dispose()
    assert "涉密" not in _run("users", "set", "李审核", "--cleared", "--db", db)
    _run(
        "review", "decide", str(secret["id"]), "--as", "李审核", "--attribute", "不予公开",
        "--accept-all", "--db", db,
    )  # fmt: skip
    _run("users", "set", "李审核", "--not-cleared", "--role", "approver", "--db", db)
    assert "李审核\tapprover\tactive\n" in _run("users", "list", "--db", db)
    assert "audit log intact" in _run("audit", "verify", "--db", db)
    # Rights granted or lifted behind the commands' back are caught by verify.
    engine = create_engine(db)
    with engine.begin() as connection:
        connection.execute(text("UPDATE users SET cleared = true WHERE name = '钱拟稿'"))
        connection.execute(
            text("UPDATE documents SET restricted = false WHERE id = :id"), {"id": secret["id"]}
        )
    engine.dispose()
    out = _run("audit", "verify", "--db", db, code=1)
    assert "user 钱拟稿 (drafter, cleared=True) is not what the audit events recorded" in out
    assert f"document {secret['id']}: who may see it (restricted=False" in out


def test_set_user_is_audited_and_checked(db_url: str) -> None:
    factory = open_db(db_url)
    try:
        with factory() as session, session.begin():
            add_user(session, "赵管理", "admin", "password-3", actor="test")
            user = set_user(session, "赵管理", "cli", cleared=True, role="approver")
            assert user.cleared and user.role == "approver"
            with pytest.raises(workflow.WorkflowError, match="角色须为"):
                set_user(session, "赵管理", "cli", role="boss")
            with pytest.raises(workflow.WorkflowError, match="不存在"):
                set_user(session, "无此人", "cli", cleared=True)
            set_user(session, "赵管理", "cli", cleared=True)  # no change: no event
        with factory() as session:
            events = session.scalars(
                select(AuditEvent).where(AuditEvent.action == "set_user")
            ).all()
            assert [e.detail for e in events] == [
                {"user": "赵管理", "role": ["admin", "approver"], "cleared": [False, True]}
            ]
    finally:
        factory.kw["bind"].dispose()


def test_the_workflow_refuses_every_step_on_a_document_the_user_may_not_see(
    tmp_path: Path,
) -> None:
    factory = open_db(f"sqlite:///{tmp_path / 'w.db'}")
    record = {
        "source": "/inbox/机密.txt",
        "doc_id": "a" * 64,
        "status": "ok",
        "format": "txt",
        "text": "机密★5年\n关于某事的通知\n正文。",
        "metadata": {"secret_level": "机密"},
        "findings": [],
        "suggestion": {
            "attribute": "不予公开",
            "legal_basis": ["第十四条"],
            "confidence": 0.99,
            "needs_escalation": False,
            "reasons": ["标有密级"],
        },
        "redactions": [],
    }
    with factory() as session, session.begin():
        reviewer = add_user(session, "李审核", "reviewer", "password-1", actor="test")
        approver = add_user(session, "王批准", "approver", "password-2", actor="test")
        admin = add_user(session, "赵管理", "admin", "password-3", actor="test")
        document, _ = add_record(session, record, None)
        assert document.restricted
        assert may_see(Reader.of(admin), document)
        assert not may_see(Reader.of(approver), document)
        for step in (
            lambda: workflow.start_review(session, document.id, reviewer),
            lambda: workflow.decide(session, document.id, reviewer, attribute="不予公开"),
        ):
            with pytest.raises(AccessRefused) as refused:
                step()
            assert refused.value.why == "restricted" and "涉密人员" in refused.value.message
        workflow.decide(session, document.id, admin, attribute="不予公开")
        for step in (
            lambda: workflow.approve(session, document.id, approver),
            lambda: workflow.return_document(session, document.id, approver, "理由"),
        ):
            with pytest.raises(AccessRefused):
                step()
    factory.kw["bind"].dispose()


def _alembic(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_migration_0006_marks_the_documents_stored_before_it(db_url: str) -> None:
    """Stored documents judged by the rule on upgrade (metadata, a STATE_SECRET finding
    of the current suggestion); the schema matches the models; downgrade works."""
    factory = open_db(db_url)
    plain = {"status": "ok", "format": "txt", "findings": [], "redactions": []}
    with factory() as session, session.begin():
        marked, _ = add_record(
            session,
            {**plain, "source": "/a", "doc_id": "1" * 64, "text": "x", "metadata": {"secret_level": "秘密"}},
            None,
        )  # fmt: skip
        finding, _ = add_record(
            session, {**plain, "source": "/b", "doc_id": "2" * 64, "text": "y"}, None
        )
        suggestion = SuggestionRow(
            document_id=finding.id, attribute="不予公开", confidence=0.9, legal_basis=[],
            reasons=[], redactions=[], versions={},
        )  # fmt: skip
        session.add(suggestion)
        session.flush()
        session.add(
            FindingRow(
                suggestion_id=suggestion.id, label="STATE_SECRET", start=0, end=1, text="y",
                score=0.9, recognizer="t", explanation="",
            )
        )  # fmt: skip
        clean, _ = add_record(
            session, {**plain, "source": "/c", "doc_id": "3" * 64, "text": "z"}, None
        )
        ids = (marked.id, finding.id, clean.id)
    engine = factory.kw["bind"]
    with engine.begin() as connection:
        command.downgrade(_alembic(connection), "0007")  # the revision before 0006
    with engine.begin() as connection:
        command.upgrade(_alembic(connection), "head")
    with factory() as session:
        got = [session.get(DocumentRow, i) for i in ids]
        assert [d.restricted for d in got if d] == [True, True, False]
        assert session.scalars(select(DocumentRow.owner_id)).all() == [None, None, None]
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [d for d in diffs if any(w in repr(d) for w in ("restricted", "owner_id", "cleared"))]
    assert ours == []
    engine.dispose()

"""The review workflow on a real database: states, roles, levels, secrecy, conflicts,
and the audit chain that records it all."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from pipeline.config import Settings
from pipeline.scan import scan_file
from pipeline.store import audit, workflow
from pipeline.store.documents import add_record
from pipeline.store.models import AuditEvent, DocumentRow, User
from pipeline.store.users import authenticate, find_user
from pipeline.store.workflow import ApprovalPolicy, Conflict, WorkflowError
from tests.conftest import SAMPLES

PDF = SAMPLES / "大塘镇耕地地力保护补贴公示（第二批）.pdf"
SECRET = SAMPLES / "嘉公发〔2024〕41号 机密通知.txt"
BROKEN = SAMPLES / "损坏的文件.docx"


def _queue(factory: sessionmaker[Session], path: Any) -> int:
    with factory() as session, session.begin():
        record = scan_file(path, Settings(), with_text=True)
        document, new = add_record(session, dict(record), path.read_bytes())
        assert new
        return document.id


def _user(session: Session, name: str) -> User:
    user = find_user(session, name)
    assert user is not None
    return user


def test_storing_twice_adds_nothing_and_errors_are_recorded(factory: sessionmaker[Session]) -> None:
    _queue(factory, PDF)
    broken = _queue(factory, BROKEN)
    with factory() as session, session.begin():
        again, new = add_record(session, dict(scan_file(PDF, Settings(), with_text=True)), None)
        assert not new
        assert session.scalar(select(DocumentRow).where(DocumentRow.id == broken)).state == "error"  # type: ignore[union-attr]
        assert len(session.scalars(select(DocumentRow)).all()) == 2
        assert again.suggestion is not None and again.suggestion.findings


def test_decide_then_approve_by_another_user(factory: sessionmaker[Session]) -> None:
    doc_id = _queue(factory, PDF)
    with factory() as session, session.begin():
        reviewer = _user(session, "李审核")
        document = workflow.start_review(session, doc_id, reviewer)
        assert document.state == "in_review"
        suggestion = document.suggestion
        assert suggestion is not None
        rejected = next(
            f for f in suggestion.findings if f.label == "PHONE" and f.role != "official"
        )
        decision = workflow.decide(
            session,
            doc_id,
            reviewer,
            attribute="部分公开",
            verdicts={str(rejected.id): "reject"},
            comment="电话经核实为单位电话",
            expected_version=document.version,
        )
        assert len(decision.redactions) == len(suggestion.redactions) - 1
        with pytest.raises(WorkflowError, match="无权"):
            workflow.approve(session, doc_id, reviewer)
    with factory() as session, session.begin():
        approval = workflow.approve(session, doc_id, _user(session, "王批准"))
        assert approval.level == 1
        assert workflow.get_document(session, doc_id).state == "approved"
    with factory() as session:
        result = audit.verify(session)
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert result.ok and actions[-4:] == ["store", "start_review", "decide", "approve"]


def test_two_levels_and_no_self_approval(factory: sessionmaker[Session]) -> None:
    doc_id = _queue(factory, PDF)
    policy = ApprovalPolicy.parse("approver,admin")
    with factory() as session, session.begin():
        workflow.decide(session, doc_id, _user(session, "赵管理"), attribute="部分公开")
        with pytest.raises(WorkflowError, match="已参与"):
            workflow.approve(session, doc_id, _user(session, "赵管理"), policy)
        workflow.approve(session, doc_id, _user(session, "王批准"), policy)
        assert workflow.get_document(session, doc_id).state == "reviewed"  # one level to go


def test_return_needs_a_reason_and_goes_back_to_the_reviewers(
    factory: sessionmaker[Session],
) -> None:
    doc_id = _queue(factory, PDF)
    with factory() as session, session.begin():
        workflow.decide(session, doc_id, _user(session, "李审核"), attribute="主动公开")
        with pytest.raises(WorkflowError, match="理由"):
            workflow.return_document(session, doc_id, _user(session, "王批准"), " ")
        workflow.return_document(session, doc_id, _user(session, "王批准"), "身份证号未删除")
        assert workflow.get_document(session, doc_id).state == "returned"
        workflow.decide(session, doc_id, _user(session, "李审核"), attribute="部分公开")


def test_a_secret_marked_document_needs_an_admin_override(factory: sessionmaker[Session]) -> None:
    doc_id = _queue(factory, SECRET)
    with factory() as session, session.begin():
        workflow.decide(session, doc_id, _user(session, "李审核"), attribute="主动公开")
        with pytest.raises(WorkflowError, match="密级"):
            workflow.approve(session, doc_id, _user(session, "王批准"))
        with pytest.raises(WorkflowError):
            workflow.secrecy_override(session, doc_id, _user(session, "王批准"), "已解密")
        workflow.secrecy_override(session, doc_id, _user(session, "赵管理"), "经保密办确认已解密")
        workflow.approve(session, doc_id, _user(session, "王批准"))
        assert workflow.get_document(session, doc_id).state == "approved"


def test_withheld_decision_ends_withheld(factory: sessionmaker[Session]) -> None:
    doc_id = _queue(factory, SECRET)
    with factory() as session, session.begin():
        decision = workflow.decide(session, doc_id, _user(session, "李审核"), attribute="不予公开")
        assert decision.redactions == []
        workflow.approve(session, doc_id, _user(session, "王批准"))
        assert workflow.get_document(session, doc_id).state == "withheld"


def test_second_reviewer_gets_a_conflict_and_nothing_is_overwritten(
    factory: sessionmaker[Session],
) -> None:
    doc_id = _queue(factory, PDF)
    with factory() as session:
        seen = workflow.get_document(session, doc_id).version  # both reviewers load version 1
    with factory() as session, session.begin():
        workflow.decide(
            session, doc_id, _user(session, "李审核"), attribute="部分公开", expected_version=seen
        )
    with factory() as session, session.begin(), pytest.raises(Conflict, match="请刷新"):
        workflow.decide(
            session, doc_id, _user(session, "赵管理"), attribute="主动公开", expected_version=seen
        )
    with factory() as session:
        document = workflow.get_document(session, doc_id)
        assert [d.attribute for d in document.decisions] == ["部分公开"]


def test_tampering_with_any_audit_row_is_detected(factory: sessionmaker[Session]) -> None:
    doc_id = _queue(factory, PDF)
    with factory() as session, session.begin():
        workflow.decide(session, doc_id, _user(session, "李审核"), attribute="主动公开")
    with factory() as session:
        assert audit.verify(session).ok
    with factory() as session, session.begin():
        session.execute(
            update(AuditEvent).where(AuditEvent.action == "decide").values(actor="王批准")
        )
    with factory() as session:
        result = audit.verify(session)
    assert not result.ok and "does not match its hash" in result.problems[0]


def test_passwords_are_hashed_and_checked(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        user = _user(session, "李审核")
        assert user.password_hash and "password-1" not in user.password_hash
        assert authenticate(session, "李审核", "password-1") is not None
        assert authenticate(session, "李审核", "wrong-password") is None
        assert authenticate(session, "无此人", "password-1") is None

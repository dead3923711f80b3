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
from pipeline.store.models import AuditEvent, Decision, DocumentRow, User
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


def test_boxes_drawn_on_pages_are_kept_audited_and_checked(factory: sessionmaker[Session]) -> None:
    """A decision's areas are stored in points as drawn, recorded in its audit event and
    digest (an area changed behind the workflow's back is found), and bad ones refused."""
    doc_id = _queue(factory, PDF)
    area = {"page": 1, "box": [100.5, 200, 180, 230.25], "label": "PERSON"}
    with factory() as session, session.begin():
        reviewer = _user(session, "李审核")
        for bad, why in (
            ({"page": 0, "box": [1, 1, 50, 50], "label": "PERSON"}, "页码或坐标无效"),
            ({"page": 1, "box": [10, 10, 11, 60], "label": "PERSON"}, "太小"),
            ({"page": 1, "box": [10, 10], "label": "PERSON"}, "须有页码"),
            ({"page": 1, "box": [10, 10, 60, 60], "label": "SECRET_MARK"}, "无效的删除类别"),
        ):
            with pytest.raises(WorkflowError, match=why):
                workflow.decide(session, doc_id, reviewer, attribute="部分公开", areas=[bad])
        decision = workflow.decide(session, doc_id, reviewer, attribute="部分公开", areas=[area])
        # as drawn, with the reason its label defaults to (个人隐私, 第十五条) written in
        assert decision.areas == [
            {**area, "reason": "privacy:PERSON", "category": "个人隐私", "detail": "个人姓名"}
            | {"legal_basis": "第十五条", "paragraph": ""}
        ]
    with factory() as session:
        event = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "decide", AuditEvent.document_id == doc_id
            )
        ).one()
        assert event.detail["areas"] == decision.areas
        assert audit.verify(session).ok
    with factory() as session, session.begin():
        moved = {**area, "box": [0, 0, 600, 800]}
        session.execute(update(Decision).where(Decision.id == decision.id).values(areas=[moved]))
    with factory() as session:
        result = audit.verify(session)
    assert not result.ok and any(str(decision.id) in p for p in result.problems)


def test_withheld_decisions_keep_no_boxes(factory: sessionmaker[Session]) -> None:
    doc_id = _queue(factory, PDF)
    area = {"page": 1, "box": [100, 200, 180, 230], "label": "PERSON"}
    with factory() as session, session.begin():
        decision = workflow.decide(
            session, doc_id, _user(session, "李审核"), attribute="不予公开", areas=[area]
        )
        assert decision.areas == []

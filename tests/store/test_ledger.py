"""Redaction reasons on a real database (issue 21, fault 6): a reviewer's 删除理由 per value,
stored with the decision (spans, reason rows), audited and in its digest; the 删除台账
(masked, where, why, who); the 区分处理说明 as .docx and PDF, which never hold a removed
value; and ``export-labels`` carrying the reviewer's category instead of the detector's."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from pipeline.analysis.label_export import collect
from pipeline.catalog.explanation import explanation, to_docx, to_pdf
from pipeline.config import Settings
from pipeline.scan import scan_file
from pipeline.store import audit, workflow
from pipeline.store.documents import add_record
from pipeline.store.ledger import ledger
from pipeline.store.models import AuditEvent, Decision, DocumentRow
from pipeline.store.users import find_user
from pipeline.store.workflow import WorkflowError
from tests.review.test_preview_is_copy import ADDED, LINES, NAME, PHONE


@pytest.fixture
def reply(factory: sessionmaker[Session], tmp_path: Path) -> int:
    """A 答复书 naming the applicant four times and a phone twice, queued."""
    path = tmp_path / "答复书.txt"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    with factory() as session, session.begin():
        record = dict(scan_file(path, Settings(), with_text=True))
        document, _new = add_record(session, record, path.read_bytes())
        return document.id


def _key_of(session: Session, doc_id: int, value: str) -> str:
    """The form key (first finding id) of a value's entry."""
    document = session.get(DocumentRow, doc_id)
    assert document is not None and document.suggestion is not None
    text = document.text or ""
    found = [f for f in document.suggestion.findings if text[f.start : f.end] == value]
    assert found, value
    return str(min(found, key=lambda f: f.start).id)


def _decide(factory: sessionmaker[Session], doc_id: int, **kwargs: Any) -> Decision:
    with factory() as session, session.begin():
        reviewer = find_user(session, "李审核")
        assert reviewer is not None
        name_key = _key_of(session, doc_id, NAME)
        text = session.get(DocumentRow, doc_id).text or ""  # type: ignore[union-attr]
        at = text.index(ADDED)
        decision = workflow.decide(
            session,
            doc_id,
            reviewer,
            attribute="部分公开",
            reasons={name_key: ("other_personal", "准考证号")},
            added=[{"start": at, "end": at + len(ADDED), "label": "INTERNAL", "reason": "process"}],
            **kwargs,
        )
        session.expunge(decision)
        return decision


def test_reasons_are_stored_on_spans_and_values_audited_and_checked(
    factory: sessionmaker[Session], reply: int
) -> None:
    decision = _decide(factory, reply)
    with factory() as session:
        document = session.get(DocumentRow, reply)
        assert document is not None and document.decision is not None
        text = document.text or ""
        stored = document.decision
        rows = {r["value"]: r for r in stored.reasons or []}
        assert set(rows) == {NAME, PHONE, ADDED}
        assert rows[NAME]["category"] == "其他个人信息" and rows[NAME]["detail"] == "准考证号"
        assert rows[NAME]["proposed"]["text"] == "个人隐私（个人姓名）"
        assert rows[PHONE]["detail"] == "电话" and "proposed" not in rows[PHONE]
        assert (rows[ADDED]["category"], rows[ADDED]["paragraph"]) == ("过程性信息", "第二款")
        assert rows[ADDED]["by_hand"] and not rows[NAME]["by_hand"]
        # every span of the name, at all four places, is redacted as the reviewer's label
        names = [r for r in stored.redactions if text[r["start"] : r["end"]] == NAME]
        assert len(names) == 4
        assert {(r["label"], r["legal_basis"]) for r in names} == {("OTHER_PERSONAL", "第十五条")}
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "decide", AuditEvent.document_id == reply)
        ).one()
        assert event.detail["reasons"] == [
            {"from": "个人隐私（个人姓名）", "to": "其他个人信息（准考证号）"}
        ]
        assert NAME not in str(event.detail)  # the log holds no removed value
        assert audit.verify(session).ok
    with factory() as session, session.begin():  # a reason changed behind the workflow's back
        changed = [dict(r, detail="健康状况") for r in decision.reasons or []]
        session.execute(update(Decision).where(Decision.id == decision.id).values(reasons=changed))
    with factory() as session:
        result = audit.verify(session)
    assert not result.ok and any(f"decision {decision.id}" in p for p in result.problems)


def test_a_reason_off_the_list_or_without_its_label_is_refused(
    factory: sessionmaker[Session], reply: int
) -> None:
    with factory() as session, session.begin():
        reviewer = find_user(session, "李审核")
        assert reviewer is not None
        key = _key_of(session, reply, NAME)
        for reasons, message in (
            ({key: ("other_personal", "")}, "须注明"),
            ({key: ("secret_sauce", "")}, "无效的删除类别"),
            ({"999999": ("privacy:PERSON", "")}, "识别结果不存在"),
        ):
            with pytest.raises(WorkflowError, match=message):
                workflow.decide(session, reply, reviewer, attribute="部分公开", reasons=reasons)
        box = {"page": 1, "box": [1, 1, 50, 50], "label": "PERSON", "reason": "other_personal"}
        with pytest.raises(WorkflowError, match="须注明"):
            workflow.decide(session, reply, reviewer, attribute="部分公开", areas=[box])


def test_the_ledger_says_what_where_why_and_who_and_the_explanation_never_the_value(
    factory: sessionmaker[Session], reply: int
) -> None:
    _decide(factory, reply)
    with factory() as session, session.begin():
        approver = find_user(session, "王批准")
        assert approver is not None
        workflow.approve(session, reply, approver)
    with factory() as session:
        document = session.get(DocumentRow, reply)
        assert document is not None
        found = ledger(document)
        assert found is not None and found.approved
        rows = {row.reason.text: row for row in found.rows}
        name = rows["其他个人信息（准考证号）"]
        assert (name.masked, name.places, name.paragraphs) == ("王＊＊", 4, (2, 3))
        assert name.first_char == (document.text or "").index(NAME) + 1
        assert name.proposed == "个人隐私（个人姓名）" and not name.by_hand
        assert rows["过程性信息"].by_hand and rows["过程性信息"].reason.cited == "第十六条第二款"
        assert [(s.role, s.name) for s in found.signatures] == [
            ("审核人", "李审核"),
            ("审批人（第 1 级）", "王批准"),
        ]
        assert found.articles == ["第十五条", "第十六条第二款"]
    content = explanation(found, "某某市某某局")
    assert "第三十七条" in content.opening and len(content.rows) == 3
    assert any("第十六条第二款：" in article + "：" + words for article, words in content.articles)
    docx = to_docx(content)
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert (
        "王＊＊" in xml and "其他个人信息（准考证号）" in xml and "审批人（第 1 级）：王批准" in xml
    )
    pdf = to_pdf(content)
    import pypdfium2 as pdfium

    pages = pdfium.PdfDocument(pdf)
    shown = "".join(pages[i].get_textpage().get_text_range() for i in range(len(pages)))
    shown = shown.replace("\r", "").replace("\n", "")  # lines wrapped in the table's cells
    assert "区分处理说明" in shown and "准考证号" in shown
    for removed in (NAME, PHONE, ADDED):  # masked: neither file holds a removed value
        assert removed not in xml and removed not in shown


def test_a_decision_from_before_reasons_is_listed_with_presumed_reasons(
    factory: sessionmaker[Session], reply: int
) -> None:
    with factory() as session, session.begin():
        reviewer = find_user(session, "李审核")
        assert reviewer is not None
        decision = workflow.decide(session, reply, reviewer, attribute="部分公开")
        # as a decision made before 0009 holds them: spans with label and basis only
        old = [
            {k: r[k] for k in ("start", "end", "label", "legal_basis")} for r in decision.redactions
        ]
        decision.reasons, decision.redactions = None, old
    with factory() as session:
        document = session.get(DocumentRow, reply)
        assert document is not None
        found = ledger(document)
        assert found is not None and not found.approved
        assert {(r.reason.text, r.presumed) for r in found.rows} == {
            ("个人隐私（个人姓名）", True),
            ("个人隐私（电话）", True),
        }
    assert "尚未审批" in "".join(explanation(found, "某某市某某局").signatures)


def test_export_labels_carries_the_reviewers_category(
    factory: sessionmaker[Session], reply: int
) -> None:
    _decide(factory, reply)
    with factory() as session:
        export = collect(session)
    (record,) = export.records
    spans = {s["text"]: s for s in record["spans"]}
    assert spans[NAME]["label"] == "OTHER_PERSONAL" and spans[NAME]["proposed_label"] == "PERSON"
    assert (spans[NAME]["category"], spans[NAME]["detail"]) == ("其他个人信息", "准考证号")
    assert spans[PHONE]["label"] == "PHONE" and "proposed_label" not in spans[PHONE]
    assert spans[PHONE]["legal_basis"] == "第十五条"
    assert spans[ADDED]["label"] == "INTERNAL" and spans[ADDED]["legal_basis"] == "第十六条第二款"
    assert export.summary()["relabelled_by_reviewers"] == 4  # the name at its four places

"""Every outcome's 答复书 opens in python-docx and holds the 条例 articles and the 救济途径;
区分处理 attaches the redacted copy (the third party's data gone); a letter holding
someone else's personal data is not issued; the other letters of a case."""

from __future__ import annotations

import io
from datetime import date, time
from pathlib import Path

import docx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.requests.cases import RequestError
from pipeline.requests.intake import Intake, add_case
from pipeline.requests.issued import letter_bytes
from pipeline.requests.links import link
from pipeline.requests.outcomes import OUTCOMES, articles_for
from pipeline.requests.replies import reply
from pipeline.requests.steps import approve_extension, ask_supplement, consult, receive_supplement
from pipeline.store.models import CatalogEntry, User
from pipeline.store.request_rows import RequestCase, RequestLetter
from pipeline.store.users import find_user
from tests.requests.helpers import (
    APPLICANT_ID,
    THIRD_ID,
    THIRD_PHONE,
    queue_draft,
    review_and_approve,
)

TODAY = date(2025, 11, 20)
REMEDIES = ("行政复议", "60日", "行政诉讼", "6个月")


def _user(session: Session, name: str) -> User:
    user = find_user(session, name)
    assert user is not None
    return user


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def _intake(received: date = date(2025, 9, 30), at: time | None = None) -> Intake:
    return Intake(
        "自然人",
        {"name": "张三", "id_number": APPLICANT_ID, "phone": "13800138000"},
        "某某街道旧城改造项目征收补偿情况",
        received,
        at,
        channel="网络",
    )


def test_every_outcome_writes_its_letter(
    sqlite_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    factory = sqlite_factory
    doc_id = queue_draft(factory, tmp_path)
    with factory() as session, session.begin():  # a draft still in review: no answer from it
        clerk = _user(session, "李办理")
        case = add_case(session, clerk, _intake(), TODAY)
        link(session, clerk, case.id, doc_id)
        with pytest.raises(RequestError, match="尚未完成审核审批"):
            reply(session, clerk, case.id, "予以公开", today=TODAY)
    review_and_approve(factory, doc_id)
    for outcome in OUTCOMES:
        reason = "第三方合法权益" if outcome.needs_reason else None
        with factory() as session, session.begin():
            clerk = _user(session, "李办理")
            case = add_case(session, clerk, _intake(), TODAY)
            if outcome.key == "补正后仍不明确":
                ask_supplement(session, clerk, case.id, date(2025, 10, 10), "请写明文号", TODAY)
                receive_supplement(session, clerk, case.id, date(2025, 10, 20), TODAY)
            if outcome.needs_documents:
                link(session, clerk, case.id, doc_id)
            answer = reply(
                session,
                clerk,
                case.id,
                outcome.key,
                reason,
                where="本机关门户网站“政府信息公开”栏目" if outcome.needs_where else "",
                agency="某某市自然资源局" if outcome.names_agency else "",
                today=TODAY,
            )
            text = _text(letter_bytes(session, answer.letter))
            assert "政府信息公开申请答复书" in text and case.number in text and "张三" in text
            for article in articles_for(outcome.key, reason):
                assert article in text, (outcome.key, article)
            for words in REMEDIES:
                assert words in text, (outcome.key, words)
            assert APPLICANT_ID not in text  # the letter names the applicant, no more
            assert case.state == "replied" and case.outcome == outcome.key
            if outcome.needs_documents:
                assert len(answer.attachments) == 1
                copy = letter_bytes(session, answer.attachments[0]).decode("utf-8")
                assert "征收补偿情况" in copy
                assert THIRD_ID not in copy and THIRD_PHONE not in copy
                assert "附件" in text


def test_a_letter_with_a_third_partys_data_is_not_issued(factory: sessionmaker[Session]) -> None:
    with factory() as session, session.begin():
        case_id = add_case(session, _user(session, "李办理"), _intake(), TODAY).id
    with (
        pytest.raises(RequestError, match="申请人以外的个人信息") as refused,
        factory() as session,
        session.begin(),
    ):
        reply(
            session,
            _user(session, "李办理"),
            case_id,
            "信息不存在",
            note=f"经查，被征收人王建国（身份证号码：{THIRD_ID}）的档案已移交。",
            today=TODAY,
        )
    assert THIRD_ID in str(refused.value)
    with factory() as session:
        case = session.get(RequestCase, case_id)
        assert case is not None and case.state == "open" and case.outcome is None
        kinds = list(
            session.scalars(select(RequestLetter.kind).where(RequestLetter.case_id == case_id))
        )
        assert kinds == ["登记回执"]


def test_receipt_supplement_consultation_and_extension_letters(
    factory: sessionmaker[Session],
) -> None:
    with factory() as session, session.begin():
        clerk, head = _user(session, "李办理"), _user(session, "王负责")
        case = add_case(session, clerk, _intake(at=time(18, 5)), TODAY)
        ask_supplement(session, clerk, case.id, date(2025, 10, 10), "请写明项目名称", TODAY)
        receive_supplement(session, clerk, case.id, date(2025, 10, 20), TODAY)
        consult(session, clerk, case.id, "某某置业有限公司", date(2025, 10, 21), today=TODAY)
        with pytest.raises(RequestError, match="负责人"):
            approve_extension(session, clerk, case.id, 20, "检索量大", TODAY)
        approve_extension(session, head, case.id, 10, "需要检索的档案较多", date(2025, 11, 6))
        letters = {row.kind: _text(letter_bytes(session, row)) for row in case.letters}
        assert set(letters) == {"登记回执", "补正告知书", "征求意见书", "延期答复告知书"}
        assert "2025年10月9日" in letters["登记回执"] and "第三十一条" in letters["登记回执"]
        assert "下一个工作日" in letters["登记回执"]  # 18:05 or a holiday: explained
        assert "第三十条" in letters["补正告知书"] and "2025年10月30日" in letters["补正告知书"]
        assert "第三十二条" in letters["征求意见书"] and "2025年11月11日" in letters["征求意见书"]
        assert "张三" not in letters["征求意见书"]  # the third party is not told who asked
        assert (
            "10个工作日" in letters["延期答复告知书"] and "第三十三条" in letters["延期答复告知书"]
        )
        count = session.scalar(select(func.count()).select_from(RequestLetter))
        assert count == 4


def test_already_published_points_to_the_catalog_entry(
    sqlite_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    factory = sqlite_factory
    doc_id = queue_draft(factory, tmp_path)
    with factory() as session, session.begin():
        session.add(
            CatalogEntry(
                index_number="X/2025-00007", document_id=doc_id, status="active", record={}
            )
        )
        clerk = _user(session, "李办理")
        case = add_case(session, clerk, _intake(), TODAY)
        link(session, clerk, case.id, doc_id)
        answer = reply(session, clerk, case.id, "已主动公开", today=TODAY)
        text = _text(letter_bytes(session, answer.letter))
        assert "政府信息公开目录（索引号：X/2025-00007）" in text
        assert case.outcome_detail["where"].endswith("X/2025-00007）")

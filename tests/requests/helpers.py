"""Drafts for request cases, made in the test: queued through the scan and the store,
decided and approved through the review workflow (as reviewers would)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from pipeline.config import Settings
from pipeline.scan import scan_file
from pipeline.store import workflow
from pipeline.store.documents import add_record
from pipeline.store.users import add_user, find_user

THIRD_ID = "110105196504120014"  # a resident (third party) named in the draft
THIRD_PHONE = "13912345678"
APPLICANT_ID = "110101199003071235"
DRAFT = f"""某某区住房和城乡建设局
关于某某街道旧城改造项目征收补偿情况的通报
某建发〔2025〕12号
各街道办事处：
经查，被征收人王建国（身份证号码：{THIRD_ID}，联系电话：{THIRD_PHONE}）的房屋位于某某街道幸福里。
现将某某街道旧城改造项目征收补偿情况通报如下：项目共涉及房屋一百二十户，补偿标准按照市政府规定执行，
已签约一百一十五户，签约率百分之九十六。
某某区住房和城乡建设局
2025年3月3日
"""
USERS = {"李办理": "reviewer", "孙审核": "reviewer", "王负责": "approver", "钱拟稿": "drafter"}


def add_users(factory: sessionmaker[Session]) -> None:
    with factory() as session, session.begin():
        for name, role in USERS.items():
            add_user(session, name, role, None, actor="test")  # no login: no argon2 cost


def queue_draft(
    factory: sessionmaker[Session], folder: Path, name: str = "通报.txt", text: str = DRAFT
) -> int:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    record = dict(scan_file(path, Settings(), with_text=True))
    assert record["status"] == "ok", record
    with factory() as session, session.begin():
        document, _new = add_record(session, record, path.read_bytes())
        return document.id


def review_and_approve(
    factory: sessionmaker[Session], doc_id: int, attribute: str = "部分公开"
) -> None:
    """A reviewer accepts the proposed redactions; an approver approves."""
    with factory() as session, session.begin():
        reviewer, approver = find_user(session, "孙审核"), find_user(session, "王负责")
        assert reviewer is not None and approver is not None
        decision = workflow.decide(session, doc_id, reviewer, attribute=attribute)
        assert attribute == "不予公开" or decision.redactions, (
            "the draft's personal data is proposed for redaction"
        )
        workflow.approve(session, doc_id, approver)

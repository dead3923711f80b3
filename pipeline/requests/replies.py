"""The answer (第三十六条 (一)–(七), 第三十七条–第三十九条): checked, written as a 答复书
from the office's template, scanned like any document before it goes out (no one's
personal data but the applicant's own), with the released copies attached when
information is provided — the catalog's released file, or the redacted copy of a
reviewed document made from its stored bytes (区分处理)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.config import Settings
from pipeline.decide import WITHHELD
from pipeline.labels import label_name
from pipeline.requests.cases import (
    RequestError,
    case_to_act_on,
    clock,
    ensure,
    event,
    not_after_today,
)
from pipeline.requests.issued import issue, keep, letter_bytes
from pipeline.requests.links import REVIEW_DONE, describe
from pipeline.requests.outcomes import OUTCOME, WITHHOLDING, articles_for
from pipeline.requests.settings import RequestSettings
from pipeline.store.copies import CopyRefused, stored_copy
from pipeline.store.models import CatalogEntry, DocumentRow, StoredFile, User
from pipeline.store.request_rows import RequestCase, RequestLetter

PERSONAL = (
    "PERSON",
    "ID_CARD",
    "PHONE",
    "EMAIL",
    "BANK_CARD",
    "ADDRESS",
    "PASSPORT",
    "LICENSE_PLATE",
)


@dataclass(frozen=True)
class Reply:
    case: RequestCase
    text: str
    letter: RequestLetter
    attachments: list[RequestLetter]


def _attachments(session: Session, case: RequestCase, partial: bool) -> list[tuple[str, bytes]]:
    """The released copies of the linked documents to provide (whole-withheld ones are
    not provided; one still in review stops the answer)."""

    copies: list[tuple[str, bytes]] = []
    redacted = 0
    for row in case.links:
        document = session.get(DocumentRow, row.document_id)
        assert document is not None
        found = describe(session, document)
        if document.state not in REVIEW_DONE:
            raise RequestError(
                f"关联文档 {document.id}（{found.title}）尚未完成审核审批（当前：{document.state}），"
                "请先完成审核再答复"
            )
        if found.attribute == WITHHELD:
            continue
        entry = session.scalars(
            select(CatalogEntry).where(CatalogEntry.document_id == document.id)
        ).first()
        name, data = None, None
        if entry is not None and entry.file_sha256:
            stored = session.get(StoredFile, entry.file_sha256)
            if stored is not None:
                name, data = (
                    str(entry.record.get("file_name") or f"{entry.index_number}"),
                    stored.data,
                )
        if data is None:
            try:
                copy = stored_copy(session, document, "redacted", Settings.from_env())
            except CopyRefused as exc:
                raise RequestError(f"关联文档 {document.id} 无法生成公开稿：{exc}") from exc
            name, data = copy.filename, copy.data
        redacted += found.redactions
        copies.append((str(name), data))
    if not copies:
        raise RequestError(
            "没有可提供的关联文档：请先关联审核通过的文档（整件不予公开的文档不能提供）"
        )
    if partial and not redacted:
        raise RequestError("部分公开须提供区分处理后的文件，但关联文档均无删除内容")
    return copies


def _catalog_where(session: Session, case: RequestCase) -> str:
    """Where the linked catalog entries are published, for 已主动公开 (the 索引号 find them)."""
    numbers = [
        entry.index_number
        for row in case.links
        for entry in session.scalars(
            select(CatalogEntry).where(CatalogEntry.document_id == row.document_id)
        )
    ]
    if not numbers:
        return ""
    return f"本机关政府信息公开目录（索引号：{'、'.join(numbers)}）"


def third_party_data(data: bytes, case: RequestCase) -> list[str]:
    """Personal data in a letter (.docx) that is not the applicant's own, found by the
    same reader and recognizers as every document (what ``triage scan`` runs)."""
    from pipeline.detect import detect
    from pipeline.ingest import ingest_file

    own = [str(v) for v in (case.applicant or {}).values() if v]
    with tempfile.TemporaryDirectory(prefix="triage-letter-") as folder:
        path = Path(folder) / "答复书.docx"
        path.write_bytes(data)
        document, _data, error = ingest_file(path, Settings.from_env())
    if document is None:
        raise RequestError(f"答复书无法复核读取：{getattr(error, 'message', error)}")
    found = []
    for finding in detect(document):
        text = finding.text.strip()
        if finding.label not in PERSONAL or finding.role == "official" or not text:
            continue
        if any(text in value or value in text for value in own):
            continue
        found.append(f"{label_name(finding.label)}“{text}”")
    return found


def reply(
    session: Session,
    user: User,
    ref: int | str,
    outcome: str,
    reason: str | None = None,
    where: str = "",
    agency: str = "",
    note: str = "",
    today: date | None = None,
    settings: RequestSettings | None = None,
    version: int | None = None,
    check_letter: bool = True,
) -> Reply:
    """Answer a case; on any problem nothing is written."""
    settings, today = ensure(settings), today or date.today()
    case = case_to_act_on(session, user, settings.handler_roles, "答复申请", ref, version)
    if case.state == "closed":
        raise RequestError(f"申请 {case.number} 已于 {case.closed_on} 办结，不能再答复")
    if case.state == "replied":
        raise RequestError(
            f"申请 {case.number} 已于 {case.replied_on} 答复（{case.outcome}），不能重复答复"
        )
    if case.state == "supplement":
        raise RequestError(
            f"申请 {case.number} 正在等待补正（期限 {case.supplement_due_on}），不能答复"
        )
    kind = OUTCOME.get(outcome)
    if kind is None:
        raise RequestError(f"答复类型须为 {'、'.join(OUTCOME)} 之一，而不是“{outcome}”")
    if kind.needs_reason and reason not in WITHHOLDING:
        raise RequestError(f"“{outcome}”须注明不予公开的理由：{'、'.join(WITHHOLDING)} 之一")
    if not kind.needs_reason:
        reason = None
    if outcome == "已主动公开" and not where.strip():
        where = _catalog_where(session, case)
    if kind.needs_where and not where.strip():
        raise RequestError(f"“{outcome}”须告知获取的方式和途径")
    if outcome == "补正后仍不明确" and not case.supplement_received_on:
        raise RequestError("本申请没有经过补正，不能以“补正后仍不明确”答复")
    not_after_today(date.fromisoformat(case.received_on), today, "收到申请之日")
    copies = _attachments(session, case, kind.needs_redactions) if kind.needs_documents else []
    cited = articles_for(outcome, reason)
    # Who was consulted is not told (naming a third party may itself disclose it).
    kinds = {c.kind for c in case.consultations}
    consulted = "、".join(k if k == "第三方" else "有关机关" for k in sorted(kinds, reverse=True))
    due = clock(case, today)
    extra = {
        "outcome": outcome,
        "articles": "、".join(cited),
        "reason_wording": WITHHOLDING[reason].wording if reason else "",
        "reason_article": WITHHOLDING[reason].article if reason else "",
        "where": where.strip(),
        "agency_named": agency.strip(),
        "note": note.strip(),
        "attachments": [name for name, _data in copies],
        "consulted": consulted,
    }
    # The letter is scanned before it goes out; a refusal propagates and the caller's
    # transaction rolls back the letter with everything else.
    text, row = issue(session, case, "答复书", extra, settings, today, user.name)
    if check_letter:
        leaked = third_party_data(letter_bytes(session, row), case)
        if leaked:
            raise RequestError(
                "答复书含有申请人以外的个人信息，未出具："
                + "、".join(leaked)
                + "。请修改说明或模板后重试"
            )
    attached = [
        keep(session, case, "附件", f"{case.number} 附件{i} {name}", data, user.name)
        for i, (name, data) in enumerate(copies, 1)
    ]
    case.state = "replied"
    case.outcome = outcome
    case.outcome_detail = {
        "reason": reason,
        "articles": cited,
        "where": where.strip(),
        "agency": agency.strip(),
        "note": note.strip(),
        "attachments": [a.filename for a in attached],
        "letter": row.id,
    }
    case.replied_on = today.isoformat()
    case.replied_by = user.name
    event(
        session,
        user.name,
        "reply",
        case,
        outcome=outcome,
        reason=reason,
        articles=cited,
        attachments=len(attached),
        due=due.due.isoformat() if due.due else None,
        late=due.overdue,
    )
    return Reply(case, text, row, attached)

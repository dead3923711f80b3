"""Finding the information asked for and linking it to the case: the catalog (索引号,
文号, 名称, full text), the withheld register and the review store are searched together,
since all three hold documents of the store. A linked document still in review is the
case's proposal (its suggestion and redactions) until reviewers decide it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pipeline.decide import PARTIAL, PUBLIC, WITHHELD
from pipeline.requests.cases import RequestError, check_version, ensure, event, get_case, require
from pipeline.requests.settings import RequestSettings
from pipeline.store import rights
from pipeline.store.models import CatalogEntry, DocumentRow, User, WithheldItem
from pipeline.store.request_rows import RequestCase, RequestLink

REVIEW_DONE = ("approved", "published", "withheld")  # 先审查、后公开: only these are answered from
SEARCH_LIMIT = 30


@dataclass(frozen=True)
class Found:
    """One document that may hold the information, and where it stands."""

    document_id: int
    title: str
    doc_number: str
    where: str  # 公开目录 | 不予公开登记 | 审核库
    index_number: str | None
    state: str  # the review state
    attribute: str | None  # decided, else suggested
    suggested: str | None
    redactions: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def describe(session: Session, document: DocumentRow) -> Found:
    meta = document.doc_metadata or {}
    entry = session.scalars(
        select(CatalogEntry).where(CatalogEntry.document_id == document.id)
    ).first()
    withheld = session.scalars(
        select(WithheldItem).where(WithheldItem.document_id == document.id)
    ).first()
    decision, suggestion = document.decision, document.suggestion
    spans = decision.redactions if decision else (suggestion.redactions if suggestion else [])
    return Found(
        document.id,
        str(meta.get("title") or document.source.rsplit("/", 1)[-1]),
        str(meta.get("doc_number") or ""),
        "公开目录" if entry is not None else ("不予公开登记" if withheld is not None else "审核库"),
        entry.index_number if entry is not None else None,
        document.state,
        (decision.attribute if decision else None)
        or (suggestion.attribute if suggestion else None),
        suggestion.attribute if suggestion else None,
        len(spans),
    )


def search(session: Session, words: str, limit: int = SEARCH_LIMIT) -> list[Found]:
    """Documents whose 索引号 is ``words``, or whose catalog 名称/文号/概述 or full text
    contains it; catalog entries first."""
    words = words.strip()
    if not words:
        return []
    ids: list[int] = []
    for entry in session.scalars(select(CatalogEntry).order_by(CatalogEntry.index_number)):
        record = entry.record or {}
        fields = (
            entry.index_number,
            record.get("title"),
            record.get("doc_number"),
            record.get("summary"),
        )
        if any(words in str(f or "") for f in fields):
            ids.append(entry.document_id)
    query = (
        select(DocumentRow.id)
        .where(
            DocumentRow.status == "ok",
            or_(DocumentRow.text.contains(words), DocumentRow.source.contains(words)),
        )
        .order_by(DocumentRow.id.desc())
        .limit(limit)
    )
    ids += [i for i in session.scalars(query) if i not in ids]
    found = []
    for doc_id in ids[:limit]:
        document = session.get(DocumentRow, doc_id)
        if document is not None:
            found.append(describe(session, document))
    return found


def link(
    session: Session,
    user: User,
    ref: int | str,
    document_id: int | None = None,
    index_number: str | None = None,
    settings: RequestSettings | None = None,
    version: int | None = None,
) -> RequestLink:
    """Link a document (by its id in the store, or by the 索引号 of its catalog entry)."""
    settings = ensure(settings)
    require(user, settings.handler_roles, "关联文档")
    case = get_case(session, ref)
    check_version(case, version)
    if case.state in ("replied", "closed"):
        raise RequestError(f"申请 {case.number} 已答复或办结，不能再关联文档")
    if (document_id is None) == (index_number is None):
        raise RequestError("请给出文档编号或索引号（二者选一）")
    if index_number is not None:
        entry = session.scalars(
            select(CatalogEntry).where(CatalogEntry.index_number == index_number.strip())
        ).first()
        if entry is None:
            raise RequestError(f"公开目录中没有索引号 {index_number}")
        document_id = entry.document_id
    assert document_id is not None
    document = session.get(DocumentRow, document_id)
    if document is None:
        raise RequestError(f"文档 {document_id} 不存在")
    rights.check(rights.Reader.of(user), document)  # AccessRefused: audited by the caller
    if document.status != "ok":
        raise RequestError(
            f"文档 {document_id} 未能读取（{document.error_code}），不能作为答复依据"
        )
    if any(row.document_id == document_id for row in case.links):
        raise RequestError(f"文档 {document_id} 已关联到申请 {case.number}")
    row = RequestLink(document_id=document_id, index_number=index_number, created_by=user.name)
    case.links.append(row)
    session.flush()
    found = describe(session, document)
    event(
        session,
        user.name,
        "link",
        case,
        document_id,
        where=found.where,
        index_number=found.index_number,
        state=document.state,
    )
    return row


def linked(session: Session, case: RequestCase) -> list[Found]:
    return [
        describe(session, document)
        for document in (session.get(DocumentRow, r.document_id) for r in case.links)
        if document
    ]


def proposal(found: list[Found]) -> dict[str, Any] | None:
    """The answer the linked documents suggest: from their decided (or, in review,
    suggested) attributes; the reviewers' decisions settle it."""
    if not found:
        return None
    attributes = [f.attribute for f in found]
    pending = [f.document_id for f in found if f.state not in REVIEW_DONE]
    if all(a == WITHHELD for a in attributes):
        outcome = "不予公开"
    elif any(a == PARTIAL for a in attributes) or (WITHHELD in attributes):
        outcome = "部分公开"
    elif all(f.where == "公开目录" for f in found) and all(
        a in (PUBLIC, PARTIAL) for a in attributes
    ):
        outcome = "已主动公开"
    else:
        outcome = "予以公开"
    return {
        "outcome": outcome,
        "redactions": sum(f.redactions for f in found),
        "pending_review": pending,
        "settled": not pending,
    }

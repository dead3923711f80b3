"""The review queue: filtered and sorted by risk in the database, a page at a time.

Returned documents (退回) first, then the riskiest: documents with a 密级 marking, then those flagged for escalation, then the
suggestions the machine is least sure of, oldest first among equals; unreadable files come
last (nothing to review, only to fix). Filters: state, attribute (the decided one, else
the suggested one), confidence range, deadline (overdue, or due within ``DUE_SOON_DAYS`` working days), and a
words filter on the file name and title. A user is shown only the documents they may
open (``pipeline.store.rights``): the others are neither listed nor counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from pipeline.deadlines import AWAITING_PUBLICATION, due_soon_until
from pipeline.store.models import Decision, DocumentRow, FindingRow, SuggestionRow
from pipeline.store.rights import Reader, visible

DEADLINES = ("overdue", "soon")


@dataclass(frozen=True)
class QueueFilter:
    state: str | None = None
    attribute: str | None = None
    min_confidence: float | None = None
    max_confidence: float | None = None
    deadline: str | None = None  # overdue | soon
    words: str | None = None
    today: date = field(default_factory=date.today)
    states: tuple[str, ...] | None = None  # any of these (the app's 待审: still to decide)
    decided_by: int | None = None  # the latest decision is this user's (我的)
    reader: Reader | None = None  # only the documents this user may see (None: all, the CLI)


@dataclass(frozen=True)
class QueueRow:
    document: DocumentRow
    suggestion: SuggestionRow | None
    decision: Decision | None
    findings: int = 0  # of the current suggestion

    @property
    def attribute(self) -> str | None:
        if self.decision is not None:
            return self.decision.attribute
        return self.suggestion.attribute if self.suggestion is not None else None


def _latest(model: Any) -> Any:
    """Per document, the id of its latest row of ``model`` (suggestions, decisions)."""
    return (
        select(model.document_id, func.max(model.id).label("id"))
        .group_by(model.document_id)
        .subquery()
    )


def _query(f: QueueFilter) -> tuple[Select[Any], Any, Any]:
    last_s, last_d = _latest(SuggestionRow), _latest(Decision)
    s, d = aliased(SuggestionRow), aliased(Decision)
    query = (
        select(DocumentRow, s, d)
        .outerjoin(last_s, last_s.c.document_id == DocumentRow.id)
        .outerjoin(s, s.id == last_s.c.id)
        .outerjoin(last_d, last_d.c.document_id == DocumentRow.id)
        .outerjoin(d, d.id == last_d.c.id)
    )
    if f.reader is not None:
        query = query.where(visible(f.reader))
    if f.state:
        query = query.where(DocumentRow.state == f.state)
    if f.states is not None:
        query = query.where(DocumentRow.state.in_(f.states))
    if f.decided_by is not None:
        query = query.where(d.user_id == f.decided_by)
    if f.attribute:
        query = query.where(func.coalesce(d.attribute, s.attribute) == f.attribute)
    if f.min_confidence is not None:
        query = query.where(s.confidence >= f.min_confidence)
    if f.max_confidence is not None:
        query = query.where(s.confidence <= f.max_confidence)
    if f.deadline in DEADLINES:
        today = f.today.isoformat()
        query = query.where(
            DocumentRow.deadline.is_not(None), DocumentRow.state.in_(AWAITING_PUBLICATION)
        )
        if f.deadline == "overdue":
            query = query.where(DocumentRow.deadline < today)
        else:
            soon = due_soon_until(f.today).isoformat()
            query = query.where(and_(DocumentRow.deadline >= today, DocumentRow.deadline <= soon))
    if f.words:
        for word in f.words.split():
            pattern = f"%{_escape_like(word)}%"
            query = query.where(
                or_(
                    DocumentRow.source.like(pattern, escape="\\"),
                    func.coalesce(DocumentRow.text, "").like(pattern, escape="\\"),
                )
            )
    return query, s, d


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def queue_page(
    session: Session, f: QueueFilter, page: int = 1, size: int = 50
) -> tuple[list[QueueRow], int]:
    """One page of the filtered queue, riskiest first, and the number of matches."""
    query, s, _d = _query(f)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    group = case(
        (DocumentRow.state == "returned", -1),  # 退回: the approver is waiting on these
        (DocumentRow.secret_mark.is_(True), 0),
        (DocumentRow.state == "error", 3),
        else_=2,
    )
    escalate = case((s.needs_escalation.is_(True), 0), else_=1)
    ordered = query.order_by(group, escalate, func.coalesce(s.confidence, 0.0), DocumentRow.id)
    rows = session.execute(ordered.limit(size).offset(max(page - 1, 0) * size)).all()
    suggestion_ids = [sug.id for _doc, sug, _dec in rows if sug is not None]
    counts: dict[int, int] = {
        suggestion_id: n
        for suggestion_id, n in session.execute(
            select(FindingRow.suggestion_id, func.count())
            .where(FindingRow.suggestion_id.in_(suggestion_ids))
            .group_by(FindingRow.suggestion_id)
        )
    }  # one query for the page, not one per row
    return [
        QueueRow(doc, sug, dec, int(counts.get(sug.id, 0)) if sug is not None else 0)
        for doc, sug, dec in rows
    ], int(total)


def whole_queue(session: Session, f: QueueFilter, size: int = 500) -> Iterator[QueueRow]:
    """Every matching row in queue order, a page at a time (the CLI's `review list`)."""
    page = 1
    while True:
        rows, _total = queue_page(session, f, page, size)
        yield from rows
        if len(rows) < size:
            return
        page += 1

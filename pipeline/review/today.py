"""The reviewer's day: how many documents they decided today (Asia/Shanghai) against what
is still waiting (今日 12/50), and which document comes next after a decision, so a
clerk goes from one document to the next without going back to the queue."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, time

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from pipeline.review.queue import QueueFilter, queue_page
from pipeline.review.wording import LOCAL
from pipeline.store.models import Decision, DocumentRow
from pipeline.store.rights import Reader, visible
from pipeline.store.workflow import DECIDABLE

# What 待审 means: documents someone still has to decide (not approved, withheld,
# published or unreadable ones).
TO_DECIDE = QueueFilter(states=DECIDABLE)


@dataclass(frozen=True)
class Progress:
    done: int  # decisions by this user since local midnight
    waiting: int  # documents still to decide

    @property
    def line(self) -> str:
        return f"今日 {self.done}/{self.done + self.waiting}"


def progress(
    session: Session, user_id: int, now: datetime | None = None, reader: Reader | None = None
) -> Progress:
    """Today's decisions against what is waiting (of what ``reader`` may see)."""
    now = (now or datetime.now(UTC)).astimezone(LOCAL)
    midnight = datetime.combine(now.date(), time(), tzinfo=LOCAL).astimezone(UTC)
    if session.get_bind().dialect.name == "sqlite":
        midnight = midnight.replace(tzinfo=None)  # SQLite keeps UTC times without a zone
    done = session.scalar(
        select(func.count())
        .select_from(Decision)
        .where(Decision.user_id == user_id, Decision.created_at >= midnight)
    )
    waiting = session.scalar(
        select(func.count())
        .select_from(DocumentRow)
        .where(DocumentRow.state.in_(DECIDABLE), DocumentRow.status == "ok")
        .where(visible(reader) if reader is not None else true())
    )
    return Progress(int(done or 0), int(waiting or 0))


def next_document(session: Session, after: int, reader: Reader | None = None) -> int | None:
    """The first document in queue order still to decide, other than ``after`` (of those
    ``reader`` may see)."""
    rows, _total = queue_page(session, replace(TO_DECIDE, reader=reader), 1, 5)
    return next(
        (r.document.id for r in rows if r.document.id != after and r.document.status == "ok"),
        None,
    )

"""Who else has a document open: each open document page says so every half minute
(``seen``), and a page shows the others seen within ``RECENT`` ("张三 也在看这份文档").
A closed page stops saying so and drops out of the list by itself; nothing to clean up
but old rows, which ``seen`` deletes as it goes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pipeline.store.models import Presence, User

RECENT = timedelta(seconds=75)  # two heartbeats and a half: a page open now
FORGET = timedelta(days=1)


def _now() -> datetime:
    return datetime.now(UTC)


def seen(session: Session, user_id: int, document_id: int, at: datetime | None = None) -> None:
    """Record that ``user_id`` has ``document_id`` open now."""
    at = at or _now()
    row = session.get(Presence, (user_id, document_id))
    if row is None:
        session.add(Presence(user_id=user_id, document_id=document_id, last_seen=at))
    else:
        row.last_seen = at
    session.execute(delete(Presence).where(Presence.last_seen < at - FORGET))


def left(session: Session, user_id: int, document_id: int) -> None:
    """The page was closed (or its user moved on): drop the row at once."""
    session.execute(
        delete(Presence).where(Presence.user_id == user_id, Presence.document_id == document_id)
    )


def others(
    session: Session, document_id: int, user_id: int, at: datetime | None = None
) -> list[str]:
    """The names of the other users with ``document_id`` open now, by name."""
    since = (at or _now()) - RECENT
    return list(
        session.scalars(
            select(User.name)
            .join(Presence, Presence.user_id == User.id)
            .where(
                Presence.document_id == document_id,
                Presence.user_id != user_id,
                Presence.last_seen >= since,
            )
            .order_by(User.name)
        )
    )


def viewing(
    session: Session, document_ids: list[int], user_id: int, at: datetime | None = None
) -> dict[int, list[str]]:
    """For a page of the queue: who else has each of these documents open now."""
    since = (at or _now()) - RECENT
    out: dict[int, list[str]] = {}
    rows = session.execute(
        select(Presence.document_id, User.name)
        .join(User, Presence.user_id == User.id)
        .where(
            Presence.document_id.in_(document_ids),
            Presence.user_id != user_id,
            Presence.last_seen >= since,
        )
        .order_by(User.name)
    )
    for document_id, name in rows:
        out.setdefault(document_id, []).append(name)
    return out

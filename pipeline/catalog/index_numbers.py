"""Allocating 索引号: without gaps or duplicates, also with several publishers at once.

The counter row of (agency, year) is incremented by one UPDATE … RETURNING inside the
publishing transaction. The database locks that row until the transaction ends, so a
second publisher waits and then gets the next number (no duplicates); if the publish
fails and rolls back, the increment rolls back with it (no gaps). The row is created on
first use with an insert that ignores a concurrent creator.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pipeline.catalog.settings import CatalogSettings
from pipeline.store.models import IndexCounter


def next_number(session: Session, scope: str) -> int:
    """The next running number in ``scope``, reserved in the caller's transaction."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(IndexCounter).values(scope=scope, last=0).on_conflict_do_nothing())
    number = session.scalar(
        update(IndexCounter)
        .where(IndexCounter.scope == scope)
        .values(last=IndexCounter.last + 1)
        .returning(IndexCounter.last)
    )
    if number is None:  # pragma: no cover - the row was inserted just above
        raise RuntimeError(f"no 索引号 counter for {scope}")
    return int(number)


def allocate(session: Session, settings: CatalogSettings, year: int) -> str:
    """A new 索引号 for information formed in ``year``."""
    scope = f"{settings.agency_code}|{year}"
    return settings.index_number(year, next_number(session, scope))

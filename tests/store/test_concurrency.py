"""Several processes writing to one database at once: no lost or forked events."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from sqlalchemy import func, select

from pipeline.store import audit
from pipeline.store.db import open_db
from pipeline.store.models import AuditEvent


def _append_many(url: str, writer: int, count: int) -> int:
    factory = open_db(url)
    for n in range(count):
        with factory() as session, session.begin():
            audit.record(session, f"writer{writer}", "probe", None, {"n": n})
    factory.kw["bind"].dispose()
    return count


def test_concurrent_writers_keep_one_unbroken_chain(db_url: str) -> None:
    # Migrate once, as the nightly run or the server would at start; no connection of the
    # parent's may be open when the workers fork.
    open_db(db_url).kw["bind"].dispose()
    with ProcessPoolExecutor(4) as pool:
        written = sum(pool.map(_append_many, [db_url] * 4, range(4), [25] * 4))
    factory = open_db(db_url)
    with factory() as session:
        result = audit.verify(session)
        stored = session.scalar(select(func.count()).select_from(AuditEvent))
    factory.kw["bind"].dispose()
    assert written == 100 and stored == 100
    assert result.ok, result.problems[:3]

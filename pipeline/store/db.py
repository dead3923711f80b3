"""Opening the review database: the embedded SQLite file by default, PostgreSQL by URL.

``open_db`` creates or upgrades the schema with Alembic (``pipeline/store/migrations``)
before handing out sessions, so a fresh data directory and an old database both work;
SQLite gets WAL mode, foreign keys, a busy timeout and write-locking transactions, so
several processes can share it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from pipeline.config import Settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
READ_ONLY = "triage_read_only"


def default_url(settings: Settings | None = None) -> str:
    """``TRIAGE_DB`` if set, else ``sqlite:///<data dir>/triage.db``."""
    if os.environ.get("TRIAGE_DB"):
        return os.environ["TRIAGE_DB"]
    settings = settings or Settings.from_env()
    return f"sqlite:///{(settings.data_dir / 'triage.db').resolve()}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # The driver's own BEGIN is switched off and every transaction starts with BEGIN
        # IMMEDIATE: writers queue for the lock up front instead of failing when a read
        # snapshot turns stale (the audit chain reads its head, then appends).
        engine = create_engine(url, connect_args={"timeout": 30, "isolation_level": None})

        @event.listens_for(engine, "begin")
        def _begin_immediate(connection: Any) -> None:
            # Reads (see ``readers``) begin deferred: in WAL mode they see a snapshot and
            # neither wait for nor block the writer.
            read = connection.get_execution_options().get(READ_ONLY, False)
            connection.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            _use_wal(cursor)
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def _use_wal(cursor: Any, wait: float = 30.0) -> None:
    """Put the database file in WAL mode unless it already is.

    WAL is a property of the file, so only the first connection to a new database has to
    switch it, and switching takes an exclusive lock for which SQLite does not always call
    its busy handler: when a reader (a second process opening the same new file, a
    monitor counting rows) holds the file at that moment, the pragma fails at once with
    "database is locked". Reading the mode needs no such lock, so connections after the
    first never try; the first retries for up to ``wait`` seconds.
    """
    deadline = time.monotonic() + wait
    while True:
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() in {"wal", "memory"}:
            return
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_db(url: str | None = None) -> sessionmaker[Session]:
    """A session factory on the migrated database at ``url`` (default: ``default_url()``)."""
    engine = make_engine(url or default_url())
    migrate(engine)
    return sessionmaker(engine, expire_on_commit=False)


def readers(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """Sessions on the same engine and pool for transactions that only read: on SQLite
    they do not take the write lock (page views never queue behind a decision being
    saved); elsewhere they are ordinary transactions. Writing in one is a mistake that
    SQLite reports when another writer holds the lock."""
    engine = factory.kw["bind"]
    return sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)


@contextmanager
def opened(url: str | None = None) -> Iterator[sessionmaker[Session]]:
    """``open_db`` for one command: the engine's connections are closed afterwards (a
    server may drop or migrate the database next)."""
    factory = open_db(url)
    try:
        yield factory
    finally:
        factory.kw["bind"].dispose()

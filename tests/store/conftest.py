"""A fresh, migrated review database per test, on SQLite (a file) and on PostgreSQL (a new
database in the cluster ``TRIAGE_TEST_PG`` points at: `make test` starts one on loopback
with scripts/test-postgres.sh), with three users."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from pipeline.store.db import open_db
from pipeline.store.users import add_user

PG_UNSET = "TRIAGE_TEST_PG not set: run through `make test`, which starts a local PostgreSQL"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'triage.db'}"
        return
    server = os.environ.get("TRIAGE_TEST_PG")
    if not server:
        pytest.skip(PG_UNSET)
    name = f"triage_test_{uuid.uuid4().hex[:12]}"
    # CREATE/DROP DATABASE cannot run inside a transaction.
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            # FORCE: connections the code under test left open would block the drop.
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def factory(db_url: str) -> Iterator[sessionmaker[Session]]:
    made = open_db(db_url)
    with made() as session, session.begin():
        add_user(session, "李审核", "reviewer", "password-1", actor="test")
        add_user(session, "王批准", "approver", "password-2", actor="test")
        add_user(session, "赵管理", "admin", "password-3", actor="test")
    yield made
    made.kw["bind"].dispose()

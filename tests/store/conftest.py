"""A fresh, migrated review database per test (``db_url`` from tests/conftest.py: SQLite
and PostgreSQL), with three users, all cleared for 密级 documents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from pipeline.store.db import open_db
from pipeline.store.users import add_user


@pytest.fixture
def factory(db_url: str) -> Iterator[sessionmaker[Session]]:
    made = open_db(db_url)
    with made() as session, session.begin():
        # cleared (涉密人员): the workflow's tests handle the 密级-marked sample too
        add_user(session, "李审核", "reviewer", "password-1", actor="test", cleared=True)
        add_user(session, "王批准", "approver", "password-2", actor="test", cleared=True)
        add_user(session, "赵管理", "admin", "password-3", actor="test")
    yield made
    made.kw["bind"].dispose()

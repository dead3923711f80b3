"""A fresh, migrated database per test (SQLite, and PostgreSQL under `make test`) with the
users of ``helpers.USERS``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from pipeline.store.db import open_db
from tests.requests.helpers import add_users


@pytest.fixture
def factory(db_url: str) -> Iterator[sessionmaker[Session]]:
    made = open_db(db_url)
    add_users(made)
    yield made
    made.kw["bind"].dispose()


@pytest.fixture
def sqlite_factory(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """SQLite only, for the slower tests whose subject is not the database."""
    made = open_db(f"sqlite:///{tmp_path / 'requests.db'}")
    add_users(made)
    yield made
    made.kw["bind"].dispose()

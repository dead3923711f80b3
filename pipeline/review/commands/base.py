"""What the review commands share: the transaction, the failure message, the user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from sqlalchemy.orm import Session

from pipeline.store.models import User


@contextmanager
def _session(db: str | None) -> Iterator[Session]:
    from pipeline.store.db import opened

    with opened(db) as factory, factory() as session, session.begin():
        yield session


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"triage: {message}", err=True)
    return typer.Exit(code)


def _user(session: Session, name: str) -> User:
    from pipeline.store.users import find_user

    user = find_user(session, name)
    if user is None:
        raise _fail(f"no user named {name!r} (add one with `triage users add`)", 2)
    return user

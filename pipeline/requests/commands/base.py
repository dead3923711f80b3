"""What the `triage requests …` commands share: the Typer group, the options, dates,
and the transaction in which a user acts (a refusal prints its reason and exits 1)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from pipeline.cli_options import command_path
from pipeline.store.models import User

requests_app = typer.Typer(
    help="依申请公开: applications from intake to the reply letter, on the 条例's clocks.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
AsOption = Annotated[
    str | None, typer.Option("--as", help="The acting user (default: the command line, 'cli').")
]
TodayOption = Annotated[
    str | None, typer.Option("--today", help="Take this ISO date as today (for checks and tests).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"triage: {message}", err=True)
    return typer.Exit(code)


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise _fail(f"{option} 须为日期（如 2025-09-30），而不是“{text}”", 2) from exc


def _today(text: str | None) -> date:
    return _date(text, "--today") or date.today()


@contextmanager
def _acting(db: str | None, as_user: str | None) -> Iterator[tuple[Session, User]]:
    """A transaction for ``as_user``; a refusal rolls it back whole and exits 1."""
    from pipeline.requests.cases import RequestError
    from pipeline.requests.letters import LetterError
    from pipeline.store.db import opened
    from pipeline.store.rights import AccessRefused, record_refusal
    from pipeline.store.users import find_user

    with opened(db) as factory:
        try:
            with factory() as session, session.begin():
                if as_user is None:
                    user = User(name="cli", role="admin", active=True)
                else:
                    found = find_user(session, as_user)
                    if found is None:
                        raise _fail(f"没有用户 {as_user}（用 `triage users add` 添加）", 2)
                    user = found
                yield session, user
        except (RequestError, LetterError) as exc:
            raise _fail(str(exc)) from exc
        except AccessRefused as exc:  # recorded although the step's transaction rolled back
            with factory() as session, session.begin():
                record_refusal(session, exc, command_path())
            raise _fail(exc.message) from exc


def _print(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))

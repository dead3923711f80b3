"""`triage users`: accounts, their roles and their clearance (涉密人员, who may see
documents marked 密级 or holding state secrets: ``pipeline.store.rights``)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from sqlalchemy import select

from pipeline.cli_options import DbOption
from pipeline.review.commands.base import _fail, _session
from pipeline.store.models import User
from pipeline.store.workflow import WorkflowError

users_app = typer.Typer(
    help="Accounts, roles and clearance.", no_args_is_help=True, rich_markup_mode=None
)


@users_app.command("add")
def users_add(
    name: str,
    role: Annotated[str, typer.Option("--role", help="drafter|reviewer|approver|admin")],
    cleared: Annotated[
        bool,
        typer.Option(
            "--cleared/--not-cleared",
            help="涉密人员: may see documents marked 密级 or holding state secrets.",
        ),
    ] = False,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Add an account; prompts for its password (web login) unless --password-stdin."""
    from pipeline.store.users import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    try:
        with _session(db) as session:
            add_user(session, name, role, password, actor="cli", cleared=cleared)
    except WorkflowError as exc:
        raise _fail(str(exc), 2) from exc
    typer.echo(f"user {name} ({role}{', cleared' if cleared else ''}) added")


@users_app.command("set")
def users_set(
    name: str,
    role: Annotated[
        str | None, typer.Option("--role", help="New role: drafter|reviewer|approver|admin")
    ] = None,
    cleared: Annotated[
        bool | None,
        typer.Option(
            "--cleared/--not-cleared",
            help="Grant or take away 涉密 clearance (documents marked 密级 or state secrets).",
        ),
    ] = None,
    active: Annotated[
        bool | None,
        typer.Option("--active/--disabled", help="Allow or stop sign-in (ends its sessions)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Change an account's role, clearance or sign-in (an audit event; effective on the
    user's next request)."""
    from pipeline.store.users import set_user

    try:
        with _session(db) as session:
            user = set_user(session, name, "cli", role=role, cleared=cleared, active=active)
            line = f"{user.name}\t{user.role}\t{_status(user)}"
    except WorkflowError as exc:
        raise _fail(str(exc), 2) from exc
    typer.echo(line)


def _status(user: User) -> str:
    return ("active" if user.active else "disabled") + ("\tcleared" if user.cleared else "")


@users_app.command("list")
def users_list(db: DbOption = None) -> None:
    """Accounts, their roles, and who is cleared (涉密人员)."""
    with _session(db) as session:
        for user in session.scalars(select(User).order_by(User.name)):
            typer.echo(f"{user.name}\t{user.role}\t{_status(user)}")

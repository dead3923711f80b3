"""Options several command groups share, spelled once so `--db` reads the same everywhere."""

from __future__ import annotations

from typing import Annotated

import typer
from typer._click.globals import get_current_context  # typer's own copy of click

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: TRIAGE_DB or sqlite under the data dir)."),
]
AsOption = Annotated[str, typer.Option("--as", help="The user acting (must exist).")]


def command_path() -> str:
    """The command being run (``triage review decide``), as audited refusals name it."""
    context = get_current_context(silent=True)
    return context.command_path if context is not None else "triage"

"""Options several command groups share, spelled once so `--db` reads the same everywhere."""

from __future__ import annotations

from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: TRIAGE_DB or sqlite under the data dir)."),
]
AsOption = Annotated[str, typer.Option("--as", help="The user acting (must exist).")]

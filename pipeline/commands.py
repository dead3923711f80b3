"""`triage nightly` and `triage schedule`: the Prefect flows from the command line.

Prefect is imported only when one of these commands runs, so the rest of the CLI starts
fast and works without it.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated

import typer

from pipeline.cli_options import DbOption

RunnerOption = Annotated[
    str,
    typer.Option(
        "--runner",
        help="local: worker processes on this machine; dask: a Dask cluster "
        "(--dask-address, or a LocalCluster of --workers processes).",
    ),
]


def nightly_command(
    inbox: Annotated[list[str], typer.Argument(help="Inbox folders or files.")],
    runner: RunnerOption = "local",
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes (local or LocalCluster).")
    ] = 2,
    dask_address: Annotated[
        str | None,
        typer.Option("--dask-address", help="Scheduler of an existing Dask cluster, tcp://…"),
    ] = None,
    chunk_size: Annotated[
        int | None,
        typer.Option(
            "--chunk-size",
            min=1,
            help="Files per task (default: about four chunks per worker, 5–250 files).",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON instead of a table.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="Show Prefect's log of every task run.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Run the nightly flow: new and changed files of INBOX are scanned and put in the
    review queue, each file version once; exits 1 if some could not be stored."""
    if runner not in ("local", "dask"):
        raise typer.BadParameter(f"--runner must be local or dask, not {runner!r}")
    if dask_address and runner != "dask":
        raise typer.BadParameter("--dask-address needs --runner dask")
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    if sys.stderr.isatty():  # a line per OCR'd page; the workers inherit the environment
        os.environ.setdefault("TRIAGE_OCR_PROGRESS", "1")
    from pipeline import flows

    if db:  # by environment, not as a flow parameter: Prefect stores parameters in the clear
        os.environ["TRIAGE_DB"] = db
    with flows.prefect_api():
        state = flows.nightly(
            inbox=inbox,
            db=None,
            runner=runner,
            workers=workers,
            dask_address=dask_address,
            chunk_size=chunk_size,
            return_state=True,
        )
    outcome = state.result(raise_on_failure=False)
    if isinstance(outcome, flows.IncompleteRun):
        _print(outcome.summary.to_dict(), outcome.summary.markdown(), as_json)
        typer.echo(f"triage: {outcome}", err=True)
        raise typer.Exit(1)
    if isinstance(outcome, BaseException):
        typer.echo(f"triage: 夜间批处理失败：{outcome}", err=True)
        raise typer.Exit(1)
    from pipeline.nightly_summary import Summary

    _print(outcome, Summary.from_dict(outcome).markdown(), as_json)


def _print(summary: dict[str, object], markdown: str, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        typer.echo(markdown, nl=False)


def schedule_command(
    inbox: Annotated[list[str], typer.Argument(help="Inbox folders the nightly run reads.")],
    cron: Annotated[
        str, typer.Option("--cron", help="When the nightly run starts (cron, server time).")
    ] = "0 1 * * *",
    db: DbOption = None,
) -> None:
    """Serve the flows on their schedules from this process until stopped: nightly at
    --cron, publish at 06:00, re-review Mondays 05:00. Needs a Prefect server
    (PREFECT_API_URL; `prefect server start`), see the README."""
    if not os.environ.get("PREFECT_API_URL"):
        typer.echo(
            "triage: set PREFECT_API_URL to a Prefect server (e.g. `prefect server start`, "
            "then PREFECT_API_URL=http://127.0.0.1:4200/api): schedules live in the server",
            err=True,
        )
        raise typer.Exit(2)
    from pipeline import flows

    if db:  # the served runs inherit it; not a parameter, which Prefect stores in the clear
        os.environ["TRIAGE_DB"] = db
    flows.serve(inbox, cron)

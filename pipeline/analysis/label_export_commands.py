"""`triage export-labels`: the reviewers' decisions as a corpus folder like the devset
(:mod:`pipeline.analysis.label_export`), for `triage eval` and `triage train`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer


def _fail(message: str) -> typer.Exit:
    typer.echo(f"triage export-labels: {message}", err=True)
    return typer.Exit(2)


def export_labels_command(
    out: Annotated[
        Path, typer.Option("--out", help="Folder to write corpus.jsonl and texts/<id>.txt to.")
    ],
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Database URL (default: TRIAGE_DB or sqlite under the data dir)."
        ),
    ] = None,
    state: Annotated[
        list[str] | None,
        typer.Option(
            "--state",
            help="Export documents in this state (repeatable; default: reviewed, approved, "
            "published, withheld).",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only decisions made on or after this date (YYYY-MM-DD)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the corpus in a non-empty --out folder.")
    ] = False,
) -> None:
    """Export the reviewers' latest decisions as labelled documents in the devset's format:
    the reviewer's attribute and legal basis, the accepted findings and hand-marked spans."""
    from pipeline.analysis.label_export import SETTLED, NotEmpty, export_labels
    from pipeline.review.workflow import STATES

    states = tuple(state or SETTLED)
    unknown = [s for s in states if s not in STATES]
    if unknown:
        raise _fail(f"unknown state(s) {', '.join(unknown)}; states are {', '.join(STATES)}")
    try:
        day = date.fromisoformat(since) if since is not None else None
    except ValueError as exc:
        raise _fail(f"--since {since!r} is not a date like 2024-05-01") from exc
    try:
        export = export_labels(out, db, states=states, since=day, force=force)
    except (NotEmpty, FileNotFoundError) as exc:
        raise _fail(str(exc)) from exc
    summary = export.summary()
    typer.echo(
        f"{summary['records']} document(s) → {out / 'corpus.jsonl'}, texts in {out / 'texts'}"
    )
    attributes = "、".join(f"{a} {n}" for a, n in summary["attributes"].items()) or "-"
    typer.echo(f"attributes: {attributes}")
    labels = ", ".join(f"{k} {v}" for k, v in summary["spans_by_label"].items()) or "-"
    typer.echo(f"spans: {summary['spans']} ({labels}); public_persons: {summary['public_persons']}")
    for reason in summary["skipped"]:
        typer.echo(f"skipped {reason}", err=True)

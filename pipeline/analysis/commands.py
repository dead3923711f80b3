"""`triage export-labels` and `triage lexicon check`: the analysts' commands.

`export-labels` writes the reviewers' decisions as a corpus folder like the devset
(:mod:`pipeline.analysis.label_export`), for `triage eval` and `triage train`;
`lexicon check` checks the lexicons' rules before they ship (CI runs it).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from pipeline.analysis.lexicon_check import MAX_SHARE, NEUTRAL, check
from pipeline.cli_options import DbOption

lexicon_app = typer.Typer(
    help="Check the lexicons (lexicons/*.txt) analysts tune.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"triage export-labels: {message}", err=True)
    return typer.Exit(2)


def export_labels_command(
    out: Annotated[
        Path, typer.Option("--out", help="Folder to write corpus.jsonl and texts/<id>.txt to.")
    ],
    db: DbOption = None,
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
    from pipeline.store.workflow import STATES

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
    typer.echo(f"relabelled by reviewers' 删除理由: {summary['relabelled_by_reviewers']}")
    for reason in summary["skipped"]:
        typer.echo(f"skipped {reason}", err=True)


@lexicon_app.command("check")
def lexicon_check(
    directory: Annotated[
        Path | None,
        typer.Option("--dir", help="Lexicon folder (default: the one in use, TRIAGE_LEXICONS)."),
    ] = None,
    neutral: Annotated[
        Path,
        typer.Option(
            "--neutral",
            help="Neutral corpus: a text file, or a folder of .txt/.md (default: "
            "../shared/data/govcn_policy_texts_50/result.txt).",
        ),
    ] = NEUTRAL,
    max_share: Annotated[
        float,
        typer.Option(
            "--max-share", min=0.0, max=1.0, help="Most neutral paragraphs a term may fire on."
        ),
    ] = MAX_SHARE,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """No duplicate terms, terms NFKC-normalised, thresholds valid, and no detector term
    firing on more than --max-share of a neutral corpus's paragraphs. Exit 1 on a problem."""
    from pipeline import lexicons

    folder = directory or lexicons.LEXICON_DIR
    if not folder.is_dir():
        typer.echo(f"triage lexicon check: {folder}: no such folder", err=True)
        raise typer.Exit(2)
    explicit = neutral != NEUTRAL
    if explicit and not neutral.exists():
        typer.echo(f"triage lexicon check: {neutral}: no such file or folder", err=True)
        raise typer.Exit(2)
    result = check(folder, neutral, max_share)
    if as_json:
        payload = {
            "ok": result.ok,
            "neutral": str(result.neutral) if result.neutral else None,
            "paragraphs": result.paragraphs,
            "max_share": max_share,
            "problems": [p.to_dict() for p in result.problems],
            "most_frequent": [
                {"lexicon": s.lexicon, "term": s.term, "paragraphs": s.paragraphs, "share": s.share}
                for s in result.shares
            ],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for problem in result.problems:
            typer.echo(
                f"{folder / problem.file}:{problem.line}: {problem.message}"
                if problem.line
                else f"{folder / problem.file}: {problem.message}"
            )
        if result.neutral is None:
            typer.echo(f"neutral corpus {neutral} absent: the share check was skipped", err=True)
        else:
            typer.echo(
                f"neutral corpus: {result.paragraphs} paragraphs of {result.neutral}; "
                f"most frequent term per lexicon (limit {max_share:.1%}):"
            )
            for s in result.shares:
                typer.echo(f"  {s.lexicon:24} {s.term:10} {s.paragraphs:5}  {s.share:6.1%}")
        files = len(list(folder.glob("*.txt")))
        typer.echo(
            f"{files} lexicon files: "
            + ("ok" if result.ok else f"{len(result.problems)} problem(s)")
        )
    if not result.ok:
        raise typer.Exit(1)

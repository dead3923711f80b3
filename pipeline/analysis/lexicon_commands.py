"""``triage lexicon check``: the lexicons' rules, checked before they ship (CI runs it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.analysis.lexicon_check import MAX_SHARE, NEUTRAL, check

lexicon_app = typer.Typer(
    help="Check the lexicons (lexicons/*.txt) analysts tune.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


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

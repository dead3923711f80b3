"""The ``triage`` command line. Each command's ``--help`` is its documentation.

The CLI mirrors the library: commands parse options, call plain functions and print.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from pipeline import __version__
from pipeline.batch import scan_many
from pipeline.catalog.commands import catalog_app, rereview
from pipeline.config import Settings
from pipeline.discover import discover
from pipeline.evaluate import evaluate, load_jsonl
from pipeline.report import print_report
from pipeline.review.commands import audit_app, review_app, serve, users_app
from pipeline.scan import Record

app = typer.Typer(
    name="triage",
    help="公开审 (gongkai-triage): read 公文 drafts, flag what may not be published, "
    "and suggest the disclosure attribute under the 政府信息公开条例.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"triage {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """公开审 (gongkai-triage) command line."""


@app.command()
def scan(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (walked recursively, hidden files skipped)."),
    ],
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help="Print one JSON object per file (the scan contract) instead of the clerk's report.",
        ),
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write the JSONL to this file instead of stdout (implies --jsonl); the report goes to the terminal.",
        ),
    ] = None,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Add the extracted text to each JSON object.")
    ] = False,
    with_blocks: Annotated[
        bool,
        typer.Option(
            "--with-blocks",
            help="Add the source blocks (paragraph, table cell, page + bbox …) to each JSON object.",
        ),
    ] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
    max_size: Annotated[
        int | None,
        typer.Option(
            "--max-size",
            min=1,
            help="Size limit in MB (default: TRIAGE_MAX_BYTES or 50 MB); larger files are recorded as too_large.",
        ),
    ] = None,
) -> None:
    """Read files, extract their GB/T 9704 metadata and print one record per file.

    Every input ends in exactly one record: status "ok", or status "error" with a stable
    code and a message naming the file and the reason. The exit status is 0 when every
    file was processed (bad files included) and 2 for bad usage.
    """
    settings = Settings.from_env()
    if max_size is not None:
        settings = Settings(max_bytes=max_size * 1024 * 1024, data_dir=settings.data_dir)
    files = list(discover(paths))
    if not files:
        typer.echo("triage scan: no input files found", err=True)
        raise typer.Exit(0)
    machine = jsonl or out is not None
    err_console = Console(stderr=True)
    show_progress = sys.stderr.isatty()
    sink: TextIO | None = None
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        sink = out.open("w", encoding="utf-8")
    elif machine:
        sink = sys.stdout
    records: list[Record] = []
    try:
        with Progress(
            TextColumn("扫描 scanning"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err_console,
            transient=True,
            disable=not show_progress,
        ) as progress:
            task = progress.add_task("scan", total=len(files))
            for record in scan_many(
                files,
                settings,
                workers=workers,
                with_text=with_text,
                with_blocks=with_blocks,
                on_done=lambda _r: progress.advance(task),
            ):
                if sink is not None:
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                    sink.flush()
                if not machine or out is not None:
                    records.append(record)
    finally:
        if out is not None and sink is not None:
            sink.close()
    if not machine:
        print_report(records, Console())
    elif out is not None:
        print_report(records, err_console)


@app.command("eval")
def eval_command(
    predictions: Annotated[
        Path,
        typer.Argument(
            help="JSONL from `triage scan --jsonl` (documents keyed by file stem or `id`)."
        ),
    ],
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold JSONL in the devset's corpus.jsonl format.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Per-label precision/recall/F1 (IoU >= 0.5), redaction character recall and
    over-redaction, attribute accuracy and critical errors (identifiers left unredacted)."""
    for path in (predictions, gold):
        if not path.is_file():
            typer.echo(f"triage eval: {path}: no such file", err=True)
            raise typer.Exit(2)
    report = evaluate(load_jsonl(gold), load_jsonl(predictions))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(report.table())


@app.command()
def redact(
    path: Annotated[Path, typer.Argument(help="The document to redact (.txt, .docx or .pdf).")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the redacted copy.")],
    decisions: Annotated[
        Path | None,
        typer.Option(
            "--decisions",
            help="Reviewers' spans (JSON list of {start, end, label}) instead of the proposals.",
        ),
    ] = None,
    style: Annotated[
        str, typer.Option("--style", help="block: ■ per character; label: 【身份证号】 per span.")
    ] = "block",
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="Write the reviewers' copy instead: proposals highlighted with notes, nothing "
            "removed, stamped 审核稿 不得公开.",
        ),
    ] = False,
) -> None:
    """Write a redacted copy (the redacted text is removed from the file, not covered), or
    with --review the marked-up copy reviewers work from."""
    from pipeline.decide import WITHHELD
    from pipeline.ingest import ingest_file
    from pipeline.redact.copies import redacted_copy, review_copy
    from pipeline.redact.docx import RedactionLeak
    from pipeline.redact.spans import load_decisions
    from pipeline.scan import analyse

    if style not in ("block", "label"):
        typer.echo(f"triage redact: --style must be block or label, not {style!r}", err=True)
        raise typer.Exit(2)
    document, data, error = ingest_file(path, Settings())
    if document is None or data is None:
        typer.echo(f"triage redact: {error}", err=True)
        raise typer.Exit(1)
    if decisions is not None:
        try:
            spans = load_decisions(decisions)
        except ValueError as exc:
            typer.echo(f"triage redact: {exc}", err=True)
            raise typer.Exit(2) from exc
    analysis = analyse(document) if review or decisions is None else None
    if decisions is None and analysis is not None:
        spans = analysis.redactions
    try:
        if review and analysis is not None:
            copy = review_copy(document, data, analysis.findings, analysis.suggestion, spans)
            done = f"review copy of {path} ({len(spans)} proposed redaction(s) marked)"
        else:
            suggestion = analysis.suggestion if analysis is not None else None
            if suggestion is not None and suggestion.attribute == WITHHELD:
                typer.echo(
                    f"triage redact: {path}: suggested {WITHHELD} "
                    f"({'、'.join(suggestion.legal_basis)}): the whole document is withheld, so "
                    "no redacted copy is proposed; pass --decisions to redact reviewers' spans "
                    "anyway, or --review for the reviewers' copy",
                    err=True,
                )
                raise typer.Exit(1)
            copy = redacted_copy(document, data, spans, style)  # type: ignore[arg-type]
            done = f"{len(spans)} span(s) redacted from {path}"
    except (ValueError, RedactionLeak) as exc:
        typer.echo(f"triage redact: {path}: {exc}; nothing was written", err=True)
        raise typer.Exit(2) from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(copy)
    typer.echo(f"{done} → {out}")


train_app = typer.Typer(
    help="Train the project's models (written to models/ with their model cards).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(train_app, name="train")
app.add_typer(users_app, name="users")
app.add_typer(review_app, name="review")
app.add_typer(audit_app, name="audit")
app.command("serve")(serve)
app.add_typer(catalog_app, name="catalog")
app.command("rereview")(rereview)
DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
MODELS = Path(__file__).resolve().parent.parent / "models"


@train_app.command("ner")
def train_ner(
    data: Annotated[
        Path, typer.Option("--data", help="Folder holding cluener2020/, resume_ner/, weibo_ner/.")
    ] = DEFAULT_DATA,
    out: Annotated[Path, typer.Option("--out", help="Model folder to write.")] = MODELS / "ner",
    epochs: Annotated[int, typer.Option("--epochs", min=1)] = 20,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Use only the first N examples of each set.")
    ] = None,
) -> None:
    """Train the PER/ADDR spaCy NER model on CLUENER, Resume, Weibo and generated 公文,
    and write its model card (metrics against the CLUENER2020 baselines)."""
    from pipeline.training.ner import train

    missing = [
        name
        for name in ("cluener2020/train.json", "resume_ner/train.char.bmes", "weibo_ner")
        if not (data / name).exists()
    ]
    if missing:
        typer.echo(f"triage train ner: {data}: missing {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    out.mkdir(parents=True, exist_ok=True)
    metrics = train(data, out, epochs=epochs, limit=limit, log=typer.echo)
    for name, by_label in metrics["scores"].items():
        for label, s in by_label.items():
            typer.echo(
                f"{name:16} {label:5} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
            )
    typer.echo(f"model and card written to {out}")


@train_app.command("clauses")
def train_clauses(
    data: Annotated[
        Path,
        typer.Option("--data", help="Folder holding peoples_daily_ner/ (NONE sentences)."),
    ] = DEFAULT_DATA,
    out: Annotated[Path, typer.Option("--out", help="Model folder to write.")] = MODELS / "clauses",
) -> None:
    """Train the clause classifier (TRADE_SECRET / INTERNAL / STATE_SECRET / NONE) on the
    project's generated clauses, and write its model card."""
    from pipeline.training.clauses import train

    if not (data / "peoples_daily_ner").is_dir():
        typer.echo(
            f"triage train clauses: {data}: no peoples_daily_ner; generated data only", err=True
        )
    metrics = train(data, out)
    for label, s in metrics["held_out_facts"].items():
        typer.echo(
            f"{label:13} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  n={s['support']}"
        )
    typer.echo(f"model and card written to {out}")


@train_app.command("attribute")
def train_attribute(
    out: Annotated[Path, typer.Option("--out", help="Model folder to write.")] = MODELS
    / "attribute",
    count: Annotated[
        int, typer.Option("--count", min=40, help="Generated drafts to train on.")
    ] = 1700,
) -> None:
    """Train the disclosure attribute model on generated 公文 drafts, and write its card."""
    from pipeline.training.attribute import train

    metrics = train(out, count=count)
    for name in ("model_on_test", "rules_on_test"):
        s = metrics[name]
        typer.echo(f"{name:14} accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}")
    typer.echo(f"model and card written to {out}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()

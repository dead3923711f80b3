"""`triage train ner|clauses|attribute|judge`: the project's models, trained from the command
line and written to models/ with their model cards. The training code is imported only
when a command runs (it pulls in spaCy and scikit-learn)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.config import MODELS_DIR, SHARED_DATA

train_app = typer.Typer(
    help="Train the project's models (written to models/ with their model cards).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
DEFAULT_DATA = SHARED_DATA
MODELS = MODELS_DIR


@train_app.command("ner")
def train_ner(
    data: Annotated[
        Path, typer.Option("--data", help="Folder holding cluener2020/, resume_ner/, weibo_ner/.")
    ] = DEFAULT_DATA,
    out: Annotated[Path, typer.Option("--out", help="Model folder to write.")] = MODELS / "ner",
    epochs: Annotated[
        int, typer.Option("--epochs", min=1, help="Passes over the training data.")
    ] = 20,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Use only the first N examples of each set.")
    ] = None,
    fold: Annotated[
        bool,
        typer.Option(
            "--fold",
            help="Leave CLUENER's stacker part out (the CLUENER ensemble's model, models/ner_fold).",
        ),
    ] = False,
    vectors: Annotated[
        Path | None,
        typer.Option(
            "--vectors",
            help="Static character vectors the CNN also reads (models/char_vectors/vectors.npz).",
        ),
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
    metrics = train(
        data, out, epochs=epochs, limit=limit, log=typer.echo, fold=fold, vectors=vectors
    )
    for name, by_label in metrics["scores"].items():
        for label, s in by_label.items():
            typer.echo(
                f"{name:16} {label:5} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
            )
    typer.echo(f"model and card written to {out}")


@train_app.command("vectors")
def train_vectors(
    data: Annotated[
        Path, typer.Option("--data", help="Folder holding the public corpora (../shared/data).")
    ] = DEFAULT_DATA,
    out: Annotated[Path, typer.Option("--out", help="Folder to write vectors.npz to.")] = MODELS
    / "char_vectors",
) -> None:
    """Learn character vectors (PPMI + SVD) from the public text and write their card."""
    from pipeline.training import char_vectors

    built = char_vectors.build_and_write(data, out)
    typer.echo(f"{built['chars']} characters x {built['dim']} from {built['total']:,} chars")


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
    labels: Annotated[
        list[Path] | None,
        typer.Option(
            "--labels",
            help="Reviewer-labelled documents from `triage export-labels` (the folder or its "
            "corpus.jsonl) to train on as well; repeatable.",
        ),
    ] = None,
) -> None:
    """Train the disclosure attribute model on generated 公文 drafts (and reviewer-labelled
    documents), and write its card."""
    from pipeline.training.attribute import labelled_drafts, train

    for path in labels or []:
        try:
            labelled_drafts(path)
        except (OSError, ValueError, KeyError) as exc:
            typer.echo(f"triage train attribute: --labels {path}: {exc}", err=True)
            raise typer.Exit(2) from exc
    metrics = train(out, count=count, labels=labels or ())
    for source in metrics["data"]["reviewer_labelled"]:
        typer.echo(f"reviewer-labelled documents from {source['path']}: {source['documents']}")
    for name in ("model_on_test", "rules_on_test"):
        s = metrics[name]
        typer.echo(f"{name:14} accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}")
    typer.echo(f"model and card written to {out}")


@train_app.command("calibration")
def train_calibration(
    out: Annotated[
        Path, typer.Option("--out", help="Calibration file to write (beside the model).")
    ] = MODELS / "attribute" / "calibration.json",
    drafts: Annotated[
        int, typer.Option("--drafts", min=40, help="Held-out generated drafts to fit on.")
    ] = 120,
) -> None:
    """Fit the confidence calibration (P(suggestion right)) of the attribute model in use
    on the new office's fitting families, held-out generated drafts and the tuned-on
    labelled documents, and report it on the new office's held-out families; run it after
    `triage train attribute`. The shipped calibration also fits the evaluation hands'
    drafts: `scripts/calibrate_hands.py` (in a checkout with tests/) writes that one."""
    from pipeline.training.calibrate import calibrate

    data = calibrate(out, drafts=drafts)
    d, h = data["data"], data["held_out"]
    typer.echo(
        f"fitted on {d['office_drafts']} new-office drafts (families {d['office_families']}) + "
        f"{d['generated_drafts']} drafts + {d['tuned_on_documents']} tuned-on documents "
        f"({d['wrong_suggestions']} wrong suggestions); written to {out}"
    )
    typer.echo(
        f"held-out families {h['families']}: {h['documents']} drafts, accuracy {h['accuracy']:.3f}, "
        f"ECE {h['ece']:.3f}, at confidence >= 0.90 {h['confident_accuracy']:.3f} "
        f"({h['confident']}), critical {h['critical']}"
    )


@train_app.command("judge")
def train_judge(
    out: Annotated[Path, typer.Option("--out", help="Model folder to write.")] = MODELS / "judge",
    labels: Annotated[
        list[Path] | None,
        typer.Option(
            "--labels",
            help="Reviewer-labelled documents from `triage export-labels` (the folder or its "
            "corpus.jsonl: accepted, rejected and hand-marked spans) to learn from as well; "
            "repeatable.",
        ),
    ] = None,
    label: Annotated[
        list[str] | None,
        typer.Option(
            "--label",
            help="Retrain only this label's model (PERSON or ADDRESS; repeatable): the "
            "other's model and figures stay as --out holds them. PERSON_SLOT retrains only "
            "the name slots' model (PERSON refits it too).",
        ),
    ] = None,
) -> None:
    """Train the judge that keeps or drops each PERSON/ADDRESS proposal, on the tuned-on
    part of the devsets (data/devset_split.json) with noisy copies, generated drafts with
    exact spans (pipeline/training/judge_drafts.py) and reviewer-labelled documents; write
    model.joblib, metrics.json and its card."""
    from pipeline.detect.judge_slots import SLOT_MODEL
    from pipeline.training.judge import train
    from pipeline.training.judge_data import JUDGED
    from pipeline.training.labelled_set import LabelledSetError, load_labelled

    unknown = sorted(set(label or ()) - {*JUDGED, SLOT_MODEL})
    if unknown:
        typer.echo(
            f"triage train judge: --label {', '.join(unknown)}: not one of {JUDGED}", err=True
        )
        raise typer.Exit(2)
    for path in labels or []:
        try:
            load_labelled(path)
        except (OSError, LabelledSetError) as exc:
            typer.echo(f"triage train judge: --labels {path}: {exc}", err=True)
            raise typer.Exit(2) from exc
    try:
        metrics = train(out, labels=labels or (), log=typer.echo, only=label or JUDGED)
    except LabelledSetError as exc:
        typer.echo(f"triage train judge: {exc}", err=True)
        raise typer.Exit(2) from exc
    for source in metrics["data"]:
        typer.echo(f"{source['path']}: {source['documents']} documents")
    for label, m in metrics["labels"].items():
        s = m["by_threshold"]["0.4"]
        typer.echo(
            f"{label:8} cross-validated at 0.4: P {s['precision']:.3f}  R {s['recall']:.3f} "
            f"({m['proposals']} proposals)"
        )
    typer.echo(f"model and card written to {out}")


@train_app.command("name-chars")
def train_name_chars(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            help="Folder holding peoples_daily_ner/, cluener2020/, resume_ner/, weibo_ner/.",
        ),
    ] = DEFAULT_DATA,
    out: Annotated[Path, typer.Option("--out", help="Model folder to write.")] = MODELS
    / "name_chars",
) -> None:
    """Count the character-level name score (surname-led PER spans of the public NER
    corpora against surname-led windows that are no name) used by the name slots
    (pipeline/detect/name_slots.py); write chars.json and metrics.json."""
    from pipeline.training.name_chars import train

    metrics = train(data, out)
    for name, figures in metrics["evaluation"].items():
        typer.echo(
            f"{name}: {figures['names']} names, {figures['windows']} windows, AUC {figures['auc']:.3f}"
        )
    typer.echo(f"table written to {out}")

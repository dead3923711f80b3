"""How an attribute model does, in the tables the attribute-model notebook plots:
predictions with probabilities, the confusion matrix, calibration (does "0.8" come true
eight times in ten?), the errors worth reading, and promotion of a retrained model.

Predictions are computed on rows made by the real ingest → metadata → detect path
(:func:`pipeline.training.attribute.analyse`), like training's, with the estimator's own
``predict_proba``, so a model trained into a scratch folder is judged before it replaces
``models/attribute``.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.config import MODELS_DIR
from pipeline.decide import ATTRIBUTES
from pipeline.training.documents import Draft

MODEL_DIR = MODELS_DIR / "attribute"
MODEL_FILES = ("model.joblib", "metrics.json", "MODEL_CARD.md")


def part_drafts(part: str) -> list[Draft]:
    """One part of the devset split (``tuned_on`` / ``not_tuned_on``) as drafts whose kind
    is the set they come from; empty when ../shared is absent. The attribute model never
    trains on the devset, but the rules it sits beside were tuned on one part: the two
    are reported apart."""
    from pipeline.training.labelled_set import LabelledSetError, load_part

    try:
        records = load_part(part)
    except LabelledSetError:
        return []
    return [Draft(str(r["text"]), str(r["attribute"]), str(r["set"])) for r in records]


def load(model_dir: Path) -> Any:
    """The fitted scikit-learn pipeline of a model folder."""
    import joblib

    path = Path(model_dir) / "model.joblib"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no model (train one with triage train attribute)")
    return joblib.load(path)


def feature_rows(drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    """The model's input rows for ``drafts`` (the slow part: compute once, predict with
    several models)."""
    from pipeline.training.attribute import analyse

    return analyse(drafts) if drafts else []


def predictions(
    model: Any, drafts: Sequence[Draft], rows: Sequence[dict[str, Any]] | None = None
) -> pd.DataFrame:
    """One row per draft: kind, gold, predicted, confidence, the rules' attribute (what
    ``decide`` says without the model), the probability of each attribute, the opening.
    ``rows``: the drafts' :func:`feature_rows`, when already computed."""
    columns = [
        "kind",
        "gold",
        "predicted",
        "confidence",
        "rules",
        *(f"p_{a}" for a in ATTRIBUTES),
        "opening",
    ]
    if not drafts:
        return pd.DataFrame(columns=columns)
    rows = list(rows) if rows is not None else feature_rows(drafts)
    probabilities = model.predict_proba(rows)
    classes = [str(c) for c in model.classes_]
    out = []
    for draft, row, probs in zip(drafts, rows, probabilities, strict=True):
        by_class = dict(zip(classes, (float(p) for p in probs), strict=True))
        predicted = max(by_class, key=lambda a: by_class[a])
        out.append(
            {
                "kind": draft.kind,
                "gold": draft.attribute,
                "predicted": predicted,
                "confidence": by_class[predicted],
                "rules": row["rules"],
                **{f"p_{a}": by_class.get(a, 0.0) for a in ATTRIBUTES},
                "opening": draft.text[:80].replace("\n", " "),
            }
        )
    return pd.DataFrame(out, columns=columns)


def summary(frame: pd.DataFrame) -> dict[str, float]:
    """Accuracy and macro-F1 of the model, and of the rules alone, on ``frame`` (as the
    model card computes them: :func:`pipeline.training.attribute.scores`)."""
    from pipeline.training.attribute import scores

    if frame.empty:
        return {"documents": 0}
    out: dict[str, float] = {"documents": len(frame)}
    for name, column in (("model", "predicted"), ("rules", "rules")):
        figures = scores(list(frame["gold"]), list(frame[column]))
        out[f"{name}_accuracy"] = figures["accuracy"]
        out[f"{name}_macro_f1"] = figures["macro_f1"]
    return out


def confusion(frame: pd.DataFrame, column: str = "predicted") -> pd.DataFrame:
    """Counts, gold attribute by row, ``column`` (the model's or the rules') by column."""
    table = pd.crosstab(frame["gold"], frame[column])
    return table.reindex(
        index=list(ATTRIBUTES), columns=list(ATTRIBUTES), fill_value=0
    ).rename_axis(index="gold", columns=column)


def calibration(frame: pd.DataFrame, bins: int = 5) -> pd.DataFrame:
    """Reliability per attribute (one against the rest): in each probability bin, the
    mean predicted probability beside the share of drafts that really had the attribute.
    A calibrated model keeps the two close."""
    rows = []
    edges = [i / bins for i in range(bins + 1)]
    for attribute in ATTRIBUTES:
        p = frame[f"p_{attribute}"]
        truth = (frame["gold"] == attribute).astype(float)
        binned = pd.cut(p, edges, include_lowest=True)
        for interval, group in p.groupby(binned, observed=True):
            rows.append(
                {
                    "attribute": attribute,
                    "bin": str(interval),
                    "mean_probability": float(group.mean()),
                    "observed": float(truth[group.index].mean()),
                    "drafts": len(group),
                }
            )
    return pd.DataFrame(
        rows, columns=["attribute", "bin", "mean_probability", "observed", "drafts"]
    )


def calibration_error(frame: pd.DataFrame, bins: int = 5) -> pd.DataFrame:
    """Per attribute: the Brier score and the expected calibration error (the drafts'
    weighted gap between predicted and observed, over the bins of :func:`calibration`)."""
    table = calibration(frame, bins)
    rows = []
    for attribute in ATTRIBUTES:
        truth = (frame["gold"] == attribute).astype(float)
        brier = float(((frame[f"p_{attribute}"] - truth) ** 2).mean()) if len(frame) else 0.0
        part = table[table["attribute"] == attribute]
        weight = part["drafts"].sum()
        ece = (
            float(
                ((part["mean_probability"] - part["observed"]).abs() * part["drafts"]).sum()
                / weight
            )
            if weight
            else 0.0
        )
        rows.append({"attribute": attribute, "brier": brier, "ece": ece})
    return pd.DataFrame(rows).set_index("attribute")


def errors(frame: pd.DataFrame) -> pd.DataFrame:
    """The drafts the model got wrong, the most confident first (those mislead most)."""
    wrong = frame[frame["gold"] != frame["predicted"]]
    return wrong.sort_values("confidence", ascending=False)


def promote(new_dir: Path, target: Path = MODEL_DIR) -> list[str]:
    """Copy a retrained model, its metrics and card over ``target`` (the scan's model).
    Checked first: all three files present and the model loads."""
    missing = [name for name in MODEL_FILES if not (Path(new_dir) / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{new_dir}: missing {', '.join(missing)}")
    load(new_dir)
    target.mkdir(parents=True, exist_ok=True)
    for name in MODEL_FILES:
        shutil.copyfile(Path(new_dir) / name, target / name)
    return [str(target / name) for name in MODEL_FILES]

"""Fit the confidence calibration (``models/attribute/calibration.json``) and measure it.

Calibration data: generated drafts of a seed neither the attribute model nor the
benchmark uses (:data:`CALIBRATION_SEED`), each scored by an attribute model that never
saw its kind (leave-kinds-out cross-fitting, :mod:`pipeline.training.crossfit`), and the
labelled documents the rules were tuned on (``labelled_set.load_part("tuned_on")``: the
devset and half of devset2), each run through ingest → metadata → detect → decide like a
scan, and the fourth hand's border families (:mod:`pipeline.training.new_office_border`),
which the attribute model is never trained on and the rules get wrong at times, so the fit
learns how far to trust a rule when the model or the document's own signals disagree
(:mod:`pipeline.decide_confidence`). Real documents weigh as much as a generated one (:data:`REAL_WEIGHT`): the rules
were tuned on them, so they are right more often than a new office's documents. The documents not tuned on are never used here; ``benchmarks/attribute.py``
measures on them.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.classify.calibration import CALIBRATION_PATH, FEATURES
from pipeline.training.crossfit import FOLDS, crossfit_models
from pipeline.training.documents import Draft, generate
from pipeline.training.new_office import (
    FIT_FAMILIES,
    REPORT_FAMILIES,
    OfficeDraft,
    generate_office,
)
from pipeline.training.new_office_border import generate_border
from pipeline.training.new_office_cases import generate_cases

CALIBRATION_SEED = 7
BENCHMARK_SEED = 8  # held-out drafts of benchmarks/attribute.py: never fitted on
REAL_WEIGHT = 1.0  # the rules were tuned on them: they are right more than new ones
OFFICE_SEED = 21  # the new office's fitting drafts (pipeline/training/new_office.py)
OFFICE_REPORT_SEED = 22  # its held-out families' drafts: reported, never fitted


@dataclass(frozen=True)
class Scored:
    """One document's suggestion against its gold attribute."""

    doc: str
    source: str  # generated, devset, devset2
    gold: str
    attribute: str
    confidence: float
    x: list[float]
    critical: bool  # a secret or exam document suggested for publication

    @property
    def right(self) -> bool:
        return self.gold == self.attribute


def score_texts(
    items: Sequence[tuple[str, str, str, str, bool]], models: Sequence[Any] | None = None
) -> list[Scored]:
    """(doc, source, text, gold attribute, gold has secret content) → Scored, through
    the real path (the text written to a file and ingested, as a scan does); ``models``
    (one per item, None for the model in use) are the cross-fitted attribute models."""
    from pipeline.classify.attribute_model import probabilities
    from pipeline.config import Settings
    from pipeline.decide import decide
    from pipeline.detect import detect
    from pipeline.ingest import ingest_file
    from pipeline.metadata import extract_metadata

    out = []
    settings = Settings()
    with tempfile.TemporaryDirectory() as folder:
        for n, (doc, source, text, gold, secret) in enumerate(items):
            path = Path(folder) / "draft.txt"
            path.write_text(text, encoding="utf-8")
            document, _data, error = ingest_file(path, settings)
            if document is None:
                raise RuntimeError(f"{doc} did not ingest: {error}")
            metadata = extract_metadata(document)
            findings = detect(document)
            model = models[n] if models is not None else None
            probs = probabilities(document.text, metadata, findings, model)
            suggestion = decide(document.text, metadata, findings, probs)
            x = list(suggestion.inputs)
            critical = secret and suggestion.attribute in ("主动公开", "部分公开")
            out.append(
                Scored(doc, source, gold, suggestion.attribute, suggestion.confidence, x, critical)
            )
    return out


def draft_items(drafts: Sequence[Draft], prefix: str) -> list[tuple[str, str, str, str, bool]]:
    secret_kinds = {
        "secret_marked",
        "reserve_plan",
        "exam_paper",
        "exam_notice",
        "conscription_plan",
        "civil_defence",
        "relief_depots",
    }
    return [
        (f"{prefix}{i}", "generated", d.text, d.attribute, d.kind in secret_kinds)
        for i, d in enumerate(drafts)
    ]


OFFICE_SECRET_KINDS = {
    "marked_secret",
    "exam_material",
    "reserve_depot",
    "exam_content",  # the third hand's (pipeline/training/new_office_casefiles.py)
    "defence_secret",
}


def office_items(
    drafts: Sequence[OfficeDraft], source: str
) -> list[tuple[str, str, str, str, bool]]:
    """The new office's drafts as scoring items (``source`` names the group)."""
    return [
        (f"{source}{i}", source, d.text, d.attribute, d.kind in OFFICE_SECRET_KINDS)
        for i, d in enumerate(drafts)
    ]


def _reset_calibrator(out: Path, weights: dict[str, float]) -> None:
    """Write the fitted weights now, so the held-out report is scored with them."""
    from pipeline.classify.calibration import reload_calibrator

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"weights": weights}, ensure_ascii=False) + "\n", encoding="utf-8")
    reload_calibrator()


def held_out_report(rows: Sequence[Scored], confident: float = 0.90) -> dict[str, Any]:
    """Accuracy, ECE and the confident band's accuracy over the held-out families."""
    band = [r for r in rows if r.confidence >= confident]
    return {
        "families": list(REPORT_FAMILIES),
        "documents": len(rows),
        "seed": OFFICE_REPORT_SEED,
        "accuracy": round(sum(r.right for r in rows) / max(1, len(rows)), 4),
        "ece": round(expected_calibration_error(rows), 4),
        "confident": len(band),
        "confident_accuracy": round(sum(r.right for r in band) / max(1, len(band)), 4),
        "critical": sum(r.critical for r in rows),
        "reliability": [
            {
                "bin": f"[{lo:.1f}, {hi:.1f})",
                "n": len(members),
                "mean_confidence": round(sum(r.confidence for r in members) / len(members), 3),
                "accuracy": round(sum(r.right for r in members) / len(members), 3),
            }
            for lo, hi, members in reliability(rows)
            if members
        ],
    }


def labelled_items(records: Sequence[dict[str, Any]]) -> list[tuple[str, str, str, str, bool]]:
    return [
        (
            r["id"],
            r["set"],
            r["text"],
            r["attribute"],
            any(s["label"] in ("SECRET_MARK", "STATE_SECRET") for s in r.get("spans", []))
            and r["attribute"] == "不予公开",
        )
        for r in records
    ]


def fit(rows: Sequence[Scored]) -> dict[str, float]:
    """Logistic-regression weights over FEATURES (P(right)), real documents weighted."""
    from sklearn.linear_model import LogisticRegression

    X = [row.x for row in rows]
    y = [int(row.right) for row in rows]
    weights = [REAL_WEIGHT if row.source in ("devset", "devset2") else 1.0 for row in rows]
    if len(set(y)) < 2:
        raise ValueError("calibration data holds only right (or only wrong) suggestions")
    model = LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000)
    model.fit(X, y, sample_weight=weights)
    return {name: round(float(w), 6) for name, w in zip(FEATURES, model.coef_[0], strict=True)}


def calibrate(
    out: Path = CALIBRATION_PATH,
    drafts: int = 120,
    office_drafts: int = 460,
    report: int = 230,
    hands: Sequence[tuple[str, str, str, str, bool]] = (),
    hands_about: str = "",
) -> dict[str, Any]:
    """Fit on the new office's fitting families (:data:`FIT_FAMILIES`, scored by the model
    in use: it is trained on :data:`TRAIN_FAMILIES` only), held-out drafts of the first
    generator (cross-fitted), the tuned-on labelled documents and ``hands`` — scoring items
    of other writers' drafts (source "hand"; ``hands_about`` says whose and which seeds:
    ``scripts/calibrate_hands.py`` passes the evaluation hands' fitting seeds, never a
    benchmark's); report on the new office's held-out families; write ``out``."""
    from pipeline.training.labelled_set import load_part

    generated = generate(drafts, seed=CALIBRATION_SEED)
    office = generate_office(office_drafts, FIT_FAMILIES, seed=OFFICE_SEED)
    third = generate_cases(office_drafts // 2, FIT_FAMILIES, seed=OFFICE_SEED)
    border = generate_border(office_drafts, FIT_FAMILIES, seed=OFFICE_SEED)
    items = (
        draft_items(generated, "cal")
        + office_items([*office, *third], "office")
        + office_items(border, "border")
        + list(hands)
    )
    real = labelled_items(load_part("tuned_on"))
    models = [*crossfit_models(generated), *([None] * (len(items) - len(generated) + len(real)))]
    rows = score_texts(items + real, models)
    weights = fit(rows)
    _reset_calibrator(out, weights)
    held = score_texts(
        office_items(
            [
                *generate_office(report, REPORT_FAMILIES, seed=OFFICE_REPORT_SEED),
                *generate_cases(report // 2, REPORT_FAMILIES, seed=OFFICE_REPORT_SEED),
                *generate_border(report, REPORT_FAMILIES, seed=OFFICE_REPORT_SEED),
            ],
            "held",
        )
    )
    data = {
        "about": "P(suggested attribute is right): pipeline/classify/calibration.py; "
        "fitted by pipeline/training/calibrate.py",
        "weights": weights,
        "data": {
            "generated_drafts": drafts,
            "generated_seed": CALIBRATION_SEED,
            "office_drafts": office_drafts,
            "third_hand_drafts": office_drafts // 2,
            "border_drafts": office_drafts,
            "border_wrong": sum(1 for r in rows if r.source == "border" and not r.right),
            "office_families": list(FIT_FAMILIES),
            "office_seed": OFFICE_SEED,
            "office_wrong": sum(1 for r in rows if r.source == "office" and not r.right),
            "tuned_on_documents": sum(1 for r in rows if r.source in ("devset", "devset2")),
            "real_weight": REAL_WEIGHT,
            "crossfit_folds": FOLDS,
            "wrong_suggestions": sum(1 for r in rows if not r.right),
            "hand_drafts": len(hands),
            "hand_wrong": sum(1 for r in rows if r.source == "hand" and not r.right),
            "hands": hands_about,
        },
        "held_out": held_out_report(held),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _card_section(out.parent / "MODEL_CARD.md", data, rows)
    return data


def _card_section(card: Path, data: dict[str, Any], rows: Sequence[Scored]) -> None:
    """Replace the model card's "## Calibration" section (appended when absent)."""
    if not card.is_file():
        return
    text = card.read_text(encoding="utf-8").split("\n## Calibration\n")[0].rstrip("\n")
    d = data["data"]
    h = data["held_out"]
    section = f"""

## Calibration
`confidence` is P(the suggested attribute is right): a logistic regression over which rule
decided, the model's probability for the suggestion, its agreement and margin, the
drafter's marking, and the document's signals against the suggestion (the model questioning
a soft rule, one party vs publication, a 第十六条 cue, a private detail; `pipeline/decide_confidence.py`)
(`pipeline/classify/calibration.py`; weights in `calibration.json`).
Fitted by {_fitter(d)} on suggestions the rules and the model were not
written on: {d["office_drafts"]} drafts of the "new office" generator's families
{d["office_families"]} (`pipeline/training/new_office.py`, written apart from the first
generator; the model is trained on its family 0 only), {d.get("third_hand_drafts", 0)} drafts of the
third hand's families {d["office_families"]} (`pipeline/training/new_office_cases.py`,
`new_office_casefiles.py`: every part of a kind drawn apart), {d["generated_drafts"]} drafts of
the first generator (seed {d["generated_seed"]}, each scored by a model that never saw its kind) and the
{d["tuned_on_documents"]} tuned-on labelled documents (`data/devset_split.json`), and {d.get("border_drafts", 0)} drafts of the
fourth hand's border families {d["office_families"]} (`pipeline/training/new_office_border.py`: 报告 sent up
or published, 纪要 of decisions or of an argument, replies to one complainant or to a
代表建议, 征收补偿决定, letters between offices, with titles lost, split or letter-spaced;
the attribute model is never trained on any of its families, so it meets them as it meets
a new office's). {d["wrong_suggestions"]} of these suggestions were wrong ({d["office_wrong"]} of the new office's,
{d.get("border_wrong", 0)} of the fourth hand's){_hands_line(d)}: the calibration learns what a rule is worth when the model
disagrees or the document's own signals conflict (`pipeline/decide_confidence.py`).

Held out — the new office's, the third and the fourth hand's families {h["families"]}, {h["documents"]} drafts (seed {h["seed"]}), never fitted on:
accuracy {h["accuracy"]:.3f}, ECE {h["ece"]:.3f}, accuracy at confidence >= 0.90
{h["confident_accuracy"]:.3f} ({h["confident"]} suggestions), critical errors {h["critical"]}.
Reliability on them (bin: n, mean confidence, accuracy):
{chr(10).join(f"- {b['bin']}: {b['n']}, {b['mean_confidence']:.3f}, {b['accuracy']:.3f}" for b in h.get("reliability", []))}

The devset2 documents not tuned on are the real measure (`benchmarks/attribute.py`).
Caps, each saying why in the reasons: the model sure (≥ 0.70) of another attribute than a
non-第十四条 rule, or a one-party document suggested for publication (and a proactive kind
kept to its party), 0.80; a 第十六条 cue (讨论稿, 仅供…, 请勿外传, 未定稿 …) in a document
suggested for release, or a home address/ID in a 主动公开 suggestion, 0.70.
A suggestion to publish a document that carries a trace of a critical rule (a 密级 word
by a star, exam material named with a before-use word) is capped at 0.50 and says why; a
drafter's marking that disagrees caps it at 0.60.
"""
    card.write_text(text + section, encoding="utf-8")


def _fitter(d: dict[str, Any]) -> str:
    """Which command wrote the calibration: the evaluation hands come from tests/."""
    if d.get("hand_drafts"):
        return "`scripts/calibrate_hands.py` (`triage train calibration` plus the evaluation hands)"
    return "`triage train calibration`"


def _hands_line(d: dict[str, Any]) -> str:
    """The card's words for the evaluation hands' drafts fitted on, when there are any."""
    if not d.get("hand_drafts"):
        return ""
    return (
        f"; and {d['hand_drafts']} drafts of {d.get('hands', 'other hands')} "
        f"({d.get('hand_wrong', 0)} wrong)"
    )


def expected_calibration_error(rows: Sequence[Scored], bins: int = 10) -> float:
    """ECE: the confidence-weighted gap between confidence and accuracy over equal-width bins."""
    total = len(rows)
    if not total:
        return 0.0
    error = 0.0
    for _lo, _hi, members in reliability(rows, bins):
        if members:
            accuracy = sum(r.right for r in members) / len(members)
            mean = sum(r.confidence for r in members) / len(members)
            error += len(members) / total * abs(accuracy - mean)
    return error


def reliability(rows: Sequence[Scored], bins: int = 10) -> list[tuple[float, float, list[Scored]]]:
    """(low, high, the rows whose confidence falls in [low, high)) per bin; 1.0 in the last."""
    edges = [i / bins for i in range(bins + 1)]
    out = []
    for i in range(bins):
        lo, hi = edges[i], edges[i + 1]
        members = [
            r for r in rows if lo <= r.confidence < hi or (i == bins - 1 and r.confidence >= hi)
        ]
        out.append((lo, hi, members))
    return out

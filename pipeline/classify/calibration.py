"""Confidence that means probability: P(the suggested attribute is right).

The rules decide the attribute; how often a rule's answer is right depends on which rule
answered (a 密级 marking is never wrong, a policy-looking document with one private
phone often is), on whether the attribute model agrees and how strongly, and on the
drafter's 附注 marking. A logistic regression over exactly these few inputs, fitted on
documents the rules were not written from (held-out generated drafts) and on the tuned-on
labelled documents (``pipeline/training/calibrate.py``), turns them into a probability.
The weights are a small JSON file beside the attribute model
(``models/attribute/calibration.json``), applied here without scikit-learn.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.config import MODELS_DIR

CALIBRATION_PATH = MODELS_DIR / "attribute" / "calibration.json"
# The deciding steps of pipeline.decide (Suggestion.rule), in the order they are tried.
RULES = (
    "secret_mark",
    "state_secret",
    "work_secret",
    "case_or_internal",
    "process",
    "one_party",
    "served_on_party",
    "list_private",
    "partial",
    "public",
)
# Steps a model never overrules and that follow a marking or the document's own kind.
HARD = ("secret_mark", "state_secret", "work_secret", "case_or_internal")
# Signals of the document that contradict the suggestion (pipeline/decide_confidence.py).
CONFLICTS = ("model", "party", "process", "private")
FEATURES = (
    "bias",
    "model_p",
    "model_agrees",
    "model_margin",
    "marking_agrees",
    "marking_disagrees",
    *(f"rule={rule}" for rule in RULES),
    "soft_disagrees",  # a step the model may question, and it does: the path "rule ≠ model"
    *(f"conflict={name}" for name in CONFLICTS),
    "conflicts",  # how many at once
)


def features(
    rule: str,
    attribute: str,
    probabilities: dict[str, float] | None,
    marking: int,
    conflicts: Sequence[str] = (),
) -> list[float]:
    """The calibration inputs of one suggestion; ``marking`` is +1 when the drafter's
    附注 agrees, -1 when it disagrees, 0 when there is none; ``conflicts`` names the
    document's signals against the suggestion (:data:`CONFLICTS`)."""
    if probabilities:
        p = probabilities.get(attribute, 0.0)
        best = max(probabilities.values())
        agrees = 1.0 if p >= best else 0.0
        margin = p - max((v for k, v in probabilities.items() if k != attribute), default=0.0)
    else:
        p, agrees, margin = 0.5, 0.5, 0.0
    return [
        1.0,
        p,
        agrees,
        margin,
        1.0 if marking > 0 else 0.0,
        1.0 if marking < 0 else 0.0,
        *(1.0 if rule == r else 0.0 for r in RULES),
        1.0 if rule not in HARD and probabilities and not agrees else 0.0,
        *(1.0 if name in conflicts else 0.0 for name in CONFLICTS),
        float(len(set(conflicts))),
    ]


class Calibrator:
    """Weights over :data:`FEATURES`; :meth:`probability` is the logistic of their sum."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = [float(weights.get(name, 0.0)) for name in FEATURES]

    def probability(self, x: list[float]) -> float:
        z = sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_calibrator(path: Path = CALIBRATION_PATH) -> Calibrator | None:
    """The fitted calibrator, or None when no calibration file is present (the rules'
    fixed confidences are used then)."""
    return _load(path)


def reload_calibrator() -> None:
    """Forget the loaded calibration: a refit (``triage train calibration``) was written."""
    _load.cache_clear()


@lru_cache(maxsize=4)
def _load(path: Path) -> Calibrator | None:
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Calibrator(data["weights"])

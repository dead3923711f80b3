"""Attribute models that never saw a calibration draft's kind: honest calibration inputs.

The confidence (:mod:`pipeline.classify.calibration`) is fitted on generated drafts. Had
the attribute model been trained on drafts of the same kinds and templates, its
probability for a calibration draft would be that of a familiar document, and the
calibration would learn to trust it as it cannot trust a new office's wording. So the
calibration drafts' kinds are dealt into :data:`FOLDS` groups, and each group is scored
by a model trained on the training drafts of the *other* groups' kinds only (leave-kinds-
out cross-fitting): every calibration draft is seen as an unfamiliar kind is. Real
documents are scored by the model in use (it is never trained on them).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from pipeline.training.documents import Draft, generate

FOLDS = 4
TRAIN_COUNT = 700  # training drafts per cross-fitting round (the real model uses 1700)


def kind_folds(kinds: Sequence[str], folds: int = FOLDS, seed: int = 0) -> dict[str, int]:
    """Kind → fold, the kinds shuffled by ``seed`` and dealt round-robin."""
    order = sorted(set(kinds))
    random.Random(seed).shuffle(order)
    return {kind: i % folds for i, kind in enumerate(order)}


def crossfit_models(
    drafts: Sequence[Draft], train_count: int = TRAIN_COUNT, seed: int = 5
) -> list[Any]:
    """One model per calibration draft (same order), trained without that draft's kind
    and the kinds of its fold."""
    from pipeline.training.attribute import analyse, build_pipeline

    folds = kind_folds([d.kind for d in drafts])
    train_rows = analyse(generate(train_count, seed=seed))
    models: dict[int, Any] = {}
    for fold in sorted(set(folds.values())):
        held = {kind for kind, f in folds.items() if f == fold}
        rows = [row for row in train_rows if row["kind"] not in held]
        models[fold] = build_pipeline().fit(rows, [row["attribute"] for row in rows])
    return [models[folds[d.kind]] for d in drafts]

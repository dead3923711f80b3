"""The name slots' model: the judge's second opinion on the names prose's slots proposed.

The PERSON model (:mod:`pipeline.detect.judge`) leaves the slots' sources out, as it does
the layout's, so every name it kept is still kept; ``PERSON_SLOT`` (trained beside it by
``triage train judge``, card in ``models/judge``) weighs only the proposals a slot made
(:mod:`pipeline.detect.name_slots`), with the slots' sources and the name score.
"""

from __future__ import annotations

from typing import Any

from pipeline.detect.judge_features import names_ruled_private, person_features
from pipeline.detect.name_slots import SLOT_SOURCES
from pipeline.detect.proposals import Proposal

# The slot model (``PERSON_SLOT`` beside ``PERSON`` in the judge's file): it weighs only the
# proposals a name slot made (:mod:`pipeline.detect.name_slots`), with the slots' sources and
# the name score; such a proposal is kept on the better of the two probabilities, so every
# name the PERSON model keeps is still kept.
SLOT_MODEL = "PERSON_SLOT"


def slot_featurise(proposals: list[Proposal], text: str) -> list[list[str] | None]:
    """The slot model's features of each proposal a slot made, None for the others."""
    rule_private = names_ruled_private(proposals)
    return [
        person_features(p, text, rule_private, slots=True)
        if any(s in SLOT_SOURCES for s in p.sources)
        else None
        for p in proposals
    ]


def slot_only(p: Proposal) -> bool:
    """Only name slots proposed it: the PERSON model has nothing to weigh."""
    return p.label == "PERSON" and bool(p.sources) and set(p.sources) <= set(SLOT_SOURCES)


def with_slots(model: Any, proposals: list[Proposal], text: str, probabilities: Any) -> Any:
    """The slot model's probability for a proposal only slots made, the better of the two
    for one other sources made too; without a slot model (``model`` None) a proposal only
    slots made is dropped (probability 0)."""
    features = slot_featurise(proposals, text)
    rows = [i for i, f in enumerate(features) if f is not None]
    if model is None:
        for i in rows:
            if slot_only(proposals[i]):
                probabilities[i] = 0.0
    elif rows:
        slot = model.predict_proba([dict.fromkeys(features[i] or (), 1) for i in rows])[:, 1]
        for i, prob in zip(rows, slot, strict=True):
            before = 0.0 if slot_only(proposals[i]) else float(probabilities[i])
            probabilities[i] = max(before, float(prob))
    return probabilities

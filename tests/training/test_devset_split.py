"""The committed split of the labelled documents: tuned-on and not-tuned-on are disjoint,
together cover devset and devset2, and the blind half looks like the other half."""

from __future__ import annotations

from collections import Counter

from pipeline.training.labelled_set import load_labelled, load_part, split_ids
from tests.conftest import DEVSET, need

DEVSET2 = DEVSET.parent / "devset2"


def test_parts_are_disjoint_and_cover_both_sets() -> None:
    need(DEVSET2 / "corpus.jsonl")
    tuned, blind = split_ids("tuned_on"), split_ids("not_tuned_on")
    assert "devset" not in blind  # tuned on since the project began
    assert not set(tuned["devset2"]) & set(blind["devset2"])
    every = {r["id"] for r in load_labelled(DEVSET2)}
    assert set(tuned["devset2"]) | set(blind["devset2"]) == every
    assert set(tuned["devset"]) == {r["id"] for r in load_labelled(DEVSET)}


def test_blind_half_has_every_attribute_in_proportion() -> None:
    need(DEVSET2 / "corpus.jsonl")
    tuned = Counter(r["attribute"] for r in load_part("tuned_on") if r["set"] == "devset2")
    blind = Counter(r["attribute"] for r in load_part("not_tuned_on"))
    assert set(tuned) == set(blind)
    assert all(abs(tuned[a] - blind[a]) <= 1 for a in blind)

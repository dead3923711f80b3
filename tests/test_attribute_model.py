"""The attribute model: committed, loadable, trained end to end on generated drafts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pipeline.classify.attribute_model import load_model, probabilities
from pipeline.decide import ATTRIBUTES
from pipeline.detect import detect
from pipeline.metadata import extract_metadata
from pipeline.training.attribute import train
from pipeline.training.documents import BUILDERS as FIRST_BUILDERS
from pipeline.training.documents import generate
from pipeline.training.more_documents import MORE_BUILDERS

BUILDERS = {**FIRST_BUILDERS, **MORE_BUILDERS}


def test_generator_covers_every_kind_and_attribute() -> None:
    drafts = generate(len(BUILDERS) * 2)
    assert {d.kind for d in drafts} == set(BUILDERS)
    assert set(Counter(d.attribute for d in drafts)) == set(ATTRIBUTES)
    assert generate(5, seed=3) == generate(5, seed=3)  # reproducible


def test_committed_model_gives_probabilities() -> None:
    assert load_model() is not None, "models/attribute/model.joblib is missing"
    text = "机密★5年\n韶关市人民政府关于做好防汛工作的通知\n各单位：\n　　请做好防汛准备。\n"
    probs = probabilities(text, extract_metadata(text), detect(text))
    assert probs is not None and set(probs) == set(ATTRIBUTES)
    assert abs(sum(probs.values()) - 1.0) < 1e-6
    assert max(probs, key=lambda a: probs[a]) == "不予公开"


def test_training_writes_model_and_card(tmp_path: Path) -> None:
    metrics = train(tmp_path, count=len(BUILDERS) * 4)
    card = (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert metrics["data"]["hash"] in card
    assert 0.0 <= metrics["model_on_test"]["accuracy"] <= 1.0
    assert load_model(tmp_path / "model.joblib") is not None

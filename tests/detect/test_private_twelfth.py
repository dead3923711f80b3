"""The twelfth evaluation generator (tests/fixtures/private_twelfth.py) writes what it says:
every gold span is the text it marks, private kinds hold the labels they name, look-alikes
hold none, and a seed gives the same drafts twice."""

from __future__ import annotations

from tests.fixtures.private_twelfth import PRIVATE_KINDS, twelfth_drafts
from tests.fixtures.private_twelfth_public import PUBLIC_KINDS


def test_spans_mark_their_text_and_kinds_hold_their_labels() -> None:
    drafts = twelfth_drafts(6, 7)
    assert {d["kind"] for d in drafts} == set(PRIVATE_KINDS) | set(PUBLIC_KINDS)
    labels: dict[str, set[str]] = {}
    for d in drafts:
        for s in d["spans"]:
            assert d["text"][s["start"] : s["end"]] == s["text"]
            assert s["text"].strip() == s["text"]
        labels.setdefault(d["kind"], set()).update(s["label"] for s in d["spans"])
    for kind in PUBLIC_KINDS:
        assert labels[kind] == set()
    assert {"PERSON", "ADDRESS", "ID_CARD", "PHONE"} <= labels["penalty_person"]
    assert "BANK_CARD" in labels["relief_households"]


def test_a_seed_writes_the_same_drafts() -> None:
    assert twelfth_drafts(2, 11) == twelfth_drafts(2, 11)
    assert twelfth_drafts(2, 11) != twelfth_drafts(2, 12)

"""The fourteenth evaluation generator (tests/fixtures/private_fourteenth*.py) writes what it
says: every gold span is the text it marks with its role, the kinds hold the labels they
name, masked names and nicknames are never spans, the 任前公示 carries ``public_persons``,
look-alikes hold none, a seed repeats."""

from __future__ import annotations

from tests.fixtures.private_fourteenth import PRIVATE_KINDS, fourteenth_drafts
from tests.fixtures.private_fourteenth_more import MORE_KINDS
from tests.fixtures.private_fourteenth_public import LIST_KINDS, PUBLIC_KINDS


def test_spans_mark_their_text_and_kinds_hold_their_labels() -> None:
    drafts = fourteenth_drafts(6, 7)
    kinds = set(PRIVATE_KINDS) | set(MORE_KINDS) | set(LIST_KINDS) | set(PUBLIC_KINDS)
    assert {d["kind"] for d in drafts} == kinds
    labels: dict[str, set[str]] = {}
    for d in drafts:
        assert d.get("public_persons", False) is (d["kind"] in LIST_KINDS)
        for s in d["spans"]:
            assert d["text"][s["start"] : s["end"]] == s["text"]
            assert s["text"].strip() == s["text"]
            assert "某" not in s["text"]
            assert s["role"] == ("public" if d.get("public_persons") else "private")
        labels.setdefault(d["kind"], set()).update(s["label"] for s in d["spans"])
    for kind in ("deputy_reply", "policy_notice"):
        assert labels[kind] == set()
    assert labels["meeting_minutes"] == {"PERSON"}
    assert {"PERSON", "ID_CARD", "PHONE", "BANK_CARD", "ADDRESS"} <= labels["expropriation_file"]


def test_a_seed_writes_the_same_drafts() -> None:
    assert fourteenth_drafts(2, 11) == fourteenth_drafts(2, 11)
    assert fourteenth_drafts(2, 11) != fourteenth_drafts(2, 12)

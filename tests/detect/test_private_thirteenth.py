"""The thirteenth evaluation generator (tests/fixtures/private_thirteenth*.py) writes what it
says: every gold span is the text it marks with its role, private kinds hold the labels they
name, public lists carry ``public_persons``, look-alikes hold none, a seed repeats."""

from __future__ import annotations

from tests.fixtures.private_thirteenth import PRIVATE_KINDS, thirteenth_drafts
from tests.fixtures.private_thirteenth_more import MORE_KINDS
from tests.fixtures.private_thirteenth_public import LIST_KINDS, PUBLIC_KINDS


def test_spans_mark_their_text_and_kinds_hold_their_labels() -> None:
    drafts = thirteenth_drafts(6, 7)
    kinds = set(PRIVATE_KINDS) | set(MORE_KINDS) | set(LIST_KINDS) | set(PUBLIC_KINDS)
    assert {d["kind"] for d in drafts} == kinds
    labels: dict[str, set[str]] = {}
    for d in drafts:
        assert d.get("public_persons", False) is (d["kind"] in LIST_KINDS)
        for s in d["spans"]:
            assert d["text"][s["start"] : s["end"]] == s["text"]
            assert s["text"].strip() == s["text"]
            assert s["role"] == (
                "public" if s["label"] == "PERSON" and d.get("public_persons") else "private"
            )
        labels.setdefault(d["kind"], set()).update(s["label"] for s in d["spans"])
    for kind in PUBLIC_KINDS:
        assert labels[kind] == set()
    assert {"PERSON", "ADDRESS", "ID_CARD", "PHONE"} <= labels["inquiry_record"]
    assert {"PERSON", "ADDRESS"} <= labels["village_subsidy"]


def test_a_seed_writes_the_same_drafts() -> None:
    assert thirteenth_drafts(2, 11) == thirteenth_drafts(2, 11)
    assert thirteenth_drafts(2, 11) != thirteenth_drafts(2, 12)

"""The sixteenth evaluation generator (tests/fixtures/private_sixteenth*.py) writes what it
says: every gold span is the text it marks, names on a published list are public while
that list's numbers, cards and homes stay private, officers and masked names are never
spans, every gold home reaches its door, look-alikes hold none, a seed repeats."""

from __future__ import annotations

import re

from tests.fixtures.private_sixteenth import PRIVATE_KINDS, sixteenth_drafts
from tests.fixtures.private_sixteenth_more import LIST_KINDS, MORE_KINDS
from tests.fixtures.private_sixteenth_public import PUBLIC_KINDS


def test_spans_mark_their_text_and_kinds_hold_their_labels() -> None:
    drafts = sixteenth_drafts(6, 7)
    kinds = set(PRIVATE_KINDS) | set(MORE_KINDS) | set(LIST_KINDS) | set(PUBLIC_KINDS)
    assert {d["kind"] for d in drafts} == kinds
    labels: dict[str, set[str]] = {}
    for d in drafts:
        listed = d["kind"] in LIST_KINDS
        assert d.get("public_persons", False) is listed
        for s in d["spans"]:
            assert d["text"][s["start"] : s["end"]] == s["text"]
            assert s["text"].strip() == s["text"]
            assert "某" not in s["text"]
            public = listed and s["label"] == "PERSON"
            assert s["role"] == ("public" if public else "private")
            if s["label"] == "ADDRESS":  # spec/labels.md: a home down to its door
                assert re.search(r"[0-9](?:号|室)$", s["text"].replace("\n", "")), s["text"]
        labels.setdefault(d["kind"], set()).update(s["label"] for s in d["spans"])
    for kind in PUBLIC_KINDS:
        assert labels[kind] == set()
    assert {"PERSON", "ID_CARD", "ADDRESS", "PHONE", "LICENSE_PLATE"} <= labels["accident_finding"]
    assert {"PERSON", "ID_CARD", "BANK_CARD"} <= labels["wage_arrears"]
    assert labels["admission_list"] == {"PERSON"}


def test_a_seed_writes_the_same_drafts() -> None:
    assert sixteenth_drafts(2, 11) == sixteenth_drafts(2, 11)
    assert sixteenth_drafts(2, 11) != sixteenth_drafts(2, 12)

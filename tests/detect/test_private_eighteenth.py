"""The eighteenth evaluation generator (tests/fixtures/private_eighteenth*.py) writes what it
says: every gold span is the text it marks, names on a published list are public while
that list's IDs and cards stay private, officials and masked IDs are never spans,
look-alikes hold none, its noise is there (compound surnames, dotted and padded names,
spaced mobiles, extensions), a seed repeats."""

from __future__ import annotations

from tests.fixtures.private_eighteenth import PRIVATE_KINDS, eighteenth_drafts
from tests.fixtures.private_eighteenth_more import MORE_KINDS
from tests.fixtures.private_eighteenth_public import LIST_KINDS, PUBLIC_KINDS


def test_spans_mark_their_text_and_kinds_hold_their_labels() -> None:
    drafts = eighteenth_drafts(6, 7)
    kinds = set(PRIVATE_KINDS) | set(MORE_KINDS) | set(LIST_KINDS) | set(PUBLIC_KINDS)
    assert {d["kind"] for d in drafts} == kinds
    labels: dict[str, set[str]] = {}
    for d in drafts:
        listed = d["kind"] in LIST_KINDS
        assert d.get("public_persons", False) is listed
        for s in d["spans"]:
            assert d["text"][s["start"] : s["end"]] == s["text"]
            assert "*" not in s["text"]
            public = listed and s["label"] == "PERSON"
            assert s["role"] == ("public" if public else "private")
        labels.setdefault(d["kind"], set()).update(s["label"] for s in d["spans"])
    for kind in PUBLIC_KINDS:
        assert labels[kind] == set()
    assert labels["dishonest_debtors"] == {"PERSON"}
    assert {"PERSON", "ID_CARD", "BANK_CARD"} <= labels["funeral_rows"]


def test_its_noise_is_written() -> None:
    drafts = eighteenth_drafts(10, 3)
    names = [s["text"] for d in drafts for s in d["spans"] if s["label"] == "PERSON"]
    phones = [s["text"] for d in drafts for s in d["spans"] if s["label"] == "PHONE"]
    assert any(
        n.startswith(("欧阳", "司马", "上官", "诸葛", "端木", "呼延", "令狐")) for n in names
    )
    assert any("·" in n for n in names)
    assert any("\u3000" in n for n in names)
    assert any(" " in p for p in phones)
    assert any(p.startswith("0") for p in phones)  # a party's landline
    assert any("转" in d["text"] for d in drafts)  # offices' landlines with an extension


def test_a_seed_writes_the_same_drafts() -> None:
    assert eighteenth_drafts(2, 11) == eighteenth_drafts(2, 11)
    assert eighteenth_drafts(2, 11) != eighteenth_drafts(2, 12)

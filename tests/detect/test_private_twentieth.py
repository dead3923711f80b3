"""The twentieth evaluation generator (tests/fixtures/private_twentieth*.py) writes what it
says: every gold span is the text it marks, published lists are marked, look-alikes hold no
span, IDs and cards pass their checks, its noise is there, a seed repeats."""

from __future__ import annotations

from tests.detect.private_hand_checks import checked_labels
from tests.fixtures.private_twentieth import PRIVATE_KINDS, twentieth_drafts
from tests.fixtures.private_twentieth_extra import LIST_KINDS, PUBLIC_KINDS
from tests.fixtures.private_twentieth_more import MORE_KINDS


def test_spans_mark_their_text_and_kinds_hold_their_labels() -> None:
    drafts = twentieth_drafts(6, 7)
    kinds = set(PRIVATE_KINDS) | set(MORE_KINDS) | set(LIST_KINDS) | set(PUBLIC_KINDS)
    labels = checked_labels(drafts, kinds, LIST_KINDS, PUBLIC_KINDS)
    assert labels["court_notice"] == {"PERSON"}  # parties named, nothing else


def test_its_noise_is_written() -> None:
    drafts = twentieth_drafts(10, 3)
    spans = [s for d in drafts for s in d["spans"]]
    homes = [s["text"] for s in spans if s["label"] == "ADDRESS"]
    assert any("单元" in h for h in homes) and any("弄" in h for h in homes)
    assert any("屯" in h for h in homes) and any("巷" in h for h in homes)
    assert any(("队" in h or "社" in h) and h.endswith("号") for h in homes)
    assert any(" " in s["text"] for s in spans if s["label"] == "PHONE")
    assert any(s["text"].endswith(("先生", "女士")) for s in spans if s["label"] == "PERSON")
    assert any("\n" in s["text"] for s in spans)  # wrapped inside a value
    assert any("\t" in d["text"] for d in drafts)


def test_a_seed_writes_the_same_drafts() -> None:
    assert twentieth_drafts(2, 11) == twentieth_drafts(2, 11)
    assert twentieth_drafts(2, 11) != twentieth_drafts(2, 12)

"""The thirteenth clause wording (tests/fixtures/clause_thirteenth*.py) writes what it says:
every gold span is the text it marks, secret kinds hold gold, look-alikes hold none, there
are at least as many look-alike kinds as secret ones, and a seed gives the same drafts twice."""

from __future__ import annotations

from tests.fixtures.clause_fourteenth import fourteenth_documents, lookalike


def test_spans_mark_their_text_and_lookalikes_hold_none() -> None:
    drafts = fourteenth_documents(13, 3, "thirteenth")
    kinds: dict[str, set[str]] = {}
    for d in drafts:
        for s in d["spans"]:
            assert d["text"][s["start"] : s["end"]] == s["text"]
            assert s["text"].strip() == s["text"] != ""
        kinds.setdefault(d["kind"], set()).update(s["label"] for s in d["spans"])
    public = {k for k in kinds if lookalike(k)}
    assert all(kinds[k] == set() for k in public)
    assert all(kinds[k] for k in set(kinds) - public)
    assert len(public) >= len(set(kinds) - public)
    assert {"STATE_SECRET", "INTERNAL", "TRADE_SECRET"} == set().union(*kinds.values())


def test_a_seed_writes_the_same_drafts() -> None:
    assert fourteenth_documents(2, 2, "thirteenth") == fourteenth_documents(2, 2, "thirteenth")
    assert fourteenth_documents(2, 2, "thirteenth") != fourteenth_documents(3, 2, "thirteenth")

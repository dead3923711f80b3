"""The prose drafts (pipeline/training/judge_drafts_prose.py): exact spans, names joined by
与/和/及/、 and before 夫妇/等人, officials, anonymised parties and look-alikes unmarked."""

from __future__ import annotations

from pipeline.training.judge import PROSE_GENERATED
from pipeline.training.judge_drafts_prose import DECOYS, prose_drafts

DRAFTS = prose_drafts(PROSE_GENERATED)  # as many as the judge is trained on


def test_every_span_gives_its_text() -> None:
    for record in DRAFTS:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"], record["id"]
            assert span["label"] == "PERSON"


def test_names_stand_in_prose_slots() -> None:
    texts = [r["text"] for r in DRAFTS]
    names = [s["text"] for r in DRAFTS for s in r["spans"]]
    joined = "".join(texts)
    for joiner in ("与", "和", "及", "、"):
        assert any(f"{n}{joiner}" in joined for n in names), joiner
    assert any(f"{n}夫妇" in joined or f"{n}夫妻" in joined for n in names)
    assert any("\u3000" in n for n in names), "names padded with a full-width space"
    assert any("·" in n for n in names), "minority names with a middle dot"


def test_look_alikes_and_anonymised_parties_are_no_spans() -> None:
    for record in DRAFTS:
        for decoy in DECOYS:
            pos = record["text"].find(decoy)
            if pos >= 0:
                assert not any(
                    s["start"] < pos + len(decoy) and pos < s["end"] for s in record["spans"]
                ), (record["id"], decoy)
    assert any(d in r["text"] for r in DRAFTS for d in DECOYS)
    assert prose_drafts(3) == prose_drafts(3)  # seeded: a training run is reproducible

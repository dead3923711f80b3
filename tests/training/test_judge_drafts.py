"""The judge's generated drafts: exact spans, the shapes issue 19 lists, officials unmarked."""

from __future__ import annotations

import re

from pipeline.training.judge import GENERATED
from pipeline.training.judge_drafts import drafts, wrapped

DRAFTS = drafts(GENERATED)  # as many as the judge is trained on


def test_every_span_gives_its_text() -> None:
    for record in DRAFTS:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"], record["id"]
            assert span["label"] in ("PERSON", "ADDRESS")


def test_the_shapes_of_unseen_offices_occur() -> None:
    names = [s["text"] for r in DRAFTS for s in r["spans"] if s["label"] == "PERSON"]
    homes = [s["text"] for r in DRAFTS for s in r["spans"] if s["label"] == "ADDRESS"]
    assert any("·" in n for n in names), "minority names with a middle dot"
    assert any("\u3000" in n for n in names), "names padded with a full-width space"
    assert any("\n" in v for v in names + homes), "values broken by a line wrap"
    assert any(re.search(r"[室组号]$|[0-9]$", h) and "省" not in h for h in homes)
    texts = "".join(r["text"] for r in DRAFTS)
    for layout in ("\t", "（一）", "执法证号", "法定代表人：", "反映其所住的"):
        assert layout in texts


def test_officials_and_seats_are_not_marked() -> None:
    """A name right after 局长 or before 副主任, the office's 联系人, a 住所地 of an agency:
    none is a span (the judge must learn to drop them)."""
    for record in DRAFTS:
        text = record["text"]
        starts = {s["start"] for s in record["spans"]}
        for m in re.finditer(r"联系人：|经办人：|执法人员：|住所地：", text):
            assert m.end() not in starts, (record["id"], text[m.start() : m.end() + 8])


def test_a_wrap_inside_a_value_keeps_it_whole() -> None:
    record = {
        "id": "x",
        "text": "申请人：欧阳晓岚，住苏州市姑苏区平江街道大儒巷56号3幢201室。",
        "spans": [{"start": 4, "end": 8, "label": "PERSON", "text": "欧阳晓岚"}],
    }
    cut = wrapped(record, 6)
    span = cut["spans"][0]
    assert cut["text"].startswith("申请人：欧阳\n晓岚")
    assert cut["text"][span["start"] : span["end"]] == "欧阳\n晓岚"
    assert drafts(5) == drafts(5)  # seeded: a training run is reproducible

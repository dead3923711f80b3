"""The rosters as offices draft them (pipeline/training/judge_drafts_offices.py): exact
spans, every kind and layout, officials and the office's staff never marked, and a writer
apart from the benchmark's list drafts."""

from __future__ import annotations

import re

import pytest

from pipeline.training.judge_drafts_lists import LIST_KINDS
from pipeline.training.judge_drafts_offices import OFFICE_KINDS, office_drafts

DRAFTS = office_drafts(40)


def test_every_span_gives_its_text_and_every_kind_occurs() -> None:
    for record in DRAFTS:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"], record["id"]
    assert {r["id"].split(":")[2] for r in DRAFTS} == set(OFFICE_KINDS)
    assert office_drafts(4) == office_drafts(4)  # seeded


def test_a_writer_apart_from_the_benchmarks() -> None:
    assert not set(OFFICE_KINDS) & set(LIST_KINDS)


@pytest.mark.parametrize(
    "layout",
    [
        r"[\u4e00-\u9fff]（[0-9]+[户人]）：",  # names grouped by village
        r"\n[0-9]+(?:\t|  |\u3000\u3000)",  # numbered rows of cells
        r"（户主）",  # a household's members
        r"[0-9]{6}\*{8}[0-9Xx]{4}",  # masked ID numbers
        r"\n[^\n]{1,25}\n",  # lines broken at a fixed width
    ],
)
def test_the_layouts_occur(layout: str) -> None:
    assert any(re.search(layout, r["text"]) for r in DRAFTS), layout


def test_village_cadres_are_marked() -> None:
    # a village governs itself: its cadres are no officials of an administrative organ
    cadres = [
        s
        for r in DRAFTS
        for s in r["spans"]
        if re.search(r"(?:村党支部书记|村委会主任|村民小组长|村委委员)$", r["text"][: s["start"]])
    ]
    assert cadres


def test_officials_and_staff_are_not_marked() -> None:
    for record in DRAFTS:
        starts = {s["start"] for s in record["spans"] if s["label"] == "PERSON"}
        for m in re.finditer(
            r"(?:经办人|审核人|制表人|签发人|复核人|联系人|入户调查人)[：:]"
            r"|(?:镇长|局长|镇党委书记|办主任|所长)",
            record["text"],
        ):
            assert m.end() not in starts, (record["id"], record["text"][m.start() : m.end() + 6])

"""A home cue plus a 楼-单元-室 number (23-2-1504) needs only judge.ADDRESS.estate_door."""

from __future__ import annotations

import pytest

from pipeline.detect.estate_door import ESTATE_DOOR, home_keep_cut
from pipeline.detect.proposals import Proposal
from pipeline.thresholds import thresholds


@pytest.mark.parametrize(
    ("value", "estate"),
    [
        ("盛世名门23-2-1504", True),
        ("9-2-1503", True),
        ("8-4-203室", True),
        ("阳光城\n26-1-2303", True),
        ("民主路34号", False),
        ("2025-12-1504", False),  # four digits first: a date or a serial, not a 楼
        ("0733-7706", False),
    ],
)
def test_estate_door_shape(value: str, estate: bool) -> None:
    assert (ESTATE_DOOR.search(value.replace("\n", "")) is not None) is estate


@pytest.mark.parametrize(
    ("text", "value", "which"),
    [
        ("家庭住址：盛世名门23-2-1504\n", "盛世名门23-2-1504", "judge.ADDRESS.estate_door"),
        ("家庭住址：盛世名门3栋1504室\n", "盛世名门3栋1504室", "judge.ADDRESS.home_cue"),
        ("项目名称：盛世名门23-2-1504\n", "盛世名门23-2-1504", "judge.ADDRESS"),
    ],
)
def test_home_keep_cut(text: str, value: str, which: str) -> None:
    start = text.index(value)
    p = Proposal(
        label="ADDRESS",
        start=start,
        end=start + len(value),
        text=value,
        sources={"lexicon:address_cues": 0.9},
        rule_role="private",
        context_words=("家庭住址",) if "住址" in text else ("项目名称",),
    )
    cut = thresholds()["judge.ADDRESS"]
    assert home_keep_cut(p, text, cut) == thresholds()[which]

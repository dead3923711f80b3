"""The letter-spacing noise of benchmarks/private_kinds.py --spacing moves spans onto the same glyphs."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tests.fixtures.spacing_noise import STYLES, line_gaps, respace, space_record

CASES = [
    ("half", "申请人：张建国", "申 请 人 ： 张 建 国"),
    ("full", "电话：138", "电\u3000话\u3000：\u30001\u30003\u30008"),
    ("double", "住址：某路", "住  址  ：  某  路"),
    ("label", "联系电话：13812345678", "联 系 电 话 ：13812345678"),
    ("value", "身份证号：440106", "身份证号：4 4 0 1 0 6"),
    ("digits", "身份证号：440106198503120017", "身份证号：4401 0619 8503 1200 17"),
    ("digits", "卡号6222021234567890123", "卡号6222 0212 3456 7890 123"),
    ("digits", "姓名：张三", "姓 名 ： 张 三"),  # no long digits: spaced throughout
    ("label", "无冒号行", "无 冒 号 行"),
    ("half", "　　原告 李四", "　　原 告 李 四"),  # indentation and existing spaces kept
]


@pytest.mark.parametrize(("style", "line", "want"), CASES)
def test_line_styles(style: str, line: str, want: str) -> None:
    assert respace(line, line_gaps(line, style))[0] == want


SPANS = [
    ("申请人：张建国\n电话：13812345678", [(4, 7, "PERSON"), (11, 22, "PHONE")]),
    (
        "　　张建国，住某市某路1号。\n身份证号：440106198503120017",
        [(2, 5, "PERSON"), (7, 13, "ADDRESS"), (20, 38, "ID_CARD")],
    ),
]


@pytest.mark.parametrize(("text", "spans"), SPANS)
@pytest.mark.parametrize("seed", range(12))
def test_spans_land_on_the_same_glyphs(
    text: str, spans: list[tuple[int, int, str]], seed: int
) -> None:
    record: dict[str, Any] = {
        "id": f"t:{seed}",
        "text": text,
        "spans": [{"start": a, "end": b, "label": lab, "text": text[a:b]} for a, b, lab in spans],
    }
    out = space_record(record, 1.0, seed)
    for old, new in zip(record["spans"], out["spans"], strict=True):
        got = out["text"][new["start"] : new["end"]]
        assert got == new["text"]
        assert got[0] == old["text"][0] and got[-1] == old["text"][-1]
        assert "".join(got.split()) == old["text"]
    assert "".join(out["text"].split()) == "".join(text.split())


def test_share_zero_leaves_drafts_alone() -> None:
    record = {
        "id": "x",
        "text": "申请人：张建国",
        "spans": [{"start": 4, "end": 7, "label": "PERSON"}],
    }
    out = space_record(record, 0.0, 1)
    assert out["text"] == record["text"] and out["spans"][0]["start"] == 4


def test_every_style_is_used() -> None:
    rng = random.Random(3)
    assert {rng.choice(STYLES) for _ in range(200)} == set(STYLES)

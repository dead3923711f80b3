"""Findings in letter-spaced lines (OCR, PDF character spacing) cover the spaced glyphs as read.

Issue 19: a name, ID or phone set "张 建 国" / "4 4 0 1 …" was not found, so it leaked. The
recognizers read a closed-up view (pipeline/detect/letter_spacing.py) and each finding is
mapped back onto the text; a text with no spaced line gives the findings it always gave.
"""

from __future__ import annotations

import pytest

from pipeline.detect.registry import detect

FS = "\u3000"
CASES = [
    # every glyph spaced, half-width
    ("申 请 人 ： 张 建 国 ， 男 ， 1 9 8 5 年 3 月 1 2 日 出 生", [("PERSON", "张 建 国")]),
    # only the value spread
    ("申请人：张 建 国", [("PERSON", "张 建 国")]),
    (
        "被申请人：李 秀 英，女，住广州市天河区体育西路12号",
        [("PERSON", "李 秀 英"), ("ADDRESS", "广州市天河区体育西路12号")],
    ),
    (
        "身份证号：4 4 0 1 0 6 1 9 8 5 0 3 1 2 0 0 1 5",
        [("ID_CARD", "4 4 0 1 0 6 1 9 8 5 0 3 1 2 0 0 1 5")],
    ),
    ("联系电话：1 3 8 1 2 3 4 5 6 7 8", [("PHONE", "1 3 8 1 2 3 4 5 6 7 8")]),
    # only the label spread
    ("联 系 电 话：13812345678", [("PHONE", "13812345678")]),
    # full-width and double spaces
    (
        FS.join("住址：广州市天河区体育西路12号"),
        [("ADDRESS", FS.join("广州市天河区体育西路12号"))],
    ),
    (
        "  ".join("当事人王小明，电话13900138000"),
        [("PERSON", "王  小  明"), ("PHONE", "  ".join("13900138000"))],
    ),
    # digits in fours
    ("身份证号：4401 0619 8503 1200 15", [("ID_CARD", "4401 0619 8503 1200 15")]),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_spaced_values_are_found_as_read(text: str, want: list[tuple[str, str]]) -> None:
    found = [(f.label, f.text) for f in detect(text) if f.role != "official"]
    assert found == want
    for f in detect(text):
        assert text[f.start : f.end] == f.text


UNSPACED = [
    "申请人：张建国，男，身份证号：440106198503120015，联系电话：13812345678。",
    "申请人：张三  男  汉族",
    "樊城区人民政府办公室　秘密　第1页",
    "抄送：市委办公室 市人大办公室 市政协办公室",
]


@pytest.mark.parametrize("text", UNSPACED)
def test_text_without_spacing_reads_as_before(text: str) -> None:
    from pipeline.detect import registry

    assert detect(text) == registry._detect(text, registry.RECOGNIZERS)

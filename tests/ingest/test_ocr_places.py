"""Place names OCR read one character off, put right from GB/T 2260 (ocr_places): only
an unsure character, only into a division whose parent is named before it, between
several candidates only by the page's pixels; the same misreading again elsewhere."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.fonts import find_cjk_font
from pipeline.ingest.ocr_places import _drawn, correct_again, correct_line

UNSURE = 0.8


def _fix(text: str, unsure_at: list[int], glyph: object = None) -> tuple[str, list[dict]]:
    chars = list(text)
    confidence = [0.3 if i in unsure_at else 0.99 for i in range(len(chars))]
    changes = correct_line(chars, confidence, UNSURE, glyph)  # type: ignore[arg-type]
    return "".join(chars), changes


def test_an_unsure_character_of_a_place_name_is_put_right() -> None:
    text, changes = _fix("住址：广东省深川市南山区", [7])
    assert text == "住址：广东省深圳市南山区"
    assert changes == [{"read": "川", "as": "圳", "in": "深圳市", "word": "深川市"}]


def test_nothing_changes_without_every_condition() -> None:
    for text, unsure in (
        ("住址：广东省深川市南山区", []),  # the recogniser was sure
        ("住址：深川市南山区", [4]),  # no province or prefecture named before it
        ("韶关市经开区管委会", [4]),  # no division one character off
        ("韶关市浈江区", [3]),  # a real name
    ):
        assert _fix(text, unsure) == (text, []), text


def test_several_candidates_are_told_apart_by_the_pixels_only() -> None:
    # 韶关市 has both 浈江区 and 曲江区: "贞江区" is one character off each.
    text = "家庭住址：韶关市贞江区东河街道"
    at = text.index("贞")
    assert _fix(text, [at]) == (text, [])  # no pixels: left as read
    if find_cjk_font() is None:
        pytest.skip("no CJK font to draw the candidates")

    def page_shows(ch: str):
        drawn = _drawn(ch)
        assert drawn is not None
        return lambda k: drawn if k == at else None

    assert _fix(text, [at], page_shows("浈"))[0] == "家庭住址：韶关市浈江区东河街道"
    assert _fix(text, [at], page_shows("曲"))[0] == "家庭住址：韶关市曲江区东河街道"
    noise = np.random.default_rng(0).normal(size=(40, 40))
    noise /= np.sqrt((noise * noise).sum())
    assert _fix(text, [at], lambda k: noise)[0] == text  # no clear winner: left as read


def test_the_same_misreading_is_put_right_again_after_the_same_parent() -> None:
    change = {"read": "贞", "as": "浈", "in": "浈江区", "word": "贞江区"}
    line = list("贞江区人民法院提起行政诉讼")
    assert correct_again(line, [change], before="或者6个月内向韶关市")
    assert "".join(line) == "浈江区人民法院提起行政诉讼"
    other = list("清远市贞江区")  # another prefecture: not the same place
    assert not correct_again(other, [change]) and "".join(other) == "清远市贞江区"

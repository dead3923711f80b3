"""Table rows whose cells are set apart by the same gap as their letters.

A scanned list ("2　柴　霞　4　5　0　1　…　6　2　1　2　…") reads as one run once closed up:
an ID runs into the bank card or the amount beside it and neither is found. A spaced
digit run holding a valid ID (GB 11643 check digit, area, birth date) or a Luhn-valid
card is split where that number ends (pipeline/detect/spaced_digits.py).
"""

from __future__ import annotations

import pytest
from stdnum import luhn

from pipeline.detect.registry import detect

FS = "\u3000"
ID = "450103196706092812"
ID_X = "43052419801218309X"
CARD = "6228482382584979884"
assert luhn.is_valid(CARD)


def _found(text: str) -> set[tuple[str, str]]:
    return {(f.label, f.text) for f in detect(text) if f.role != "official"}


ROWS = [
    # an ID run straight into a card
    (FS.join(f"1闭敏钢筋工{ID}{CARD}"), {("ID_CARD", FS.join(ID)), ("BANK_CARD", FS.join(CARD))}),
    # an amount run straight into an ID ending in X
    (FS.join(f"6岩829.58{ID_X}"), {("ID_CARD", FS.join(ID_X))}),
    # a hyphen-grouped card after the ID
    (
        FS.join(f"2岑斌{ID}6212-2611-6654-7688-040"),
        {("ID_CARD", FS.join(ID))},
    ),
    # half-width gaps
    (" ".join(f"4蒙磊杂工{ID}{CARD}"), {("ID_CARD", " ".join(ID)), ("BANK_CARD", " ".join(CARD))}),
]


@pytest.mark.parametrize(("text", "want"), ROWS)
def test_numbers_of_a_spaced_row_are_found(text: str, want: set[tuple[str, str]]) -> None:
    assert want <= _found(text)


NOT_SPLIT = [
    # a valid-looking run only by chance: no ID inside, nothing split off
    " ".join("编号：2026031200150018"),
    " ".join("申请人：张建国，1985年3月12日出生"),
]


@pytest.mark.parametrize("text", NOT_SPLIT)
def test_rows_without_a_valid_number_keep_their_view(text: str) -> None:
    from pipeline.detect.letter_spacing import spaced_view

    view = spaced_view(text)
    assert view is not None and " " not in view.text


PHONE_ROWS = [
    # a room number's cell run into the mobile beside it
    (FS.join("6单元40419069209037反映"), ("PHONE", FS.join("19069209037"))),
    (FS.join("3-190317889558363反映"), ("PHONE", FS.join("17889558363"))),
    # a 3-4-4 mobile beside a room number, the row not spaced: no ID of the two
    ("张翠兰　电力小区4栋5单元2103　188 7060 3552　要求解决低保", ("PHONE", "188 7060 3552")),
    ("李四　建材厂宿舍18号楼6-1302　135 8817 2869　要求解决", ("PHONE", "135 8817 2869")),
]


@pytest.mark.parametrize(("text", "want"), PHONE_ROWS)
def test_a_mobile_beside_a_room_number_is_a_phone(text: str, want: tuple[str, str]) -> None:
    found = _found(text)
    assert want in found
    assert not any(label == "ID_CARD" for label, _ in found)


DOTTED_NAMES = [
    # a role word with its 甲/乙 run into the name; the sentence run on after it
    ("当 事 人 甲 吐 尔 逊 · 买 合 木 提 ， 男 ， 侗 族 。", "吐 尔 逊 · 买 合 木 提"),
    ("2025年8月1日，吐尔逊·买合木提驾驶小型普通客车沿兴宁路行驶。", "吐尔逊·买合木提"),
    ("　　吐 尔 逊 · 买 合 木 提 承 担 此 事 故 的 主 要 责 任 。", "吐 尔 逊 · 买 合 木 提"),
]


@pytest.mark.parametrize(("text", "name"), DOTTED_NAMES)
def test_a_spaced_dotted_name_is_found_whole(text: str, name: str) -> None:
    assert ("PERSON", name) in _found(text)

"""The nineteenth pass, by kind (issue 19): forms flattened to cells, 台账 columns and
lists — who fills a field (an office's staff or a party), what a cell holds (a home, a
flat's 栋-单元-室, a header, a 民族), and whose a landline or an address is."""

from __future__ import annotations

import pytest

from pipeline.detect.post_grid import field_word, grid_post, post_field
from pipeline.detect.registry import detect
from pipeline.detect.room_cells import door_number, room_cells

LEDGER = (
    "学生姓名  性别  年级  监护人  村组及门牌  监护人电话  包保干部  劝返情况\n"
    "李明  男  初一  张三丰  六合村三组8号  13912345678  曾明  送教上门\n"
)
FUND = (
    "序号  房号        业主姓名    联系电话\n"
    "1     9-2-1503    史龙强      13911157190\n"
    "2     20-4-1104   黎军梅      17389943442\n"
)


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        # a grid's field cell before the name: the office's staff
        ("人口协管员\t邓豪红\t经办民警\t赖浩红\t受理日期\t2025年1月2日\n", "赖浩红", "official"),
        ("初审：王建国\t复核：李秀英\n", "李秀英", "official"),
        ("甲方：张立新 调解员：王建国（交警）  记录员：郝强\n", "郝强", "official"),
        # a 台账 column headed by the staff's post
        (LEDGER, "曾明", "official"),
        (LEDGER, "张三丰", "private"),
        # a 证明's party
        (
            "户籍证明\n兹证明蒋浩豪，男，回族，1990年1月2日出生，公民身份号码110101199001021234。\n",
            "蒋浩豪",
            "private",
        ),
        # a neighbour in a 宅基地 公示's 四至
        (
            "宅基地审批结果公示\n申请人  村组  四至\n王五  六合村三组  东至李四宅，西至村道\n",
            "李四",
            "private",
        ),
    ],
)
def test_who_fills_the_field(text: str, value: str, role: str) -> None:
    found = [f for f in detect(text) if f.label == "PERSON" and f.text == value]
    if role == "official":  # kept as the office's, or not read at all: never redacted
        assert all(f.role == "official" for f in found), found
    else:
        assert found and found[0].role == role, detect(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (LEDGER, "包保干部"),  # a header cell, not 包 + 保干部
        ("申请人（业主）：张龙振，房号：翡翠湾20-1-1502\n", "房号"),
        (FUND, "房号"),
        ("兹证明郑金琪，男，布依族，1983年5月出生。\n", "布依族"),
    ],
)
def test_a_label_is_no_name(text: str, word: str) -> None:
    assert not [f for f in detect(text) if f.label == "PERSON" and f.text == word]


@pytest.mark.parametrize(
    ("text", "value", "label", "role"),
    [
        (
            "姓名\t王明\t性别\t男\n家庭住址\t那桐村九组84号\n家庭成员\t李四（妻）\n",
            "那桐村九组84号",
            "ADDRESS",
            "private",
        ),
        (
            "居住地址\t人民东路286号翡翠湾9栋3单元1601房\n居住事由\t务工\n",
            "人民东路286号翡翠湾9栋3单元1601房",
            "ADDRESS",
            "private",
        ),
        (FUND, "9-2-1503", "ADDRESS", "private"),
        (
            "民警：王建国（警号123456）\n所址：民主路21号  值班电话：0775-2345678\n",
            "民主路21号",
            "ADDRESS",
            "official",
        ),
        (
            "业务\t窗口\t经办人\t咨询电话\n出生登记\t3号窗口\t文新宇\t0775-6314722\n"
            "户口迁移\t2号窗口\t钱家\t0775-8979730\n",
            "0775-6314722",
            "PHONE",
            "official",
        ),
    ],
)
def test_whose_value(text: str, value: str, label: str, role: str) -> None:
    found = [f for f in detect(text) if f.text == value]
    if role == "official":
        assert all(f.role == "official" for f in found), found
    else:
        assert [f.label for f in found] == [label] and found[0].role == role, detect(text)


def test_a_flat_is_no_phone() -> None:
    assert not [f for f in detect(FUND) if f.label == "PHONE" and "-" in f.text]


@pytest.mark.parametrize(
    ("cell", "post"),
    [("经办民警", True), ("包保干部", True), ("初审", True), ("申请人", False), ("监护人", False)],
)
def test_grid_post(cell: str, post: bool) -> None:
    assert grid_post(cell) is post


def test_post_field_and_field_word() -> None:
    text = "人口协管员\t邓豪红\n"
    assert post_field(text, text.index("邓")) == "人口协管员"
    assert post_field("申请人\t邓豪红\n", 4) is None
    assert field_word(FUND, FUND.index("房号"), FUND.index("房号") + 2)
    assert field_word(FUND, FUND.index("史龙强"), FUND.index("史龙强") + 3) is None


@pytest.mark.parametrize(
    ("value", "door"),
    [("9-2-1503", True), ("23-2-1504", True), ("6234-5678", False), ("0775-2345678", False)],
)
def test_door_number(value: str, door: bool) -> None:
    assert door_number(value) is door


def test_room_cells_need_a_room_header() -> None:
    assert [FUND[a:b] for a, b, _ in room_cells(FUND)] == ["9-2-1503", "20-4-1104"]
    assert room_cells(FUND.replace("房号", "编号")) == []

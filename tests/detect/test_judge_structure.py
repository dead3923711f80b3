"""What the PERSON judge sees of lists and tables (pipeline/detect/judge_structure.py):
one table per question — a roster's heading, names counted in households, the features of
a cell, a list member, a piece of a name and a phrase — and the judge keeping names in a
roster with no role word while the officials beside them keep their role. Every text is
written here."""

from __future__ import annotations

import pytest

from pipeline.detect.judge import JudgedPersonRecognizer
from pipeline.detect.judge_structure import (
    counted_households,
    phrase_features,
    roster_document,
    structure_features,
)
from pipeline.detect.proposals import Proposal


def proposal(text: str, value: str, nth: int = 0) -> Proposal:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Proposal("PERSON", start, start + len(value), value)


@pytest.mark.parametrize(
    ("text", "roster"),
    [
        ("清河镇人民政府\n2024年高龄津贴发放花名册\n1\t王秀英", True),
        ("城关镇民政办\n临时救助对象发放明细\n", True),
        ("某某局\n2023年第二批城乡低保对象名单（第一批）\n", True),
        ("某某县人民政府\n关于建立工作台账的通知\n", False),  # a policy text
        ("某某局\n关于2024年度部门预算的说明\n", False),
        ("正文第一段写到了花名册。\n", False),  # not a heading
    ],
)
def test_a_roster_is_known_by_its_heading(text: str, roster: bool) -> None:
    assert roster_document(text) is roster


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("经调查，张建军、李秀梅等2户符合安置条件。", True),
        ("据核实，连军浩（南京金达商贸有限责任公司职工）、储豪明（职工）等2户被拖欠工资。", True),
        ("经调查，连军\n浩（职工）、储豪明（会计）等2户被拖欠工资。", True),  # a line wrap
        ("全县共有低保户、特困户等1200户。", False),  # categories, no names
        ("张建军等3人参加了会议。", False),  # one name, not a list of households
    ],
)
def test_names_counted_in_households(text: str, counted: bool) -> None:
    assert counted_households(text) is counted


@pytest.mark.parametrize(
    ("text", "value", "present", "absent"),
    [
        # a cell of a column of names beside numbers
        (
            "1\t王秀英\t3\t600\n2\t李建国\t2\t450\n",
            "王秀英",
            {"whole_cell", "column_names"},
            {"number_next_line"},
        ),
        # a row a PDF broke in two: the ID on the line above
        (
            "长子\t已核实\t440205197903081234\n5X\t5200\t潘峰富\n",
            "潘峰富",
            {"number_next_line"},
            set(),
        ),
        # list members separated by 、, closed by a count of households
        (
            "经查，董琪琪、伊秀凯、岳雪凤等3户被拖欠工资。",
            "伊秀凯",
            {"beside_name", "count_after:户"},
            set(),
        ),
        # a bracketed note between members
        ("胡青梦（某公司职工）、程浩庆（会计）等2户。", "程浩庆", {"beside_name"}, set()),
        # a piece of a name is no whole cell or token
        ("1\t阿西木呷\t600\n2\t吉克拉则\t450\n", "木呷", set(), {"whole_cell", "beside_name"}),
        # cadres counted are no private persons
        ("王东、李明等8名同志参加。", "李明", {"beside_name"}, {"count_after:人"}),
    ],
)
def test_the_features_of_a_place_in_a_list(
    text: str, value: str, present: set[str], absent: set[str]
) -> None:
    features = set(structure_features(proposal(text, value), text))
    assert present <= features, features
    assert not (absent & features), features


@pytest.mark.parametrize(
    ("flat", "expected"),
    [
        ("于法有据", {"phrase4"}),  # an idiom led by a surname (jieba reads no word in it)
        ("高龄津贴", {"phrase4", "everyday_inside"}),
        ("欧阳明轩", set()),  # a double surname
        ("次仁旺姆", set()),  # a Tibetan name
        ("周英一", set()),
    ],
)
def test_phrases_standing_where_names_stand(flat: str, expected: set[str]) -> None:
    assert set(phrase_features(flat)) == expected


def test_a_roster_without_role_words_keeps_its_names_and_its_officials() -> None:
    text = (
        "清河镇人民政府\n2024年困难残疾人生活补贴发放花名册\n"
        "1\t王秀英\t东风村\t2\t600.00\n2\t李建国\t红旗村\t3\t450.00\n"
        "3\t扎西顿珠\t向阳村\t1\t300.00\n"
        "　　参会领导：镇长赵卫东\n经办人：孙立平\n"
    )
    found = JudgedPersonRecognizer().analyze(text)
    private = {f.text for f in found if f.role == "private"}
    assert {"王秀英", "李建国", "扎西顿珠"} <= private
    assert not {"赵卫东", "孙立平"} & private

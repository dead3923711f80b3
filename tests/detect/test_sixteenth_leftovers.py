"""Issue 19, what the sixteenth pass left: regional surnames (闭, 侬, 冼) read apart from
the generators' list, alias words run into the name (曾用名王小兰), a whole name kept before
a model's piece of it (田明珠 over 田明), and landlines wrapped inside their area code.
One table per rule; every text is written here."""

from __future__ import annotations

import pytest

from pipeline.detect.chinese_name import read_name, surnames
from pipeline.detect.cn_phone import PhoneRecognizer
from pipeline.detect.judge_pieces import whole_before_pieces
from pipeline.detect.proposals import Proposal
from pipeline.detect.registry import detect
from pipeline.lexicons import load_terms

ID = "450103196602054010"


def persons(text: str) -> dict[str, str]:
    """Every PERSON finding of the whole registry, by role."""
    return {f.text: f.role or "" for f in detect(text) if f.label == "PERSON"}


def test_regional_surnames_are_read_but_not_drawn() -> None:
    """The detector reads 闭 as a surname; the generators' list (surnames.txt) lacks it."""
    assert "闭" in surnames()[0]
    assert "闭" not in load_terms("surnames")


@pytest.mark.parametrize(
    ("text", "pos", "name"),
    [
        ("当事人乙：闭小红，男，1966年出生。", 5, "闭小红"),
        ("第三人：闭家宝，男。", 4, "闭家宝"),
        ("房屋共有人：闭军。", 6, "闭军"),
        ("投诉人代表：闭敏，联系电话：13199568185。", 6, "闭敏"),
        ("申请人：侬建国，男。", 4, "侬建国"),
        ("申请人：冼玉兰，女。", 4, "冼玉兰"),
        ("会议闭幕，", 2, None),
        ("实行闭环管理，", 2, None),
        ("闭门，", 0, None),
    ],
)
def test_regional_surname_names(text: str, pos: int, name: str | None) -> None:
    """A name led by a regional surname is a name; an everyday word led by it is not."""
    assert read_name(text, pos, strong=True) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"当事人：程秀芝（曾用名蒙国庆），男，身份证号：{ID}。\n", "蒙国庆"),
        (f"申请人：长孙霞（又名向国庆），男，身份证号：{ID}。\n", "向国庆"),
        (f"申请人：王东（曾用名王小兰），女，身份证号{ID}。\n", "王小兰"),
        (f"申请人：滕志强（别名韦海燕），男，身份证号{ID}。\n", "韦海燕"),
        (f"申请人：滕志强（曾用名：闭鑫），男，身份证号{ID}。\n", "闭鑫"),
    ],
)
def test_alias_run_into_the_name(text: str, name: str) -> None:
    """曾用名/又名/别名 run straight into the other name: it is the party's, private."""
    assert persons(text).get(name) == "private"


def _p(start: int, text: str, *sources: str) -> Proposal:
    return Proposal("PERSON", start, start + len(text), text, dict.fromkeys(sources, 0.5))


ROSTER = "（5）田明珠，辅警，办公电话0800-2220065；"


@pytest.mark.parametrize(
    ("proposals", "probabilities", "expected"),
    [
        # the model's 田明 stops inside 田明珠, which a list rule read to its comma
        (
            [_p(3, "田明", "model:ner"), _p(3, "田明珠", "rule:list_item_any")],
            [0.76, 0.74],
            [False, True],
        ),
        # the whole name below the cut: no change
        (
            [_p(3, "田明", "model:ner"), _p(3, "田明珠", "rule:list_item_any")],
            [0.76, 0.1],
            [False, False],
        ),
        # the shorter one has a rule too: it is no model's piece
        (
            [
                _p(3, "田明", "model:ner", "rule:name_list"),
                _p(3, "田明珠", "rule:between_delimiters"),
            ],
            [0.76, 0.74],
            [False, False],
        ),
        # only models read the longer one
        ([_p(3, "田明", "model:ner"), _p(3, "田明珠", "model:lac")], [0.76, 0.74], [False, False]),
    ],
)
def test_whole_before_pieces(
    proposals: list[Proposal], probabilities: list[float], expected: list[bool]
) -> None:
    assert whole_before_pieces(proposals, probabilities, 0.2, ROSTER) == expected


def test_whole_must_end_at_a_delimiter() -> None:
    """A rule's span run on into more characters (田明珠辅…) is not read to its end."""
    text = "（5）田明珠辅警，办公电话0800-2220065；"
    props = [_p(3, "田明", "model:ner"), _p(3, "田明珠", "rule:list_item_any")]
    assert whole_before_pieces(props, [0.76, 0.74], 0.2, text) == [False, False]


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("联系人：殷霞，电话：073\n7-7781143。\n", "073\n7-7781143", "official"),
        ("联系人：王有才，电话：0816\n-8540102。\n", "0816\n-8540102", "official"),
        ("申请人：王东，电话：0771-\n3855201。\n", "0771-\n3855201", "private"),
        ("联系电话：07\n71-3855201。", "07\n71-3855201", "official"),
    ],
)
def test_landline_wrapped_in_its_area_code(text: str, value: str, role: str) -> None:
    """A line end inside the area code or at its hyphen: one number, with its role."""
    found = {f.text: f.role for f in PhoneRecognizer().analyze(text)}
    assert found == {value: role}


@pytest.mark.parametrize(
    "text",
    [
        "序号　金额\n0\n1、王东　3855201元\n",  # a row's 序号 after a line holding 0
        "2025年第03\n7号文件",  # a number's tail, no phone
    ],
)
def test_wrap_reads_no_phone(text: str) -> None:
    assert [f.text for f in PhoneRecognizer().analyze(text)] == []

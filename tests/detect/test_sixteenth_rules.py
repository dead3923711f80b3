"""Issue 19, sixteenth pass: rules written from how 事故认定书, 稽核 letters, 调解协议,
工资 rows, 补贴 公示 and duty rosters are drafted (tests/fixtures/private_sixteenth.py
measures them on generated drafts). One table per rule; every text is written here."""

from __future__ import annotations

import pytest

from pipeline.detect.bank_card import BankCardRecognizer
from pipeline.detect.chinese_name import place_head
from pipeline.detect.dotted_names import dotted_spans
from pipeline.detect.identified_names import identified_names
from pipeline.detect.name_lookalikes import not_a_name
from pipeline.detect.post_cells import officer_line, post_cell_after, post_in_row
from pipeline.detect.registry import detect


def found(text: str, label: str) -> dict[str, str]:
    """Every finding of ``label`` the whole registry makes, by role."""
    return {f.text: f.role or "" for f in detect(text) if f.label == label}


ID = "450103196602054010"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"当事人乙：覃小红，男，1966年8月8日出生，身份证号：{ID}。\n", "覃小红"),
        (f"当事人甲韦国庆，女，身份证号码：{ID}，住岩背村6组76号。\n", "韦国庆"),
        # 丁 run into the name is its surname, not a fourth party's ordinal
        (f"申请人丁建国，男，身份证号：{ID}，住本县城关镇。\n", "丁建国"),
        (f"当事人丁小明，女，身份证号码：{ID}。\n", "丁小明"),
        ("拖欠工资。\n投诉人代表：莫光荣，联系电话：13199568185。\n", "莫光荣"),
        (f"申请人：滕志强（又名：韦海燕），男，身份证号{ID}。\n", "韦海燕"),
        (f"当事人：覃勇，身份证号{ID}。\n乘车人：韦建军，系当事人之母。\n", "韦建军"),
    ],
)
def test_party_marks_and_other_names_are_private(text: str, name: str) -> None:
    """A party's ordinal (甲/乙) or 代表 between the role and the name, an alias, a passenger."""
    assert found(text, "PERSON").get(name) == "private"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"当事人：覃勇，身份证号{ID}。\n交通警察：覃家宝（警号259657）　殷家宝\n", "殷家宝"),
        (f"当事人：覃勇，身份证号{ID}。\n交通警察：覃家宝（警号259657）　殷家宝\n", "覃家宝"),
        (
            f"当事人：覃勇，身份证号{ID}。\n劳动保障监察员：潘敏（执法证号81640773）、滕桂英\n",
            "滕桂英",
        ),
        (
            f"参保人：覃勇，身份证号{ID}。\n稽核人员：万光荣、饶　磊　联系电话：0749-4325774\n",
            "饶\u3000磊",
        ),
    ],
)
def test_officers_are_not_private(text: str, name: str) -> None:
    """Officers after their title, a badge number or in a run the title opens: reported as
    officials or not at all, never redacted."""
    assert found(text, "PERSON").get(name) in (None, "official")


ROSTER = "关于调整人民调解委员会组成人员的通知\n"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (ROSTER + "岑德旺　值班民警　0744-3337906\n宁建军　副主任　0753-2580449\n", "0744-3337906"),
        (ROSTER + "（2）潘鑫，委员，办公电话0845-8402203；\n", "0845-8402203"),
        ("稽核人员：涂海燕、万　军　联系电话：0898-6527996\n", "0898-6527996"),
        (
            "4．竹园村便民服务室，地址：竹园村1组53号，联系人：苏　磊，电话：0847-6948706。\n",
            "0847-6948706",
        ),
    ],
)
def test_officers_landlines_are_official(text: str, number: str) -> None:
    assert found(text, "PHONE").get(number) == "official"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("李　强　专职调解员　0771-5551234", "李\u3000强", "专职调解员"),
        ("（2）潘鑫，委员，办公电话", "潘鑫", "委员"),
        ("王东　辅警　0771-5551234", "王东", "辅警"),
        # a worker's trade, a party's row with an ID: no officer
        ("涂娟　电焊工　0771-5551234", "涂娟", None),
        (f"王东　主任　{ID}", "王东", None),
        # a school's class teacher holds no office
        ("王东　班主任　0771-5551234", "王东", None),
    ],
)
def test_post_cell_after(text: str, name: str, expected: str | None) -> None:
    start = text.index(name)
    assert post_cell_after(text, start + len(name)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("岑德旺　值班民警　0744-3337906", "值班民警"),
        ("涂娟　木工　0744-3337906", None),
        (f"王东　主任　{ID}", None),
        ("王东　班主任　0744-3337906", None),
        ("王东　副主任　0744-3337906", "副主任"),
    ],
)
def test_post_in_row(line: str, expected: str | None) -> None:
    assert post_in_row(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("稽核人员：涂海燕、万　军　联系电话：0898-6527996", "稽核人员"),
        ("交通警察：覃家宝　殷家宝", "交通警察"),
        ("申请人：王东　联系电话：0898-6527996", None),
        ("稽核人员：王东　电话：13812345678", None),
        ("班主任：王东　联系电话：0898-6527996", None),
    ],
)
def test_officer_line(line: str, expected: str | None) -> None:
    assert officer_line(line) == expected


@pytest.mark.parametrize(
    ("text", "word", "dropped"),
    [
        ("申请人：饶桂英（曾用名：申屠德旺）", "曾用名", True),  # the role word itself
        ("现场勘查笔录、当事人陈述。", "陈述", True),  # an everyday word run into the role
        ("1\t104252025149582\t农光荣\t临床医学\t非全日制", "非全日制", True),
        ("当事人甲韦国庆，女", "甲韦", True),  # the party's ordinal
        ("申请人丁志强，男", "丁志强", False),  # 丁 is a surname as often as an ordinal
        ("武鸣区黄竹镇人民政府", "武鸣", True),  # a division without its 区
        ("邵阳医学院\n关于授予学士学位的决定", "邵阳", True),
        ("邢台众鑫建筑劳务有限公司：", "邢台", True),
        # names stay names
        ("当事人：陈述明，男", "陈述明", False),
        ("申请人：邵阳，男，汉族", "邵阳", False),
        ("1\t农光荣\t临床医学", "农光荣", False),
    ],
)
def test_words_that_name_nobody(text: str, word: str, dropped: bool) -> None:
    start = text.index(word)
    assert (not_a_name(text, start, start + len(word)) is not None) is dropped


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (f"（4）农国庆，身份证号{ID}，住赣州市章贡区友爱路80号", ["农国庆"]),
        ("（1）涂娟，身份证号360721430104133，应发工资", ["涂娟"]),
        (f"潘海波（男，1945年8月出生，公民身份号码{ID}）", ["潘海波"]),
        # a number labelled otherwise, or no comma before the field
        ("（4）农国庆，执法证号81640773", []),
    ],
)
def test_identified_names(text: str, names: list[str]) -> None:
    assert [name for _start, name in identified_names(text)] == names


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("当事人：艾尔肯 吐尔地，男", ["艾尔肯 吐尔地"]),
        ("赔偿阿依古丽 买买提人民币", ["阿依古丽 买买提"]),
        ("房屋登记在艾尔肯 吐尔地名下", ["艾尔肯 吐尔地"]),
        ("母亲阿依古丽 买买提，", ["阿依古丽 买买提"]),
        ("艾尔肯 吐尔地\t男\t42", ["艾尔肯 吐尔地"]),
        # a place, or the sounds in the middle of a sentence
        ("出口至阿尔 巴尼亚的货物", []),
        ("赴拉萨 米娜参加培训", []),
        ("他表示不再 提拉", []),
        ("国别：阿尔 巴尼亚", []),
        ("拉萨 米娜路", []),
        ("当事人：吐尔逊·买合木提，男", ["吐尔逊·买合木提"]),
        # ordinary words around an ASCII space, a full-width space (a row's cells)
        ("关于 加强管理的通知", []),
        ("艾尔肯　吐尔地", []),
    ],
)
def test_dotted_and_spaced_names(text: str, spans: list[str]) -> None:
    assert [text[a:b] for a, b in dotted_spans(text)] == spans


@pytest.mark.parametrize(
    ("item", "head"),
    [("岩背村江德旺", 3), ("樟树社区端木国庆", 4), ("上寨村", 0), ("江德旺", 0), ("村委会主任", 0)],
)
def test_place_head(item: str, head: int) -> None:
    assert place_head(item) == head


@pytest.mark.parametrize(
    ("text", "cards"),
    [
        (
            "5　游霞　电焊工　450122890506788　6217-9927-7665-1875-6　61173.11",
            ["6217-9927-7665-1875-6"],
        ),
        ("道路交通事故认定书\n第7007951856165164号\n", []),
        ("账号：6228 4800 1234 5678 912", ["6228 4800 1234 5678 912"]),
        ("账号：622848 0012345678912", ["622848 0012345678912"]),
    ],
)
def test_card_groupings_and_serials(text: str, cards: list[str]) -> None:
    assert [f.text for f in BankCardRecognizer().analyze(text)] == cards


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (f"3\u3000游建军\u3000{ID}\u3000串换项目", ["游建军"]),
        (f"2\u3000田\u3000敏\u3000{ID}\u3000串换项目", ["田\u3000敏"]),
        # the cell before the ID is the sex, not the name; a wrong check digit is no ID
        (f"1\u3000厉若兰\u3000女\u3000{ID}", []),
        ("3\u3000游建军\u3000450103196602054011\u3000串换项目", []),
    ],
)
def test_name_in_the_cell_before_an_id(text: str, names: list[str]) -> None:
    assert [name for _start, name in identified_names(text)] == names

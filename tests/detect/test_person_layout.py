"""The layout's names (pipeline/detect/person_layout.py): members of lists after a cue or
closed by a count, numbered items, table columns of names with or without a header — one
table per rule, with the shapes issue 19 found missed (comma lists, numbered lists,
header-less columns, minority names with ·, names padded with a full-width space) and
what must not be read as names; then the judge keeping them and the officials beside
them keeping their role. Every text is written here."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.detect.judge import JudgedPersonRecognizer
from pipeline.detect.person_layout import (
    counted_members,
    list_members,
    name_column,
    numbered_names,
)
from pipeline.detect.proposals import person_proposals
from pipeline.training.fake import resident_id

ID1 = resident_id("440205", date(1979, 3, 8), 123)
ID2 = resident_id("540102", date(1965, 1, 2), 45)


def spans(found: object, text: str) -> list[str]:
    return [text[a:b] for a, b in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("家庭成员：王秀英，李建国，李小红。", ["王秀英", "李建国", "李小红"]),  # comma list
        ("参加人员：黄德明、周丽华、吴　东等3人。", ["黄德明", "周丽华", "吴\u3000东"]),  # padded
        (
            "在场人员为隋晓光（户主）,扎西（长子）,任\u3000兰（母亲），均已到场。",
            ["隋晓光", "扎西", "任\u3000兰"],
        ),
        ("涉及农户有阿依古丽·吐尔逊；刘刚春；庄胜承\n", ["阿依古丽·吐尔逊", "刘刚春", "庄胜承"]),
        ("村民代表：郑家明 冯玉兰 蒋立新\n", ["郑家明", "冯玉兰", "蒋立新"]),  # spaces
        (  # notes, full-width spaces between members, a note broken by a wrap
            "受助对象：吉克木呷（母亲）\u3000居丹（户主）\u3000崔然思（父\n亲），共3人。",
            ["吉克木呷", "居丹", "崔然思"],
        ),
        ("村民代表会议评议，同意该方案。", []),  # no colon: no list of 村民代表
        ("成员：区住建局王东、区财政局李明。", []),  # officials with their units
        ("成员：加强组织领导、摸底排查、集中整治。", []),  # tasks, not people
        # a 救助 grid's cell, a run wrapped after 、, kin words before the names
        ("家庭成员\t康玉兰（子）、陈凤英（女）\n申请理由\t因病", ["康玉兰", "陈凤英"]),
        (
            "家庭成员\t杨兰豪（女）、陈玲金（母）、\n董娟雪（母）\n申请理由",
            ["杨兰豪", "陈玲金", "董娟雪"],
        ),
        ("家庭成员：配偶 王秀英、儿子 王建国\n", ["王秀英", "王建国"]),
        ("家庭成员\t3人\n", []),
    ],
)
def test_list_members(text: str, names: list[str]) -> None:
    assert spans(list_members(text), text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("经调查，方一秋、姜怡军等2户符合安置条件。", ["方一秋", "姜怡军"]),
        ("拖欠你和董立群、鲍春生三人2021年工资。", ["董立群", "鲍春生"]),
        ("经核实，井建新，郑家涛两户对处理结果无异议。", ["井建新", "郑家涛"]),
        ("拟确定王建辉、刘晓丽、高志远3名同志为优秀等次。", []),  # officials under review
        ("包括北京、上海等5个城市。", []),
    ],
)
def test_counted_members(text: str, names: list[str]) -> None:
    assert spans(counted_members(text), text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a Mongolian name needs no Han surname in a numbered list
        ("名单如下：\n1. 王小明\n2. 陈　敏\n3. 其其格\n", ["王小明", "陈\u3000敏", "其其格"]),
        # a note in brackets after the name; Tibetan names of the syllabary
        ("救助对象：\n1.次仁卓玛（女，62岁）\n2.格桑拉姆（五保户）\n", ["次仁卓玛", "格桑拉姆"]),
        ("（三）巴特尔，男，1975年生\n", []),  # a comma closes no numbered name here
        ("1．邓志刚：临时救助1500元\n2．艾力·努尔：高龄津贴800元\n", ["邓志刚", "艾力·努尔"]),
        ("（1）赵永强  男  1962年生  石堡村3组\n", ["赵永强"]),
        ("①钱佳琪\n②孙立新\n", ["钱佳琪", "孙立新"]),
        ("一、总体要求\n二、工作任务\n", []),  # headings
    ],
)
def test_numbered_names(text: str, names: list[str]) -> None:
    assert spans(numbered_names(text), text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # no header, spaces between cells, a column of names beside villages and amounts
        (
            "石堡村  王建军  800\n新村村  李秀梅  1200\n水文村  格　桑  600\n",
            ["王建军", "李秀梅", "格\u3000桑"],
        ),
        # a header without 姓名, tabs; the header's 户主 is no one's name
        (
            f"户主\t证件号码\t金额\n张国华\t{ID1}\t400\n次仁旺姆\t{ID2}\t280\n黄秀英\t{ID1}\t300\n",
            ["张国华", "次仁旺姆", "黄秀英"],
        ),
        # a minority name with a middle dot, full-width spaces
        (
            "1\u3000\u3000阿依古丽·吐尔逊\u3000\u3000女\n2\u3000\u3000马德才\u3000\u3000男\n",
            ["阿依古丽·吐尔逊", "马德才"],
        ),
        # relations and four-character status cells are not names
        ("1\t配偶\t整改到位\t800\n2\t长子\t高龄津贴\t600\n3\t次女\t于法有据\t700\n", []),
    ],
)
def test_name_column(text: str, names: list[str]) -> None:
    assert spans(name_column(text), text) == names


def test_the_sources_are_named_in_the_proposals() -> None:
    text = "涉及农户：王秀英、李建国、冯玉兰。\n石堡村  郑家明  800\n新村村  蒋立新  1200\n"
    sources = {p.text: set(p.sources) for p in person_proposals(text)}
    assert "rule:people_list" in sources["李建国"]
    assert "rule:name_column" in sources["郑家明"]


def private_names(text: str) -> list[str]:
    return [f.text for f in JudgedPersonRecognizer().analyze(text) if f.role == "private"]


@pytest.mark.parametrize(
    ("text", "private", "public"),
    [
        (
            "关于石堡村低保复核情况的通报\n　　组长：副区长王卫东；成员：区民政局李明、镇政府张华。\n"
            "　　家庭成员：黄秀英，邓志明，邱桂芳，共3人。\n签发人：周建平\n",
            ["黄秀英", "邓志明", "邱桂芳"],
            ["王卫东", "李明", "张华", "周建平"],
        ),
        (
            "临时救助发放明细\n1\t吴建英\t石堡村\t800\t社区党委书记 潘振洪\n"
            "2\t朱永明\t新村村\t600\t网格站站长 罗海波\n",
            ["吴建英", "朱永明"],
            ["潘振洪", "罗海波"],
        ),
    ],
)
def test_the_judge_keeps_members_and_officials_keep_their_role(
    text: str, private: list[str], public: list[str]
) -> None:
    found = private_names(text)
    for name in private:
        assert name in found, (name, found)
    for name in public:
        assert name not in found, (name, found)

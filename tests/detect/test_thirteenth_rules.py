"""Issue 19, thirteenth pass: the rules written from how 仲裁裁决书, 询问笔录, 信访/举报答复,
法律援助 papers, 个体工商户 licences and village lists are drafted
(tests/fixtures/private_thirteenth.py measures them on generated drafts). One table per
rule; every text is written here."""

from __future__ import annotations

import pytest

from pipeline.detect.chinese_name import read_name
from pipeline.detect.person_name import PersonRecognizer, _official_title_near, office_contact
from pipeline.detect.proposals import NOT_A_NAME, heads_organisation
from pipeline.detect.spaced_titles import inside_spaced_title, spaced_titles
from tests.detect.test_twelfth_rules import roles


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("首席仲裁员　郝文君\n仲　裁　员　聂冬梅\n", "聂冬梅", "仲裁员"),
        ("书　记　员　柴立新\n", "柴立新", "书记员"),
        ("审　判　长　贾永康\n", "贾永康", "审判长"),
        ("询问人：郝文君、聂冬梅　工作单位：某派出所\n", "郝文君", "询问人"),
        ("被询问人：郝文君　性别：男\n", "郝文君", None),  # who is heard: private
        ("局　长　郝文君\n", "郝文君", "局长"),
        ("申　请　人　郝文君\n", "郝文君", None),
    ],
)
def test_spaced_and_tribunal_titles(text: str, name: str, title: str | None) -> None:
    start = text.index(name)
    assert _official_title_near(text, start, start + len(name)) == title


@pytest.mark.parametrize(
    ("text", "piece", "inside"),
    [
        ("仲　裁　员　聂冬梅\n", "仲　裁", True),
        ("书　记　员　柴立新\n", "记　员", True),
        ("申请人：王　东\n", "王　东", False),  # a padded name, no title
        ("仲　裁　员聂冬梅\n", "仲　裁", False),  # the last piece runs into a name
    ],
)
def test_pieces_of_a_spaced_title(text: str, piece: str, inside: bool) -> None:
    start = text.index(piece)
    assert inside_spaced_title(spaced_titles(text), start, start + len(piece)) is inside


def test_a_tribunal_signs_in_office_and_its_titles_are_nobody() -> None:
    text = (
        "申请人：郝文君，男，住某县某镇红旗村三组12号。\n"
        "\u3000\u3000裁决如下：被申请人支付申请人郝文君工资8000元。\n\n"
        "首席仲裁员　聂冬梅\n仲　裁　员　柴立新\n书　记　员　贾永康\n"
    )
    found = roles(text)
    assert found.get("郝文君") == "private"
    for name in ("聂冬梅", "柴立新", "贾永康"):
        assert found.get(name) in (None, "official")
    assert not any("\u3000" in t for t, r in found.items() if r == "private")


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        ("监督电话：0739-4468502，联系人：武金凤。", "武金凤", True),
        ("咨询电话（0739）4468502，联系人：武金凤。", "武金凤", True),
        ("联系人：武金凤，电话：（0739）4468502", "武金凤", True),
        ("联系人：武金凤，电话：0739-4468502", "武金凤", True),
        ("联系人：武金凤，手机：13907394468", "武金凤", False),  # a party's own mobile
        ("受理电话：0739-4468502。申请人联系人：武金凤（其女），手机13907394468", "武金凤", False),
    ],
)
def test_office_contact_with_the_landline_before_or_in_brackets(
    text: str, name: str, office: bool
) -> None:
    start = text.index(name)
    assert office_contact(text, start, start + len(name)) is office


@pytest.mark.parametrize(
    ("text", "name", "heads"),
    [
        ("申请人：某县雷氏棋牌室（个体工商户）", "雷氏", True),
        ("申请人：某县鲁记早餐店（个体工商户）", "鲁记", True),
        ("某县王家小吃店", "王家", True),
        ("某县王家村三组", "王家", False),
        ("，海伦众诚食品加工厂职工龙天佑在车间", "海伦", True),
        ("，李明开店经营", "李明", False),
    ],
)
def test_a_shop_or_a_firm_named_after_its_keeper(text: str, name: str, heads: bool) -> None:
    start = text.index(name)
    assert heads_organisation(text, start, start + len(name)) is heads


@pytest.mark.parametrize(
    ("value", "rejected"),
    [("任焊工", True), ("任厨师", True), ("房屋坐落", True), ("方米", True), ("任建国", False)],
)
def test_posts_and_field_words_are_not_names(value: str, rejected: bool) -> None:
    assert (NOT_A_NAME.search(value) is not None) is rejected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("举报人（东方俊杰）：\n\u3000\u3000本局收到你的举报。", "东方俊杰"),
        ("本局决定对受援人（左铁柱）工伤赔偿一案提供法律援助。", "左铁柱"),
        ("受援人：颜平静，男，45岁。", "颜平静"),
    ],
)
def test_a_private_role_names_its_person_in_brackets_or_after_a_colon(text: str, name: str) -> None:
    found = {f.text: f.role for f in PersonRecognizer().analyze(text)}
    assert found.get(name) == "private"


@pytest.mark.parametrize(
    ("text", "name", "private"),
    [
        ("某局\n信访事项答复意见书\n\n童芳同志：\n\u3000\u3000你反映的问题收悉。", "童芳", True),
        (
            "某局\n信访事项答复意见书\n\n信访人：单守仁同志：\n\u3000\u3000你反映的问题收悉。",
            "单守仁",
            True,
        ),
        ("某局\n关于表彰先进的通报\n\n童芳同志：\n\u3000\u3000经研究决定。", "童芳", False),
    ],
)
def test_a_reply_greets_its_petitioner_as_comrade(text: str, name: str, private: bool) -> None:
    assert (roles(text).get(name) == "private") is private


def test_a_form_of_address_ends_a_name_after_a_role() -> None:
    text = "信访人：单守仁同志："
    assert read_name(text, 4, strong=True) == "单守仁"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("申请理由：丧偶多年，其母屈铁柱常年卧病。", "屈铁柱"),
        ("答：邻居先动手推了我，我老婆费玉兰上来拉架。", "费玉兰"),
        ("与申请人关系：母亲\u3000姓名：管玉兰\u3000年龄：76\n", "管玉兰"),
        ("被询问人姓名：赖平静\u3000性别：男\n", "赖平静"),
    ],
)
def test_kin_words_member_rows_and_name_fields(text: str, name: str) -> None:
    found = {f.text: f.role for f in PersonRecognizer().analyze(text)}
    assert found.get(name) == "private"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("其母常年卧病在床。", "常年"),
        ("其母年迈，无人照料。", "年迈"),
        ("与申请人关系：孙子\u3000姓名：俞雨萱\n", "孙子"),
    ],
)
def test_what_follows_a_kin_word_or_a_relation_is_not_always_a_name(text: str, absent: str) -> None:
    assert absent not in roles(text)

"""Issue 19, fifteenth pass: rules written from how 花名册, 名录, 出租屋登记, 信访告知书 and
拆迁补偿公示 are drafted (tests/fixtures/private_fifteenth.py measures them on generated
drafts). One table per rule; every text is written here."""

from __future__ import annotations

import pytest

from pipeline.detect.address_grammar import parse
from pipeline.detect.name_lookalikes import not_a_name, staff_field, thing_register
from pipeline.detect.registry import detect


def found(text: str, label: str) -> dict[str, str]:
    """Every finding of ``label`` the whole registry makes, by role."""
    return {f.text: f.role or "" for f in detect(text) if f.label == label}


ROSTER = "低保审批花名册\n1．户主汤招娣，身份证号421126196911018726，家住石桥镇马鞍村9组12号。\n"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (ROSTER + "　　民政办经办人：车川　审核人：卜刚　分管领导：梅俊杰\n", "梅俊杰"),
        (ROSTER + "登记人（网格员）：康坤　登记日期：2025年2月28日\n", "康坤"),
        (ROSTER + "　　班主任：熊菁　政教处：曲瑾　学校地址：甘谷县朝阳路104号\n", "曲瑾"),
    ],
)
def test_staff_fields_are_official(text: str, name: str) -> None:
    """A roster's signing fields name the office's staff: official, never redacted."""
    assert found(text, "PERSON").get(name) == "official"


@pytest.mark.parametrize(
    ("line", "name", "expected"),
    [
        ("分管领导：梅俊杰", "梅俊杰", "分管领导"),
        ("登记人（网格员）：康坤", "康坤", "登记人"),
        ("审核人：卜刚　政教处：曲瑾", "曲瑾", "政教处"),
        # a department's field only on a signing line; a party is never staff
        ("　住处：张三", "张三", None),
        ("申请人：张三", "张三", None),
    ],
)
def test_staff_field(line: str, name: str, expected: str | None) -> None:
    assert staff_field(line, line.index(name)) == expected


@pytest.mark.parametrize(
    ("text", "word", "masked"),
    [
        ("反映的与承包方聂某宅基地纠纷问题", "方聂", True),  # a masked party
        ("苍南县双溪中心小学", "双溪", True),  # the place of a school
        ("（2023）双溪调字第85号", "双溪", True),
        ("家庭人口3人，其孙女史新民残疾", "其孙", True),
        ("被申请人：哈米德·汗，越南籍，护照号码略", "越南籍", True),
        ("委托代理人：方新，明德律师事务所律师", "明德", True),
        ("见证人：郑山根（杨埠社区村民）", "杨埠", True),
        ("4．肖继红，七年级", "．肖", True),
        ("张三社区矫正期满", "张三", False),
        ("反映的与承包方聂冬梅宅基地纠纷问题", "聂冬梅", False),
        ("申请人聂冬梅，女", "聂冬梅", False),
    ],
)
def test_not_a_name(text: str, word: str, masked: bool) -> None:
    start = text.index(word)
    assert (not_a_name(text, start, start + len(word)) is not None) is masked


HERITAGE = (
    "苍南县林业局\n关于公布第四批古树名木保护名录的通知\n\n"
    "1\t古樟树\t高峰镇石门村3组28号旁\t高峰镇石门村民委员会\t一级\n"
    "2\t黄连木\t石桥乡沙坝村5组\t石桥乡沙坝村民委员会\t二级\n"
)


def test_register_of_things_names_nobody() -> None:
    """A 古树名木名录's rows are trees and where they stand: no name, no home."""
    assert thing_register(HERITAGE)
    assert not found(HERITAGE, "PERSON")
    assert not found(HERITAGE, "ADDRESS")


def test_register_row_with_a_number_still_read() -> None:
    text = "古树名木保护名录\n1\t管护人王春生\t13912345678\t住石桥镇马鞍村9组12号\n"
    start = text.index("王春生")
    assert not_a_name(text, start, start + 3) is None


RESETTLE = (
    "关于胜利路棚户区改造项目房屋征收补偿情况的公示\n"
    "1\t皇甫金花\t411625198602286944\t120.55\t6236689712788988048\t丽景湾10-3-131\n"
    "2\t廉建设\t411625195007121295\t80.10\t6229088808125559179\t解放路158号盛世名门3幢797室\n"
    "　　地址：南充市顺庆区人民路9号；联系人：向川；电话：0839-5400813。\n"
)


@pytest.mark.parametrize("home", ["丽景湾10-3-131", "解放路158号盛世名门3幢797室"])
def test_estate_known_by_its_building(home: str) -> None:
    """An estate with a name of its own (no 小区/苑) is read whole before its building,
    and a row's end does not run on into the next row's number."""
    assert found(RESETTLE, "ADDRESS").get(home) == "private"


def test_next_row_number_is_no_wrap() -> None:
    text = "1\t甲\t丽景湾10-3-131\n2\t乙\n"
    assert [text[a.start : a.end] for a in parse(text)] == ["丽景湾10-3-131"]


def test_office_contact_then_landline() -> None:
    """联系人：向川；电话：0839-… closes a 公示: the office's contact and its landline."""
    assert found(RESETTLE, "PERSON").get("向川") == "official"
    assert found(RESETTLE, "PHONE").get("0839-5400813") == "official"


@pytest.mark.parametrize(
    "text",
    [
        "会议在县行政中心3号楼召开。",
        "办公地址：市民服务中心2栋5楼。",
        "项目位于开发区创业园3栋，由某公司承建。",
    ],
)
def test_buildings_of_public_places_stay_public(text: str) -> None:
    assert not [r for r in found(text, "ADDRESS").values() if r == "private"]


@pytest.mark.parametrize(
    ("text", "home"),
    [
        (
            "受伤害职工：谈水生　身份证号码：530326196803248650\n"
            "家庭地址：顺庆区宏远建材有限公司员工宿舍4栋493室\n",
            "顺庆区宏远建材有限公司员工宿舍4栋493室",
        ),
        (
            "经营者：饶满仓\n家庭地址：菏泽市牡丹区东方花园11-1-362\n",
            "菏泽市牡丹区东方花园11-1-362",
        ),
    ],
)
def test_home_after_family_address_cue(text: str, home: str) -> None:
    """家庭地址： gives a home; a works' dormitory room is its worker's, not the firm's seat."""
    assert found(text, "ADDRESS").get(home) == "private"


def test_company_seat_stays_published() -> None:
    text = "用人单位：宏远建材有限公司\n住所：顺庆区工业园宏远建材有限公司3号楼\n"
    assert "private" not in found(text, "ADDRESS").values()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("出租房屋信息登记表\n房主：师建设　联系电话：13912345678\n", "师建设"),
        ("出租房屋信息登记表\n出租人姓名：任金花　联系电话：13912345679\n", "任金花"),
    ],
)
def test_landlords_are_private(text: str, name: str) -> None:
    assert found(text, "PERSON").get(name) == "private"


@pytest.mark.parametrize(
    "wrap", ["联系人\n：黎根宝；电话：0839-5400813。", "联系人：\n黎根宝；电话：0839-5400813。"]
)
def test_office_contact_across_a_wrap(wrap: str) -> None:
    text = RESETTLE.split("　　地址")[0] + "　　地址：南充市顺庆区人民路9号；" + wrap
    assert found(text, "PERSON").get("黎根宝") == "official"

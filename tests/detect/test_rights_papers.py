"""Table tests of the eighteenth pass's rules: rights papers (仲裁裁决, 不动产 公告, 殡葬
补贴 rows, 法律援助 决定, 信用修复 公示, 信访 交办单) — rare surnames, the office's staff and
lawyers on duty, a role word in a table's header, a county's short name opening a shop's
name, a footer phone under a list, and 经…申请 naming an applicant."""

from __future__ import annotations

import pytest

from pipeline.detect.address_grammar import lead_in, parse
from pipeline.detect.chinese_name import surnames
from pipeline.detect.context import contact_role
from pipeline.detect.judge_address import home_cue
from pipeline.detect.name_lookalikes import not_a_name
from pipeline.detect.name_offices import official_near
from pipeline.detect.name_slots import slot_names
from pipeline.detect.place_trades import division_trade
from pipeline.detect.proposals import Proposal


@pytest.mark.parametrize("surname", ["亓", "禚", "蓬", "郜", "逯", "仉", "佘", "笪", "訾", "揭"])
def test_rare_northern_surnames_are_read(surname: str) -> None:
    single, _compound = surnames()
    assert surname in single


@pytest.mark.parametrize(
    ("text", "name", "official"),
    [
        ("制表：禚晓峰　审核：仉建军　2025年4月16日", "禚晓峰", True),
        ("交办人：郜文彬　联系电话：0499-77797834-1293", "郜文彬", True),
        ("指派正义律师事务所郜勇律师承办。", "郜勇", True),
        ("值班律师：訾国庆　值班电话：0735-4126379", "訾国庆", True),
        # a party: not the office's staff, not a lawyer
        ("申领人：禚晓峰，身份证号", "禚晓峰", False),
        ("信访人：郜文彬，住后营村3组12号", "郜文彬", False),
        ("制表厂工人禚晓峰反映", "禚晓峰", False),
    ],
)
def test_staff_and_lawyers_on_duty(text: str, name: str, official: bool) -> None:
    start = text.index(name)
    assert (official_near(text, start, start + len(name)) is not None) is official


@pytest.mark.parametrize(
    ("text", "word", "named"),
    [
        # a role word in a roster's header is no name (申 is a surname)
        ("序号　逝者姓名　申领人　申领人身份证号　补贴金额\n", "申领人", False),
        # a county's short name opening a shop's or a firm's name
        ("1．章贡热氏商行，统一社会信用代码", "章贡", False),
        ("当事人：章贡吴记副食店\n", "章贡吴", False),
        ("被申请人：晋中鑫达建筑劳务有限公司", "晋中鑫", False),
        ("对邢台宏远物流有限公司进行检查", "邢台宏", False),
        # names: a person before a firm's name with a word between, a name alone
        ("申请人吴江红与被申请人华为公司劳动争议", "吴江红", True),
        ("经营者章立新，身份证号码", "章立新", True),
        ("申领人：申建国，身份证号", "申建国", True),
    ],
)
def test_lookalikes_of_names(text: str, word: str, named: bool) -> None:
    start = text.index(word)
    assert (not_a_name(text, start, start + len(word)) is None) is named


@pytest.mark.parametrize(
    ("text", "word", "trade"),
    [
        ("章贡热氏商行", "章贡", True),
        ("晋中鑫达建筑劳务有限公司", "晋中鑫", True),
        ("昌吉福满理发店", "昌吉福", True),
        ("吴江红与华为公司", "吴江红", False),
        ("章贡区人民政府", "章贡", False),  # the suffix: division_stem's case, not this one
        ("晋中市民", "晋中市", False),
        ("赣（2021）章贡不动产权第3456789号", "章贡", True),
    ],
)
def test_division_trade(text: str, word: str, trade: bool) -> None:
    start = text.index(word)
    assert division_trade(text, start, start + len(word)) is trade


@pytest.mark.parametrize(
    ("text", "number", "role"),
    [
        # the notice's foot under a list of names that closed its sentence
        (
            "2．章贡诸葛氏商行，经营者诸葛文彬；\n　　联系电话：0744-40188899\n",
            "0744-40188899",
            "official",
        ),
        ("承办律师联系电话：0735-41263798转7997。", "0735-41263798转7997", "official"),
        # a party's field lines: the phone is the party's
        ("申请人：王建华\n联系电话：0744-40188899\n", "0744-40188899", "private"),
        ("经营者：诸葛文彬\n电话：0744-40188899\n", "0744-40188899", "private"),
    ],
)
def test_footer_and_lawyer_phones(text: str, number: str, role: str) -> None:
    start = text.index(number)
    assert contact_role(text, start, start + len(number), landline=True)[0] == role


@pytest.mark.parametrize(
    ("text", "name", "source"),
    [
        ("经禚斌、诸葛娜申请，对坐落于", "诸葛娜", "rule:slot_private_act"),
        ("经王建国申请，对坐落于", "王建国", "rule:slot_private_act"),
        # any other lead before 申请 stays a plain subject
        ("其中王建国申请了补助", "王建国", "rule:slot_subject"),
    ],
)
def test_applicant_after_jing(text: str, name: str, source: str) -> None:
    start = text.index(name)
    assert slot_names(text).get((start, start + len(name))) == source


HEAD = "章贡区不动产登记中心\n关于更正登记的公告\n\n\u3000\u3000"


@pytest.mark.parametrize(
    ("text", "address", "home"),
    [
        # the house of who applied after 经, under the 登记中心's heading
        (
            HEAD + "经揭秀兰申请，对坐落于襄都区锦绣华庭17号楼2单元1002室的房屋办理",
            "襄都区锦绣华庭17号楼2单元1002室",
            True,
        ),
        (
            HEAD + "经王东、李梅申请，对坐落于章贡区幸福里小区18号楼4单元103室的房屋",
            "章贡区幸福里小区18号楼4单元103室",
            True,
        ),
        # an organisation applied: its building
        (
            HEAD + "经章贡区供销合作社申请，对坐落于章贡区幸福里小区18号楼4单元103室的房屋",
            "章贡区幸福里小区18号楼4单元103室",
            False,
        ),
    ],
)
def test_house_of_who_applied(text: str, address: str, home: bool) -> None:
    start = text.index(address)
    p = Proposal("ADDRESS", start, start + len(address), address, {"rule:address_grammar": 0.5})
    assert home_cue(p, text) is home


@pytest.mark.parametrize(
    ("text", "name", "proposed"),
    [
        # 系 of 联系 / 关系 is no copula after a name
        ("联系人：笪强\u3000联系电话：0797-3456789", "笪强\u3000联", False),
        ("两户关系紧张", "两户关", False),
        # the copula: 王建国系申请人之子
        ("王建国系申请人之子", "王建国", True),
    ],
)
def test_copula_xi_is_not_inside_a_word(text: str, name: str, proposed: bool) -> None:
    start = text.index(name)
    assert ((start, start + len(name)) in slot_names(text)) is proposed


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a county whose name starts with a lead-in word (于 of 于都县, 于洪区, 于田县)
        ("办公地址：于都县官庄镇团结路58号官庄镇司法所二楼", "于都县官庄镇团结路58号"),
        ("住于洪区幸福里小区18号楼4单元103室", "于洪区幸福里小区18号楼4单元103室"),
        # the lead-in words before a division are still left out
        ("反映的居住在于都县官庄镇团结路58号", "于都县官庄镇团结路58号"),
        ("家住长沙市岳麓区望月湖小区3栋2单元501室", "长沙市岳麓区望月湖小区3栋2单元501室"),
    ],
)
def test_a_division_starting_with_a_lead_word_is_kept_whole(text: str, address: str) -> None:
    assert address in {text[a.start : a.end] for a in parse(text)}


@pytest.mark.parametrize(
    ("text", "pos", "leads"),
    [
        ("所居住的城东区幸福路1号", 3, True),
        ("居住于城东区幸福路1号", 2, True),
        ("办公地址：于都县官庄镇团结路58号", 5, False),
        ("住于洪区幸福里小区18号楼", 1, False),
        ("城东区幸福路1号", 0, False),
    ],
)
def test_lead_in(text: str, pos: int, leads: bool) -> None:
    assert lead_in(text, pos) is leads

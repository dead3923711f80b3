"""The judge's address rules (pipeline/detect/judge_address.py): whose address it is and
how much of it to cover. Every text is written here."""

from __future__ import annotations

import pytest

from pipeline.detect.address import published_address
from pipeline.detect.judge import JudgedAddressRecognizer
from pipeline.detect.judge_address import home_cue, rank, seat_of
from pipeline.detect.proposals import Proposal


def proposal(
    text: str, value: str, sources: tuple[str, ...] = ("rule:address_grammar",)
) -> Proposal:
    start = text.index(value)
    return Proposal("ADDRESS", start, start + len(value), value, dict.fromkeys(sources, 0.5))


@pytest.mark.parametrize(
    ("text", "value", "published"),
    [
        (
            "办公地址：济南市历下区龙奥北路8号龙奥大厦3楼312室。",
            "济南市历下区龙奥北路8号龙奥大厦3楼312室",
            True,
        ),
        ("项目位于夷陵区龙泉镇龙泉村3组，总投资", "夷陵区龙泉镇龙泉村3组", True),
        ("会议地点：市民中心B座3楼305室", "市民中心B座3楼305室", True),
        ("某某评估有限公司（住所：杭州市临平区世纪大道201号）", "杭州市临平区世纪大道201号", True),
        ("向相城区人民政府（地址：相城区嘉元路1088号）申请", "相城区嘉元路1088号", True),
        (
            "执法人员在位于海淀区中关村大街27号的北京某科技有限公司检查",
            "海淀区中关村大街27号",
            True,
        ),
        ("请到县城人民路66号市民服务中心办理", "县城人民路66号", True),
        # homes: a person's cue, a house somebody owns, a verb before the company
        ("申请人王东，住所：济南市槐荫区经十路22799号", "济南市槐荫区经十路22799号", False),
        ("送达地址：潍坊市寒亭区东利渔村3排12号", "潍坊市寒亭区东利渔村3排12号", False),
        ("其位于经十路22799号的房屋被某某公司拆除", "经十路22799号", False),
        ("反映其居住的花家地北里5号楼1单元802室楼下餐馆", "花家地北里5号楼1单元802室", False),
    ],
)
def test_published_address(text: str, value: str, published: bool) -> None:
    start = text.index(value)
    assert (published_address(text, start, start + len(value)) is not None) is published


def test_a_party_line_naming_a_company_makes_its_seat_official() -> None:
    text = "当事人：济南鑫源商贸有限公司\n统一社会信用代码：91370104MA3C5X2K1L\n住所：济南市槐荫区经十路22799号\n"
    assert seat_of(proposal(text, "济南市槐荫区经十路22799号"), text) is not None
    home = "当事人：王东，男\n住所：济南市槐荫区经十路22799号\n"
    assert seat_of(proposal(home, "济南市槐荫区经十路22799号"), home) is None
    # 送达地址 under a signature line of the agency is the person's
    served = "潍坊市寒亭区人力资源和社会保障局\n2024年6月7日\n送达地址：寒亭街道东利渔村3排12号\n"
    assert seat_of(proposal(served, "寒亭街道东利渔村3排12号"), served) is None


def test_home_cues() -> None:
    text = "信访人马秀兰，住址：西宁市城东区康乐小区3栋2单元501室。"
    cued = proposal(text, "西宁市城东区康乐小区3栋2单元501室", ("lexicon:address_cues",))
    cued.rule_role, cued.context_words = "private", ("住址",)
    assert home_cue(cued, text)
    office = "通讯地址：府前路2号"
    seat = proposal(office, "府前路2号", ("lexicon:address_cues",))
    seat.rule_role, seat.context_words = "private", ("通讯地址",)
    assert not home_cue(seat, office)  # offices print 通讯地址 before their own
    owned = "您父亲名下位于相城区黄埭镇冯梦龙村西巷28号房屋的审批"
    assert home_cue(proposal(owned, "相城区黄埭镇冯梦龙村西巷28号"), owned)


def test_a_whole_address_goes_before_the_pieces_inside_it() -> None:
    text = "住所：山东省济南市历城区花园路76号2号楼1单元\n301室。"
    whole = proposal(text, "山东省济南市历城区花园路76号2号楼1单元\n301室")
    piece = proposal(text, "山东省济南市历城区花园路76号2号楼1单元", ("model:ner",))
    probabilities = [0.6, 0.9]
    assert rank("ADDRESS", [whole, piece], probabilities, 0, 0.5) == 0.9
    assert rank("ADDRESS", [whole, piece], [0.4, 0.9], 0, 0.5) == 0.4  # not kept: no lift
    assert rank("PERSON", [whole, piece], probabilities, 0, 0.5) == 0.6


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "申请人李秀英，女，1965年3月生，住湖南省长沙市\n岳麓区望月湖街道望月湖小区12栋3单元\n502室，联系电话13812345678。",
            "湖南省长沙市\n岳麓区望月湖街道望月湖小区12栋3单元\n502室",
        ),
        (
            "申请人王大明，住所：山东省济南市历城区洪家楼街道花园路76号7号院2号楼1单元\n301室。",
            "山东省济南市历城区洪家楼街道花园路76号7号院2号楼1单元\n301室",
        ),
    ],
)
def test_a_wrapped_home_is_covered_whole(text: str, address: str) -> None:
    found = [f.text for f in JudgedAddressRecognizer().analyze(text) if f.role == "private"]
    assert found == [address]

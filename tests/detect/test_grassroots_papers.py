"""Table tests of the seventeenth pass's rules: grassroots papers (排查 lists, 登记簿,
走访/行程 records, 办事处 address notices) — who is staff, whose phone is the office's,
and when a paper speaks of private persons."""

from __future__ import annotations

import pytest

from pipeline.detect.context import contact_role
from pipeline.detect.home_evidence import names_a_home
from pipeline.detect.judge_address import home_cue
from pipeline.detect.name_offices import official_near
from pipeline.detect.person_name import PersonRecognizer, _skip_colon
from pipeline.detect.proposals import Proposal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1．钮琴（家住丰收村八村民组62号）与卜超因排水沟渠堵塞发生争执", True),
        ("走访对象：钮素珍，现住和谐家园13栋3单元2702室", True),
        ("户籍地：黄墩镇井头村一村民组95号", True),
        ("送达地址：宏达小区4栋5单元2103", True),
        ("居住于金桂园31号楼2-403，手机", True),
        # a village or an estate in news, a building, no door
        ("家住杨湾村的村民反映，道路年久失修", False),
        ("近日，滨湖苑16栋楼顶防水改造工程完工", False),
        ("现住人口1200人，其中老年人300人", False),
        ("家住3号楼的居民", False),
        ("村委会地址：新建村5组54号", False),
    ],
)
def test_names_a_home(text: str, expected: bool) -> None:
    assert names_a_home(text) is expected


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("网格员签字：储连生", 3, 6),
        ("申请人签名：王东", 3, 6),
        ("网格员：储连生", 3, 4),
        ("网格员签到情况", 3, 3),
    ],
)
def test_skip_colon_reads_a_signing_field(text: str, pos: int, expected: int) -> None:
    assert _skip_colon(text, pos) == expected


@pytest.mark.parametrize(
    ("text", "name", "official"),
    [
        ("已由江镇镇司法所邝刚调处完毕。", "邝刚", True),
        ("经文昌街道工作人员糜琴现场核实，已协调物业维修", "糜琴", True),
        ("由城关派出所民警王东办理", "王东", True),
        ("调查人：邰满仓、邰超　联系电话：0556-3624028", "邰满仓", True),
        ("报送人：晏金凤　电话：0465-6460238", "晏金凤", True),
        # a party, not the office's staff
        ("与司法所邝刚因宅基地发生纠纷", "邝刚", False),
        ("被调查人：邰满仓，男", "邰满仓", False),
        ("已由物业公司工作人员糜琴现场核实", "糜琴", False),
    ],
)
def test_office_staff_named(text: str, name: str, official: bool) -> None:
    start = text.index(name)
    assert (official_near(text, start, start + len(name)) is not None) is official


@pytest.mark.parametrize(
    ("text", "number", "role"),
    [
        ("紫荆社区居委会，地址：紫荆花园10栋1楼，电话：0563-3456026。", "0563-3456026", "official"),
        ("滨河街道办事处，地址：幸福路57号，电话：0563-3456027。", "0563-3456027", "official"),
        ("报送人：晏金凤　电话：0465-6460238\n", "0465-6460238", "official"),
        ("登记人：巩来福　电话：0479-4527265\n", "0479-4527265", "official"),
        # a PDF wrap between the office and its address ends no sentence
        (
            "幸福路1号；御景社区居\n委会，地址：御景华府11栋1楼，电话：0596-7347390\n。",
            "0596-7347390",
            "official",
        ),
        (
            "电力社区居委\n会，地址：电力小区3栋1楼，电话：0544-7744238。",
            "0544-7744238",
            "official",
        ),
        ("滨河街道办事\n处，地址：幸福路57号，电话：0563-3456027。", "0563-3456027", "official"),
        # a resident's home and phone
        ("储翠兰，住电力小区4栋5单元2103，电话：0563-3456026。", "0563-3456026", "private"),
        ("房东：邰金凤，地址：紫荆花园10栋1楼，电话：0563-3456026。", "0563-3456026", "private"),
        ("储翠兰，住电力小\n区4栋5单元2103，电话：0563-3456026。", "0563-3456026", "private"),
    ],
)
def test_office_landline(text: str, number: str, role: str) -> None:
    start = text.index(number)
    assert contact_role(text, start, start + len(number), landline=True)[0] == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("网格员签字：储连生　社区联系电话：0478-4935039", "储连生", "official"),
        ("申请人签名：王建华", "王建华", "private"),
    ],
)
def test_signed_field_role(text: str, name: str, role: str) -> None:
    roles = {f.text: f.role for f in PersonRecognizer().analyze(text)}
    assert roles.get(name) == role


@pytest.mark.parametrize(
    ("text", "address", "home"),
    [
        # a 登记簿 row of one person: name, home, mobile — no cue word
        ("1　2025年6月10日　储宝山，新罗区丽景湾25号楼3单元2801室　15654801787　反映占道\n",
         "新罗区丽景湾25号楼3单元2801室", True),
        ("2　艾秋菊　紫荆花园28幢2单元2503室　154 4212 3456　要求解决低保\n",
         "紫荆花园28幢2单元2503室", True),
        ("3　骆琴　511302200112111896　杨湾村12组71号\n", "杨湾村12组71号", True),
        # an office's row: its seat after 地址, a landline; a row with no private number
        ("紫荆社区服务站，地址：紫荆花园10栋1楼，联系人手机15654801787\n", "紫荆花园10栋1楼", False),
        ("1　滨湖苑社区　滨湖苑3栋101室　0563-3456026\n", "滨湖苑3栋101室", False),
        ("近日，滨湖苑16栋楼顶防水改造工程完工。\n", "滨湖苑16栋", False),
    ],
)  # fmt: skip
def test_a_person_row_is_a_home_cue(text: str, address: str, home: bool) -> None:
    start = text.index(address)
    p = Proposal("ADDRESS", start, start + len(address), address, {"rule:address_grammar": 0.6})
    assert home_cue(p, text) is home

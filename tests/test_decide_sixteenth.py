"""Rules fixed against a sixteenth hand (tests/fixtures/attribute_sixteenth*.py), each pinned
by small documents written here in other words:

- an office's own business is 内部事务信息 (第十六条第一款): a 会议通知 calling its system's
  units, a 简报 for the leaders' reference, rules for its own 财务/考勤 — but a hearing's
  notice and a county-wide 差旅费 办法 stay published;
- a 密级 with its period in the running header beside other words withholds (第十四条);
  命题 and 入闱 arrangements before an exam, and a list of 储备 库点 with their stocks, are
  state secrets though unmarked (第十四条);
- a 批复 to one villager on his house, or to one county firm on its own 担保, concerns that
  party (第十五条); a project's 批复 to a firm stays published;
- a paper by a 公共企事业单位 (school, hospital, water company) cites 第五十五条;
- a 部分公开 resting on the clause model's readings alone is not given 0.90 or more.
"""

from __future__ import annotations

import pytest

from pipeline.decide_confidence import hint_only
from pipeline.doc_inside import inside_reason
from pipeline.doc_institutions import public_institution
from pipeline.doc_kinds import marking_in_any_form
from pipeline.finding import Finding, Role
from pipeline.metadata import Metadata
from tests.decide_support import suggest_and_redact

MEETING = (
    "关于召开全市河长制工作推进会的通知\n各区县水利局，市直有关单位：\n"
    "　　定于2025年3月6日下午3时在市政府第二会议室召开推进会。\n"
    "　　参加人员：各区县水利局局长，市直有关单位分管负责人。\n湘潭市水利局\n2025年3月1日\n"
)
HEARING = (
    "关于召开管道燃气价格听证会的通知\n"
    "　　定于2025年5月8日召开听证会，参加人员由消费者代表、经营者代表组成，欢迎市民报名旁听。\n"
    "湘潭市发展和改革委员会\n2025年4月20日\n"
)
BULLETIN = (
    "政务动态\n第12期\n湘潭市人民政府办公室编　2025年6月3日\n"
    "　　雨湖区启动背街小巷提质改造，已完工17条。\n（仅供领导参阅）\n"
)
OWN_RULES = (
    "公务用车使用管理规定\n"
    "　　第一条　为规范本局内部公务用车管理，节约经费，制定本规定。\n"
    "　　第二条　用车须提前一日向办公室申请。\n湘潭市统计局\n2025年1月8日\n"
)
COUNTY_RULES = (
    "湘潭市党政机关差旅费管理办法\n"
    "　　第一条　为加强和规范全市党政机关差旅费管理，推进厉行节约，制定本办法。\n"
    "　　第二条　本办法适用于全市各级党政机关。\n湘潭市财政局\n2025年2月1日\n"
)
# A county-wide rule that tells each unit to act uses the same words (为加强本单位…).
COUNTY_UNITS = (
    "关于加强财务报销管理的通知\n各乡镇人民政府，县直各单位：\n"
    "　　为加强本单位财务报销管理，各单位要建立健全审批制度。\n平原县财政局\n2025年3月1日\n"
)
COUNTY_EACH = (
    "财务管理工作要点\n"
    "　　各部门要结合实际，为加强本单位财务管理制定细则，报县财政局备案。\n平原县财政局\n2025年3月1日\n"
)
OWN_TITLED = (
    "本局财务报销规定\n　　为加强本局财务报销管理，各部门要严格审批。\n平原县统计局\n2025年3月1日\n"
)
OWN_SECTIONS = (
    "车辆管理规定\n局机关各科室：\n"
    "　　为规范本局公车管理，现规定如下。\n平原县统计局\n2025年3月1日\n"
)
HEADER_MARKED = (
    "湘潭市应急管理局　　秘密★一年\n湘应急〔2025〕9号\n\n国庆期间值守安排\n"
    "　　各科室按排班表到岗，主要负责同志带班。\n湘潭市应急管理局\n2025年9月20日\n"
)
SECLUSION = (
    "2025年高中阶段学校招生考试命题人员入闱安排\n"
    "　　入闱时间为6月1日至6月18日，地点为市教育考试院培训楼三层。\n湘潭市教育局\n2025年5月20日\n"
)
RESERVE = (
    "市级储备粮承储情况表\n"
    "　　易俗河中心库　小麦3200吨\n　　九华粮库　稻谷5100吨\n　　城北储备点　玉米800吨\n"
    "湘潭市粮食和物资储备局\n2025年4月2日\n"
)
HOUSE_REPLY = (
    "湘潭县花石镇人民政府\n关于周国华建房申请的批复\n"
    "周国华（身份证号：430321196804122315），\n白石村5组村民：\n"
    "　　你户申请新建住房，占地110平方米，经审核符合村庄规划，同意建设。\n"
    "湘潭县花石镇人民政府\n2025年3月3日\n"
)
FIRM_LOAN = (
    "关于同意湘潭城发集团有限公司申请银行贷款的批复\n湘潭城发集团有限公司：\n"
    "　　你公司报来的请示收悉。同意你公司向工商银行申请流动资金贷款8000万元。\n"
    "湘潭市国有资产监督管理委员会\n2025年7月9日\n"
)
PROJECT_REPLY = (
    "关于湘潭垃圾焚烧发电项目环境影响报告书的批复\n湘潭绿能环保有限公司：\n"
    "　　你公司报送的环境影响报告书收悉。经研究，同意该项目建设。\n湘潭市生态环境局\n2025年7月9日\n"
)
SCHOOL_NOTICE = (
    "2025年秋季招生简章\n　　本校面向全市招收初中毕业生450名，学制三年。\n"
    "湘潭市第三中学\n2025年5月9日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (MEETING, "不予公开", "第十六条"),
        (HEARING, "主动公开", "第十九条"),
        (BULLETIN, "不予公开", "第十六条"),
        (OWN_RULES, "不予公开", "第十六条"),
        (COUNTY_RULES, "主动公开", "第十九条"),
        (HEADER_MARKED, "不予公开", "第十四条"),
        (SECLUSION, "不予公开", "第十四条"),
        (RESERVE, "不予公开", "第十四条"),
        (HOUSE_REPLY, "依申请公开", "第十五条"),
        (FIRM_LOAN, "依申请公开", "第十五条"),
        (PROJECT_REPLY, "主动公开", "第十九条"),
        (SCHOOL_NOTICE, "主动公开", "第五十五条"),
    ],
)
def test_sixteenth_kinds(text: str, attribute: str, article: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute, suggestion.reasons
    assert article in suggestion.legal_basis, suggestion.legal_basis


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("湘潭市应急管理局　　秘密★一年\n正文", "秘密★一年"),
        ("第2页　秘密（1年）\n正文", "秘密（1年）"),
        ("秘密*1年　　特急\n正文", "秘密*1年"),
        ("关于秘密★1年文件清理的通知\n正文", None),  # the words of a title, no space
        ("湘潭市保密局　　保密工作简报\n正文", None),  # a level word without a period
        ("一\n二\n三\n　　档案中标注秘密★1年的文件　按期解密。", None),  # the body, not the header
    ],
)
def test_marking_in_the_header(text: str, mark: str | None) -> None:
    assert marking_in_any_form(text) == mark


@pytest.mark.parametrize(
    ("text", "internal"),
    [
        (MEETING, True),
        (HEARING, False),
        (BULLETIN, True),
        (OWN_RULES, True),
        (COUNTY_RULES, False),
        (COUNTY_UNITS, False),
        (COUNTY_EACH, False),
        (OWN_TITLED, True),
        (OWN_SECTIONS, True),
    ],
)
def test_inside_reason(text: str, internal: bool) -> None:
    title = text.split("\n")[0]
    assert (inside_reason(Metadata(title=title), text) is not None) is internal


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (SCHOOL_NOTICE, "湘潭市第三中学"),
        ("停水公告\n　　明日停水。\n湘潭市自来水有限公司\n2025年1月1日\n", "湘潭市自来水有限公司"),
        ("价格公示\n　　门诊诊查费10元。\n湘潭县人民医院\n2025年1月1日\n", "湘潭县人民医院"),
        (COUNTY_RULES, None),
        (FIRM_LOAN, None),  # a 国资委 is an office; the firm is not a public utility
        # a county office's 公示 whose last lines are rows naming schools: no writer
        ("全县教育系统先进集体的公示\n　　现予公示。\n1\t城关镇中心小学\n2\t县第一中学\n", None),
        ("先进集体名单\n　　现予公示。\n1．城关镇中心小学\n（2）县人民医院\n", None),
        # the 版记's 抄送 and an attachment's name are others, not the writer
        (
            "关于做好流感防控工作的通知\n　　现通知如下。\n县卫生健康局\n2024年3月1日\n抄送：县人民医院\n",
            None,
        ),
        ("关于做好流感防控工作的通知\n　　现通知如下。\n附件：县人民医院\n", None),
    ],
)
def test_public_institution(text: str, unit: str | None) -> None:
    assert public_institution(text) == unit


def _finding(label: str, recognizer: str, role: Role | None = None) -> Finding:
    return Finding(label, 0, 4, "年薪40万元", 0.7, recognizer, "", role)


@pytest.mark.parametrize(
    ("attribute", "findings", "capped"),
    [
        ("部分公开", [_finding("TRADE_SECRET", "clause_model")], True),
        (
            "部分公开",
            [_finding("TRADE_SECRET", "clause_model"), _finding("ID_CARD", "id_card")],
            False,
        ),
        ("部分公开", [], False),  # a list's private detail read from the text, no finding
        ("主动公开", [_finding("TRADE_SECRET", "clause_model")], False),
        ("部分公开", [_finding("PERSON", "clause_model", "official")], False),
    ],
)
def test_hint_only(attribute: str, findings: list[Finding], capped: bool) -> None:
    """A 部分公开 whose only grounds are the clause model's readings is capped at 0.80."""
    assert (hint_only(attribute, findings) is not None) is capped


STORE_LIST = (
    "县级储备粮承储库点分布表\n序号\t承储库点\t品种\t数量\n"
    "1\t城东库\t稻谷\t2000吨\n2\t河口仓\t小麦\t1500吨\n"
)
STORE_SALE = (
    "关于2024年县级储备粮轮换竞价销售的公告\n"
    "　　定于2024年5月10日在县粮食交易中心公开竞价销售县级储备粮，现将有关事项公告如下。\n"
    "序号\t承储库点\t品种\t数量\n1\t城东库\t稻谷\t2000吨\n2\t河口仓\t小麦\t1500吨\n"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (STORE_LIST, True),  # the 库点 of a reserve and what each holds
        (STORE_SALE, False),  # a 轮换 auction publishes its lots' 库点 and tonnage
    ],
)
def test_reserve_store_rows(text: str, secret: bool) -> None:
    from pipeline.doc_kinds import state_secret_reason
    from pipeline.metadata import extract_metadata

    assert (state_secret_reason(text, extract_metadata(text)) is not None) is secret


PROJECT_LOAN_REPLY = (
    "关于湘潭宏泰新材料有限公司年产5万吨新型建材项目核准的批复\n湘潭宏泰新材料有限公司：\n"
    "　　你公司报来的《关于年产5万吨新型建材项目核准的请示》收悉。经研究，同意核准该项目。"
    "项目总投资2亿元，其中企业自筹8000万元，银行贷款1.2亿元。\n县发展和改革局\n2024年3月1日\n"
)
GUARANTEE_REPLY = (
    "关于有关事项的批复\n湘潭城发集团有限公司：\n"
    "　　你公司《关于为子公司融资提供担保的请示》收悉。经研究，同意提供连带责任担保。\n"
    "湘潭市国有资产监督管理委员会\n2025年7月9日\n"
)


@pytest.mark.parametrize(
    ("text", "one_party"),
    [
        (FIRM_LOAN, True),  # the title names the firm's own loan
        (GUARANTEE_REPLY, True),  # the request it answers names the 担保
        (PROJECT_LOAN_REPLY, False),  # a project's 核准: its 银行贷款 is one of its funds
        (PROJECT_REPLY, False),
    ],
)
def test_reply_on_a_firms_own_matter(text: str, one_party: bool) -> None:
    from pipeline.doc_parties import one_party_reason
    from pipeline.metadata import extract_metadata

    assert (one_party_reason(text, extract_metadata(text)) is not None) is one_party

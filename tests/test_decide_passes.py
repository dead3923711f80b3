"""The decision rules of issue 20's later passes: documents served on one party read from
their structure, kinds read as printed, the third pass's 第十六条/第二十一条 kinds, and the
confidence caps where a rule and the model or a critical signal disagree."""

from __future__ import annotations

import pytest

from pipeline.detect import detect
from pipeline.metadata import extract_metadata
from tests.decide_support import POLICY, suggest_and_redact

# --- documents served on one party, read from their structure (pipeline/doc_parties.py) ---

SERVED_ON_PERSON = (
    "某某市生态环境局\n关于对噪声扰民问题处理情况的回复\n"
    "李建华：\n"
    "　　你于2024年6月3日来信反映某小区夜间施工噪声扰民问题。经现场核查，现将处理情况告知如下。\n"
    "　　如不服本决定，可以自收到本回复之日起六十日内向某某市人民政府申请行政复议。\n"
    "某某市生态环境局\n2024年6月20日\n"
)
SANCTION_ON_COMPANY = (
    "某某区市场监督管理局\n关于对某某食品有限公司违法行为的处理决定\n"
    "某某食品有限公司：\n"
    "　　经查，你公司销售超过保质期的食品。本局决定给予你公司警告，并处罚款人民币二万元。\n"
    "　　如不服本决定，可以在收到本决定之日起六十日内申请行政复议。\n"
    "某某区市场监督管理局\n2024年7月1日\n"
)
LICENCE_TO_COMPANY = (
    "某某县农业农村局\n关于某某种业有限公司申请事项的决定\n"
    "某某种业有限公司：\n"
    "　　你（单位）于2024年3月2日提出的申请收悉。经审查，决定准予农作物种子生产经营许可。\n"
    "某某县农业农村局\n2024年3月9日\n"
)
# Near misses: a 公告 to the public with a 救济 sentence; a 批复 addressed to a company.
EXPROPRIATION_NOTICE = (
    "某某区人民政府关于某某片区房屋征收决定的公告\n"
    "　　为实施旧城区改建，区人民政府决定征收某某片区国有土地上房屋。\n"
    "　　被征收人如不服本决定，可以自公告之日起六十日内申请行政复议。\n"
    "某某区人民政府\n2024年5月6日\n"
)
EIA_APPROVAL = (
    "某某市生态环境局\n关于某某化工有限公司年产1万吨涂料项目环境影响报告书的批复\n"
    "某某化工有限公司：\n"
    "　　你公司报送的《环境影响报告书》收悉。经研究，批复如下：同意项目建设。\n"
    "某某市生态环境局\n2024年4月2日\n"
)


@pytest.mark.parametrize(
    ("text", "attributes"),
    [
        (SERVED_ON_PERSON, ("依申请公开",)),
        (SANCTION_ON_COMPANY, ("主动公开", "部分公开")),
        (LICENCE_TO_COMPANY, ("依申请公开",)),
        (EXPROPRIATION_NOTICE, ("主动公开", "部分公开")),
        (EIA_APPROVAL, ("主动公开", "部分公开")),
    ],
    ids=["person", "sanction_company", "licence_company", "notice", "approval"],
)
def test_documents_served_on_one_party(text: str, attributes: tuple[str, ...]) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute in attributes, suggestion.reasons
    if attributes == ("依申请公开",):
        assert suggestion.rule == "served_on_party"
        assert any("送达" in r or "当事人" in r for r in suggestion.reasons)


# --- issue 20, second pass: kinds read as printed, parties read from the head, secrets
# read from the document as a whole (each pinned by a small document)

SECOND_PASS = [
    (  # a 调解书 titled letter-spaced under the committee's line
        "城关街道人民调解委员会\n调 解 协 议 书\n甲方：靳强，男，26岁，住东风村3组12号\n"
        "乙方：谢秀超，男，联系电话：17775152449\n　　经调解，双方自愿达成如下协议：乙方支付甲方2000元。\n",
        "依申请公开",
        "第十五条",
        False,
    ),
    (  # a 法律援助 decision, letter-spaced
        "某某区法律援助中心\n终 止 法 律 援 助 决 定 书\n夏宇兰：\n"
        "　　因受援人以欺骗手段获得法律援助，决定终止法律援助。\n某某区法律援助中心\n2025年4月16日\n",
        "依申请公开",
        "第十五条",
        False,
    ),
    (  # a penalty whose party block names no organisation: a person
        "某某县水利局\n当场行政处罚决定书\n某水罚〔2025〕第110号\n违法行为人（个人）：黎琪轩\n"
        "联系地址：某某县前东乡北下村\n　　经查，你在禁渔期内使用电鱼工具捕捞，决定处以罚款500元。\n"
        "某某县水利局\n2025年5月22日\n",
        "依申请公开",
        "第十五条",
        False,
    ),
    (  # the party block letter-spaced
        "某某区交通运输局\n不予行政处罚决定书\n某交罚〔2022〕136号\n当 事 人：王霞\n性　　别：女\n"
        "　　鉴于当事人系初次违法且及时改正，决定不予行政处罚。\n某某区交通运输局\n2022年10月19日\n",
        "依申请公开",
        "第十五条",
        False,
    ),
    (  # a penalty on a company, its representative masked: published whole
        "某某市市场监督管理局行政处罚决定书\n某市监罚〔2024〕56号\n当事人：某某餐饮管理有限公司\n"
        "统一社会信用代码：91630104MA7F2QX81L\n法定代表人：韩某某\n"
        "　　当事人使用无标签食品，本局决定罚款人民币捌仟元整。\n某某市市场监督管理局\n2024年7月18日\n",
        "主动公开",
        "第二十条",
        False,
    ),
    (  # a 复议 on a public matter is published whoever applied, even when it upholds
        "某某县人民政府\n行政复议决定书\n某政复决〔2024〕55号\n申请人：虞宏琪，女，1984年出生，住东风街138号。\n"
        "被申请人：某某县住房和城乡建设局\n　　申请人对被申请人作出的房屋征收补偿决定不服，申请行政复议。\n"
        "　　本机关决定：维持被申请人作出的决定。\n某某县人民政府\n2024年11月1日\n",
        "部分公开",
        "第三十七条",
        False,
    ),
    (  # the applicant's own matter stays with the parties
        "某某县人民政府\n行政复议决定书\n某政复决〔2024〕56号\n申请人：蒋桂芳，女，1964年出生，住东风村3组5号。\n"
        "被申请人：某某县住房和城乡建设局\n　　申请人对被申请人作出的不予发放公共租赁住房补贴决定不服，申请行政复议。\n"
        "　　本机关决定：维持被申请人作出的原决定。\n某某县人民政府\n2024年11月1日\n",
        "依申请公开",
        "第十五条",
        False,
    ),
    (  # a record read from its 问/答 layout, the title lost
        "时间：2024年3月26日9时10分至11时\n地点：某某县林业局执法办案室\n询问人：张强、李明　记录人：王芳\n"
        "被询问人：贾二锁，男\n问：你把事情经过讲一下。\n答：是我自己砍的。\n问：有无采伐许可？\n答：没有。\n",
        "不予公开",
        "第十六条",
        False,
    ),
    (  # an 审批表 read from its opinion boxes
        "案由：涉嫌无证经营\n当事人：何某某\n承办人意见：拟处罚款5000元。\n法制审核意见：同意。\n"
        "负责人审批意见：同意。\n",
        "不予公开",
        "第十六条",
        False,
    ),
    (  # cadre remarks without a 考察 title
        "关于拟提拔对象有关情况的说明\n　　民主测评中，该同志获优秀票21票。\n"
        "　　主要缺点和不足：开拓创新意识不够强。\n某某县发展和改革局\n2024年5月6日\n",
        "不予公开",
        "第十六条",
        False,
    ),
    (
        "关于给予王某某同志警告处分的决定\n　　经局党组研究，决定给予王某某同志警告处分。\n"
        "某某县财政局\n2024年5月6日\n",
        "不予公开",
        "第十六条",
        False,
    ),
    (
        "来信来访交办单\n　　请于5个工作日内核实处理并反馈。\n某某县信访局\n2024年5月6日\n",
        "不予公开",
        "第十六条",
        False,
    ),
    (  # a plan the office calls 涉密, no 密级 marking
        "某某县2025年国防动员工作计划\n（涉密文件，注意保管）\n　　重点目标6处，防护力量180人。\n"
        "某某县人民政府办公室\n2025年1月6日\n",
        "不予公开",
        "第十四条",
        True,
    ),
    (  # a civil-defence site with decimal coordinates
        "关于浏阳市地下防空工程维护管理情况的报告\n　　地下指挥中心位于市政务中心地下3层，坐标东经112.9591°、北纬37.2187°。\n"
        "某某市人民政府\n2024年4月21日\n",
        "不予公开",
        "第十四条",
        True,
    ),
    (  # relief stock: amounts, where they are kept and the route
        "关于救灾物资储备布局的报告\n　　现有储备库4个，主库位于东郊3公里处，储备帐篷900顶。\n"
        "　　调运路线经国道105线至各乡镇。\n某某县人民政府\n2024年4月21日\n",
        "不予公开",
        "第十四条",
        True,
    ),
]


@pytest.mark.parametrize(("text", "attribute", "article", "escalate"), SECOND_PASS)
def test_issue_20_second_pass_rules(
    text: str, attribute: str, article: str, escalate: bool
) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute, suggestion.reasons
    assert article in suggestion.legal_basis, suggestion.legal_basis
    assert suggestion.needs_escalation is escalate


def test_a_public_stock_notice_without_amounts_or_places_stays_public() -> None:
    suggestion, _ = suggest_and_redact(
        "关于做好2024年家庭应急物资储备工作的通知\n各乡镇人民政府：\n"
        "　　倡导居民家庭储备必要的应急物资，各地要加强储备管理制度建设。\n某某县应急管理局\n2024年5月6日\n"
    )
    assert suggestion.attribute == "主动公开", suggestion.reasons


def test_a_public_list_with_an_address_column_is_never_published_whole() -> None:
    """Hard rule: a table whose column holds home addresses is 部分公开, never 主动公开."""
    suggestion, _ = suggest_and_redact(
        "2024年高龄津贴发放名单公示\n　　现将发放对象予以公示，公示期7天。\n序号　姓名　家庭住址　金额（元）\n"
        "1　张秀英　东风村3组12号　300\n2　李桂兰　红星村5组7号　300\n某某县民政局\n2024年6月3日\n"
    )
    assert suggestion.attribute == "部分公开", suggestion.reasons


# Third pass (issue 20): kinds written from 第十六条 (请示报告, 磋商信函), 第二十一条 and the
# 征收 rules, and how offices address replies; one small document each.
THIRD_PASS = [
    (  # a 报告 sent up to the superior on how a task stands: 请示报告
        "某某区应急管理局\n关于近期安全生产检查情况的报告\n某应急〔2024〕21号\n区人民政府：\n"
        "　　我局近期检查危化企业，发现隐患23处，已整改17处。拟提请区政府协调执法力量。\n"
        "　　特此报告。\n某某区应急管理局\n2024年6月2日\n",
        "不予公开",
        "第十六条",
    ),
    (  # an 审计工作报告 to the 人大 is published, though it is a 报告 with a 主送 line
        "关于2023年度区级预算执行和其他财政收支的审计工作报告\n区人大常委会：\n"
        "　　现将审计情况报告如下。全区一般公共预算收入完成42.1亿元。\n　　特此报告。\n"
        "某某区审计局\n2024年8月27日\n",
        "主动公开",
        "第十九条",
    ),
    (  # a 信访 转送函 passes a case to another office: 磋商信函
        "某某县人民政府信访局\n信访事项转送函\n某信转〔2024〕213号\n县住房和城乡建设局：\n"
        "　　现将群众反映小区物业收费问题的来信转送你单位，请依法处理并答复信访人。\n"
        "某某县人民政府信访局\n2024年4月2日\n",
        "不予公开",
        "第十六条",
    ),
    (  # a government's 常务会议纪要 recording its decisions, nothing unsettled: published
        "某某区人民政府第45次常务会议纪要\n"
        "　　2024年9月12日，区长主持召开区政府第45次常务会议。纪要如下：\n"
        "　　一、会议审议通过了《某某区老旧小区改造实施方案》，由区住建局牵头组织实施。\n"
        "　　二、会议要求各街道做好汛期值守。\n",
        "主动公开",
        "第十九条",
    ),
    (  # the same 纪要 recording a dissent stays process information
        "某某区人民政府第46次常务会议纪要\n"
        "　　一、会议审议了《某某片区改造方案》，区财政局对资金来源提出不同意见，会议决定暂缓实施。\n",
        "不予公开",
        "第十六条",
    ),
    (  # a 房屋征收补偿决定 served on one household is announced in the 征收 area
        "某某区人民政府\n房屋征收补偿决定书\n某府征补〔2024〕3号\n"
        "被征收人：钟德胜，男，1962年3月出生，住某某区水东镇虎岗村12号。\n"
        "　　因棚户区改造项目建设需要，本府作出房屋征收决定。双方未达成补偿协议，作出补偿决定如下：\n"
        "　　一、货币补偿金额人民币986700元。\n"
        "　　如不服本决定，可在收到本决定书之日起六十日内申请行政复议。\n某某区人民政府\n2024年6月10日\n",
        "部分公开",
        "第二十一条",
    ),
    (  # a reply to one complainant, addressed to him and to 您, with no remedy sentence
        "关于对王建国同志投诉事项的回复\n王建国同志：\n"
        "　　您通过12345热线投诉的夜间施工噪音问题，我局已组织现场检查，该工地已停止夜间施工。\n"
        "　　感谢您对我们工作的支持。\n某某区城市管理局\n2024年5月20日\n",
        "依申请公开",
        "第十五条",
    ),
    (  # a department handed a case to handle and report back on: a letter between offices
        "某某县医疗保障局\n某医保字[2023]40号\n水利局：\n"
        "　　现将群众来信转交你单位，请按程序调查处理，结果报我办。\n某某县医疗保障局\n2023年1月1日\n",
        "不予公开",
        "第十六条",
    ),
    (  # a reply to a 人大代表's 建议, addressed to him: its 办理结果 is published
        "某某区水利局\n关于对区人大第118号建议的答复\n某水复〔2024〕9号\n陈志刚代表：\n"
        "　　您提出的第118号建议收悉，现答复如下。我局已将农村饮水工程纳入年度计划。\n"
        "　　感谢您对我们工作的关心和支持。\n某某区水利局\n2024年6月3日\n",
        "主动公开",
        "第十九条",
    ),
    (  # a penalty on a 加油站: an enterprise though its name ends in none of 公司/厂/店
        "某某区应急管理局\n行政处罚决定书\n某应急罚〔2024〕12号\n当事人：某某区顺达加油站\n"
        "经营场所：某某区南宁北路88号\n　　经查，当事人未按规定开展安全生产教育培训。"
        "决定给予罚款2万元的行政处罚。\n　　如不服本决定，可在收到本决定书之日起六十日内申请行政复议。\n"
        "某某区应急管理局\n2024年5月8日\n",
        "主动公开",
        "第二十条",
    ),
    (  # a 信访 处理意见 without 书: one petitioner's matter, not a proactive 意见
        "某某县人力资源和社会保障局\n关于何春梅信访事项的处理意见\n某人社信〔2024〕8号\n何春梅：\n"
        "　　你于2024年3月反映的本人养老保险缴费年限认定问题，经调查核实，处理意见如下。\n"
        "　　如不服本处理意见，可自收到之日起30日内向县人民政府申请复查。\n某某县人力资源和社会保障局\n2024年4月2日\n",
        "依申请公开",
        "第十五条",
    ),
    (  # a 第三十二条 consultation letter whose title line was lost
        "某某市自然资源局\n某自然资函〔2024〕31号\n某某市恒通置业有限公司：\n"
        "　　本机关收到政府信息公开申请，申请公开你公司土地出让合同。根据《中华人民共和国政府信息公开条例》"
        "第三十二条规定，现书面征求你公司意见。\n某某市自然资源局\n2024年6月3日\n",
        "不予公开",
        "第十六条",
    ),
    (  # a 延期答复 to the applicant that consulted a third party under 第三十二条 is one-party
        "某某市自然资源局\n政府信息公开申请延期答复告知书\n某自然资延〔2024〕5号\n张丽华：\n"
        "　　你申请公开的信息涉及第三方权益，本机关依据《中华人民共和国政府信息公开条例》第三十二条"
        "书面征求第三方意见，所需时间不计算在答复期限内，特此告知。\n某某市自然资源局\n2024年6月3日\n",
        "依申请公开",
        "第十五条",
    ),
    (  # a 事先告知书: a step of the case before its decision (行政执法案卷)
        "某某区市场监督管理局\n行政处罚事先告知书\n某市监罚告〔2024〕21号\n李文斌：\n"
        "　　本局拟对你作出罚款5000元的行政处罚。根据《行政处罚法》第四十四条，你有权进行陈述和申辩。\n"
        "某某区市场监督管理局\n2024年3月1日\n",
        "不予公开",
        "第十六条",
    ),
    (  # a case handed to the police: a letter between offices
        "某某市市场监督管理局\n涉嫌犯罪案件移送书\n某市监移〔2024〕3号\n某某市公安局：\n"
        "　　我局在查处某米业有限公司销售假冒大米一案中，发现当事人涉嫌犯罪，现将该案移送你局。\n"
        "某某市市场监督管理局\n2024年7月1日\n",
        "不予公开",
        "第十六条",
    ),
]


@pytest.mark.parametrize(("text", "attribute", "article"), THIRD_PASS)
def test_issue_20_third_pass_rules(text: str, attribute: str, article: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute, suggestion.reasons
    assert article in suggestion.legal_basis, suggestion.legal_basis


def _decide_with(text: str, probabilities: dict[str, float]):  # type: ignore[no-untyped-def]
    from pipeline.decide import decide

    return decide(text, extract_metadata(text), detect(text), probabilities)


def test_a_model_that_disagrees_caps_the_confidence_and_says_why() -> None:
    """Rule and model reading the same document apart: at most 0.80, whatever the calibration."""
    agree = _decide_with(
        POLICY, {"主动公开": 0.9, "部分公开": 0.05, "依申请公开": 0.03, "不予公开": 0.02}
    )
    apart = _decide_with(
        POLICY, {"主动公开": 0.1, "部分公开": 0.05, "依申请公开": 0.05, "不予公开": 0.8}
    )
    assert apart.attribute == agree.attribute == "主动公开"
    assert apart.confidence <= 0.80
    assert any("模型倾向“不予公开”" in r for r in apart.reasons), apart.reasons
    assert not any("模型倾向" in r for r in agree.reasons)


def test_a_secret_marking_is_not_capped_by_the_model() -> None:
    s = _decide_with(
        "机密★5年\n" + POLICY,
        {"主动公开": 0.9, "部分公开": 0.04, "依申请公开": 0.03, "不予公开": 0.03},
    )
    assert s.attribute == "不予公开"
    assert not any("模型倾向" in r for r in s.reasons)


def test_a_process_cue_in_a_release_suggestion_caps_the_confidence() -> None:
    text = POLICY.replace("各镇人民政府", "未定稿\n各镇人民政府")
    s = _decide_with(
        text, {"主动公开": 0.95, "部分公开": 0.02, "依申请公开": 0.02, "不予公开": 0.01}
    )
    assert s.attribute == "主动公开", s.reasons
    assert s.confidence <= 0.70, s.reasons
    assert any("过程性信息（第十六条）" in r for r in s.reasons), s.reasons


def test_a_one_party_document_suggested_for_publication_is_capped() -> None:
    """The 依申请公开 ↔ 部分公开 border: a 复议决定 on a public matter for one person."""
    text = (
        "某某市人民政府\n行政复议决定书\n某府复决〔2024〕9号\n"
        "申请人：曾庆福，男，1958年7月出生，住某某市象湖镇红都大道88号。\n被申请人：某某市自然资源局。\n"
        "　　申请人不服被申请人作出的土地征收补偿安置方案，申请行政复议。本机关决定：维持。\n"
        "某某市人民政府\n2024年6月5日\n"
    )
    s = _decide_with(
        text, {"主动公开": 0.05, "部分公开": 0.9, "依申请公开": 0.04, "不予公开": 0.01}
    )
    assert s.attribute == "部分公开"
    assert s.confidence <= 0.80
    assert any("当事人为自然人" in r for r in s.reasons), s.reasons

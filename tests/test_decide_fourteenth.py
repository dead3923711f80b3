"""Rules fixed against a fourteenth hand (tests/fixtures/attribute_fourteenth*.py), one
small written document each: a 行政许可 决定书 is served on its party, a person or a firm,
and concerns it (第十五条; 第二十条（五） publishes the 办理结果 as a 公示 entry); the 考官 arrangement of an exam not yet held is kept
as an exam secret (第十四条). Each pins the attribute and the article."""

from __future__ import annotations

import pytest

from tests.decide_support import suggest_and_redact

PERMIT_FIRM = (
    "准予取水行政许可决定书\n遵水许〔2025〕14号\n遵义广源水务有限公司：\n"
    "　　你公司于2025年3月2日提交的取水许可申请，本机关已依法受理。经审查，符合法定条件，"
    "决定准予行政许可。\n　　许可有效期至2030年3月1日。\n遵义市红花岗区水利局\n2025年3月20日\n"
)
# Title lost in the wrapping; the firm addressed as 你单位, the grant wrapped over a line.
PERMIT_FIRM_WRAPPED = (
    "德城交许〔2024〕7号\n德州同创路桥有限公司：\n　　你单位申请的道路运输经营许可，经审查，决定准\n"
    "予许可，许可证编号：371402000123。\n德州市德城区交通运输局\n2024年5月6日\n"
)
PERMIT_PERSON = (
    "准予出租汽车驾驶员从业资格许可通知\n薛晓东（身份证号码：430621198601018832）：\n"
    "　　你于2024年5月9日申请出租汽车驾驶员从业资格，经审查，符合规定条件，准予许可。\n"
    "　　请于10日内凭本决定到政务服务中心窗口领取证件。\n平江县交通运输局\n2024年5月20日\n"
)
# The holder runs a 个体工商户 shop: the trade named is not a body holding the permit.
PERMIT_SHOP_KEEPER = (
    "个体工商户经营场所卫生许可决定书\n戴红斌（身份证号码：43062119591\n2104324）：\n"
    "　　你于2026年6月15日申请个体工商户经营场所卫生许可，经审查，符合规定条件，准予许\n可。\n"
    "麦积区卫生健康局\n2026年6月30日\n"
)
EXAMINERS = (
    "2025年度公开招录公务员面试考官安排\n"
    "　　面试定于2025年8月16日举行，考官于当日7:00到人事考试中心集中，抽签确定考场后入场。\n"
    "第1考场：主考官汤霞慧，考官岑航、戴国、柏桂德\n"
    "　　考官名单在面试结束前不得泄露。\n仁怀市人力资源和社会保障局\n2025年7月7日\n"
)
EXAMINERS_TABLE = (
    "面试考官抽调及分组安排表\n"
    "第1组：主考官邵宇航，考官施丽娟、贺德明\n第2组：主考官葛海燕，考官鲍文斌、符素芬\n"
    "甘谷县人力资源和社会保障局\n2024年6月1日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (PERMIT_FIRM, "依申请公开", "第十五条"),
        (PERMIT_FIRM_WRAPPED, "依申请公开", "第十五条"),
        (PERMIT_PERSON, "依申请公开", "第十五条"),
        (PERMIT_SHOP_KEEPER, "依申请公开", "第十五条"),
    ],
)
def test_permit_served_on_its_party(text: str, attribute: str, article: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute
    assert article in suggestion.legal_basis


@pytest.mark.parametrize("text", [EXAMINERS, EXAMINERS_TABLE])
def test_examiner_arrangement_is_an_exam_secret(text: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == "不予公开"
    assert suggestion.legal_basis[0] == "第十四条"
    assert suggestion.needs_escalation


# 第二十条 by topic: a 重大建设项目's approval and progress, a 统计 release titled by what it
# measures; 任免 names published; a 纪要 whose own number names its kind.
PROJECT = (
    "关于县人民医院门急诊综合楼初步设计的批复\n"
    "项目名称：县人民医院门急诊综合楼\n总投资：4.2亿元，资金来源：中央预算内投资和自筹。\n"
    "湄潭县发展和改革局\n2024年3月1日\n"
)
PROGRESS = (
    "S207线改扩建工程建设进展情况公开\n"
    "　　截至2025年6月1日，项目已完成投资65%，路基工程全部完工。\n平江县交通运输局\n2025年6月5日\n"
)
ECONOMY = (
    "2024年昌图县经济运行情况\n　　初步核算，全年地区生产总值377.7亿元，比上年增长2.5%。\n"
    "昌图县统计局\n2025年1月26日\n"
)


@pytest.mark.parametrize("text", [PROJECT, PROGRESS, ECONOMY])
def test_article_twenty_by_topic(text: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == "主动公开"
    assert "第二十条" in suggestion.legal_basis


APPOINTMENT = (
    "伍文宇、骆娟建同志任免职务的通知\n各乡镇人民政府，县政府各部门：\n"
    "　　经县政府常务会议研究，决定：\n　　任命伍文宇为银州区商务局副局长；\n"
    "　　任命骆娟建为银州区公共资源交易中心主任；\n　　免去谭浩东的银州区商务局副局长职务。\n"
    "银州区人民政府\n2023年4月7日\n"
)
NUMBERED_MINUTES = (
    "浮梁县人民政府常务会议纪要〔2021〕36号\n"
    "　　2021年11月19日，县长施桂慧主持召开县政府第36次常务会议，研究了以下事项：\n"
    "　　一、原则同意县属国有企业负责人薪酬方案，由县水利局会同有关单位抓紧落实。\n"
    "　　二、会议认为，相关事项涉及面广，须进一步论证后再提交县委常委会审议。\n"
    "浮梁县人民政府办公室\n2021年12月5日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [(APPOINTMENT, "主动公开", "第二十条"), (NUMBERED_MINUTES, "不予公开", "第十六条")],
)
def test_appointment_and_numbered_minutes(text: str, attribute: str, article: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute
    assert article in suggestion.legal_basis


# One-party decisions and replies by how offices title them: a 处罚决定 with no 书, a
# reply to one 公开申请 or one 信访 titled as a reply, not as an 答复书.
PENALTY_NO_SHU = (
    "对卜海驾驶超限货车的处罚决定\n"
    "当事人：卜海，男，45岁，住湄潭县光明街89号6单元276室\n"
    "　　2025年9月26日，当事人驾驶超限货车，有现场照片和询问笔录为证。\n"
    "　　本机关决定对当事人处以罚款2900元。\n湄潭县交通运输局\n2025年10月14日\n"
)
REQUEST_REPLY = (
    "关于鞠海敏申请公开政府信息的答复\n鞠海敏：\n"
    "　　本机关于2023年5月10日收到你提出的政府信息公开申请。经审查，现将该信息提供给你。\n"
    "平江县林业局\n2023年5月20日\n"
)
PETITION_REPLY = (
    "关于施晓东反映问题的答复\n施晓东：\n"
    "　　你来信反映所住小区道路积水的问题，经调查核实，现答复如下：已责成相关单位整改。\n"
    "德城区城市管理局\n2024年7月2日\n"
)


@pytest.mark.parametrize("text", [PENALTY_NO_SHU, REQUEST_REPLY, PETITION_REPLY])
def test_one_party_by_title(text: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == "依申请公开"
    assert "第十五条" in suggestion.legal_basis
    assert suggestion.rule == "one_party"


# As a PDF gives a draft back: a space inside a title's word, a title wrapped over two
# lines, a body line ending in a document's name, a title under a 版头 left unread.
SPLIT_WORD_BUDGET = (
    "华容县财政局2024年部门决 算公开说明\n一、部门基本情况\n"
    "　　本部门内设机构5个，编制人数49人。\n华容县财政局\n2025年8月1日\n"
)
WRAPPED_EXAMINERS = (
    "2025年度公开招录公务员面试考官安\n排\n（齐林函〔2025〕17号）\n"
    "　　面试定于2025年7月22日举行，考官于当日7:00到县委党校集中。\n"
    "第1考场：主考官伍斌红，考官汤德娟、伍晓素\n齐河县人力资源和社会保障局\n2025年7月1日\n"
)
WRAPPED_NOTICE_NAME = (
    "处罚决定书\n被处罚单位：铁岭盛世园林集团有限公司\n统一社会信用代码：91318144MA17128704\n"
    "　　经查，你单位于2024年3月20日超限运输。本机关于202\n4年9月27日依法送达了《行政处罚事先告知书\n"
    "》，你单位在法定期限内未提出陈述、申辩。本机关决定对你单位处以罚款人民币1万元。\n"
    "　　如不服本决定，可以在收到本决定书之日起六十日内申请行政复议。\n铁岭市清河区交通运输局\n"
    "2024年10月8日\n"
)
BANNER_SENTIMENT = (
    "清河区统计局文件\n━━━━━━━━━━━━━━━━\n网络舆情监测日报（第81期）\n"
    "　　2023年12月7日，网民在抖音发布关于城区某小学门口拥堵的帖文，浏览量52万次。\n"
    "　　研判：该话题热度仍在上升。\n清河区委网信办\n2023年12月8日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (SPLIT_WORD_BUDGET, "主动公开", "第二十条"),
        (WRAPPED_EXAMINERS, "不予公开", "第十四条"),
        (WRAPPED_NOTICE_NAME, "主动公开", "第二十条"),
        (BANNER_SENTIMENT, "不予公开", "第十六条"),
    ],
)
def test_pdf_wrapped_heads(text: str, attribute: str, article: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute
    assert article in suggestion.legal_basis


# 储备 sites and what each holds, as a PDF wraps the rows: an unmarked state secret.
WRAPPED_RESERVE = (
    "2023年抗旱应急力量部署\n各乡镇、县直有关单位：\n"
    "　　为应对抗旱关键期，县指挥部决定预置抢险力\n量432人，具体部署和储备位置如下：\n"
    "8号储备点：石门村村部仓库，存放编织袋573\n件，看管人施明慧\n"
    "6号储备点：石门村旧小学仓库，存放编织袋54\n3件，看管人邬浩娟\n"
    "平江县抗旱指挥部\n2023年6月1日\n"
)
# A published 预案 says stock is kept, not where and how much.
PUBLISHED_PLAN = (
    "平江县森林火灾应急预案\n1　总则\n　　为高效有序做好森林火灾应对工作，制定本预案。\n"
    "2　物资保障\n　　县应急管理局负责建立应急物资储备制度，储备必要的扑火物资。\n"
    "平江县人民政府\n2024年3月1日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute"), [(WRAPPED_RESERVE, "不予公开"), (PUBLISHED_PLAN, "主动公开")]
)
def test_reserve_sites_wrapped(text: str, attribute: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute
    if attribute == "不予公开":
        assert suggestion.legal_basis[0] == "第十四条"
        assert suggestion.needs_escalation


# A permit granted as an 审批意见 to one person: a decision, not a policy 意见.
PERMIT_OPINION = (
    "渔业捕捞审批意见\n伍明（身份证号码：620502196203191385）：\n"
    "　　你于2026年9月27日申请渔业捕捞，经审查，符合规定条件，准予许可。\n"
    "　　如对本决定有异议，可依法申请行政复议或者提起行政诉讼。\n藤县水利局\n2026年10月8日\n"
)
POLICY_OPINION = (
    "关于加快发展现代渔业的实施意见\n各乡镇人民政府，县直有关单位：\n"
    "　　为加快发展现代渔业，经县政府同意，提出以下意见。\n藤县人民政府\n2026年3月2日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute"), [(PERMIT_OPINION, "依申请公开"), (POLICY_OPINION, "主动公开")]
)
def test_permit_as_an_opinion(text: str, attribute: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute


# A 常务会议 纪要 that leaves a matter for more study is not settled; a wrapped title still
# names its 第二十条 topic.
UNSETTLED_MINUTES = (
    "县政府第13次常务会议纪要\n"
    "　　2024年12月11日，县长柏东红主持召开县政府第13次常务会议，研究了以下事项：\n"
    "　　一、原则同意县属国有企业负责人薪酬方案，由县财政局会同有关单位抓紧落实。\n"
    "　　二、会议认为，相关事项涉及面广，须进一 步\n论证后再提交县委常委会审议。\n"
    "仁怀市人民政府办公室\n2024年12月15日\n"
)
WRAPPED_PROJECT = (
    "开原市城区第二水厂及配套管网工程批准和\n实施情况\n"
    "项目名称：城区第二水厂及配套管网工程\n总投资：27.4亿元。\n开原市发展和改革局\n2022年12月3日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [(UNSETTLED_MINUTES, "不予公开", "第十六条"), (WRAPPED_PROJECT, "主动公开", "第二十条")],
)
def test_unsettled_minutes_and_wrapped_topic(text: str, attribute: str, article: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute
    assert article in suggestion.legal_basis


def test_a_wrapped_sentence_is_no_reply_title() -> None:
    """A 复议决定 whose title was lost: a body line ending in 公开申请答复 is a piece of a
    sentence, not the title of a reply to one applicant."""
    text = (
        "陆政复决〔2024〕第15号\n申请人：钱娥凯，男，住咸阳市秦都区新华街232号。\n"
        "被申请人：曲靖市麒麟区文化广电旅游局。\n"
        "　　申请人不服被申请人作出的政府信息公开申请答复\n，向本机关申请行政复议。\n"
        "　　本机关决定：驳回申请人的行政复议请求。\n曲靖市陆良县人民政府\n2024年11月21日\n"
    )
    suggestion, _ = suggest_and_redact(text)
    assert not any("公开申请答复”类" in r for r in suggestion.reasons)

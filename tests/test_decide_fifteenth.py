"""Rules fixed against a fifteenth hand (tests/fixtures/attribute_fifteenth*.py), each
pinned by small documents written here in other words: a reply to one 政府信息公开
applicant, person or firm, even with its title lost, concerns that applicant (第十五条;
第三十六条 answers them); the 评标委员会's own record (scores, members' views) is process
information (第十六条) while its 中标候选人公示 is published; and 待遇 (benefits) is not 待
("awaiting"), so a 复议决定 on a 养老保险待遇核定 is not an internal paper."""

from __future__ import annotations

import pytest

from pipeline.detect.internal_rules import internal_cue
from pipeline.doc_sent import bid_evaluation_reason, request_reply_reason
from tests.decide_support import suggest_and_redact

# To a firm, no title: the number, then the addressee.
REPLY_TO_FIRM = (
    "岳自然依申复〔2026〕12号\n岳阳华润置业有限公司：\n"
    "　　本机关于2026年4月8日收到贵公司提交的政府信息公开申请，申请获取某宗地出让合同。\n"
    "　　经检索，本机关未制作该信息，根据《中华人民共和国政府信息公开条例》第三十六条第（四）项，"
    "告知如下。\n岳阳市自然资源局\n2026年4月20日\n"
)
REPLY_TO_PERSON_WRAPPED = (
    "戴志红：\n　　你于2025年11月3日通过信函提出的\n政府信息公开申请收悉。你申请的信息已经主动公开，"
    "可在本机关门户网站查阅。\n平江县住房和城乡建设局\n2025年11月15日\n"
)
BID_REPORT = (
    "城区污水管网改造工程评标报告\n"
    "评标委员会成员：韩立（组长）、邵敏、童海、严华、覃刚\n"
    "　　湘北建工有限公司投标报价412.6万元，综合得分88.5分；岳阳路桥有限公司投标报价398.2万元，"
    "综合得分86.0分。评委严华认为湘北建工的工期安排偏紧。\n评委签字：\n2025年6月2日\n"
)
# Title lost: the body shows the committee listed and arguing.
BID_RECORD_UNTITLED = (
    "项目：县人民医院信息化采购\n评标委员会成员：钱伟、孔梅、葛强\n"
    "　　评委孔梅认为第三名的售后方案不满足要求，建议否决。经合议，维持原排序。\n"
    "评委签字：\n2024年9月9日\n"
)
BID_CANDIDATES = (
    "城区污水管网改造工程中标候选人公示\n"
    "　　本项目评标工作已结束，根据评标委员会的评标报告，现将中标候选人公示如下：\n"
    "第一中标候选人：湘北建工有限公司，投标报价412.6万元。\n"
    "　　公示期为2025年6月3日至6月5日。\n岳阳市公共资源交易中心\n2025年6月2日\n"
)
REVIEW_ON_BENEFITS = (
    "行政复议决定书\n申请人：孔德明，男，1961年出生。\n被申请人：平江县人力资源和社会保障局\n"
    "　　申请人对被申请人作出的基本养老保险待遇核定不服，于2025年3月1日申请行政复议。\n"
    "　　经审查，该核定认定事实清楚，程序合法。本机关决定：维持。\n平江县人民政府\n2025年5月6日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (REPLY_TO_FIRM, "依申请公开", "第十五条"),
        (REPLY_TO_PERSON_WRAPPED, "依申请公开", "第十五条"),
        (BID_REPORT, "不予公开", "第十六条"),
        (BID_RECORD_UNTITLED, "不予公开", "第十六条"),
        (BID_CANDIDATES, "主动公开", "第二十条"),
        (REVIEW_ON_BENEFITS, "依申请公开", "第十五条"),
    ],
)
def test_fifteenth_hand_rules(text: str, attribute: str, article: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute, suggestion.reasons
    assert article in suggestion.legal_basis


@pytest.mark.parametrize(
    ("text", "replies"),
    [
        (REPLY_TO_FIRM, True),
        (REPLY_TO_PERSON_WRAPPED, True),
        # a 通报 to all on how requests were answered is not one applicant's reply
        ("各乡镇人民政府：\n　　今年以来，我县共收到你们转来的政府信息公开申请52件。\n", False),
    ],
)
def test_request_reply_reason(text: str, replies: bool) -> None:
    assert (request_reply_reason("", text) is not None) is replies


@pytest.mark.parametrize(
    ("title", "text", "internal"),
    [
        ("", BID_REPORT, True),
        ("", BID_RECORD_UNTITLED, True),
        ("", BID_CANDIDATES, False),
        ("中标结果公告", "中标人：湘北建工有限公司\n评标委员会成员：韩立、邵敏、童海\n", False),
    ],
)
def test_bid_evaluation_reason(title: str, text: str, internal: bool) -> None:
    assert (bid_evaluation_reason(title, text) is not None) is internal


@pytest.mark.parametrize(
    ("sentence", "internal"),
    [
        ("申请人对被申请人作出的基本养老保险待遇核定不服，于2025年3月1日申请行政复议。", False),
        ("失业人员待业期间于2024年5月领取失业保险金，经核定按月发放。", False),
        ("上述2024年补偿金额待进一步核定后再行公布。", True),
        ("倒塌房屋146间，具体数字待现场确认。", True),
    ],
)
def test_awaiting_is_not_a_words_part(sentence: str, internal: bool) -> None:
    assert (internal_cue(sentence) is not None) is internal


# A 统一编号 in a province's own code, not a 规〔年〕号 number, under a title of no listed kind.
RULES_CODED = (
    "平江县人民政府关于进一步加强城市道路挖掘管理的意见\n统一编号：HNPR-2025-01003\n"
    "一、严格审批。挖掘城市道路须经城市管理部门批准。\n二、本意见自2025年3月1日起施行。\n"
    "平江县人民政府\n2025年2月1日\n"
)
INSPECTION = (
    "2025年校园食堂监督检查情况通报\n各学校：\n"
    "　　我局对全县32所学校食堂开展了监督检查，现将结果通报如下：城关一小食堂留样不规范，已责令整改。\n"
    "平江县教育局\n2025年6月1日\n"
)


@pytest.mark.parametrize(("text", "article"), [(RULES_CODED, "第二十条"), (INSPECTION, "第二十条")])
def test_fifteenth_hand_articles(text: str, article: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == "主动公开", suggestion.reasons
    assert article in suggestion.legal_basis


@pytest.mark.parametrize(("other", "capped"), [(0.65, False), (0.75, True), (0.9, True)])
def test_only_a_sure_model_caps_a_rule(other: float, capped: bool) -> None:
    """A model torn at 0.60–0.70 against a rule was never right over the rule on the
    calibration's data (decide_confidence.MODEL_SURE): the calibration weighs it, no cap."""
    from pipeline.decide import decide
    from pipeline.detect import detect
    from pipeline.metadata import extract_metadata
    from tests.decide_support import POLICY

    rest = (1.0 - other) / 3
    probabilities = {"主动公开": rest, "部分公开": rest, "依申请公开": rest, "不予公开": other}
    s = decide(POLICY, extract_metadata(POLICY), detect(POLICY), probabilities)
    assert s.attribute == "主动公开"
    assert any("置信度限为0.80" in r for r in s.reasons) is capped, s.reasons


# A 复议决定 whose title was lost under the 版头: its number and frame say what it is.
REVIEW_UNTITLED = (
    "平江县人民政府\n平政复决字(2025)第0041号\n"
    "申请人：严素华，女，住岳阳市岳阳楼区南湖路12号5号楼302室。\n被申请人：平江县民政局。\n"
    "　　申请人不服被申请人停发其最低生活保障金的决定，向本机关申请行政复议，本机关依法受理。\n"
    "　　经审理查明，被申请人作出决定前未听取申请人陈述申辩。\n— 1 —\n"
    "　　本机关决定：撤销被申请人作出的行政行为，责令其重新作出。\n"
    "　　申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。\n"
    "平江县人民政府\n2025年8月1日\n"
)
# Every decision ends with its remedies: no 被申请人, nothing decided on review.
PENALTY_REMEDIES = (
    "平江县市场监督管理局\n平市监罚〔2025〕8号\n当事人：平江县瑞丰粮油有限公司\n"
    "　　本局决定：罚款人民币5000元。如不服本决定，可在六十日内向平江县人民政府申请行政复议。\n"
)


@pytest.mark.parametrize(("body", "review"), [(REVIEW_UNTITLED, True), (PENALTY_REMEDIES, False)])
def test_review_frame(body: str, review: bool) -> None:
    from pipeline.doc_kinds import review_frame

    assert review_frame(body) is review


def test_an_untitled_review_that_corrects_is_published() -> None:
    suggestion, _ = suggest_and_redact(REVIEW_UNTITLED)
    assert suggestion.attribute == "部分公开", suggestion.reasons

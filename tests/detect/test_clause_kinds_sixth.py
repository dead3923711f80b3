"""The sixth pass's clause kinds (issue 19): 第十四条 and 第十六条 matters the first 47
families lacked, one row per family of ``pipeline/training/clause_families_sixth.py``, each
sentence worded otherwise than the family's templates, and published near misses on the
same topics that must stay quiet. (Kept apart from test_clause_kinds.py, which is at the
450-line bound.) All sentences are written for this project; names and figures are
invented.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.state_secret import state_cue
from tests.detect.test_clause_kinds import _hit

R = ClauseRecognizer()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param(
            "　　专案组定于本月18日凌晨对城东两处出租屋同时收网，抓捕组由刑侦大队副大队长带队。\n",
            "专案组定于本月18日凌晨对城东两处出租屋同时收网，抓捕组由刑侦大队副大队长带队",
            id="S6-police-plan",
        ),
        pytest.param(
            "　　峰会期间，主会场外围设三道警戒圈，武警两个中队担负外围警戒，便衣民警40名混编于观众中。\n",
            "峰会期间，主会场外围设三道警戒圈，武警两个中队担负外围警戒，便衣民警40名混编于观众中",
            id="S6-event-deployment",
        ),
        pytest.param(
            "　　经初步核算，上半年全县地区生产总值为126.4亿元，增长5.8%，该数据尚未正式发布。\n",
            "经初步核算，上半年全县地区生产总值为126.4亿元，增长5.8%，该数据尚未正式发布",
            id="S6-statistics",
        ),
        pytest.param(
            "　　截至6时，此次山体滑坡已确认遇难12人、失联7人，伤亡数字以指挥部统一对外发布为准。\n",
            "截至6时，此次山体滑坡已确认遇难12人、失联7人，伤亡数字以指挥部统一对外发布为准",
            id="S6-casualties",
        ),
        pytest.param(
            "　　在与外商的第二轮谈判中，我方可接受的设备总价上限为860万欧元，首轮报价按700万欧元提出。\n",
            "在与外商的第二轮谈判中，我方可接受的设备总价上限为860万欧元，首轮报价按700万欧元提出",
            id="S6-negotiation",
        ),
        pytest.param(
            "　　排查中发现，城南水厂的取水泵房仅有单回路供电，一旦失电全城将停水两天以上，且泵房周边没有物理隔离设施。\n",
            "排查中发现，城南水厂的取水泵房仅有单回路供电，一旦失电全城将停水两天以上，且泵房周边没有物理隔离设施",
            id="S6-weak-point",
        ),
        pytest.param(
            "　　机要室现有加密传真机3台，密钥每月由市密码管理局专人上门更换。\n",
            "机要室现有加密传真机3台，密钥每月由市密码管理局专人上门更换",
            id="S6-crypto",
        ),
        pytest.param(
            "附表　人员掩蔽工程一览\n序号\t名称\t位置\t掩蔽人数\n2\t城北地下掩蔽所\t东经113°12′，北纬28°11′\t800人\n",
            "2\t城北地下掩蔽所\t东经113°12′，北纬28°11′\t800人",
            id="S6-coordinates-row",
        ),
    ],
)
def test_state_secrets_of_the_sixth_kinds(text: str, span: str) -> None:
    _hit(text, "STATE_SECRET", span)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param(
            "　　经部务会初步研究，拟推荐张立新同志为县财政局副局长人选，目前尚未公示。\n",
            "经部务会初步研究，拟推荐张立新同志为县财政局副局长人选，目前尚未公示",
            id="I6-candidate",
        ),
        pytest.param(
            "　　该员年度内两次被群众投诉办事拖沓，科室评议意见为基本称职。\n",
            "该员年度内两次被群众投诉办事拖沓，科室评议意见为基本称职",
            id="I6-assessment",
        ),
        pytest.param(
            "　　综合科内部分工：李娜负责公文收发和机要保密，王强负责车辆调度和后勤接待。\n",
            "综合科内部分工：李娜负责公文收发和机要保密，王强负责车辆调度和后勤接待",
            id="I6-division",
        ),
        pytest.param(
            "　　集体讨论记录：陈刚认为当事人系初次违法，可从轻处罚；刘芳认为涉案货值较大，不宜从轻。\n",
            "集体讨论记录：陈刚认为当事人系初次违法，可从轻处罚；刘芳认为涉案货值较大，不宜从轻",
            id="I6-case-discussion",
        ),
        pytest.param(
            "　　会议议定事项（内部掌握）：对该公司的欠缴租金暂缓追缴，待年后视经营情况再定。\n",
            "会议议定事项（内部掌握）：对该公司的欠缴租金暂缓追缴，待年后视经营情况再定",
            id="I6-minutes-internal",
        ),
        pytest.param(
            "　　县长在报告上批了“先放一放”，具体如何落实尚未明确。\n",
            "县长在报告上批了“先放一放”，具体如何落实尚未明确",
            id="I6-leader-note",
        ),
        pytest.param(
            "　　与市交通局协商时，对方坚持只承担三成改造费用，我方表示难以接受。\n",
            "与市交通局协商时，对方坚持只承担三成改造费用，我方表示难以接受",
            id="I6-talks",
        ),
        pytest.param(
            "　　办案人员意见：现有证据尚不能证明当事人明知，建议补充调查后再提交案审会讨论。\n",
            "办案人员意见：现有证据尚不能证明当事人明知，建议补充调查后再提交案审会讨论",
            id="I6-case-officer",
        ),
        pytest.param(
            "　　本请示为代拟稿，待局长审签后方可报出。\n",
            "本请示为代拟稿，待局长审签后方可报出",
            id="I6-draft",
        ),
    ],
)
def test_internal_affairs_of_the_sixth_kinds(text: str, span: str) -> None:
    _hit(text, "INTERNAL", span)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "　　省统计局今天发布，上半年全省地区生产总值2.6万亿元，同比增长5.6%。\n",
            id="N6-released-gdp",
        ),
        pytest.param(
            "　　据市卫健委通报，昨日0至24时，全市新增报告本土感染者3例，均为集中隔离人员。\n",
            id="N6-released-cases",
        ),
        pytest.param(
            "　　市公安局成功破获一起电信网络诈骗案，抓获犯罪嫌疑人23名，专案组民警连续蹲守10天。\n",
            id="N6-police-news",
        ),
        pytest.param(
            "　　会议期间，会展中心周边道路实行临时交通管制，请过往车辆提前绕行。\n",
            id="N6-traffic",
        ),
        pytest.param(
            "　　双方在会谈中就深化经贸合作交换了意见，签署了5项合作协议。\n", id="N6-talks-news"
        ),
        pytest.param(
            "　　各单位要定期开展网络安全漏洞扫描，及时修补发现的安全隐患。\n", id="N6-vuln-rule"
        ),
        pytest.param(
            "　　张立新，男，汉族，1982年出生，大学学历，拟任县财政局副局长，现予公示。\n",
            id="N6-publicity",
        ),
        pytest.param(
            "　　上述事实有现场检查笔录、询问笔录、调查笔录、进货票据等证据证实。\n",
            id="N6-evidence",
        ),
        pytest.param(
            "　　经本机关负责人集体讨论，决定对当事人作出罚款人民币二万元的行政处罚。\n",
            id="N6-decision",
        ),
        pytest.param(
            "　　当事人在询问笔录中承认，该批化妆品系从网上购入，无法提供供货方资质。\n",
            id="N6-decision-cites-record",
        ),
        pytest.param(
            "　　经与物业公司协商时，对方表示将于本月底前完成电梯维修。\n",
            id="N6-reply-talks",
        ),
        pytest.param("　　局长李明：主持局全面工作，分管办公室和财务科。\n", id="N6-leaders"),
        pytest.param("　　节假日值班电话：0731-84561234，24小时有人值守。\n", id="N6-duty-phone"),
        pytest.param(
            "　　统计数据发布前，任何单位和个人不得违反规定提前对外公布。\n",
            id="N6-release-rule",
        ),
    ],
)
def test_published_wording_of_the_sixth_kinds_stays_quiet(text: str) -> None:
    assert [(f.label, f.text) for f in R.analyze(text)] == []


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (
            "一季度GDP初步核算为1,260亿元，增长5.2%，待省统计局统一发布后方可引用",
            "尚未发布的统计数据",
        ),
        (
            "此次地震已造成23人遇难，遇难人数须经指挥部核定后发布，暂不对外",
            "尚未发布的灾情疫情数字",
        ),
        ("据应急管理部发布，此次地震已造成23人遇难", None),
        # an accident report tells of a failure to report, published with the report
        ("事故造成2人死亡，该公司未及时向社会公布事故情况", None),
        ("专案组拟于下周二凌晨对两处窝点同时收网", "尚未实施的侦查行动"),
        ("专案组经过连续蹲守，成功抓获犯罪嫌疑人5名", None),
        ("对外谈判中，我方可接受的最低价格为每吨420美元", "对外谈判立场"),
        ("双方在会谈中就经贸合作交换了意见", None),
        ("县城只有一座110千伏变电站，一旦遭到破坏全城将停电", "关键设施薄弱环节"),
        ("政务外网边界防火墙存在3个高危漏洞，至今尚未修补", "关键设施薄弱环节"),
        ("对发现的安全漏洞未及时修复的，责令限期改正", None),
        ("新建变电站一座，进一步提高了城区供电可靠性", None),
        ("2\t城北地下掩蔽所\t东经113°12′，北纬28°11′\t可掩蔽800人", "军事人防设施坐标"),
        ("此次地震震中位于北纬28.2度、东经103.5度，震源深度10公里", None),
    ],
)
def test_state_cues(sentence: str, cue: str | None) -> None:
    assert state_cue(sentence) == cue


NOTICE = "关于开展城区道路维修的通知\n各社区：\n　　现将有关事项通知如下。联系人：王芳。\n"


@pytest.mark.parametrize(
    ("label", "recognizer", "withheld"),
    [
        ("INTERNAL", "clause_lexicon", True),
        ("INTERNAL", "clause_model", False),
        ("STATE_SECRET", "clause_lexicon", True),
        ("STATE_SECRET", "clause_model", False),
    ],
)
def test_only_a_rule_withholds_a_whole_document(
    label: str, recognizer: str, withheld: bool
) -> None:
    """A classifier-only clause finding asks the reviewer to check; it does not by itself
    withhold a document whose other findings would be redacted and published."""
    from pipeline.decide import WITHHELD, decide
    from pipeline.finding import Finding
    from pipeline.metadata import extract_metadata

    start = NOTICE.index("现将")
    clause = Finding(label, start, start + 12, NOTICE[start : start + 12], 0.7, recognizer, "…")
    suggestion = decide(NOTICE, extract_metadata(NOTICE), [clause])
    assert (suggestion.attribute == WITHHELD) == withheld, suggestion

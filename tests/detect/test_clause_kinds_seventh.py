"""The seventh pass's clause kinds (issue 19): one row per family of
``pipeline/training/clause_families_seventh*.py``, each sentence worded otherwise than the
family's templates — secrets and internal affairs in words the lexicons lack, and the
published wording that looks like them and must stay quiet (征兵 and 考试 notices, 储备粮
auctions, 防空警报试鸣, 保密宣传, 国家秘密 in law, 考核 and 任前公示, 处罚 summaries, 纪要
parts, 决算 tables). All sentences are written for this project; names and figures are
invented.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import DECIDED, PROCEDURE_RULE, ClauseRecognizer
from pipeline.detect.state_secret import public_notice, state_cue
from tests.detect.test_clause_kinds import _hit

R = ClauseRecognizer()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param(
            "　　试卷印制完成后按考场分装，共186袋，加贴封条后存放于县教育局保密室铁皮柜内。\n",
            "试卷印制完成后按考场分装，共186袋，加贴封条后存放于县教育局保密室铁皮柜内",
            id="S7-paper-kept",
        ),
        pytest.param(
            "　　命题组已审定，今年中考语文作文题拟以“一次难忘的劳动”为题，文体为记叙文。\n",
            "命题组已审定，今年中考语文作文题拟以“一次难忘的劳动”为题，文体为记叙文",
            id="S7-question-quoted",
        ),
        pytest.param(
            "　　军分区下达我区今年兵员征集任务82名，其中大学毕业生不少于40名。\n",
            "军分区下达我区今年兵员征集任务82名，其中大学毕业生不少于40名",
            id="S7-recruit-task",
        ),
        pytest.param(
            "　　新兵定于9月12日凌晨在县人武部集结，乘K1568次列车前往武汉站交接。\n",
            "新兵定于9月12日凌晨在县人武部集结，乘K1568次列车前往武汉站交接",
            id="S7-recruit-transport",
        ),
        pytest.param(
            "　　该部雷达站位于北山主峰，坐标东经112°46′、北纬27°53′，常驻官兵30人。\n",
            "该部雷达站位于北山主峰，坐标东经112°46′、北纬27°53′，常驻官兵30人",
            id="S7-military-site",
        ),
        pytest.param(
            "　　县级救灾储备库现存折叠床420张、棉被1,300床，集中存放于城西物流园3号库。\n",
            "县级救灾储备库现存折叠床420张、棉被1,300床，集中存放于城西物流园3号库",
            id="S7-stock",
        ),
        pytest.param(
            "　　应急调运时，储备物资经二广高速至龙门互通下道，再沿县道转运至各安置点。\n",
            "应急调运时，储备物资经二广高速至龙门互通下道，再沿县道转运至各安置点",
            id="S7-route",
        ),
    ],
)
def test_state_secrets_of_the_seventh_kinds(text: str, span: str) -> None:
    _hit(text, "STATE_SECRET", span)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param(
            "　　考察中，个别干部反映该同志工作作风较为简单，遇事与下属沟通不够。\n",
            "考察中，个别干部反映该同志工作作风较为简单，遇事与下属沟通不够",
            id="I7-interview-notes",
        ),
        pytest.param(
            "　　民主测评中，刘洋得优秀票12张、称职票20张、不称职票5张，排名靠后。\n",
            "民主测评中，刘洋得优秀票12张、称职票20张、不称职票5张，排名靠后",
            id="I7-tally",
        ),
        pytest.param(
            "　　关于王敏同志的调整问题，党组成员意见不一，会议决定暂不研究。\n",
            "关于王敏同志的调整问题，党组成员意见不一，会议决定暂不研究",
            id="I7-personnel",
        ),
        pytest.param(
            "　　张伟（法制科）：当事人系初次违法且主动改正，建议减轻处罚。\n",
            "张伟（法制科）：当事人系初次违法且主动改正，建议减轻处罚",
            id="I7-collective-discussion",
        ),
        pytest.param(
            "　　财务科会签意见：原则同意，但资金来源尚未落实，建议压减后再报。\n",
            "财务科会签意见：原则同意，但资金来源尚未落实，建议压减后再报",
            id="I7-routing-slip",
        ),
        pytest.param(
            "　　以下测算数据尚未与财政部门核对，仅供起草组内部研究使用。\n",
            "以下测算数据尚未与财政部门核对，仅供起草组内部研究使用",
            id="I7-study-in-progress",
        ),
        pytest.param(
            "　　法制审核意见：本案事实清楚，但裁量偏重，建议按下限处罚。\n",
            "法制审核意见：本案事实清楚，但裁量偏重，建议按下限处罚",
            id="I7-case-approval",
        ),
    ],
)
def test_internal_affairs_of_the_seventh_kinds(text: str, span: str) -> None:
    _hit(text, "INTERNAL", span)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "　　今年征兵体检定于8月5日在县人民医院进行，请初检合格的应征青年携带身份证准时参加。\n",
            id="N7-conscription-checkup",
        ),
        pytest.param(
            "　　笔试时间为6月28日上午，考点设在县第一高级中学，考生须提前30分钟入场。\n",
            id="N7-exam-notice",
        ),
        pytest.param(
            "　　本次考试大纲及参考书目见附件，考试不指定教材，不举办任何形式的培训班。\n",
            id="N7-exam-syllabus",
        ),
        pytest.param(
            "　　本批次竞价销售标的为2021年产小麦3,200吨，存储在城北粮库等2个库点，欢迎企业竞买。\n",
            id="N7-rotation-auction",
        ),
        pytest.param(
            "　　9月20日上午10时全市试鸣防空警报，届时请市民保持正常秩序，不必惊慌。\n",
            id="N7-siren-test",
        ),
        pytest.param(
            "　　各单位要加强涉密载体和涉密计算机管理，定期开展保密自查，增强干部保密意识。\n",
            id="N7-secrecy-campaign",
        ),
        pytest.param(
            "　　国家秘密的密级分为绝密、机密、秘密三级，机关应当依法确定密级和知悉范围。\n",
            id="N7-secret-law",
        ),
        pytest.param(
            "　　现将2024年度考核确定为优秀等次的15名同志名单予以公示，公示期五个工作日。\n",
            id="N7-assessment-results",
        ),
        pytest.param(
            "　　按照有关规定，现对下列拟提拔任用的干部进行任前公示，公示期内受理来信来电。\n",
            id="N7-pre-appointment",
        ),
        pytest.param(
            "　　行政相对人：某某商贸有限公司；违法事实：销售过期食品；处罚结果：罚款5000元。\n",
            id="N7-penalty-summary",
        ),
        pytest.param(
            "　　会议原则同意县交通局提出的实施方案，由县财政局负责落实配套资金。\n",
            id="N7-minutes-decision",
        ),
        pytest.param(
            "　　2024年“三公”经费财政拨款支出决算68.5万元，比上年减少4.2万元。\n",
            id="N7-final-accounts",
        ),
        pytest.param(
            "　　调查终结后，案件承办人应当提出处理意见，经法制机构审核后报负责人审批。\n",
            id="N7-procedure-rule",
        ),
        pytest.param("　　经研究，同意你单位提出的项目延期申请。\n", id="N7-approval-reply"),
    ],
)
def test_published_wording_of_the_seventh_kinds_stays_quiet(text: str) -> None:
    assert [(f.label, f.text) for f in R.analyze(text)] == []


@pytest.mark.parametrize(
    ("sentence", "public"),
    [
        ("本次竞价销售标的为稻谷2,980吨，分布在城北粮库等2个库点", True),
        ("笔试时间为6月28日上午，考点设在县第一中学", True),
        ("试卷共13套，于考试前三日由专人押运至各考点保密室", False),
        ("市级储备粮实际库存稻谷5.16万吨，存放于城北直属库", False),
    ],
)
def test_public_notice_reads_auctions_and_exam_arrangements(sentence: str, public: bool) -> None:
    assert public_notice(sentence) == public


@pytest.mark.parametrize(
    ("sentence", "general"),
    [
        ("调查终结后，办案人员应当提出处理建议，经法制机构审核后报负责人决定", True),
        ("审核机构认为证据不足的，应当退回承办机构补充调查", True),
        ("承办机构提出处理意见后，报本机关负责人审批", True),
        ("承办人意见：建议罚款5000元；审核意见：裁量偏重，请重新合议", False),
        ("王凯：我有不同意见，应当从重处罚", False),
    ],
)
def test_procedure_rules_are_not_opinions(sentence: str, general: bool) -> None:
    assert bool(PROCEDURE_RULE.search(sentence) or DECIDED.search(sentence)) == general


@pytest.mark.parametrize(
    ("sentence", "secret"),
    [
        ("运送试卷的车辆于开考当日凌晨4时从县教育局出发，由两名民警随车押送", True),
        ("审题会定于5月8日下午召开，由李明带队逐题审核", True),
        ("本次物理科共命制两套题，启用哪一套在开考前抽签确定", True),
        ("副题与正题分开存放，保险柜钥匙由王芳保管", True),
        # published: a rule for everyone, a finished task, a paper after use
        ("各考点要严格执行试卷运送和保管制度，确保试卷安全", False),
        ("今年中考试卷运送工作圆满完成，未发生任何失泄密事件", False),
        ("历年真题试卷及解析已上传至学校网站，供考生复习使用", False),
    ],
)
def test_exam_handling_before_use(sentence: str, secret: bool) -> None:
    assert (state_cue(sentence) == "启用前试卷的命题印制运送保管") == secret

"""Clause-level TRADE_SECRET, INTERNAL, STATE_SECRET: content, not instructions or statistics."""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer

R = ClauseRecognizer()


def _labels(text: str) -> list[tuple[str, str]]:
    return [(f.label, f.text) for f in R.analyze(text)]


@pytest.mark.parametrize(
    ("text", "label", "span"),
    [
        (
            "第二中标候选人：韶关市恒达建筑工程有限公司，投标报价4,912,800.00元，综合管理费率为4.2%；",
            "TRADE_SECRET",
            "投标报价4,912,800.00元，综合管理费率为4.2%",
        ),
        (
            "其中，宜昌长江精密机械有限公司2023年实现营业收入3.46亿元、净利润2,870万元。",
            "TRADE_SECRET",
            "2023年实现营业收入3.46亿元、净利润2,870万元",
        ),
        (
            "　　局党组会议讨论时，有意见认为可先调剂使用福彩公益金，最终未予采纳。",
            "INTERNAL",
            "局党组会议讨论时，有意见认为可先调剂使用福彩公益金，最终未予采纳",
        ),
        (
            "　　规划期内拟新增区级财政投入约3.2亿元（此数据待区财政局确认）。",
            "INTERNAL",
            "规划期内拟新增区级财政投入约3.2亿元（此数据待区财政局确认）",
        ),
        (
            "　　（一）关于王某同志。该同志全年无正当理由旷工累计4天。",
            "INTERNAL",
            "该同志全年无正当理由旷工累计4天",
        ),
        ("附件\n西河片区停车场建设方案（讨论稿）\n", "INTERNAL", "（讨论稿）"),
        (
            "　　截至5月31日，市级储备粮实际库存小麦3.82万吨、稻谷5.16万吨。",
            "STATE_SECRET",
            "截至5月31日，市级储备粮实际库存小麦3.82万吨、稻谷5.16万吨",
        ),
    ],
)
def test_flagged(text: str, label: str, span: str) -> None:
    assert (label, span) in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "中标人：广东粤北建设集团有限公司，中标价：人民币4,865,320.00元。",  # must be published
        "2024年，证券公司实现营业收入4967亿元，同比增长3.2%。",  # industry statistic
        "本通知涉及的库存数量、库点分布等信息，不得通过互联网传播。",  # an instruction
        "附件：西河片区停车场建设方案（讨论稿）",  # the 附件说明 line
        "作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议。",  # statute language
        "当事人违法所得2,000元，货值金额5,000元。",  # penalty facts
    ],
)
def test_not_flagged(text: str) -> None:
    assert _labels(text) == []


# Issue 19/20: clauses worded the ways other offices word them, one table per kind.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        (  # a losing bid's price worded without 投标报价
            "第二名：江苏恒远智能装备有限公司，投标总价1,236,500元，其中设备费980,000元、安装调试费156,500元。",
            "投标总价1,236,500元，其中设备费980,000元、安装调试费156,500元",
        ),
        (  # several bidders in one sentence: one clause per company
            "南京瑞达电子科技有限公司投标报价1,356,000元，江苏恒远智能装备有限公司投标报价1,402,500元。",
            "投标报价1,402,500元",
        ),
        (  # a recipe and its cost, "的" after the company left out
            "福州闽江食品有限公司的酱料由黄豆、小麦按6:4比例发酵180天制成，每吨原料成本约3,100元。",
            "酱料由黄豆、小麦按6:4比例发酵180天制成，每吨原料成本约3,100元",
        ),
        (  # process parameters from a company's submission: what it says, not where
            "其中，沈阳北方冶金材料有限公司提交的技术方案中载明，合金熔炼温度为1,520℃，保温时间40分钟。",
            "合金熔炼温度为1,520℃，保温时间40分钟",
        ),
    ],
)
def test_trade_secrets_worded_otherwise(text: str, span: str) -> None:
    assert ("TRADE_SECRET", span) in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "考察中，个别干部反映该同志工作作风不够扎实，对下属要求偏松。",  # 考察材料 remark
        "缺点和不足：工作方法有时较为简单，理论学习的系统性有待加强。",  # 考察材料 section
        "经办人意见：场地租赁合同期限不足一年，建议不予许可；科室负责人意见：同意。",  # 审批过程
        "讨论中，市财政局提出该项资金应纳入预算统筹安排，市发展改革委则主张先行拨付。",  # 内部讨论
        "案件集体讨论时，多数同志认为当事人系初次违法，应从轻处罚。",  # 集体讨论记录
        "党组会议酝酿时，有的同志提出该同志任现职时间较短，建议待明年再行考虑。",  # 人事 deliberation
        "初审意见：该企业研发费用归集不规范，建议核减56万元，待复审后最终确定。",  # 审批过程
    ],
)
def test_internal_affairs_worded_otherwise(text: str) -> None:
    assert [label for label, _span in _labels(text)] == ["INTERNAL"]


def test_opinions_parted_by_a_semicolon_are_one_clause() -> None:
    text = "集体讨论时，多数同志认为应从轻处罚；王某同志认为应按上限处罚。"
    assert _labels(text) == [("INTERNAL", text[:-1])]


def test_bracketed_remark_in_a_provision_is_its_own_span() -> None:
    text = (
        "第六条　出资比例一般不超过认缴规模的30%【预算处意见：建议下调至25%；"
        "资产处意见：维持30%；待党组会议研究确定】，且不得作为第一大出资人。"
    )
    assert _labels(text) == [
        ("INTERNAL", "【预算处意见：建议下调至25%；资产处意见：维持30%；待党组会议研究确定】")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "市救灾物资储备库位于城东区乐家湾镇付家寨村，现储备帐篷1,200顶、棉被5,000床。",  # 储备
        "一旦发生灾情，由市储备库经京藏高速、湟源互通向海晏、刚察方向调运。",  # 调运路线
        "湟中区应急物资代储点设在多巴镇丰胜村粮站院内，储存救生衣800件、发电机15台。",
        "今年我县征兵任务数为186名，其中大学毕业生不少于90名。",  # 征兵
        "新兵定于9月10日乘坐K1234次列车从县火车站出发，途经郑州输送至部队。",  # 兵役 transport
        "本次考试试题共两套，目前由县教育局保密室存放，考试当天7时由专人押运至各考点。",  # exam
        "该人防指挥工程位于市政府大楼地下二层，防护等级为5级。",  # 人防
    ],
)
def test_unmarked_state_secrets(text: str) -> None:
    assert [label for label, _span in _labels(text)] == ["STATE_SECRET"]


@pytest.mark.parametrize(
    "text",
    [
        "本次采购共有5家供应商参与投标，中标供应商为江苏恒远智能装备有限公司，中标金额1,180,000元。",
        "宜昌华科光电技术有限公司光纤预制棒工艺提升项目，拟支持资金150万元。",  # published aid
        "湖北兴楚化工有限公司焚烧温度不低于850℃，废气排放执行国家标准。",  # imposed conditions
        "财付通吉林分公司举办宣传活动，以实际行动诠释了金融科技的温度与情怀。",  # a word
        "经民主推荐、组织考察，拟任命张三同志为办公室主任，现予公示。",  # 任前公示
        "对管辖权存在争议的案件，应当报请共同上级指定管辖。",  # statute language
        "对存在分歧的事项，由联席会议研究决定。",
        "二、存在不同意见、提请会议研究的人选",  # a section heading
        "关于对王建国同志投诉事项的回复\n王建国同志：\n",  # the document's title names it
        "关于张伟同志考察中反映问题的情况说明（第二批）\n",
        "全市共建成人防工程120万平方米，人均人防面积达到1.2平方米。",
        "适龄青年可登录全国征兵网报名，体检时间另行通知。",
        "加强救灾物资储备体系建设，确保灾害发生后12小时内受灾群众基本生活得到初步救助。",
    ],
)
def test_published_wording_stays_unflagged(text: str) -> None:
    assert _labels(text) == []


def test_a_table_rows_secret_is_its_price_cell() -> None:
    text = "2\t江苏恒远智能装备有限公司\t投标报价：1,236,500.00元\t综合得分：86.5分\n"
    assert _labels(text) == [("TRADE_SECRET", "投标报价：1,236,500.00元")]


def test_published_score_and_rank_stay_readable() -> None:
    text = "第二名：江苏恒远智能装备有限公司，投标报价1,236,500元，其中设备费980,000元，综合得分86.5分，排名第二。"
    assert _labels(text) == [("TRADE_SECRET", "投标报价1,236,500元，其中设备费980,000元")]


def test_a_section_heading_is_no_clause() -> None:
    text = (
        "　　三、应急调运路线\n　　发生灾情时，市储备库物资经宁大高速、G227国道向大通方向调运。\n"
    )
    assert [label for label, span in _labels(text) if "三、" in span] == []
    assert [label for label, _span in _labels(text)] == ["STATE_SECRET"]


def test_an_evaluation_under_a_title_is_still_flagged() -> None:
    text = "关于张伟同志的考察材料\n　　考察中，个别干部反映该同志工作作风较为急躁，有待改进。\n"
    assert [label for label, span in _labels(text) if span.startswith("关于")] == []
    assert [label for label, _span in _labels(text)] == ["INTERNAL"]

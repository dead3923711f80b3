"""Published wording of other offices stays quiet (issue 19, fifth pass): the near misses
of the kinds in test_clause_kinds.py — a 批复's published project facts in a letter to a
company, annual reports, subsidies, 纪要 decisions, published audit results, reserve and
recruitment news, an unmarked 应急预案's depots and routes — and the helpers those rules
stand on (the 主送 line, quantities in words, the plan test)."""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer, addressed_company
from pipeline.detect.state_secret import QUANTITY, published_plan
from tests.detect.test_clause_kinds import ENV_HEAD, PLAN

R = ClauseRecognizer()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "第一中标候选人：广东华南建设集团有限公司，投标报价：3,215,600.00元，工期180日历天。\n",
            id="N-winner",
        ),
        pytest.param(
            "合同名称：台式计算机采购合同\n　　供应商：广州市联想科技有限公司，合同金额86.5万元，台式计算机120台，单价5,200元。\n",
            id="N-contract",
        ),
        pytest.param(
            ENV_HEAD + "　　一、项目采用湿法冶炼工艺，设计年产三元前驱体3万吨，总投资12亿元。\n",
            id="N-env-general",
        ),
        pytest.param(
            "　　近日，湖南华菱钢铁股份有限公司发布2023年年度报告，全年实现营业收入1,655亿元，净利润50.8亿元。\n",
            id="N-annual-report",
        ),
        pytest.param(
            "　　长沙市天心区顺达商贸有限公司，注册资本500万元，法定代表人李某某，经营范围为日用百货销售。\n",
            id="N-capital",
        ),
        pytest.param(
            "　　对株洲宏图精密部件有限公司给予技术改造补助资金120万元。\n", id="N-subsidy"
        ),
        pytest.param(
            "　　株洲宏图精密部件有限公司投资5亿元建设年产10万套精密部件项目，达产后年销售收入可达8亿元。\n",
            id="N-signing",
        ),
        pytest.param(
            "　　根据成本监审结果，长沙水业集团有限公司2023年供水定价成本为每立方米2.35元。\n",
            id="N-price-notice",
        ),
        pytest.param(
            "　　经县政府常务会议研究，决定对2023年度安全生产先进单位予以表彰。\n", id="N-decided"
        ),
        pytest.param(
            "　　会议认为，今年以来全县经济运行总体平稳，稳中有进。\n", id="N-meeting-said"
        ),
        pytest.param(
            "　　经审计，该单位存在未按规定使用专项资金问题，已责令整改并收回资金86万元。\n",
            id="N-audit-result",
        ),
        pytest.param(
            "　　据初步统计，国庆假期全市共接待游客120万人次，同比增长8%。\n", id="N-prelim-news"
        ),
        pytest.param("　　考核结果分为优秀、称职、基本称职和不称职四个等次。\n", id="N-eval-rule"),
        pytest.param(
            "　　目前我市建成市级救灾物资储备库1个、县级储备库7个，储备网络基本形成。\n",
            id="N-depots-count",
        ),
        pytest.param("　　征兵体检在县人民医院进行，具体时间另行通知。\n", id="N-recruit-exam"),
        pytest.param(
            "　　成交供应商：云南云天化信息科技有限公司，成交金额：126.8万元。\n", id="N-b1"
        ),
        pytest.param(
            "　　2023年，全省规模以上工业企业实现营业收入4.2万亿元，同比增长5.1%。\n", id="N-b2"
        ),
        pytest.param(
            "　　贵阳市花溪区某食品有限公司生产的辣椒酱经抽检不合格，货值金额3,200元。\n", id="N-b3"
        ),
        pytest.param("　　会议强调，各单位要高度重视信访工作，及时化解矛盾纠纷。\n", id="N-b4"),
        pytest.param("　　经研究，同意你单位提出的延期申请，延期至2024年12月31日。\n", id="N-b5"),
        pytest.param(
            "　　全区已建成人防工程建筑面积12万平方米，其中平时用于停车的有8万平方米。\n", id="N-b6"
        ),
        pytest.param("　　考试结束后，参考答案和评分标准将在市人事考试网公布。\n", id="N-b7"),
        pytest.param(
            "　　会议听取了市人社局关于就业补贴政策的汇报，同意按程序报市政府审定后印发。\n",
            id="N-c1",
        ),
        pytest.param("　　审计发现的问题已全部整改到位，相关责任人已受到处理。\n", id="N-c2"),
        pytest.param(
            "　　该同志政治立场坚定，工作作风扎实，群众基础好，考察组一致同意推荐。\n", id="N-c3"
        ),
        pytest.param("　　2023年全市共完成征兵任务，向部队输送了一批高素质兵员。\n", id="N-c4"),
        pytest.param("　　各地要加强应急物资储备库建设，提升物资保障能力。\n", id="N-c5"),
        pytest.param(
            "　　广州穗华生物科技有限公司申报的“新型生物农药产业化项目”拟给予扶持资金200万元。\n",
            id="N-c6",
        ),
        pytest.param(
            PLAN + "　　县救灾物资储备库位于县城东郊工业园区，由县应急管理局负责管理。\n",
            id="N-plan1",
        ),
        pytest.param(
            PLAN + "　　人员转移路线为经S210省道向乡中心学校集中，由乡镇组织实施。\n", id="N-plan2"
        ),
        pytest.param(
            ENV_HEAD + "　　项目采用“浸出—萃取—电积”工艺，年处理废旧锂电池2万吨。\n", id="N-env0"
        ),
        pytest.param(
            ENV_HEAD
            + "　　项目主要原辅材料为硫酸镍、硫酸钴、硫酸锰和液碱，年用量分别为1.2万吨、0.4万吨、0.5万吨和2.6万吨。\n",
            id="N-env1",
        ),
        pytest.param(ENV_HEAD + "　　项目劳动定员120人，年工作300天，实行三班制。\n", id="N-env2"),
        pytest.param(
            ENV_HEAD
            + "　　反应釜废气经碱液喷淋塔处理后由25米高排气筒排放，颗粒物排放浓度不得超过10mg/m³。\n",
            id="N-env3",
        ),
        pytest.param(ENV_HEAD + "　　你公司应在项目投产前完成排污许可证申领工作。\n", id="N-env4"),
        pytest.param(
            ENV_HEAD + "　　项目建成后，预计年销售收入15亿元，年利税2.1亿元。\n", id="N-env5"
        ),
        pytest.param(
            ENV_HEAD + "　　你公司须严格落实《报告书》提出的各项风险防范措施，配备应急物资。\n",
            id="N-env6",
        ),
        pytest.param(
            ENV_HEAD + "　　项目占地面积120亩，建设内容包括反应车间、陈化车间、仓库及配套设施。\n",
            id="N-env7",
        ),
        pytest.param(
            ENV_HEAD + "　　你公司报送的申请材料齐全，符合法定形式，决定予以受理。\n", id="N-env8"
        ),
        pytest.param(
            ENV_HEAD + "　　生产过程中产生的废水经厂区污水处理站处理，回用率达到85%以上。\n",
            id="N-env9",
        ),
        pytest.param(
            "　　河南中原恒泰食品有限公司生产的速冻水饺经抽检，菌落总数不符合食品安全标准，货值金额1.2万元。\n",
            id="N-d1",
        ),
        pytest.param(
            "　　中标人：合肥智联信息工程有限公司，中标金额：386.5万元，服务期限：三年。\n",
            id="N-d2",
        ),
        pytest.param("　　经局务会研究，决定对该同志予以表扬。\n", id="N-d3"),
        pytest.param("　　根据第三方评估结果，全县农村人居环境整治满意度为92.5%。\n", id="N-d4"),
        pytest.param(
            "　　请各乡镇于9月30日前完成今年征兵宣传工作，营造参军光荣的浓厚氛围。\n", id="N-d5"
        ),
        pytest.param("　　应急物资储备库实行24小时值班制度，值班电话：0731-8888888。\n", id="N-d6"),
        pytest.param(
            "　　你公司于2024年3月5日提交的食品生产许可申请，经审查符合法定条件，准予许可，许可证编号SC10643010500123。\n",
            id="N-e0",
        ),
        pytest.param(
            "　　经查，你公司在2023年6月至12月期间销售未经检验的电动车头盔共计1,260个，销售金额3.78万元，违法所得0.86万元。\n",
            id="N-e1",
        ),
        pytest.param(
            "　　你公司应于收到本通知之日起30日内完成整改，并将整改情况书面报送我局。\n", id="N-e2"
        ),
        pytest.param(
            "　　你公司申报的2024年度技术改造项目，核定设备投资额为1,860万元，拟给予补助资金186万元。\n",
            id="N-e3",
        ),
        pytest.param(
            "　　贵公司在我区投资建设的年产5万吨新型建材项目已于2024年5月建成投产，年产值预计可达3亿元。\n",
            id="N-e4",
        ),
        pytest.param("　　你公司2023年度环境信用评价结果为“环保良好企业”，现予告知。\n", id="N-e5"),
        pytest.param(
            "　　贵公司提出的减免2024年度厂房租金120万元的申请，经研究，同意减免50%。\n", id="N-e6"
        ),
        pytest.param("　　你公司缴纳的土地出让金共计2,350万元已全部到账。\n", id="N-e7"),
    ],
)
def test_published_wording_of_other_offices_stays_quiet(text: str) -> None:
    assert [(f.label, f.text) for f in R.analyze(text)] == []


def test_the_addressee_line_is_no_clause() -> None:
    assert addressed_company(ENV_HEAD) == "湖南金穗新材料有限公司"
    assert [f for f in R.analyze(ENV_HEAD) if f.text.startswith("湖南")] == []
    assert addressed_company("各乡镇人民政府：\n　　现将有关事项通知如下。") is None


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("现存帐篷三百顶", "三百顶"),
        ("折叠床一千二百张", "一千二百张"),
        ("冲锋舟六艘", "六艘"),
        ("储备食盐50万公斤", "50万公斤"),
        ("“第二支箭”支持民营企业", None),  # an ordinal, not a count
        ("一套制度", None),  # a lone 一 is a word
    ],
)
def test_quantities_in_words(text: str, quantity: str | None) -> None:
    m = QUANTITY.search(text)
    assert (m.group(0) if m else None) == quantity


def test_an_unmarked_emergency_plan_is_published() -> None:
    assert published_plan(PLAN)
    assert not published_plan("秘密★1年\n" + PLAN)
    assert not published_plan("关于下达2024年市级储备粮轮换计划的通知\n")

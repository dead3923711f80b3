"""Issue 19, third pass: clause spans as the gold draws them, wording the lexicons lacked,
and the public sentences that use the same words. One table per kind.

The gold (../shared/spec/labels.md, the tuned-on annotations) withholds a trade secret's
figures, not who they belong to or where they were read ("第二中标候选人：…公司，[投标报价…]",
"…载明[卤水采用…]"), and a state secret's comma clauses that hold it, not the reserve
policy beside them ("轮出后的空仓期不超过4个月，[轮换期间动态库存不得低于…]")."""

from __future__ import annotations

import pytest

from pipeline.detect.clause_spans import join_across_semicolons
from pipeline.detect.clauses import ClauseRecognizer
from pipeline.finding import Finding

R = ClauseRecognizer()


def _labels(text: str) -> list[tuple[str, str]]:
    return [(f.label, text[f.start : f.end]) for f in R.analyze(text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (  # a lead, the bidder's role and name and 的 are not the secret
            "经评审，第二名投标人广州市粤信通信工程有限公司的商务报价为1,286,500元，"
            "其中设备购置费842,000元、集成调试费96,400元。",
            "商务报价为1,286,500元，其中设备购置费842,000元、集成调试费96,400元",
        ),
        (  # 根据申报材料，…公司的
            "根据申报材料，东莞市华锐模具有限公司的注塑模具采用自主研发的热流道技术，"
            "模温控制在65℃至70℃之间，单件成型周期缩短至18秒。",
            "注塑模具采用自主研发的热流道技术，模温控制在65℃至70℃之间，单件成型周期缩短至18秒",
        ),
        (  # a third party's reply: what it says, without the name or the refusal after it
            "经第三方征求意见，合肥市瑞丰精密铸造有限公司回复称，其熔炼炉型号、"
            "浇注温度1,560℃及型砂配方属于商业秘密，不同意公开。",
            "其熔炼炉型号、浇注温度1,560℃及型砂配方属于商业秘密",
        ),
        (  # …载明，company 的 …: the company named after the document is trimmed too
            "你单位申请公开的《项目申报书》第四部分载明，湖南星沙智能装备有限公司的"
            "伺服电机绕组采用0.35mm漆包线，槽满率控制在78%以内。",
            "伺服电机绕组采用0.35mm漆包线，槽满率控制在78%以内",
        ),
        (  # 集团有限公司: the whole name, not up to 集团
            "第三中标候选人：清远市建安集团有限公司，投标报价4,988,150.00元，结构胶配方固化时间72小时。",
            "投标报价4,988,150.00元，结构胶配方固化时间72小时",
        ),
        (  # after 载明 a supplier named in the content stays in it
            "《主要原辅料供应商名录》载明早籼米由全州县两家合作社定向供应，2023年合同采购价为每吨4,260元。",
            "早籼米由全州县两家合作社定向供应，2023年合同采购价为每吨4,260元",
        ),
    ],
)
def test_a_trade_secret_span_is_the_figures(text: str, span: str) -> None:
    assert ("TRADE_SECRET", span) in _labels(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (  # reserve policy before the stock figure stays readable
            "轮出后的空仓期原则上不超过4个月，轮换期间全市动态库存不得低于市级储备规模的85%，"
            "即不得低于8.34万吨。",
            "轮换期间全市动态库存不得低于市级储备规模的85%，即不得低于8.34万吨",
        ),
        (  # the date the stock is counted at goes with it
            "截至2024年5月31日，市级储备粮实际库存小麦3.82万吨、稻谷5.16万吨。",
            "截至2024年5月31日，市级储备粮实际库存小麦3.82万吨、稻谷5.16万吨",
        ),
        (  # quantities before the term's clause, and 1,200 is one number, not two clauses
            "全市共储备救灾帐篷1,200顶、折叠床800张，分布于城东储备仓库和高新区应急物资中转站。",
            "全市共储备救灾帐篷1,200顶、折叠床800张，分布于城东储备仓库和高新区应急物资中转站",
        ),
    ],
)
def test_a_state_secret_span_is_its_clauses(text: str, span: str) -> None:
    assert _labels(text) == [("STATE_SECRET", span)]


@pytest.mark.parametrize(
    "text",
    [
        "拟办意见：建议由规划科牵头办理，报分管副局长审定。",  # an approval step
        "经初步测算，补助资金约需1,260万元（测算数据未经财政部门审核，仅供参考）。",
        "【起草组注：此处数据待统计局最终核定后更新】",  # a drafter's note
        "从平时了解的情况看，该同志性格偏内向，在复杂局面下的应变能力还需提升。",
        "会签意见：同意，但补偿标准偏高，建议按下限执行。",
        "法制科审核认为，该案当事人违法情节较轻，建议减轻处罚，但执法大队坚持按一般情节处罚。",
        "张明（区财政局）：该项目资金需求较大，建议分两年安排，今年先安排50%。",  # a speaker
        "初步匡算，改造资金缺口约3,200万元，具体数额需待项目可研批复后再行测算。",
        "审批表中，科长签注“材料不全，建议退回”，分管副局长批示“请再核实后报”。",
        "刘洋同志事业心较强，但工作中有时考虑问题不够周全，处理复杂问题的经验还不足。",
        "从考察情况看，赵敏同志存在的主要问题是：统筹协调能力有待提升，对分管领域的新情况研究不深。",
        "据反映，该同志在工作中存在作风漂浮、脱离群众的问题，群众满意度较低。",
        "会议对两个方案进行了讨论，财政局主张方案一，教育局主张方案二，最终以举手表决方式决定采用"
        "方案一，表决结果为5票赞成、3票反对。",
        "陈静同志年度考核确定为不称职等次，主要原因是全年无故缺勤累计达12个工作日。",
        "经测评，该科室群众满意率为72%，在全局排名倒数第二，需进一步加强作风建设。",
        "第二次讨论时，与会人员对征收补偿方案中的过渡期限存在较大争议，未能形成结论。",
        "此稿为第三稿，与上一稿相比，主要对第五条进行了修改，第七条仍待司法局审核意见。",
        "钱书记在讨论时提出，补偿标准不宜一次性提高过多，可分步实施。",
        "经内部会商，执法支队拟按每平方米200元的标准计算违法所得，但该口径尚未报法制部门审核。",
        "承办人认为申请人的请求缺乏事实依据，建议驳回；科室负责人认为应当进一步调查核实。",
        "对该企业是否列入失信名单，局务会上意见分为两种，最终决定暂缓列入。",
        "根据内部分工，由综合科负责材料汇总，执法科负责现场核查，两科室对职责边界仍有争议。",
        "我们初步考虑，对符合条件的12户群众给予一次性补助，每户5,000元，资金从预备费中列支。",
        "经局长办公会研究，拟对该项目实施方案作如下调整，具体内容待与区发展改革局沟通后再正式印发。",
        "调查组内部对事故责任认定存在不同看法，一种意见认为施工单位负主要责任。",
        "对该问题，我局的初步处理意见是：责令限期整改，暂不予以处罚，待复查后视整改情况再定。",
        # a draft's note restricting its readers, worded with 不得/严禁
        "本材料仅供局党组会议研究使用，严禁外传。",
        "此件仅供内部参考，不得向外泄露或擅自复制。",
        "此件为会议讨论材料，会后请交回，不得带离会场。",
        "本方案尚在内部征求意见阶段，请各单位不要对外宣传报道。",
    ],
)
def test_internal_affairs_in_other_wording(text: str) -> None:
    assert [label for label, _span in _labels(text)] == ["INTERNAL"]


@pytest.mark.parametrize(
    "text",
    [
        "民兵应急连编制120人，武器装备存放于县人武部军械库。",
        "县人防指挥所设在县政府大院地下二层，备用指挥所位于城北山体坑道内。",
        "市级储备冻猪肉600吨由承储企业存放于开发区冷链物流园3号冷库。",
        "该地区民兵营下设3个连，配发步枪60支，枪弹存放于乡武装部枪弹库。",
        "战时重要经济目标：市第一水厂、220千伏城东变电站、城北天然气门站。",  # named targets
        "经初步核算，一季度全市地区生产总值增速预计为5.2%，该数据尚未对外发布。",  # before release
        "维稳处置预案中警力部署为：市政府广场布置警力120人，火车站布置警力80人。",
        # no term: the model with a quantity and a place (clause.state_detail)
        "县应急管理局仓库现存放棉帐篷320顶、折叠床450张、棉被1,800床，可保障约1,500人基本生活。",
        "全市应急储备成品粮2,500吨，分别储存于中心城区的3个承储企业仓库。",
    ],
)
def test_state_secrets_in_other_wording(text: str) -> None:
    assert [label for label, _span in _labels(text)] == ["STATE_SECRET"]


@pytest.mark.parametrize(
    "text",
    [
        # the same words as a secret, in sentences every office publishes
        "企业应当依法保护商业秘密，不得向第三方泄露客户名单和技术资料。",
        "《电动自行车用锂离子电池技术规范》现向社会公开征求意见，征求意见截止时间为2024年7月31日。",
        "本项目公开招标结果如下：中标人为广州市粤信通信工程有限公司，中标价1,186,500元。",
        "各投标人的报价已在开标现场公开唱标，并在中国政府采购网公示。",
        "项目采用先进的生产工艺和技术，主要生产设备包括注塑机20台、数控加工中心8台。",
        "涉及商业秘密的内容，行政机关应当书面征求第三方意见。",
        "该地块位于高新区创业路以东，由市土地储备中心负责收储，面积约86亩。",
        "全市新时代文明实践阵地设在各镇（街）综合文化站，共建成128个。",
        "全市建成人防工程地下停车场12处，平时用于停车，位于市民中心等地。",
        "市应急物资储备库位于经开区，总建筑面积8,600平方米，已于2023年投入使用。",
        "基层党组织要牢牢守住意识形态阵地，坚持正确舆论导向。",
        "人才储备库已入库各类人才1,260名。",
        "2024年度征兵报名时间为1月1日至8月15日，体检站设在市人民医院。",
        "经民主推荐、组织考察，王强同志政治素质好，工作能力强，群众基础好，拟任区财政局副局长。",
        "对调查研究不深入、工作不到位的单位予以通报批评。",
        "请各单位于5月底前报送年度考核结果，对考核不称职的按规定处理。",
        "但一些地方监管执法不到位等问题仍然十分突出，人民群众反映强烈。",
        "对管辖权存在争议的案件，应当逐级报请共同上级行指定管辖。",
        "本局认为，申请人的申请不符合受理条件，建议申请人向有权机关提出。",
        "以上信息仅供参考，具体以官方公布为准。",  # a website's disclaimer
        "市科技信息研究中心提出的评估方法已在全市推广。",  # 研究中心, no discussion
        "被申请人认为，申请人的复议请求缺乏事实依据，请求予以维持。",  # a 复议 party
        "工作人员不得对外透露评审情况。",  # a rule for staff
        "涉密文件严禁外传。",
        "高考考点保密室监控视频保存期限不少于6个月，试卷保管实行双人双锁。",  # a 考务 rule
        "本次演习的参演部队番号、兵力部署及行动路线另行下发。",  # says where, not what
        "馆藏档案现存放于市档案馆新馆，共计12万卷。",
        "全市现有成品粮油应急储备可满足全市居民10天以上的消费需求。",
        "本年度计划轮换市级储备稻谷1.6万吨、小麦1.1万吨。",  # a plan, no place
        "新兵起运时间为9月中旬，届时将在市人民广场举行欢送仪式。",  # a send-off
        "一季度全市地区生产总值增长5.2%，数据已于4月20日发布。",
        "全市统计数据将于每月15日前对外发布，增速以国家统计局公布为准。",
        "全市共确定重点防护目标15个，由人防部门会同有关单位制定防护方案。",
        "本次笔试试卷分为A、B卷，考试时间为120分钟，满分100分。",  # an exam notice
        "2024年全市征兵任务圆满完成，共向部队输送合格兵员1,260名，其中大学生占比85%。",
        "市应急管理局联合消防救援支队于6月12日在城南储备库开展应急物资调运演练，出动车辆15辆。",
    ],
)
def test_near_misses_stay_unflagged(text: str) -> None:
    assert _labels(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # what a 批复, a 资金公示, a 采购 result or a price review publishes about a company
        "韶关市华南水泥有限公司：\n　　项目主要建设一条新型干法生产线，采用窑外分解工艺，"
        "设计产能为年产水泥熟料150万吨，总投资56,000万元。",
        "湖南星沙智能装备有限公司申报的智能制造示范项目，总投资8,600万元，项目建成后可降低企业"
        "生产成本15%，新增产值2亿元。",
        "广州市粤信通信工程有限公司报价1,186,500元，得分92.5分，排名第一。",
        "本次招标代理服务费由中标人支付，费率按国家规定标准的80%计取，即广东韶建工程咨询有限公司"
        "收取代理费3.2万元。",
        "根据成本监审结论，宜昌市自来水有限公司2023年供水定价成本为每立方米2.36元。",
        "项目由湖北兴楚新材料股份有限公司建设，采用国内领先的湿法磷酸净化工艺，年产电子级磷酸3万吨。",
        "广东粤北建设集团有限公司为第一中标候选人，投标报价4,865,320.00元，工期150日历天。",
        "根据《招标投标法实施条例》，深圳市坂田智控装备有限公司的投标报价低于成本，作否决投标处理。",
        "湖南星沙智能装备有限公司计划投资10亿元建设智能装备产业园，达产后年销售收入可达20亿元。",
        "经监测，本周宜昌长江粮油有限公司菜籽油出厂价为每吨9,800元，较上周持平。",
        "中标供应商：广州市粤信通信工程有限公司，采购标的：视频监控设备，数量：120套，单价：3,200元。",
        "东莞市华锐模具有限公司2023年营业收入12.6亿元，入选省制造业企业500强。",
        "经查，宜昌长江精密机械有限公司生产的产品抽检合格率为96.5%，符合标准要求。",
        "广东粤北建设集团有限公司报价4,865,320.00元，为最低评标价。",
        "宜昌市公交集团有限责任公司2023年亏损3,200万元，由市财政给予补贴。",
        "中国农业银行宜昌分行与湖北兴楚新材料股份有限公司签订战略合作协议，提供授信额度10亿元。",
        "宜昌长江精密机械有限公司RTO焚烧装置炉膛温度控制在800℃以上。",  # a condition imposed
        # kinds of information named to say how a request is handled: no value disclosed
        "你申请公开的广州市粤信通信工程有限公司的投标报价、成本构成等信息，涉及第三方商业秘密，"
        "本机关决定不予公开。",
        "经征求意见，东莞市华锐模具有限公司认为其配方、工艺参数属于商业秘密，不同意公开。",
        "东莞市华锐模具有限公司书面答复称，申请公开的技术方案和工艺路线涉及其核心技术，请求不予公开。",
        "根据第三方意见，本机关对申请材料中涉及宜昌长江精密机械有限公司营业收入、净利润等内容作了"
        "区分处理。",
    ],
)
def test_published_company_figures_stay_unflagged(text: str) -> None:
    assert [label for label, _span in _labels(text) if label == "TRADE_SECRET"] == []


def test_a_clause_wrapped_across_lines_is_one_span() -> None:
    # a body paragraph broken mid-sentence, as a PDF's text layer or a narrow draft gives it
    text = (
        "　　二、经评审，第二名投标人广州市粤信通信工程有限公司的商务报价为1,286,500元，其中设备\n"
        "购置费842,000元、集成调试费96,400元。\n"
    )
    assert _labels(text) == [
        ("TRADE_SECRET", "商务报价为1,286,500元，其中设备\n购置费842,000元、集成调试费96,400元")
    ]


def test_a_header_note_and_the_title_after_it_stay_apart() -> None:
    text = "第三次修改稿　仅供局党组会议研究，未经审定请勿转发、引用\n青岛市市级政府投资引导基金管理办法\n"
    assert _labels(text) == [
        ("INTERNAL", "第三次修改稿　仅供局党组会议研究，未经审定请勿转发、引用")
    ]


def test_an_approval_form_row_is_its_opinion() -> None:
    # a 审批表 read from a .docx table: the step and its opinion in two cells
    text = "承办人意见\t经审查，申请人提交的材料不能证明其符合条件，建议不予许可。\n"
    assert [label for label, _span in _labels(text)] == ["INTERNAL"]
    # the table's header row names the column and holds no opinion
    assert _labels("序号\t承办人意见\t处理结果\t备注\n") == []


def _secret(text: str, part: str) -> Finding:
    a = text.index(part)
    return Finding("STATE_SECRET", a, a + len(part), part, 0.7, "t", "test")


@pytest.mark.parametrize(
    ("text", "first", "second", "joined"),
    [
        # a sentence a PDF broke at a bare line end: one span
        (
            "试卷存放于县教育\n局四楼保密室，实行双人双锁。",
            "试卷存放于县教育",
            "局四楼保密室，实行双人双锁",
            True,
        ),
        # two sentences, two spans
        (
            "试卷存放于保密室。\n帐篷313顶存于二号库。",
            "试卷存放于保密室。",
            "帐篷313顶存于二号库。",
            False,
        ),
        # two table rows stay two rows
        (
            "河口镇\t37人\t库房\n新桥镇\t48人\t库房\n",
            "河口镇\t37人\t库房",
            "新桥镇\t48人\t库房",
            False,
        ),
        # an indented paragraph after a heading is no wrap
        (
            "（二）3号库存玉米4.2万吨\n\u3000\u3000出库经G205运往城区。",
            "（二）3号库存玉米4.2万吨",
            "出库经G205运往城区。",
            False,
        ),
    ],
)
def test_wrapped_halves_join(text: str, first: str, second: str, joined: bool) -> None:
    out = join_across_semicolons(text, [_secret(text, first), _secret(text, second)])
    assert (len(out) == 1) is joined

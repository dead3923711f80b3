"""More families of clause wording: the kinds a new office drafts that the first families lack.

Issue 19, fifth pass. The first 29 families (``clause_families.py``) cover bids, costs,
deliberations, reserves and exams as one office words them; documents from other offices
word them otherwise. Here, each family is again one register and its frames (条例 第十四、
十五、十六条):

- a company's own books, orders and sales channels as its 申报材料 quote them (专精特新,
  贷款贴息, 技改 applications), a 评标报告's detailed review of the losing bids (分项报价,
  单价, financial capitals), a 征求第三方意见函 quoting 贵公司's submission, the parts of an
  环评 report a company marks as 商业秘密 (工艺参数, 物料配比, 原料来源);
- how a 信访 matter is being handled (接谈, 初步判断, 拟…尚需), 请示 拟办/批办 remarks,
  leaders arguing in a 纪要, figures nobody has checked yet, audits and inspections not
  concluded, 案审会 opinions, remarks of 试用期/年度考核 and 民主生活会;
- reserves and recruits counted in words, stocks named by their goods, military sites,
  exam papers before use, the secret parts of 应急预案 and 安保方案;

and near-miss families of the published texts that use the same words: 认定结果公示 with
published company facts, 纪要 decisions, 信访 replies, published audit results, 环评批复
conditions, reserve and recruitment news.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

FAMILIES_MORE: tuple[Family, ...] = (
    (
        "ts_application_books",
        "TRADE_SECRET",
        (
            "{C}申报材料显示，企业{Y}年度主营业务收入{W}万元，实现利税{W}万元",
            "经审核，该企业{Y}年末资产总额{W}万元、负债总额{W}万元，银行贷款余额{W}万元",
            "{C}填报的研发费用为{W}万元，其中委托外部研发{W}万元，占比{PCT}",
            "根据{C}提供的财务报表，其应收账款{W}万元，存货{W}万元，经营性现金流为负",
            "{C}出口交货值{W}万元，主要出口市场为东南亚，出口产品毛利率约{PCT}",
            "该公司近两年净利润分别为{W}万元和{W}万元，净资产收益率{PCT}",
        ),
    ),
    (
        "ts_bid_review_details",
        "TRADE_SECRET",
        (
            "投标人{C}的分项报价中，土建部分{W}万元、安装部分{W}万元、暂列金额{W}万元",
            "第四名{C}对主要材料的报价为：商品混凝土每立方米{N}元，钢筋每吨{N}元",
            "{C}投标总价为人民币叁佰贰拾陆万捌仟元整，人工单价按每工日{N}元计取",
            "经评审，{C}的让利幅度为{PCT}，其管理费和利润合计按{PCT}计取",
            "详细评审阶段，{C}的设备报价中进口件单价为每台{W}万元，国产件为每台{W}万元",
            "{C}在答疑澄清中承诺的质保期外维保费用为每年{W}万元",
        ),
    ),
    (
        "ts_third_party_letters",
        "TRADE_SECRET",
        (
            "贵公司提交的《项目可行性研究报告》载明，生产线单线产能为每小时{D}吨，综合成品率{PCT}",
            "你公司在申请材料中提供的供货商名单包括{C2}和{C3}，年采购金额合计{W}万元",
            "贵公司报送的《技术方案》第三章写明，干燥机入口温度{T}℃，出口含水率控制在{PCT}以下",
            "申请人要求公开的材料中，贵单位的设备选型清单及分项报价属于商业秘密，其中主机报价为{W}万元",
            "你公司提交的成本测算表显示，每吨产品加工费{N}元，电费占总成本的{PCT}",
        ),
    ),
    (
        "ts_env_report_confidential",
        "TRADE_SECRET",
        (
            "项目共沉淀反应在pH值{D}、温度{T}℃条件下进行，陈化时间为{K}小时",
            "{C}环评报告中标注为商业秘密的部分载明，催化剂为自制钯碳，投料比为1比{K}0",
            "物料平衡表显示，每吨产品消耗{CHEM}{D}吨、{CHEM2}{D}吨，副产盐酸{D}吨",
            "主要原料锂辉石精矿由{C2}独家供应，到厂价按每吨{N}元结算",
            "其发酵工段接种量为{PCT}，发酵周期{K}0小时，罐温维持在{T}度",
        ),
    ),
    (
        "ts_orders_and_channels",
        "TRADE_SECRET",
        (
            "{C}目前在手订单金额约{W}万元，其中{C2}的订单占{PCT}",
            "该企业产品主要销往{C2}、{C3}等客户，对其供货金额合计{W}万元",
            "{C}对省内经销商的出货价在挂牌价基础上下浮{PCT}，年度返点另按销量计算",
            "据了解，{C}与{C2}签订的框架协议约定结算单价为每套{N}元",
            "{C}的前五大客户依次为{C2}、{C3}等，合计销售占比{PCT}",
        ),
    ),
    (
        "ts_two_sentence_submissions",
        "TRADE_SECRET",
        (
            "{C}在补充材料中说明了其核心工艺||该工艺的烧结温度为{T}0℃，保温{K}小时，良品率达{PCT}",
            "关于{C}的报价构成||其人工费按{N}元每工日、机械台班费按{N}元每台班计取",
            "{C}书面回复称其供货价格不宜公开||其对{C2}的供货单价为每吨{N}元，低于市场价{PCT}",
        ),
    ),
    (
        "int_petition_handling",
        "INTERNAL",
        (
            "接谈中，经办人员初步判断其诉求部分合理，拟建议街道给予临时救助，尚需报分管领导同意",
            "经初步研判，该信访人反映的问题可能涉及历史遗留，拟先由{G}摸清底数后再作答复",
            "信访办初步意见是按政策兜底处理，但{G}认为缺乏依据，双方意见尚未统一",
            "{P}同志多次越级上访，包案领导倾向于适当给予困难补助以息访，此意见尚未报批",
            "对该件信访事项是否属于重复信访，承办科室与法规科看法不一，待研究后再定",
        ),
    ),
    (
        "int_leaders_differ",
        "INTERNAL",
        (
            "{P}副县长提出应先在城关镇试点，{P2}副县长不同意，认为时机尚不成熟",
            "分管领导认为补偿标准应参照邻县，主要领导则担心引发连锁反应",
            "{P}书记认为拆迁户的要求已超出补偿标准，{P2}镇长则主张个案特殊处理",
            "会上{P}局长主张从严处理，{P2}副局长持保留意见，建议先行约谈",
            "对该项目是否继续推进，{G}和{G2}分歧较大，会议未作决定",
        ),
    ),
    (
        "int_remarks_on_forms",
        "INTERNAL",
        (
            "拟办意见：建议转{G}研究办理，并请{P}副县长阅示",
            "批办意见：请{G}牵头会同{G2}提出意见，{K}日内报我",
            "法制科意见为：违法事实清楚，但罚款金额偏高，建议按下限处罚",
            "领导圈阅时批注：此事暂缓，待年后再议",
            "{G}会签意见：同意安排，但资金来源需再研究",
            "办公室核稿意见：第三部分表述不妥，建议删去有关数字",
        ),
    ),
    (
        "int_unchecked_and_open_findings",
        "INTERNAL",
        (
            "据各乡镇初步统计，直接经济损失约{W}万元，倒塌房屋{N}间，上述数据尚未核实",
            "审计组初步认为，该局有{K}笔共计{W}万元的支出依据不足，是否违规尚待进一步取证认定",
            "暂按每亩{N}元估列补偿费用，待评估报告出具后再行调整",
            "核查组初步认定该单位存在虚报冒领问题，涉及金额尚需逐户核对",
            "以上人数为街道上报数，尚未经实地核查，可能存在重复统计",
        ),
    ),
    (
        "int_evaluation_more",
        "INTERNAL",
        (
            "试用期考核中，该同志业务上手较慢，对政策把握不够准确，建议延长考察",
            "民主生活会上，班子成员对其提出批评意见：工作推进力度不够，遇到难题有畏难情绪",
            "年度考核时，科室负责人对其评价为工作态度尚可，但差错率偏高",
            "群众测评满意率为{PCT}，排名全镇倒数第二，主要意见集中在服务态度",
            "该同志的考察对象推荐票仅{K}票，谈话中多名同志认为其资历偏浅",
        ),
    ),
    (
        "ss_stock_in_words",
        "STATE_SECRET",
        (
            "县应急物资储备库现存帐篷三百顶、折叠床一千二百张，另有冲锋舟六艘",
            "市级储备食盐{N}吨由{C}代储，存放于其{PLACE}仓库",
            "地方储备成品油四千五百吨分储于{PLACE}和{PLACE2}两座油库",
            "全市现有储备药品{N}箱、消杀器械{N}台，集中存放在{PLACE}",
            "承储库点实际在库小麦{W}万吨，其中{PLACE}直属库存放{W}万吨",
        ),
    ),
    (
        "ss_recruits_and_sites",
        "STATE_SECRET",
        (
            "今年上级赋予我县征兵任务一百二十名，其中女兵三名",
            "今年征集的新兵共二百一十名，分三批由{PLACE}火车站乘专列起运",
            "驻地某部油料库位于{PLACE}南麓，距国道约{K}公里",
            "训练靶场设在{PLACE}以北，射击方向朝向{PLACE2}",
            "该营区东西两侧各设哨位{K}个，弹药库位于营区西北角",
        ),
    ),
    (
        "ss_plans_and_papers",
        "STATE_SECRET",
        (
            "安保方案确定核心区警力部署为{N}人，设{K}道安检",
            "应急指挥所位于区政府办公楼负一层，备用指挥所设在{PLACE}",
            "结构化面试题本共印制五套，由专人押运至{PLACE}的保密室存放",
            "经命题组审定，笔试试卷共设单选题{K}0道、案例分析题{K}道",
            "重要经济目标防护方案中，{PLACE}变电站和{PLACE2}水厂列为一级目标",
        ),
    ),
    (
        "none_published_company_facts",
        "NONE",
        (
            "{C}，注册资本{W}万元，法定代表人{P}，经营范围为{PROD}生产销售",
            "{C}发布{Y}年年度报告，全年实现营业收入{W}亿元，同比增长{PCT}",
            "对{C}给予技术改造补助资金{W}万元",
            "{C}投资{W}亿元建设年产{N}吨{PROD}项目，达产后年销售收入可达{W}亿元",
            "{C}纳税信用等级评定为A级",
            "经抽检，{C}生产的{PROD}合格率为百分之百",
            "成交供应商：{C}，成交金额：{W}万元",
        ),
    ),
    (
        "none_minutes_decisions",
        "NONE",
        (
            "会议同意{G}提出的实施方案，由{G2}负责组织实施",
            "{P}副县长指出，要压实属地责任，确保按期完成任务",
            "会议要求，各单位要加强协调配合，形成工作合力",
            "会议决定，成立{ISSUE2}工作专班，由{P}同志任组长",
            "会议认为，今年以来全县经济运行总体平稳，稳中有进",
        ),
    ),
    (
        "none_replies_and_results",
        "NONE",
        (
            "经调查核实，你反映的拖欠工资问题属实，现已督促用人单位全额支付",
            "如对本处理意见不服，可自收到之日起{K}0日内向上一级行政机关申请复核",
            "经审计，该单位存在未按规定使用专项资金问题，已责令整改并收回资金{W}万元",
            "据初步统计，国庆假期全市共接待游客{W}万人次，同比增长{PCT}",
            "考核结果分为优秀、称职、基本称职和不称职四个等次",
            "经研究，同意你单位提出的延期申请",
        ),
    ),
    (
        "none_env_and_reserve_public",
        "NONE",
        (
            "项目采用湿法冶炼工艺，设计年产{PROD}{N}吨，总投资{W}亿元",
            "废水经厂区污水处理站处理达标后排入市政管网，排放执行国家标准",
            "全市已建成市级救灾物资储备库{K}个、县级储备库{K}个，储备网络基本形成",
            "征兵体检在县人民医院进行，具体时间另行通知",
            "试卷及答案于考试结束后在考试院网站公开，供考生查询",
            "城区人防工程平时用作地下停车场和商业设施，由{G}统一管理",
        ),
    ),
)

"""The ninth pass's families: 第十四条 and 第十六条 kinds in wording no earlier family has.

Issue 19, ninth pass. On documents nobody tuned on, INTERNAL and STATE_SECRET each missed a
span and the model alone raised false STATE_SECRET alarms. These families are written from
the 条例 and from how offices draft, not from any devset document: 第十四条 (评分标准 and
答案 before an exam, 兵役 task tables and transport, 人防工程 and military sites with
coordinates, 测绘 results, 军工 production, reserve depots, quantities and routes, the
classified annexes of an 应急预案, economic figures before their release date) and 第十六条
(干部考察 remarks, 测评 results, personnel deliberations, internal rules, 请示 drafts,
讨论记录, 领导批示 not for release, 内部通报 of staff discipline, 研究意见, 会商意见),
with published near misses that share their words (policy that mentions 保密, 考试 and
征兵 notices for the public, reserve policy without figures, 任免 notices).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

STATE_NINTH: tuple[Family, ...] = (
    (
        # Marking schemes and answers while the exam has not yet been sat.
        "ss_marking_scheme_before_exam",
        "STATE_SECRET",
        (
            "附件三为本次{EXAM}综合应用能力评分细则，第二题满分{K}0分，按要点给分",
            "阅卷组长会上确定的参考答案第四题为B，第七题为D，开考前不得外传",
            "面试评分表中“应变能力”一项权重为百分之{K}0，考官据此打分",
            "{Y}年中考化学科评分标准初稿已由命题组审定，待考试结束后方可启用",
            "各题赋分如下：选择题每题{K}分，计算题第二问{K}分，按步骤酌情扣分",
            "请于{DATE}前将修订后的答案及评分参考以机要件报送考试院",
        ),
    ),
    (
        # 兵役: the task table by township, the 起运 schedule and the 接兵 units.
        "ss_military_service_tables",
        "STATE_SECRET",
        (
            "{PLACE}乡 应征{K}名 其中女兵{K}名 大专以上{K}名",
            "接兵部队番号为{K}{K}{K}{K}{K}部队，带兵干部{K}名于{DATE}抵达县人武部",
            "{DATE}{K}时新兵在县人武部集中，乘大巴经{PLACE}高速至{PLACE2}火车站登车",
            "本批次输送去向：陆军{K}0名、火箭军{K}名、武警{K}名",
            "经与军分区协调，兵员预定{K}0名，实际需完成{K}0名，缺口由{PLACE}镇补足",
        ),
    ),
    (
        # 人防工程, shelters and military sites with their places and coordinates.
        "ss_air_defence_works_sites",
        "STATE_SECRET",
        (
            "{PLACE}指挥所工程位于{PLACE2}地下{K}0米，出入口设在东侧车库内",
            "该人防工程坐标东经{LON}、北纬{LAT}，防护等级为{K}级",
            "雷达站设于{PLACE}山顶，距{PLACE2}村约{K}公里，有简易公路相通",
            "驻军油料库位于{PLACE}林场北侧，库容{N}立方米，设岗哨{K}处",
            "防空警报控制中心备用机房设在{PLACE}大楼负二层",
            "{PLACE}水库下游{K}公里处为部队训练场，演习期间封控范围见附图",
        ),
    ),
    (
        # 测绘 results and 国防/军工 work: coordinates, precision, production and tasks.
        "ss_survey_and_defence_industry",
        "STATE_SECRET",
        (
            "控制点{K}{K}号平面坐标X={N}.{K}，Y={N}.{K}，高程{N}.{K}米",
            "{PLACE}地区1:1万比例尺地形图原始数据已移交测绘院保管，不得对外提供",
            "{C}承担的{K}型装备配套件本年度交付{N}套，试验结果另行报送",
            "军工生产线{K}号车间月产能{N}件，主要用户为某部",
            "该型号产品的研制进度比合同节点滞后{K}个月，原因是试验弹药短缺",
            "高精度重力测量成果共{N}个点位，分布于{PLACE}至{PLACE2}一线",
        ),
    ),
    (
        # Reserve depots, their stock and the routes stock takes in an emergency.
        "ss_reserve_depots_routes",
        "STATE_SECRET",
        (
            "{PLACE}中心库现存成品油{N}吨，可保障全市应急用量{K}天",
            "应急状态下，物资由{PLACE}库经{PLACE2}大道向城区配送点调运",
            "市级储备猪肉{N}吨分存于{PLACE}、{PLACE2}两个冷库",
            "救灾帐篷{N}顶、折叠床{N}张存放于{PLACE}仓库三号库房",
            "备用调运路线为{PLACE}立交绕行至{PLACE2}，全程约{K}0公里",
            "储备粮实际库存与账面相差{N}吨，原因正在核查",
        ),
    ),
    (
        # The classified parts of an 应急预案 and other 涉密 plans.
        "ss_contingency_plan_details",
        "STATE_SECRET",
        (
            "预案附件列明了{K}个重点目标的警卫力量部署和通信频率",
            "发生突发事件时，指挥部转移至{PLACE}备用指挥场所，代号“{K}号”",
            "处置力量编成：武警{K}个中队、民兵应急连{K}个，集结地为{PLACE}",
            "本预案涉及国家秘密的内容以附件形式单独印发，按机要渠道传递",
            "应急通信备用频点为{N}兆赫，启用口令由指挥长掌握",
        ),
    ),
    (
        # Economic figures before their release: the 快报 and the 预估 held by an office.
        "ss_economic_data_before_release",
        "STATE_SECRET",
        (
            "据初步测算，一季度全市地区生产总值增长{PCT}，该数据将于{DATE}正式发布",
            "本月居民消费价格指数快报为同比上涨{PCT}，发布前仅限本报告使用",
            "统计局提前报送的上半年规上工业增加值增速为{PCT}，请勿外传",
            "全省外贸进出口预计同比下降{PCT}，正式数据以海关发布为准，发布前严禁泄露",
            "未公开的{Y}年财政收入预计完成数为{W}亿元，拟在人代会上报告",
        ),
    ),
)

INTERNAL_NINTH: tuple[Family, ...] = (
    (
        # 干部考察 remarks and 测评 results as they sit in the 考察材料.
        "int_cadre_appraisal_remarks",
        "INTERNAL",
        (
            "该同志工作作风较为强势，与班子成员沟通不够，群众有一定意见",
            "民主测评中“优秀”票{K}张、“称职”票{K}0张、“不称职”票{K}张",
            "考察组认为{P}抓落实能力强，但大局意识有待提升，建议暂缓提拔",
            "个别谈话中有{K}名同志反映其在项目审批中偏听偏信",
            "年度考核测评得分{N}分，在同级干部中排名第{K}位",
        ),
    ),
    (
        # 人事 deliberations: who was weighed, who objected, what was left open.
        "int_personnel_deliberation",
        "INTERNAL",
        (
            "关于副局长人选，{P}倾向于从外单位交流，{P2}主张内部产生，会议未形成一致意见",
            "部务会讨论后拟将{P}调整到办公室主任岗位，待报市委组织部同意后再议",
            "对{P}是否提任存在不同看法，建议待巡察结束后再研究",
            "人事调整初步方案共涉及{K}名中层干部，暂不对外透露",
        ),
    ),
    (
        # 领导批示 on a report, not for release, and the office's 研究意见.
        "int_leader_instructions",
        "INTERNAL",
        (
            "{P}局长批示：此事要稳妥处理，先不要对外表态，请法规科研究后再报",
            "分管领导在呈批件上批注“拟同意，请{P2}同志阅示”",
            "根据领导批示精神，我科研究意见如下：一是暂缓审批，二是约谈企业",
            "主要领导阅后圈示，要求办公室拿出处理意见，内部掌握",
            "请示稿第三条拟改为“建议由财政予以适当补助”，请主任审定后再行文",
        ),
    ),
    (
        # 会商意见 between departments and 研究意见 not yet adopted.
        "int_joint_consultation_opinions",
        "INTERNAL",
        (
            "会商中，{G}认为应由属地负责，{G2}则认为应由行业主管部门牵头",
            "经三方会商，初步倾向按第二方案处理，但自然资源部门保留意见",
            "联席会商意见（讨论稿）：对该企业暂不予立案，继续观察",
            "专题研究后形成的倾向性意见为先补后罚，尚需报政府常务会议决定",
        ),
    ),
    (
        # 内部通报 of staff discipline and the internal rules an office keeps for itself.
        "int_staff_discipline_internal",
        "INTERNAL",
        (
            "经查，{P}同志在上班时间多次离岗，给予内部通报批评，扣发当月绩效",
            "局机关内部管理规定第{K}条：科室负责人外出须向分管领导当面报告",
            "本月考勤抽查发现{K}人迟到，名单已在机关内部通报",
            "{P}因公车私用被责令作出书面检查，本通报仅发至各科室",
            "机关值班人员须于晚{K}时前到岗，值班记录每周交办公室审核",
        ),
    ),
)

NONE_NINTH: tuple[Family, ...] = (
    (
        # Published policy that merely mentions 保密 or 国家秘密.
        "none_policy_mentions_secrecy",
        "NONE",
        (
            "各级行政机关应当建立健全政府信息公开保密审查机制",
            "工作人员对履行职责中知悉的国家秘密负有保密义务",
            "涉及国家秘密的政府信息不予公开，但应当告知申请人理由",
            "本条例所称国家秘密，依照《中华人民共和国保守国家秘密法》确定",
            "加强保密教育培训，提高全体干部的保密意识",
        ),
    ),
    (
        # 考试 notices for candidates: dates, rooms, rules, no question or answer.
        "none_exam_notice_public",
        "NONE",
        (
            "考生须持准考证和身份证于开考前{K}0分钟进入考场",
            "{Y}年{EXAM}笔试定于{DATE}举行，考点设在{PLACE}中学",
            "评分结果于考试结束后{K}0个工作日内在官网公布",
            "考试科目为《行政职业能力测验》和《申论》，满分均为一百分",
            "考生对成绩有异议的，可于{DATE}前申请复核",
        ),
    ),
    (
        # 征兵 announcements for the public and reserve policy without figures or places.
        "none_conscription_reserve_public",
        "NONE",
        (
            "热忱欢迎广大适龄青年踊跃报名参军，到部队建功立业",
            "{Y}年征兵体检在县人民医院进行，具体时间另行通知",
            "建立健全政府储备与企业储备相结合的物资储备体系",
            "市级储备肉轮换采取公开招标方式，承储企业名单在网上公示",
            "人防工程平时可用作停车场，战时转为掩蔽场所",
            "应急预案应当定期组织演练，并向社会公布应急避难场所位置",
        ),
    ),
    (
        # Published 人事任免 notices and cadre-work rules.
        "none_appointment_notices_public",
        "NONE",
        (
            "经研究决定：任命{P}为{G}副局长，免去其{G2}主任职务",
            "{P}同志试用期满，经考核合格，正式任职",
            "干部选拔任用应当坚持民主集中制，经民主推荐、考察、讨论决定",
            "以上同志任职时间从{DATE}起计算",
            "年度考核结果分为优秀、称职、基本称职和不称职四个等次",
        ),
    ),
)

NONE_PLACES_NINTH: tuple[Family, ...] = (
    (
        # Published notices that pair a place with a count: housing offered, shelters,
        # parking, service points. A quantity and a place are not a secret by themselves.
        "none_public_places_and_counts",
        "NONE",
        (
            "{PLACE}安居苑位于{PLACE2}路与环城路交汇处西南侧，本次共配租房源{K}套",
            "{PLACE}公园应急避难场所占地{N}平方米，可容纳{N}人，设有应急供水点{K}处",
            "{PLACE}停车场位于{PLACE2}大道东侧，共有泊位{N}个，收费标准见附件",
            "本次新增便民服务点{K}个，分别设在{PLACE}社区和{PLACE2}村委会",
            "{PLACE}疫苗接种点设在{PLACE2}卫生院二楼，每日接种{N}剂次",
            "{PLACE}至{PLACE2}公交线路全长{K}0公里，设站点{K}0个，首班车早上{K}时发车",
        ),
    ),
    (
        # What an event notice tells the public about order and security, without a
        # deployment: the public is asked to cooperate, numbers are totals after the fact.
        "none_public_event_security",
        "NONE",
        (
            "活动期间，{PLACE}周边将实行临时交通管制，请市民提前规划出行路线",
            "本届运动会期间共投入安保志愿者{N}人次，未发生安全事故",
            "届时公安机关将在现场维护秩序，请观众服从工作人员引导",
            "马拉松赛事当日{K}时至{K}时，{PLACE2}大道禁止社会车辆通行",
            "嘉宾入场请出示邀请函，现场设有安检通道{K}条",
        ),
    ),
)

FAMILIES_NINTH: tuple[Family, ...] = STATE_NINTH + INTERNAL_NINTH + NONE_NINTH + NONE_PLACES_NINTH

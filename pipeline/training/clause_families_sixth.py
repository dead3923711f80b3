"""The sixth pass's families of clause wording: 第十四条 and 第十六条 kinds the first 47 lack.

Issue 19, sixth pass. The families of ``clause_families.py`` and ``clause_families_more.py``
cover reserves, 征兵, 人防, exam papers and 安保 plans (第十四条) and deliberations, 请示
opinions, approval steps, evaluations and unsettled figures (第十六条) as two or three
offices word them. The 保密事项范围 offices actually write about and the process material
of 第十六条 hold more kinds; each family here is one of them, in its own frames (prose,
table cells, list items), worded without the lexicons' exact terms:

- 第十四条: 公安 侦查/布控 plans before they are carried out, deployments for a major event,
  statistics and disaster or epidemic figures before their release, 外事 negotiating
  positions, weak points of water, power and communications works, 密码 and 核 matters,
  military and shelter coordinates and the routes of emergency stock, as table rows;
- 第十六条: candidates for a post before their 公示, 考核/测评 remarks in a form's cells,
  internal division of work and duty rosters, speakers' words in a 讨论记录, 纪要 points kept
  internal, 内部征求意见 summaries, 请示 drafts and leaders' notes before a decision,
  consultations between departments, and the material of a 行政执法 case file (询问笔录,
  调查笔录, 案件审批表, 集体讨论记录);

and near-miss families of published texts on the same topics: released statistics and
epidemic figures, police news and traffic notices, 外事 news, works completed, 任前公示,
penalty decisions citing their evidence, published duty telephones and leaders' 分工.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

STATE_SIXTH: tuple[Family, ...] = (
    (
        "ss_police_operations",
        "STATE_SECRET",
        (
            "专案组拟于{DATE}凌晨对{PLACE}的{K}处窝点同时收网，抓捕组分{K}个小组行动",
            "经技术侦查，嫌疑人近期频繁出入{PLACE}一带，其使用的{K}个手机号码已落地查控",
            "蹲守点设在{PLACE}收费站出口，便衣民警{K}0名轮班守候，暂不惊动嫌疑人",
            "据特情反映，该团伙下一次交易拟在{PLACE2}进行，时间约在本月下旬",
            "收网行动前，对涉案的{K}个账户先行冻结，行动方案仅限专案组成员知悉",
            "二、行动部署：突击组{K}0人由{P}带队，从{PLACE}后门进入；外围封控组{K}0人",
        ),
    ),
    (
        "ss_event_deployments",
        "STATE_SECRET",
        (
            "会议期间核心区外设{K}道警戒圈，武警{K}个中队负责外围，便衣{K}0名混编于人群",
            "贵宾下榻的{PLACE}宾馆整层封闭，电梯由专人控制，楼顶设观察哨{K}个",
            "车队行经{PLACE}—{PLACE2}一线，沿途路口提前{K}0分钟封控，另备两条备用线路",
            "反无人机设备部署在{PLACE}制高点，干扰半径约{K}公里",
            "主会场地下一层设临时指挥部，配备应急处突力量{N}人",
            "{PLACE}入口：特警{K}0人、便衣{K}人值守，另设流动哨",
        ),
    ),
    (
        "ss_statistics_before_release",
        "STATE_SECRET",
        (
            "一季度全市地区生产总值初步核算为{W}亿元，增长{PCT}，待省统计局统一发布后方可引用",
            "据统计部门预估，上半年居民消费价格涨幅约{PCT}，正式数据下月公布，此前不得对外透露",
            "全省规上工业增加值增速初步汇总为{PCT}，较全国低{K}个百分点，该数据尚在评估审定中，对外口径另定",
            "前三季度城镇调查失业率为{PCT}，系内部测算数，发布日前严格控制知悉范围",
            "国家统计局反馈的我市年度人均可支配收入为{N}元，该数字须待新闻发布会后使用",
        ),
    ),
    (
        "ss_disaster_epidemic_before_release",
        "STATE_SECRET",
        (
            "截至今日{K}时，本轮疫情累计报告感染者{N}例，其中重症{K}例，以上数字由卫健委统一对外发布，各单位不得自行公布",
            "此次地震已造成{N}人遇难、{K}0人失联，遇难人数须经指挥部核定后发布，暂不对外",
            "疫源地涉及{PLACE}等{K}个村，密切接触者{N}人，目前仅在指挥部内部通报",
            "溃堤影响人口约{N}人，死亡{K}人，数字以省防指发布为准，请勿先行报道",
            "本次食物中毒事件中毒人数{K}0人，死亡{K}人，尚未向社会通报",
        ),
    ),
    (
        "ss_foreign_negotiation",
        "STATE_SECRET",
        (
            "对外商谈中，我方可接受的最低价格为每吨{N}美元，首轮报价先按{N}美元提出",
            "如对方坚持取消本地化率要求，我方可在关税减让上让步至{PCT}，但此为最后立场",
            "与外方磋商的预案是：先谈技术转让，对方不接受时再提出合资比例调整为{K}比{K}",
            "外方代表团抵达后的住地和活动日程不对外，由外办按接待方案安排",
            "第三轮会谈我方拟提出的对案文本已报上级审批，要点为延长过渡期{K}年",
        ),
    ),
    (
        "ss_infrastructure_weak_points",
        "STATE_SECRET",
        (
            "排查发现，全市供水管网有{K}处单点供水，{PLACE}加压站一旦停电将影响{N}户用水",
            "该变电站仅有一回电源进线，备用电源切换需{K}0分钟，是电网的薄弱环节",
            "政务外网边界防火墙存在{K}个高危漏洞，至今尚未修补",
            "{PLACE}水厂取水口缺少物理隔离，一旦遭破坏将造成城区停水{K}天以上",
            "通信枢纽机房设在{PLACE}大楼{K}层，蓄电池仅能支撑{K}小时",
            "燃气门站的远程控制系统与办公网未隔离，外部入侵风险较高",
            "城区仅靠一条输水干管供水，沿线{PLACE}段一旦爆管，{N}户居民将断水",
            "调度中心没有异地备份，主机房失火时全市信号灯将全部失控",
            "{PLACE}大桥的监测探头有{K}处长期失效，桥墩防撞设施缺失",
            "配电房无人值守且围墙低矮，外人可直接翻越进入",
        ),
    ),
    (
        "ss_crypto_and_nuclear",
        "STATE_SECRET",
        (
            "机要室现配备加密传真机{K}台，密钥每月由{G}专人更换一次",
            "核心密码设备存放在{PLACE}机要室，启用口令由两人分段掌握",
            "乏燃料运输车队定于{DATE}夜间途经{PLACE}，全程由武警押护",
            "该核设施的实物保护系统设有{K}道隔离区，监控盲区位于东北角",
            "放射性废物暂存库位于{PLACE}山体内，现存废源{N}枚",
        ),
    ),
    (
        "ss_sites_in_tables",
        "STATE_SECRET",
        (
            "{PLACE}地下掩蔽所坐标为东经{LON}，北纬{LAT}，战时可掩蔽{N}人",
            "观通站设于{PLACE}主峰，坐标{LON}E，{LAT}N",
            "{PLACE}库：储存{GOODS}{N}件，存放于地下一层",
            "（二）转运线路：{PLACE}中转库—国道—{PLACE2}集散点，全程约{K}0公里",
            "3.前置点位：{PLACE}镇政府后院，放置抽水泵{K}台、编织袋{N}条",
        ),
    ),
)

INTERNAL_SIXTH: tuple[Family, ...] = (
    (
        "int_candidates_before_publicity",
        "INTERNAL",
        (
            "经部务会初步研究，拟提名{P}同志为{G}副局长人选，尚未进入公示程序",
            "初步人选：{P}（{G}科长）、{P2}（{G2}副主任），按一比二差额考察",
            "干部调整方案（酝酿稿）：{P}由{G}调任{G2}，{P2}交流至乡镇任职",
            "推荐得票情况：{P}得{K}0票，{P2}得{K}票，{P}居第一",
            "组织部门意向由{P}同志接任，但尚需征求纪检监察机关意见",
        ),
    ),
    (
        "int_assessment_cells",
        "INTERNAL",
        (
            "{P}\t工作积极肯干，但文字功底较弱，统筹能力有待提升\t建议：称职",
            "评语：该员执法程序意识淡薄，两次被投诉，建议年度考核定为基本称职",
            "主要缺点：与群众沟通时方法简单，有急躁情绪",
            "测评得分{K}0.{K}分，在全局{K}0名中层干部中排第{K}0位",
            "班子成员评价：工作思路清晰，但抓具体落实不够，个性较强",
        ),
    ),
    (
        "int_duty_and_division",
        "INTERNAL",
        (
            "办公室内部分工：{P}负责公文运转和机要保密，{P2}负责后勤接待和车辆调度",
            "{DATE}至{DATE}夜间值守：带班{P}，值守人员{P2}，值守地点为机关{K}楼值班室",
            "会务后勤：参会人员用餐由机关食堂承担，标准每人每餐{N}元，房间安排见附表",
            "{K}号公务车固定保障主要领导，其余车辆由办公室统一调派",
            "科室内部AB角安排：{P}不在岗时由{P2}代为处理来文",
        ),
    ),
    (
        "int_discussion_records",
        "INTERNAL",
        (
            "{P}：我看这个方案还不成熟，补偿标准要再压一压",
            "{P2}发言：同意先缓一缓，等区里表态后再报",
            "{P}插话说，资金从哪里出还没落实，现在定下来太仓促",
            "记录：{P}主张按原计划推进，{P2}觉得风险大，主持人让会后再碰一下",
            "{P}：我保留意见，这样处理对其他村不公平",
        ),
    ),
    (
        "int_minutes_kept_internal",
        "INTERNAL",
        (
            "会议议定事项（内部掌握）：对{C}的欠款暂不催收，待春节后视情况处理",
            "以下意见暂不写入正式纪要：对{G}的考核结果下调一个等次",
            "此项安排不对外口径，只在{G}内部传达到科室负责人",
            "会上商定的应对口径为：对外只说正在调查，不透露涉事人员数量",
            "本次专题会所定事项暂不印发，由{G}口头传达落实",
        ),
    ),
    (
        "int_consultation_summaries",
        "INTERNAL",
        (
            "征求意见汇总：{G}提出将补助标准提高到每人{N}元，起草组研究后未吸收，理由是超出财力",
            "对{G}的修改建议，起草组研究后认为与上位法不一致，暂不采纳",
            "{G}回函原则同意，但建议删去第五条中关于收费的表述",
            "{G2}在反馈中对职责划分提出异议，认为应由{G}牵头",
            "各部门意见处理情况表\t{G}\t建议增加考核指标\t部分采纳",
        ),
    ),
    (
        "int_drafts_and_pending_notes",
        "INTERNAL",
        (
            "{P}局长在呈批件上写道：请{G}再议，拿出两个方案供选择",
            "领导圈阅后批注：方向同意，但资金规模偏大，请压缩后重报",
            "本请示为代拟稿，待局长审签后方能报出",
            "县长在报告上批了“先缓一下”，具体如何落实尚未明确",
            "此件拟以局名义报市政府，第三段关于资金缺口的表述请办公室再斟酌",
        ),
    ),
    (
        "int_interdepartment_talks",
        "INTERNAL",
        (
            "与{G}磋商时，对方坚持只承担{PCT}，我方表示难以接受",
            "经与{G2}多轮沟通，双方在分摊比例上仍未谈拢",
            "协商中{G}提出能否由市级承担大头，我们答复需回去请示",
            "对接会上{G}口头表示可以让步，但不愿形成书面意见",
            "我方底线是配套资金不超过{W}万元，请参会同志把握",
        ),
    ),
    (
        "int_case_file_material",
        "INTERNAL",
        (
            "问：你是否知道这批货没有合格证？答：知道，老板说先卖了再说",
            "问：仓库里的{K}0箱货是从哪里进的？答：从{PLACE}一个姓{P}的人手里，没有发票",
            "案件审批表中承办人意见：建议罚款{N}元；审核意见：裁量偏重，请重新合议",
            "集体讨论记录：{P}认为当事人系初次违法可从轻，{P2}认为货值较大不宜从轻",
            "办案人员意见：证据链尚不完整，建议补充调取{C}的银行流水后再移送审核",
            "调查终结报告（送审）：拟处罚款{N}元，是否没收设备请案审会讨论",
        ),
    ),
)

NONE_SIXTH: tuple[Family, ...] = (
    (
        "none_released_figures",
        "NONE",
        (
            "国家统计局今日发布，一季度国内生产总值{W}亿元，按不变价格计算同比增长{PCT}",
            "省统计局定于{DATE}召开新闻发布会，发布上半年全省经济运行情况",
            "据卫健委通报，{DATE}0至24时，全省新增报告感染者{N}例",
            "据应急管理部发布，此次地震已造成{N}人遇难，救援工作正在进行",
            "统计数据发布前，任何单位和个人不得违反规定提前对外公布",
        ),
    ),
    (
        "none_police_news_and_notices",
        "NONE",
        (
            "{G}成功破获一起电信网络诈骗案，抓获犯罪嫌疑人{K}0名，冻结涉案资金{W}万元",
            "会议期间，{PLACE}周边道路将实行临时交通管制，请过往车辆提前绕行",
            "公安机关将加强重点部位巡逻防控，确保活动安全顺利举行",
            "群众如发现可疑情况，请及时拨打110报警",
            "赛事期间，场馆实行实名制入场，观众须接受安全检查",
        ),
    ),
    (
        "none_foreign_and_works_news",
        "NONE",
        (
            "双方就经贸合作深入交换意见，并签署{K}项合作文件",
            "外方代表团一行参观了{C}，对双方合作成果给予高度评价",
            "供水管网改造工程已完工，新建管道{N}公里，惠及居民{N}户",
            "各单位要定期开展网络安全漏洞扫描，及时修补安全隐患",
            "核电站周边居民应急防护知识宣传活动在{PLACE}举行",
            "商用密码应用安全性评估工作按照国家标准组织实施",
        ),
    ),
    (
        "none_publicity_and_penalty",
        "NONE",
        (
            "{P}，男，汉族，{Y}年出生，大学学历，拟任{G}副局长",
            "公示期间，如对公示对象有异议，可通过来电、来信等方式向{G}反映",
            "上述事实有现场检查笔录、询问笔录、调查笔录等证据证实",
            "当事人在陈述申辩期内未提出陈述、申辩意见",
            "经本机关负责人集体讨论，决定对当事人作出如下行政处罚",
            "如不服本处罚决定，可在收到本决定书之日起{K}0日内申请行政复议",
            # what a published decision says the records show: facts it establishes
            "当事人在询问笔录中对上述违法事实予以承认",
            "经现场检查，当事人仓库内存放无合格证明的{PROD}{N}件",
            "调查询问时，当事人称该批货物系从{PLACE}购入，未索取票据",
            # a published 政策解读's questions and answers
            "问：哪些企业可以申请补贴？答：在本市注册的中小企业均可申请",
            "问：办理需要提交哪些材料？答：身份证、户口簿和申请表",
        ),
    ),
    (
        "none_duty_and_leaders_public",
        "NONE",
        (
            "节假日值班电话：{TEL}，24小时有人值守",
            "局长{P}：主持局全面工作，分管办公室、财务科",
            "副局长{P2}：负责执法监督工作，分管法规科、执法大队",
            "征求意见汇总后，起草单位将对合理意见予以吸收采纳",
            "请示应当由本机关负责人签发，并注明签发人",
        ),
    ),
    (
        # Published rules that list the faults an inspection looks for, and published
        # replies that say a suggestion was studied: the words of a case, no case.
        "none_checklists_and_replies",
        "NONE",
        (
            "有下列情形之一的，视为资料不完整：审批记录缺失、经办人员未签字、附件不齐",
            "检查内容包括：值班记录是否完整，交接班手续是否齐全",
            "承办单位对代表建议逐条研究后，提出了具体办理措施并答复代表",
            "经认真研究，您提出的建议已在相关政策中予以吸收",
            "对群众反映的问题，相关部门已研究提出处理意见并向社会公开",
            "重要基础设施运营单位应当制定应急预案，定期开展隐患排查和应急演练",
        ),
    ),
    (
        # A published call for comment: how to send an opinion, not anyone's opinion.
        "none_calls_for_comment",
        "NONE",
        (
            "请于{DATE}前将修改意见反馈至{G}，联系人：{P}，联系电话：{TEL}",
            "提出意见建议时请注明真实姓名和联系方式，便于进一步联系",
            "公众可通过电子邮件提交意见，邮件主题请注明“征求意见反馈”",
            "对征求意见期间收到的意见建议，我们将认真梳理研究，合理的予以吸收",
            "如对本通知内容有疑问，请及时与{G}沟通联系",
            "意见反馈截止时间为{DATE}，逾期不再受理",
        ),
    ),
    (
        # Rows of a published table (a 通报's list of cases, a 名单) — places, numbers and
        # names in cells, nothing secret — and a published rule's general conditions.
        "none_table_rows_and_conditions",
        "NONE",
        (
            "{K}\t{PLACE}\t工单{N}{N}\t{P}\t办理不及时\t{DATE}",
            "{K}\t{PLACE2}\t{G}\t已办结\t{N}件",
            "序号\t地区\t责任单位\t整改时限",
            "{K}\t{PLACE}\t{C}\t{W}万元\t已整改",
            "当事人认为分歧较大或者案情复杂的，可以申请终止调解",
            "行政机关认为需要补充材料的，应当一次性告知申请人",
            "{G}认为确有必要的，可以组织听证",
        ),
    ),
    (
        # A person's address, appointment or payment line in a released document: places,
        # numbers and 同志 — personal data or a published decision, never a state secret
        # nor a deliberation (the sixth families' places and posts must not pull them).
        "none_people_lines",
        "NONE",
        (
            "住址：{PLACE}村{K}组{N}号",
            "送达地址：{PLACE2}路{N}号{K}栋{N}室",
            "{P}（住{PLACE}村{K}组{K}号），补助{N}元",
            "户籍所在地：{PLACE}镇{PLACE2}村{K}组",
            "任命{P}同志为{G}局长",
            "免去{P2}同志的{G}副局长职务",
            "{P}同志任{G}党组成员、副局长，试用期一年",
            "（三）稳步推进{ISSUE2}工作，各部门协同落实",
        ),
    ),
)

FAMILIES_SIXTH: tuple[Family, ...] = STATE_SIXTH + INTERNAL_SIXTH + NONE_SIXTH

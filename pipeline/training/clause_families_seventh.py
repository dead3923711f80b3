"""The seventh pass's families of clause wording: what offices publish that looks secret.

Issue 19, seventh pass. Held out whole, the families of the earlier passes read NONE worst
(F1 0.711): the model fires on published wording that shares the words of a secret or of
internal affairs. Offices publish, by rule, much that does: the 征兵 notice with its
体检 dates and places, the 考试公告 with its 考点, 报名须知 and 考试大纲 (unlike the 试题
before use), reserve policy and the 储备粮 rotation auction with its tonnage per 库点, the
人防 office's 防空警报试鸣 notice, 保密宣传 and a 保密工作 deployment that names no secret,
国家秘密 in a legal explanation, 考核结果 and 干部任前公示 (public by rule), summaries
of 行政处罚, the published parts of a 会议纪要, and 预算/决算 tables published by law. Each
family here is one of them, in its own frames and vocabulary.

The positive families (``clause_families_seventh_secret.py``) are written from the 保密法
and a typical 国家秘密及其密级具体范围的规定, and from 第十六条, in wording the lexicons lack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.training.clause_families_seventh_secret import INTERNAL_SEVENTH, STATE_SEVENTH

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

NONE_SEVENTH: tuple[Family, ...] = (
    (
        # A 征兵 notice: who registers, when and where the 体检 is, the numbers to call.
        "none_conscription_notice",
        "NONE",
        (
            "{Y}年度征兵体检定于{DATE}在{PLACE}人民医院集中进行，请应征青年携带身份证按时参检",
            "兵役登记对象为当年十二月三十一日前年满十八周岁的男性公民",
            "初检初考合格的应征青年，由乡镇人民政府武装部统一组织前往体检站",
            "体检合格人员名单将在{G}门户网站公示{K}个工作日，接受社会监督",
            "征兵政策咨询电话：{TEL}；监督举报电话：{TEL}",
            "应征公民的政治考核由公安派出所会同乡镇武装部组织实施",
            "批准入伍的新兵由县征兵办公室发放入伍通知书，家庭按规定享受优待金",
            "女兵征集实行网上报名、全程公开、择优录取",
        ),
    ),
    (
        # A 考试公告: dates, 考点, what to bring, the syllabus, how scores are published.
        "none_exam_announcement",
        "NONE",
        (
            "笔试时间为{DATE}上午九时至十一时三十分，考点设在{PLACE}第一中学",
            "考生须凭准考证和有效期内的居民身份证进入考场，开考三十分钟后不得入场",
            "笔试科目为《公共基础知识》和《职业能力倾向测验》，均为闭卷考试",
            "考试大纲及参考书目详见附件，本次考试不指定辅导用书，不举办培训班",
            "报名时间为{DATE}至{DATE}，逾期不再受理报名",
            "准考证请于考前三日登录{G}网站自行下载打印",
            "笔试成绩将于考后二十个工作日内在报名网站公布，考生可凭身份证号查询",
            "考场规则：考生只准携带黑色字迹签字笔、二B铅笔和橡皮",
        ),
    ),
    (
        # A 储备粮 rotation auction: published with lots, tonnage per 库点 and deposits.
        "none_reserve_rotation_auction",
        "NONE",
        (
            "根据{Y}年度市级储备粮轮换计划，定于{DATE}在省粮食交易中心举行竞价销售交易会",
            "本次竞价销售标的为{Y}年产中晚籼稻谷{N}吨，分布在{PLACE}粮库等{K}个库点",
            "竞买人须在交易会前一日将履约保证金按每吨{N}元汇入交易中心指定账户",
            "成交后买方应在{K}0日内出库完毕，出库费用按每吨{K}0元标准执行",
            "标的质量等级、储存库点和数量详见交易清单，欢迎符合条件的企业参与竞买",
            "储备粮轮换坚持公开、公平、公正的原则，全部通过交易平台公开竞价",
        ),
    ),
    (
        # 人防 publicity: the siren test, shelters open to the public, fees and building.
        "none_air_defence_publicity",
        "NONE",
        (
            "{DATE}上午十时，全市统一试鸣防空警报，届时请广大市民保持正常生产生活秩序",
            "试鸣顺序为预先警报、空袭警报、解除警报，每种警报鸣响三分钟",
            "听到警报后请不要惊慌，可利用此次试鸣开展防空疏散演练",
            "人防宣传教育进社区活动在{PLACE}广场举行，发放宣传资料{N}份",
            "新建民用建筑应当按照规定修建防空地下室，确因条件限制不能修建的，缴纳易地建设费",
            "人防工程平时可作为地下停车场开放使用，市民可通过便民地图查询",
        ),
    ),
    (
        # 保密宣传 and a 保密工作 deployment: duties and campaigns, no secret named.
        "none_secrecy_campaign",
        "NONE",
        (
            "各单位要结合保密宣传月，组织干部职工观看警示教育片，增强保密意识",
            "开展保密自查自评，重点检查涉密计算机、移动存储介质和涉密载体管理情况",
            "涉密人员上岗前须经保密审查，签订保密承诺书，离岗时按规定实行脱密期管理",
            "全市保密工作会议在{PLACE}召开，会议总结了{Y}年保密工作，部署了今年重点任务",
            "严格落实涉密载体登记、签收、清退和销毁制度，做到全程可追溯",
            "举办保密知识竞赛，{K}0个单位的{N}名干部参加了答题",
            "定密工作要坚持依法、准确、及时的原则，既不能该定不定，也不能过度定密",
        ),
    ),
    (
        # 国家秘密 explained: the law's categories, 密级, and what an office must not publish.
        "none_state_secret_law",
        "NONE",
        (
            "国家秘密的密级分为绝密、机密、秘密三级，保密期限除另有规定外分别不超过三十年、二十年、十年",
            "根据保守国家秘密法，国防建设和武装力量活动中的秘密事项应当确定为国家秘密",
            "行政机关不得公开涉及国家秘密的政府信息，公开前应当依法进行保密审查",
            "机关、单位应当根据保密事项范围的规定，确定密级、保密期限和知悉范围",
            "国家秘密及其密级的具体范围，由国家保密行政管理部门分别会同有关中央机关规定",
            "对是否属于国家秘密或者属于何种密级不明确的，由保密行政管理部门确定",
        ),
    ),
    (
        # A published 考核结果 notice: who is 优秀, for how long it is shown, where to object.
        "none_assessment_results_notice",
        "NONE",
        (
            "根据公务员年度考核有关规定，现将{Y}年度考核确定为优秀等次的人员名单予以公示",
            "{P}\t{G}\t优秀",
            "经个人总结、民主测评和考核委员会审核，拟确定以下{K}名同志为优秀等次",
            "公示期为{DATE}至{DATE}，对公示人员有异议的，请以书面形式向{G}反映",
            "全局参加年度考核{K}0人，确定优秀等次{K}人，其余人员均为称职等次",
        ),
    ),
    (
        # 干部任前公示: published by rule, with the candidate's career and the post.
        "none_pre_appointment_notice",
        "NONE",
        (
            "按照干部选拔任用工作有关规定，现对下列拟提拔任用的干部进行任前公示",
            "{P}，{Y}年出生，中共党员，在职研究生学历，现任{G}办公室主任，拟任{G2}副局长",
            "公示时间为五个工作日，受理电话：{TEL}，来信请寄{G}干部监督科",
            "反映问题要实事求是，提倡署真实姓名，以便调查核实",
            "公示期满无异议的，按程序办理任职手续",
        ),
    ),
    (
        # A published summary of a 行政处罚: who, what, the legal basis, the penalty.
        "none_penalty_summary",
        "NONE",
        (
            "{C}\t{G}罚决字〔{Y}〕{K}号\t未按规定公示商品价格\t警告，罚款{N}元",
            "行政相对人：{C}；违法事实：擅自改变排水设施用途；处罚结果：罚款{W}万元",
            "处罚依据：《中华人民共和国食品安全法》第一百二十四条第一款",
            "{C}因超范围经营，被{G}处以警告并没收违法所得{N}元",
            "本周全市共查处交通违法行为{N}起，曝光典型案例{K}起",
            "作出处罚决定的机关：{G}；处罚决定日期：{DATE}",
        ),
    ),
    (
        # The parts of a 会议纪要 an office publishes: attendance, items agreed, tasks.
        "none_minutes_published_parts",
        "NONE",
        (
            "出席：{P}、{P2}；列席：{G}、{G2}负责同志；记录：{G}办公室",
            "会议原则同意{G}提出的实施方案，由{G2}负责抓好组织实施",
            "会议要求，各成员单位要按照职责分工，于{DATE}前完成整改任务",
            "会议明确，项目所需资金由市级财政和区级财政按比例分担",
            "会议听取了{G}关于{ISSUE2}工作的汇报，对下一步工作作出部署",
            "请各有关单位认真贯彻落实会议精神，并将落实情况及时报送{G}",
        ),
    ),
    (
        # 预算/决算 published by law: tables of receipts and spending, 三公经费, explanations.
        "none_budget_tables",
        "NONE",
        (
            "{Y}年部门收入预算{W}万元，其中一般公共预算拨款{W}万元，事业收入{W}万元",
            "{Y}年“三公”经费财政拨款支出决算{W}万元，其中公务接待费{W}万元",
            "科目编码\t科目名称\t预算数\t决算数",
            "{N}\t行政运行\t{W}\t{W}",
            "决算数比预算数减少{W}万元，下降{PCT}，主要原因是严格控制一般性支出",
            "机关运行经费支出{W}万元，比上年减少{W}万元",
            "本部门无政府性基金预算收支，故本表为空表",
            # a published report's computed needs and a plan's indicators
            "经测算，全年需安排{ISSUE2}资金{W}万元，缺口部分由上级补助和本级预备费解决",
            "表中所列为预期性指标，供各地参照，不作为考核评价的依据",
        ),
    ),
    (
        # Published exam results and admissions: scores, lines, who goes to the 体检.
        "none_exam_results",
        "NONE",
        (
            "现将{Y}年公开招聘工作人员笔试成绩及进入面试人员名单予以公布",
            "{P}\t准考证号{N}{N}\t笔试成绩{K}0分\t进入面试",
            "总成绩按笔试成绩占百分之六十、面试成绩占百分之四十计算",
            "面试最低合格分数线为{K}0分，未达到的不得进入体检环节",
            "考生对成绩有异议的，可在公布之日起三个工作日内申请复核",
        ),
    ),
    (
        # A published emergency guide: shelters, what to do, how stock is managed in general.
        "none_emergency_guidance",
        "NONE",
        (
            "全市已建成各类应急避难场所{K}0处，市民可通过政务服务平台查询就近场所",
            "发生地震时，请保持冷静，就近躲避在坚固的桌子下或墙角处",
            "各乡镇要按照标准配备应急物资，建立物资台账，定期检查更新",
            "应急物资实行统一调拨、有偿使用，调用后及时补充",
            "防汛期间请市民关注气象预警信息，不要前往河道、水库周边游玩",
        ),
    ),
)

# Published wording the held-out families read as internal affairs (published procedure
# rules, 任免 lines and a document's 版记 read INTERNAL at 0.34–0.36): more of each register.
NONE_SEVENTH_PROCEDURE: tuple[Family, ...] = (
    (
        # An 办法's procedure in general: who examines, who approves, in how many days.
        "none_procedure_in_rules",
        "NONE",
        (
            "申请材料不齐全的，受理机关应当在五个工作日内一次性告知申请人需要补正的全部内容",
            "初审由县级主管部门负责，复审由市级主管部门负责，终审结果报省厅备案",
            "评审委员会会议须有三分之二以上委员出席方可举行，表决实行少数服从多数",
            "评审专家与申请单位有利害关系的，应当主动申请回避",
            "经审核符合条件的，由{G}在官方网站公示五个工作日，公示无异议后发文认定",
            "对初审意见有异议的，申请人可在收到告知书之日起十日内申请复核",
        ),
    ),
    (
        # 任免 and 聘任 as a published notice words them.
        "none_appointment_lines",
        "NONE",
        (
            "经研究决定：任命{P}为{G}科长，免去{P2}的{G2}副科长职务",
            "{P}同志试用期满，经考核合格，正式任职",
            "聘任{P}为{G}高级工程师，聘期三年，自{DATE}起计算",
            "因工作需要，{P2}同志不再担任{G}办公室主任职务，另有任用",
            "上述同志的任职时间自{DATE}起计算",
        ),
    ),
    (
        # A document's 版记, 附件 and contact lines: who receives it, who prints it.
        "none_document_apparatus",
        "NONE",
        (
            "附件：1.{Y}年度重点工作任务分解表　2.联络员名单",
            "{G}办公室　　{DATE}印发",
            "（此件主动公开）",
            "（联系人：{P}；联系电话：{TEL}）",
            "主送：各乡镇人民政府、街道办事处，县直各有关单位",
            "本通知自印发之日起施行，原有规定与本通知不一致的，以本通知为准",
        ),
    ),
    (
        # A 办事指南: where, when and how a service is given.
        "none_service_guide",
        "NONE",
        (
            "办理地点：{PLACE}政务服务中心一楼{K}号窗口",
            "办理时限：自受理之日起{K}个工作日内办结",
            "受理时间：法定工作日上午九时至十二时，下午一时至五时",
            "本事项不收取任何费用，申请人可通过网上办事大厅在线提交",
            "办理结果以短信方式通知申请人，证件可邮寄送达",
            "申请人对处理结果表示满意的，工作人员在系统中办结归档",
        ),
    ),
)

FAMILIES_SEVENTH: tuple[Family, ...] = (
    STATE_SEVENTH + INTERNAL_SEVENTH + NONE_SEVENTH + NONE_SEVENTH_PROCEDURE
)

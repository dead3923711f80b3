"""The seventh pass's positive families: 第十四条 and 第十六条 in wording the lexicons lack.

Written from the 保密法 and a typical 国家秘密及其密级具体范围的规定 (教育: papers and answers
before use and how they are set, checked, printed, carried and kept; 兵役: 征兵 task numbers
and transport plans; 国防: military facilities' places and coordinates; 储备: quantities and
places; 应急: the routes of reserve stock; 涉密 plans), and from 第十六条 (干部考察 remarks,
测评 results, personnel deliberations, 集体讨论 records, internal approval opinions, drafts of
a study in progress, case approval opinions). Each family keeps its own frames and words
so that holding it out of training says how the model reads a new kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

STATE_SEVENTH: tuple[Family, ...] = (
    (
        # How papers are set, checked, printed, carried and kept before the exam.
        "ss_exam_paper_handling",
        "STATE_SECRET",
        (
            "命题教师{K}人于{DATE}起在{PLACE}集中封闭，手机统一收存，命题结束前不得离开驻地",
            "审题会安排在{DATE}下午，由{P}带队逐题审核，审定稿当晚送交印刷点",
            "试卷印制完毕后按考场装袋密封，共{N}袋，贴封条后存入{PLACE}教育局档案室铁皮柜",
            "运送试卷的车辆于开考当日凌晨{K}时从市局出发，由两名公安民警随车押送",
            "副题与正题分开存放，副题钥匙由{P}保管，保险柜密码由{P2}掌握",
            "答题卡与试卷分装运送，到达考点后由主考和监督员共同清点签收",
            "本次数学科共命制三套题，正式启用哪一套在开考前一小时抽签确定",
        ),
    ),
    (
        # Questions and answers themselves, as a 命题组 or a teacher's note would quote them.
        "ss_exam_questions_quoted",
        "STATE_SECRET",
        (
            "今年面试第一道题要求考生谈谈对“{ISSUE2}”的理解，第二道为现场模拟群众来访",
            "语文卷作文要求以“家乡的变化”为话题写一篇不少于八百字的记叙文",
            "物理卷最后一道大题考查电磁感应与能量守恒的综合运用，满分十四分",
            "结构化面试第三题的答题要点为：先稳定情绪，再了解诉求，最后依法解释",
            "{EXAM}申论第二题给定材料取自{PLACE}的老旧小区改造，要求归纳主要做法",
            "英语听力第二节的录音材料为一段关于环保的对话，共五个小题",
        ),
    ),
    (
        # 征兵 tasks and how the recruits travel, as the 征兵办 reports them.
        "ss_recruit_tasks_transport",
        "STATE_SECRET",
        (
            "省军区下达我县本年度兵员征集数{K}0名，其中士官{K}名、大学毕业生{K}0名",
            "各乡镇征集任务分解如下：{PLACE}镇{K}名，{PLACE2}乡{K}名",
            "新兵起运计划：{DATE}凌晨乘{K}次列车由{PLACE}站出发，在{PLACE2}站换乘",
            "输送车辆共{K}台，集结时间为早上{K}时，车队沿{PLACE}方向行驶",
            "海军新兵{K}0名定于{DATE}由接兵部队统一带往训练基地，途中不停靠",
            "今年征集的{K}0名新兵中，分配特种部队{K}名、空降兵{K}名",
        ),
    ),
    (
        # Military facilities: where they are, what they hold, how they are guarded.
        "ss_military_facility_sites",
        "STATE_SECRET",
        (
            "该雷达站建在{PLACE}山顶，距县城约{K}0公里，常年驻守官兵{K}0人",
            "弹药库设在营区后山的坑道内，入口朝东，外围设铁丝网两道",
            "{PLACE}机场跑道长{N}米，可起降运输机，油料库在跑道北侧",
            "通信枢纽部位于{PLACE}镇以西的山谷中，地面有伪装网覆盖",
            "部队野营训练驻地选在{PLACE}，驻训时间约{K}个月，兵力一个营",
            "导弹发射阵地位于东经{LON}、北纬{LAT}附近",
        ),
    ),
    (
        # Reserve stock: how much and where, as a table row or an 盘点 line.
        "ss_reserve_stock_rows",
        "STATE_SECRET",
        (
            "{GOODS}\t{N}\t{PLACE}中心仓库\t二层东区",
            "盘点结果：{PLACE}分库现有折叠床{N}张、发电机{K}台、橡皮艇{K}0艘",
            "市级储备冻肉{N}吨，委托{C}在{PLACE}冷链基地代储",
            "救灾帐篷分存三处：县仓库{N}顶，{PLACE}镇仓库{N}顶，{PLACE2}乡仓库{N}顶",
            "储备食盐现库存{N}吨，全部集中在{PLACE}盐业仓库，可满足全市{K}0天需求",
            "省级下拨的储备柴油{N}吨暂存于{PLACE}石油公司油库{K}号罐",
        ),
    ),
    (
        # How reserve stock moves when it is called: routes, vehicles, staging points.
        "ss_reserve_movement_routes",
        "STATE_SECRET",
        (
            "一旦启动调拨，物资从{PLACE}仓库装车后走环城北路，再经{PLACE2}大桥进入灾区",
            "备用调运通道为县道{K}线，主通道受阻时由交警部门引导转入",
            "运输车辆{K}0台平时集中停放在{PLACE}物流园，接令后两小时内出发",
            "油料补给点设在{PLACE}加油站，车队途中在此统一加注",
            "第一批物资送达{PLACE}后，转由直升机吊运至受灾最重的三个村",
        ),
    ),
    (
        # 涉密 plans: mobilisation, requisition, the protection of key targets.
        "ss_mobilisation_plans",
        "STATE_SECRET",
        (
            "国防动员预案确定，战时征用{C}的重型货车{K}0台、{C2}的工程机械{K}台",
            "动员潜力调查显示，全县可动员的医疗救护力量为{N}人，床位{N}张",
            "重要目标防护方案将{PLACE}水厂和{PLACE2}变电站列为一级防护目标",
            "战时交通保障由{C}承担，抢修队伍{K}0人，机械{K}台",
            "预备役{K}营的集结地点定在{PLACE}中学操场，人员{N}名",
        ),
    ),
)

INTERNAL_SEVENTH: tuple[Family, ...] = (
    (
        # What those interviewed said of a cadre under 考察, in a 考察组's words.
        "int_cadre_interview_notes",
        "INTERNAL",
        (
            "谈话对象普遍认为{P}工作踏实，但也有人指出其魄力不足，遇到难题喜欢往上推",
            "该人选群众基础一般，谈话推荐票比较分散",
            "个别同事反映{P}性格偏急，开会时听不进不同意见",
            "{P}分管的窗口去年投诉较多，考察组认为其管理上有漏洞",
            "有两名谈话对象提到其家属在辖区经商，需进一步了解",
        ),
    ),
    (
        # 测评 results as a 组织部门 tallies them before any decision.
        "int_evaluation_tallies",
        "INTERNAL",
        (
            "民主测评结果：好{K}0票，较好{K}票，一般{K}票，差{K}票",
            "{P}的综合得分为{K}0分，在{K}名同类干部中位列末位",
            "满意度测评中，{G}的服务对象满意率仅为{PCT}，为全系统最低",
            "测评结果只在党组研究干部时使用，会后收回，不向本人反馈",
            "从测评情况看，{P2}的认可度明显低于去年",
        ),
    ),
    (
        # A 党组 or 部务会 weighing people before a decision.
        "int_personnel_weighing",
        "INTERNAL",
        (
            "关于{P}同志的交流问题，党组成员看法不一，暂不上会",
            "动议：鉴于{G}班子结构不合理，拟将{P}与{P2}对调",
            "酝酿时，有的同志提出{P}年龄偏大，任职后干不满一届",
            "对{P2}是否提拔，书记和局长私下沟通了两次，仍倾向于再放一放",
            "如{P}本人不愿到乡镇任职，可考虑安排到{G}任非领导职务",
        ),
    ),
    (
        # A 集体讨论 record: who presided, each member's view, the vote.
        "int_collective_discussion_minutes",
        "INTERNAL",
        (
            "主持人{P}：请各位围绕当事人是否具有从轻情节发表意见",
            "{P2}：当事人主动整改，我建议减轻到{N}元",
            "表决情况：同意按承办意见处理{K}票，主张从轻{K}票",
            "{P}补充：本案涉及的企业是纳税大户，处理时要考虑影响",
            "讨论结论：按{W}万元罚款，{P2}的不同意见记录在案",
        ),
    ),
    (
        # Opinions written in the cells of an internal 呈批表 or 阅办单.
        "int_routing_slip_opinions",
        "INTERNAL",
        (
            "拟办意见\t拟请{P}主任阅示后转{G}研究",
            "会签意见\t原则同意，但资金规模请压减三分之一",
            "批办意见：请{G}牵头，{G2}配合，一周内拿出意见",
            "阅示：此事涉及面广，暂不答复，先摸清底数",
            "{G}意见：该申请不符合条件，建议不予支持，请领导定",
        ),
    ),
    (
        # Drafts of a study in progress: what was weighed, what changed between versions.
        "int_study_in_progress",
        "INTERNAL",
        (
            "第三稿较第二稿删去了关于提高收费标准的表述，原因是财政部门不同意",
            "起草组曾考虑将补助标准定为每户{N}元，后因资金压力放弃",
            "比选稿：若按人均{N}元补助，全年还差{W}万元，从哪里出至今没有议定",
            "课题组初步形成三种思路，哪一种作为推荐方案还要听取领导意见",
            "以下为起草组内部掌握的口径，尚未与统计部门对口，不能对外引用",
        ),
    ),
    (
        # Case approval opinions: 法制审核, 负责人审批, returned for more investigation.
        "int_case_approval_opinions",
        "INTERNAL",
        (
            "法制审核认为本案定性准确，但罚款数额偏高，建议按下限{N}元处罚",
            "负责人审批意见：同意法制科意见，按{W}万元处罚",
            "审核机构认为现有证据不足以认定当事人主观故意，退回承办科室补充调查",
            "承办人拟处没收违法所得并罚款，审核人认为应当先责令改正",
            "审理委员会第{K}次会议对本案意见分歧较大，决定下次会议再议",
        ),
    ),
)

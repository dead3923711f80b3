"""The eleventh pass's families: 第十六条 kinds in registers no earlier family uses.

Issue 19, eleventh pass. On the documents nobody tuned on INTERNAL recall stays at two
thirds while STATE_SECRET reached 1.000, and a hand-written 考核 复核意见 is read as
INTERNAL at 0.74 only. These families are written from the 条例 第十六条 (内部事务信息:
人事管理、后勤管理、内部工作流程; 过程性信息: 讨论记录、过程稿、磋商信函、请示报告;
行政执法案卷) and from the papers offices keep, not from any devset document. Each family is
one register the earlier passes lack: a 复核/复查 decision on a 考核 appeal, a 民主测评
tally with its remarks, a 谈话/函询 record, internal 督查 findings not yet 通报, 初审/会审
opinions on a file, the 拟办意见 and 批示 quoted in a 办文单, audit 工作底稿, internal
值班/考勤/分工 arrangements, 采购/后勤 arrangements before any notice, a 信访 case's
internal 处理意见 and a 整改 draft. The near misses are the same words once published: a
考核结果 and 复核 rule, a 督查通报, a 整改情况 公告 and published 采购 and 信访 guidance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.training.clause_families_tenth import FAMILIES_SINCE_NINTH as UP_TO_TENTH

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

INTERNAL_ELEVENTH: tuple[Family, ...] = (
    (
        # A 复核/复查 decision on someone's 考核 appeal, as the committee writes it down.
        "int_assessment_review_decisions",
        "INTERNAL",
        (
            "经复查，{P}申诉所称的加班事项无考勤记录佐证，原考核等次不变",
            "考核领导小组复议后认为，{P}提供的获奖证书不属于本年度，不予加分",
            "复核结论：{G}报送的{P}年度述职材料与实际工作量出入较大，等次下调一档",
            "对{P}提出的考核异议，人事科核实后认为理由不充分，建议维持原评定",
            "经重新核查打分表，{P}的实绩分存在漏算，复核组同意由基本称职调整为称职",
            "复核组内部意见不一：有同志认为{P}的失误属客观原因，也有同志主张维持原等次",
            "{P}对扣分提出申辩，考核办研究认为扣分依据充分，不予更改",
            "复查中发现评分标准执行不一，考核办倾向于这次不改结果，明年再修订细则",
        ),
    ),
    (
        # A 民主测评 tally with the remarks written on the forms.
        "int_evaluation_tally_remarks",
        "INTERNAL",
        (
            "本次民主测评中{P}的“不称职”票有{K}张，主要集中在其分管科室",
            "测评表附言中有人写道：该同志工作推诿，群众意见大",
            "{P}的好评率在同级干部中排倒数第二，组织部门拟对其进行提醒",
            "个别测评表对{P}的廉洁自律一项评为“差”，并注明其经常接受服务对象宴请",
            "测评中对{G}班子“作风建设”一项评价偏低，满意票仅占{PCT}",
            "统计组注：第{K}号测评表字迹与第{K}号相同，疑为一人代填，已作废",
            "测评结果仅作组织部门掌握，不在会上公布",
        ),
    ),
    (
        # 谈话/函询 records: what a cadre was asked and answered.
        "int_talk_and_inquiry_records",
        "INTERNAL",
        (
            "函询回复中，{P}称其妻弟承揽的工程与本人无关，未打过招呼",
            "谈话记录：{P}承认在审批中存在把关不严问题，表示愿意作出深刻检查",
            "提醒谈话时指出，{P}近期多次在工作日午间饮酒，需引起重视",
            "对{P}的函询说明，纪检组认为基本属实，拟予了结",
            "谈话中{P}对群众反映的问题避重就轻，谈话人认为其态度不端正，需再次谈话",
            "诫勉谈话后{P}情绪较大，建议分管领导再做思想工作",
            "谈话组对是否给予诫勉有分歧，组长倾向于先提醒，待核实后再定",
        ),
    ),
    (
        # Internal 督查 findings before any 通报: who lags and what will be done.
        "int_supervision_findings_unpublished",
        "INTERNAL",
        (
            "督查发现{G}的台账系补做，工作进度与上报数据不符，拟先内部约谈",
            "暗访中{G}窗口有{K}名工作人员离岗，督查室建议暂不通报，责令自查",
            "督办事项第{K}项逾期未办结，{G}解释为资金未到位，督查组认为理由不成立",
            "督查组初步意见：{G}负责人对整改不上心，建议列入下月重点督办",
            "本次督查情况报告仅呈主要领导阅，不印发各单位",
            "对{G}的问题是否点名，督查组内部意见不一，倾向于先给其一次整改机会",
        ),
    ),
    (
        # 初审/会审 opinions on a file on its way through the office.
        "int_file_first_review_opinions",
        "INTERNAL",
        (
            "初审意见：申报材料缺少环评批复，建议退回{G}补正后再报",
            "会审时{G}认为项目选址与规划冲突，{G2}则主张先行办理",
            "经办人初审认为该笔补助测算依据不足，拟核减{W}万元",
            "联合会审纪要（内部）：对是否给予延期，各单位意见尚未统一",
            "科室会审后倾向于不予立项，但需报分管领导定夺",
        ),
    ),
    (
        # The 拟办意见 and 批示 as a 办文单 or 请示 quotes them.
        "int_routing_and_instruction_quotes",
        "INTERNAL",
        (
            "办文单拟办意见：建议由{G}牵头研究答复，{G2}配合",
            "{P}批示：“此事先缓一缓，待摸清底数后再议”",
            "拟办：请{P}同志阅示，是否提交常务会研究",
            "局长在请示上批注：资金缺口较大，请财务科另拟方案",
            "阅批栏：同意，但培训规模压缩至{K}0人以内 —— {P}",
            "分管领导圈阅后批示，请办公室跟踪办理情况，每周报一次",
        ),
    ),
    (
        # Audit and inspection 工作底稿: the auditor's notes before the report.
        "int_audit_working_papers",
        "INTERNAL",
        (
            "审计底稿：{G}{Y}年报销的会议费中，有{K}笔无会议通知和签到表",
            "工作底稿记录，该项目结算价比合同价高出{W}万元，原因待进一步取证",
            "审计人员初步判断{G}存在以拨代支问题，尚需与被审计单位核对",
            "底稿附注：被审计单位财务负责人口头承认账外存放资金，但不愿签字确认",
            "底稿编号{K}{K}：抽查凭证{K}0张，发现{K}张发票抬头与单位名称不一致",
            "本底稿所列事项未经审计组复核，不得作为审计结论引用",
            "审计组讨论时，主审认为该问题应定性为违规发放，组长主张表述为管理不规范",
        ),
    ),
    (
        # Internal 值班, 考勤 and 分工 arrangements.
        "int_duty_attendance_arrangements",
        "INTERNAL",
        (
            "本月考勤统计：{P}多次迟到且有旷工，按内部规定扣发当月绩效",
            "{P}近来身体欠佳，科室商定暂不安排其值夜班，由{P2}顶替",
            "科室内部分工调整：{P}不再负责财务报账，改由{P2}负责",
            "对{P}值班期间脱岗的问题，办公室拟在内部通报并约谈本人",
            "因人手紧张，暂由{P}兼管档案和后勤，待新进人员到岗后再调整",
        ),
    ),
    (
        # 采购 and 后勤 arrangements inside the office, before any notice.
        "int_procurement_logistics_internal",
        "INTERNAL",
        (
            "后勤科建议公务用车维修统一定点在{C}，年度预算控制在{W}万元以内",
            "食堂承包到期后拟继续由原单位经营，需先报党组研究",
            "办公楼改造项目拟采用询价方式，科室初步倾向于{C}",
            "后勤科认为现物业公司服务质量差，建议合同到期后不再续签，请主任定",
            "物业费上涨部分是否由本单位承担，后勤科与财务科意见不一",
        ),
    ),
    (
        # A 信访 case's internal 处理意见: how the office means to handle it.
        "int_petition_case_opinions",
        "INTERNAL",
        (
            "处理意见（内部掌握）：该信访人诉求部分合理，可在政策范围内给予适当救助",
            "经研判，信访人{P}为重复访，拟由属地{G}包案稳控",
            "信访局与{G}会商后认为，补偿问题暂不松口，先做思想疏导",
            "对{P}反映的问题，拟办意见为转{G}核查，限{K}日内报结果",
            "本件初核发现反映情况基本不实，建议答复前请分管领导把关",
            "研判会上有同志提出，对该信访人的过高诉求若让步，可能引发连锁反应",
        ),
    ),
    (
        # A 整改 draft: measures and people before the report is settled.
        "int_rectification_drafts",
        "INTERNAL",
        (
            "整改方案（征求意见稿）：第{K}项问题责任人暂定为{P}，完成时限待定",
            "整改报告初稿中“已全部整改到位”的表述不准确，建议改为“正在整改”",
            "对巡察反馈的第{K}条问题，{G}认为不属实，拟在整改报告中作说明",
            "整改清单第{K}项需追责的人员名单，待党组会研究后再定",
            "本稿为内部讨论稿，整改时限和责任单位尚未经主要领导审定",
            "讨论整改方案时，{G}主张把问题归为历史遗留，{G2}不同意这样表述",
        ),
    ),
)

NONE_ELEVENTH: tuple[Family, ...] = (
    (
        # 考核 results and 复核 rules as published.
        "none_assessment_review_rules_public",
        "NONE",
        (
            "对考核结果不服的，可以自接到通知之日起三十日内向考核委员会申请复核",
            "年度考核优秀等次比例一般掌握在本单位参加考核人数的百分之二十以内",
            "{Y}年度绩效考核结果已经考核委员会审定，现予公布",
            "复核决定应当以书面形式告知申请人，并说明理由",
            "民主测评结果作为评价干部的重要参考，不简单以票取人",
        ),
    ),
    (
        # A 督查通报 once issued to all.
        "none_supervision_circular_public",
        "NONE",
        (
            "现将{Y}年第{K}季度重点工作督查情况通报如下",
            "对督查中发现的问题，各地要举一反三，认真抓好整改落实",
            "{G}等{K}个单位工作推进有力，予以通报表扬",
            "本通报印发至各乡镇、各部门，请对照检查",
            "市政府督查室将适时开展“回头看”，确保整改到位",
        ),
    ),
    (
        # 整改情况 公告 and published 采购/信访 guidance.
        "none_rectification_and_service_public",
        "NONE",
        (
            "根据巡察工作有关要求，现将巡察整改进展情况予以公布",
            "截至目前，反馈的{K}0个问题已完成整改{K}0个，其余正在推进",
            "欢迎社会各界对整改落实情况进行监督，联系电话{TEL}",
            "本项目采用公开招标方式采购，采购预算为{W}万元",
            "信访人对处理意见不服的，可以自收到书面答复之日起三十日内请求复查",
            "政府采购实行集中采购和分散采购相结合的原则",
        ),
    ),
)

FAMILIES_ELEVENTH: tuple[Family, ...] = INTERNAL_ELEVENTH + NONE_ELEVENTH
# Everything added after the seventh pass, in the order clause_families joins it.
FAMILIES_SINCE_NINTH: tuple[Family, ...] = UP_TO_TENTH + FAMILIES_ELEVENTH

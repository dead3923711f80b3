"""The twelfth pass's families: the published side of every eleventh-pass 第十六条 register.

Issue 19, twelfth pass. The eleventh pass's INTERNAL families (a 考核 复核 decision, a
民主测评 tally, 谈话/函询 records, internal 督查 findings, 初审/会审 opinions, a 办文单's
拟办 and 批示, audit 底稿, 考勤/值班, 后勤/采购, a 信访 case's 处理意见, an 整改 draft) came
with three near misses only, so the fold models learnt the register as the signal: published
考核 and 信访 wording was read as INTERNAL at 0.85–0.90 (44 false alarms on the
pseudo-documents of ``benchmarks/clause_documents.py``). Here each of those registers has
its published near miss, written the way offices publish it — 考核结果 公示 with grades and
名次, 测评 results as percentages, 纪检 work reports that count 谈话/函询, a 督查通报 naming
units, 公示 after 初审, the 公文办理 steps of a 政务公开指南 and news of a 批示, 审计结果
公告, 放假值班 notices with 值班电话, 采购 and 成交 公告, 信访 replies and statistics, and
巡视/督察 整改 reports — so that only the internal opinion, deliberation or remark is.
Written from the 条例, the 党政机关公文处理工作条例 and the kinds of notices offices post,
not from any devset document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.training.clause_families_eleventh import FAMILIES_SINCE_NINTH as UP_TO_ELEVENTH

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

NONE_TWELFTH: tuple[Family, ...] = (
    (
        # 考核结果 as published: grades, 名次 and the 公示 period, no reasons.
        "none_assessment_grades_published",
        "NONE",
        (
            "经考核委员会审定，{G}等单位年度综合考核等次为优秀，现予公示",
            "公示期间，如有异议，请以书面形式向考核办反映，并署真实姓名",
            "{Y}年度绩效考核排名：第一名{G}，第二名{G2}",
            "{P}同志年度考核确定为优秀等次，给予嘉奖一次",
            "年度考核被确定为优秀等次的，按规定给予奖励",
            "单位\t考核等次||{G}\t优秀",
            "根据考核结果，对排名靠后的单位予以通报，并约谈主要负责人",
            "{G}在综合绩效考核中位列第一方阵，获评先进单位",
            "考核结果在本单位内公示，公示无异议后报主管部门备案",
            "依照公务员法，定期考核的结果分为优秀、称职、基本称职和不称职四个等次",
        ),
    ),
    (
        # 测评 and 满意度 results once released, as percentages and scores.
        "none_evaluation_results_published",
        "NONE",
        (
            "本次群众满意度测评总体满意率为{PCT}，较上年有所提高",
            "民主评议政风行风工作测评结果已在门户网站公布",
            "政务服务“好差评”中收到的差评均已回访整改",
            "现将本年度部门满意度测评结果予以公布，接受社会监督",
            "作风评议中，{G}获评“群众满意单位”",
            "第三方机构调查显示，企业对营商环境的总体评价持续向好",
            "满意度测评结果将作为部门年度考核的重要依据",
            "欢迎服务对象通过评价器、短信和网站对我们的工作作出评价",
        ),
    ),
    (
        # 纪检 work reports and news that count 谈话/函询 without naming anyone.
        "none_talk_inquiry_counts_published",
        "NONE",
        (
            "全年运用监督执纪“第一种形态”批评教育和处理{N}人次",
            "{G}召开新提任干部集体廉政谈话会，{P}同志出席并讲话",
            "对反映领导干部的一般性问题，按规定采取谈话函询方式处置",
            "被函询人应当在规定时间内写出书面说明，并由所在党组织签署意见",
            "该局落实谈心谈话制度，班子成员与分管科室负责人谈心谈话全覆盖",
            "节前开展廉政提醒谈话，督促党员干部严守纪律规矩",
            "纪委监委坚持抓早抓小，对苗头性、倾向性问题及时提醒",
        ),
    ),
    (
        # 督查 results issued to all: the units named, the problems and the deadline.
        "none_supervision_results_issued",
        "NONE",
        (
            "督查中发现，{G}台账资料不规范、进度滞后，现予通报批评",
            "请被通报单位在规定时限内将整改情况书面报送市政府督查室",
            "从督查情况看，{G}、{G2}工作推进较快，成效明显",
            "本次督查采取查阅资料、实地察看和随机暗访相结合的方式进行",
            "暗访中发现的问题已交办属地，整改情况将在下期通报中公布",
            "对连续被通报的单位，约谈其主要负责人",
            "各地各部门要以此为鉴，举一反三，切实改进工作作风",
        ),
    ),
    (
        # 公示 after an 初审/复审/会审, and the steps as a service guide lists them.
        "none_first_review_results_public",
        "NONE",
        (
            "经初审，以下项目符合申报条件，现将名单予以公示",
            "初审通过的申报单位请按时提交纸质材料",
            "审核流程：受理、初审、现场核查、联合会审、公示、下达",
            "经专家评审和部门会审，拟确定{C}等企业为年度扶持对象",
            "申请材料不齐全的，窗口工作人员一次性告知需要补正的全部内容",
            "初审不通过的，将以书面形式告知申请人并说明理由",
            "资格初审结果可登录{G}门户网站查询",
        ),
    ),
    (
        # How a file is handled, as a 政务公开指南, the 公文处理 rules or the 行政许可法 put
        # it (补正, 变更 by the 原审批机关), and news that a leader made a 批示 on a public matter.
        "none_document_handling_and_instruction_news",
        "NONE",
        (
            "收文办理主要程序是：签收、登记、初审、承办、传阅、催办、答复",
            "需要办理的公文，办公室应当及时提出拟办意见送负责同志批示或者转有关部门办理",
            "{P}对做好防汛工作作出批示，要求各地压紧压实责任",
            "按照{P}同志批示精神，{G}连夜组织力量开展排查",
            "依申请公开的办理流程为：申请、登记、审核、答复",
            "领导同志的批示，承办部门应当认真落实并按时反馈",
            "本机关公文运转实行电子化办理，纸质文件同步归档",
            "申请材料不齐全的，审批机关应当一次告知申请人需要补正的全部内容",
            "逾期不补正的，视为撤回申请，审批机关不予受理",
            "审批事项需要变更的，应当报原审批机关批准",
            "涉及多个部门的事项实行并联审批，材料在部门之间内部流转，申请人无需重复提交",
        ),
    ),
    (
        # 审计结果公告 and 审计工作报告: the findings once concluded and published.
        "none_audit_results_announced",
        "NONE",
        (
            "审计发现，{G}存在超范围列支会议费问题，目前已整改到位",
            "根据审计法规定，现将{G}预算执行情况审计结果公告如下",
            "对审计指出的问题，有关单位已通过追回资金、调整账目等方式整改",
            "审计署将持续跟踪整改情况，并在下一年度审计工作报告中反映",
            "被审计单位对审计报告无异议，审计组已出具正式审计报告",
            "部分单位存在以拨代支、资金闲置等问题，涉及金额{W}万元",
            "审计结果表明，该单位财务收支总体真实，内部控制基本健全",
        ),
    ),
    (
        # 值班 notices and 考勤 rules as posted: phones, hours, the rule, not a person's record.
        "none_duty_notices_and_attendance_rules",
        "NONE",
        (
            "国庆节放假期间，值班电话：{TEL}",
            "节假日期间实行全天候值班和领导带班制度，遇有重大突发事件及时报告",
            "工作人员应当严格遵守考勤制度，因事离岗须履行请假手续",
            "政务服务中心周六上午正常办公，周日及法定节假日休息",
            "春节期间群众可拨打值班电话咨询，非工作时间可在网上留言",
            "机关实行弹性上下班制度，考勤结果与年度考核挂钩",
            "各单位要加强节日期间值班值守，确保信息畅通",
        ),
    ),
    (
        # 采购 and 后勤 as announced: 采购意向, 成交 results, an outsourcing notice.
        "none_procurement_logistics_announced",
        "NONE",
        (
            "{G}机关食堂餐饮服务外包项目采用竞争性磋商方式采购",
            "成交供应商：{C}，成交金额：{W}万元",
            "现将本年度政府采购意向公开如下",
            "办公楼维修改造工程采购结果公告：中标人{C}",
            "公务用车定点维修服务采购项目评审结果已在采购网公布",
            "本项目不接受联合体投标，供应商应具备相应服务能力",
            "各单位采购办公设备应当通过政府采购电子卖场下单",
        ),
    ),
    (
        # 信访 handled and answered: a published reply and the year's statistics.
        "none_petition_replies_and_statistics",
        "NONE",
        (
            "您反映的小区供暖不达标问题，经{G}调查核实，现答复如下",
            "今年以来信访总量持续下降，群众满意率稳步提升",
            "您的诉求已转{G}办理，办理结果将在规定期限内告知您",
            "经核查，您反映的问题属实，{G}已责令施工单位限期整改",
            "信访事项应当自受理之日起六十日内办结",
            "市信访局开通“阳光信访”平台，群众可在线查询办理进度",
            "对您提出的意见建议，我们将在今后工作中认真研究吸纳",
            "感谢您对我市工作的关心和支持",
            "您关于农村道路养护的来信收悉，经{G}研究，现将办理情况答复如下",
        ),
    ),
    (
        # 整改情况 as published under a 巡视/巡察/督察: counts, measures and 问责.
        "none_rectification_reports_published",
        "NONE",
        (
            "按照巡视工作有关要求，现将巡视整改进展情况予以公布",
            "针对督察反馈的问题，{G}制定整改方案，逐项明确整改措施和时限",
            "截至目前，反馈问题大部分已整改完成，其余正在按计划推进",
            "整改中建立完善了一批制度，对相关责任人进行了问责",
            "对需要长期坚持的整改任务，将持续推进、久久为功",
            "{G}党组书记{P}履行整改第一责任人职责，多次召开专题会议部署",
            "公众可通过电话{TEL}或信箱反映整改落实情况",
        ),
    ),
)

FAMILIES_TWELFTH: tuple[Family, ...] = NONE_TWELFTH
# Everything added after the seventh pass, in the order clause_families joins it.
FAMILIES_SINCE_NINTH: tuple[Family, ...] = UP_TO_ELEVENTH + FAMILIES_TWELFTH

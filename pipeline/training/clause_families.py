"""Families of clause wording for the clause classifier, each written as one generator.

Issue 19 (fourth pass): the fragments of ``clause_corpus*.py`` are sentences that share a
handful of frames, so a model held out on *facts* still sees the frames it is tested on
(held-out F1 0.95–1.00 while the documents nobody tuned on give recall 0.67–0.80). Here each
family is one way another office drafts a kind of clause (条例 第十四、十五、十六条) — its own
register (纪要, 请示, 汇报, 专报, 审批表, 情况说明), its own sentence frames — together with
near-miss families of published texts that use the same words (public policy on reserves,
征兵 notices, exam notices, published audit results, companies' own disclosures). The model
is evaluated with whole families held out (``pipeline/training/clauses.py``): how it reads a kind never seen.

Numbers are written in words about a third of the time (三千六百八十吨, 百分之十二点五), as
many drafts do; a template with ``||`` is a clause spread over two sentences: each sentence
is a training row of the family's label, since the detector reads sentence by sentence.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from pipeline.training.clause_families_fourteenth import FAMILIES_SINCE_NINTH
from pipeline.training.clause_families_more import FAMILIES_MORE
from pipeline.training.clause_families_seventh import FAMILIES_SEVENTH
from pipeline.training.clause_families_sixth import FAMILIES_SIXTH
from pipeline.training.fake import Fake

Family = tuple[str, str, tuple[str, ...]]  # (name, label, templates)

FIRST_FAMILIES: tuple[Family, ...] = (
    # 第十五条: a company's costs, prices, processes, customers and bids.
    (
        "ts_company_costs_in_requests",
        "TRADE_SECRET",
        (
            "{C}在请示材料中称，其{PROD}单位生产成本为每吨{N}元，其中原材料约占{PCT}",
            "据{C}报送的情况说明，企业上年度人工成本{W}万元，毛利率仅为{PCT}",
            "{C}反映，{PROD}出厂成本已升至每件{N}元，低于此价即亏损",
            "{C}汇报时提供的成本测算表显示，每生产一吨{PROD}需耗电{N}千瓦时、折合电费{N}元",
            "该企业自述其{PROD}的加工费为每件{K}元，较同行低{PCT}左右",
            "{C}的财务报表附注载明，其对{C2}的应收款项为{W}万元，账龄已超过两年",
        ),
    ),
    (
        "ts_bids_in_minutes",
        "TRADE_SECRET",
        (
            "评标委员会纪要记载，第二名投标人{C}的报价由人工费{W}万元和材料费{W}万元组成",
            "{C}投标文件中，项目负责人按每人每月{N}元报价，驻场人员共{K}名",
            "未中标的{C}报价比最高限价低{PCT}，其设备单价报为每台{N}元",
            "{C}在澄清函中说明，其报价偏低是因为钢材已按每吨{N}元提前锁价",
            "第三名投标人{C}的技术方案拟采用自有专利的{PROD}工艺，并配备{K}台自有设备",
            "开标后{C}书面说明其成本构成：管理费{PCT}、利润{PCT}、税金按规定计取",
        ),
    ),
    (
        "ts_process_and_customers",
        "TRADE_SECRET",
        (
            "现场核查发现，{C}的{PROD}采用两段式固化，第一段{T}摄氏度保持{K}小时",
            "{C}的主要客户为{C2}和{C3}，两家合计占其销售额的{PCT}",
            "{C}向{C2}供货按成本加成{PCT}定价，合同约定双方不得对外披露",
            "{C}的配料表显示，主料与辅料按{K}比{K}混合后在{T}度下搅拌{K}0分钟",
            "该企业的核心客户名单、各客户的年采购量和结算周期均列于其补充材料之中",
            "{C}正在洽谈的{K}个海外订单，预计合同额合计{W}万美元",
        ),
    ),
    (
        "ts_pricing_two_sentences",
        "TRADE_SECRET",
        (
            "{C}提交的定价说明称，其出厂价对不同客户实行差别折扣||对年采购额超过{W}万元的客户，结算价按挂牌价下浮{PCT}",
            "{C}在第三方意见书中陈述了其{PROD}的成本构成||其中进口原料每吨{N}元，国产原料每吨{N}元",
            "{C}的技术改造方案中载有其关键工艺参数||反应釜压力保持在{D}兆帕，物料停留时间{K}0分钟",
        ),
    ),
    # 第十六条: deliberations, 请示 opinions, approval steps, 考察/测评 remarks, unsettled
    # figures, internal audits not concluded, internal rules for staff.
    (
        "int_minutes_deliberation",
        "INTERNAL",
        (
            "讨论中，{P}同志认为补偿标准定得过高，{P2}同志主张维持原方案",
            "与会同志对是否收回该地块意见不一，会议未作决定，待调研后再议",
            "主任办公会上，多数同志倾向暂缓实施，个别同志建议先行试点",
            "{G}发言时表示难以承担牵头任务，建议改由{G2}负责",
            "党组会研究时，有同志提出该人选任职时间偏短，建议再酝酿",
            "对于{ISSUE2}问题，会上形成了两种意见，分别报请主要领导决定",
        ),
    ),
    (
        "int_request_opinions",
        "INTERNAL",
        (
            "我局初步意见是按第二种方案处理，妥否，请批示",
            "经办处室倾向于不予批准，理由是材料不实，但尚未征求法规处意见",
            "拟同意{C}的延期申请，当否，请示",
            "我们的倾向性意见是先易后难、分步推进，请领导定夺",
            "鉴于资金缺口较大，我科建议压减{K}个项目，请予审示",
            "以上意见仅为{G}的初步考虑，尚需征求相关部门意见",
        ),
    ),
    (
        "int_approval_steps",
        "INTERNAL",
        (
            "承办科室意见：建议同意，报分管领导审批",
            "分管领导意见：暂缓办理，待{G}复核后再议",
            "主要领导批示：请再研究，{W}万元的额度是否过高",
            "法制审核意见：该处罚决定裁量偏重，建议重新合议",
            "办公室审核意见：文字需再斟酌，建议退回修改后重新报送",
            "财务科会签意见：资金来源不明确，暂不同意列支",
        ),
    ),
    (
        "int_inspection_remarks",
        "INTERNAL",
        (
            "民主测评中，该同志得优秀票{K}张、不称职票{K}张，群众对其工作方法有意见",
            "考察组认为，{P}同志大局意识较强，但抓落实的力度还不够",
            "个别谈话中有同志反映其作风简单粗暴，与同事关系较为紧张",
            "测评结果显示其称职率为{PCT}，在同批考察对象中排名靠后",
            "考察中发现该同志对分管工作情况掌握不够全面，汇报时数据不准",
        ),
    ),
    (
        "int_unsettled_figures",
        "INTERNAL",
        (
            "初步测算缺口约{W}万元，此数尚未与财政部门对账",
            "该数据系估算，待审计后调整，暂不作为依据",
            "上报的受灾户数为初报数，核实后可能有较大变动",
            "预计全年完成投资{W}亿元，此为预估数，以统计部门年报为准前请勿引用",
            "目前掌握的拆迁户数约{N}户，尚未逐户核对",
        ),
    ),
    (
        "int_audit_not_concluded",
        "INTERNAL",
        (
            "内部审计初步发现该中心有{K}笔支出未履行审批程序，尚未形成审计结论",
            "巡察组反馈的线索正在核实，是否立案尚未研究",
            "专项检查发现的问题清单尚在与被检查单位沟通确认",
            "经初步核查，该所存在账外资金约{W}万元，具体性质有待进一步认定",
            "督查组暗访发现的问题尚未向被督查单位反馈，请注意内部掌握",
        ),
    ),
    (
        "int_staff_rules",
        "INTERNAL",
        (
            "机关干部请假{K}天以内由科长批准，超过{K}天的须报分管领导批准",
            "值班人员每晚须在{K}点前向带班领导报告值班情况，未报告的按缺岗记录",
            "公务用车钥匙下班后统一交办公室保管，节假日用车须经办公室主任同意",
            "局机关内部考勤实行每日两次打卡，迟到{K}次折算旷工半天",
            "本局档案室钥匙由{K}名工作人员分别保管，查阅内部档案须填写审批单",
        ),
    ),
    (
        "int_two_sentences",
        "INTERNAL",
        (
            "关于{ISSUE2}，会上未形成一致意见||{G}主张从严把握，{G2}认为应当兼顾实际情况",
            "此次拟调整的人选，组织部门已与本人谈话||其本人表示有顾虑，希望暂缓调整",
            "该项目的补助标准，我们测算了三套方案||第一套每户{N}元，第二套每户{N}元，倾向于第二套",
        ),
    ),
    # 第十四条: reserves, 征兵, 人防, the military, exam questions before use, 涉密 plans.
    (
        "ss_reserve_reports",
        "STATE_SECRET",
        (
            "截至目前，我县储备{GOODS}{N}件，存放于{PLACE}的{K}号库",
            "救灾物资储备点设在{PLACE}，现有储量可供{N}人使用{K}天",
            "我区承储的地方储备油料{N}吨，分存于{PLACE}和{PLACE2}两个油库",
            "现有应急储备药品{N}箱，集中存放于{PLACE}医药公司的地下库房",
            "储备肉轮换出库后，实际在库{N}吨，存放在{PLACE}冷库{K}号间",
        ),
    ),
    (
        "ss_conscription",
        "STATE_SECRET",
        (
            "今年分配我县的征兵指标为{N}名，其中大学毕业生不少于{K}0名",
            "新兵定于{DATE}凌晨从{PLACE}集结，分{K}个批次乘车前往接兵部队",
            "接兵部队共{K}支，分别来自陆军和武警，带兵干部已于{DATE}到达",
            "预定新兵起运交接地点设于{PLACE}，由{K}0名民兵担任警戒",
            "今年向海军输送新兵{K}0名、向火箭军输送{K}名",
        ),
    ),
    (
        "ss_civil_air_defense_military",
        "STATE_SECRET",
        (
            "{PLACE}人防工程战时用作医疗救护站，可容纳伤员{N}人",
            "防空警报器共布设{K}0处，警报控制中心设在{PLACE}",
            "驻地部队营区位于{PLACE}，常驻兵力约{N}人",
            "军供站现储备战时给养{N}份，存放于{PLACE}",
            "战时人口疏散分{K}个方向，第一疏散地域为{PLACE}",
            "民兵高炮分队阵地选在{PLACE}，配备高炮{K}门",
        ),
    ),
    (
        "ss_exam_before_use",
        "STATE_SECRET",
        (
            "本次{EXAM}考试笔试题目已命制完成，共{K}套，其中A卷为正式卷",
            "面试第二题为情景模拟题，评分要点为处置顺序和沟通方式",
            "命题专家组于{DATE}入闱，试题印制在{PLACE}印刷厂的保密车间进行",
            "已命制的{EXAM}试题中，案例分析题以{PLACE}的防汛工作为背景",
            "备用卷与正式卷题型相同，参考答案随试卷封存于{PLACE}保密室",
        ),
    ),
    (
        "ss_classified_plans",
        "STATE_SECRET",
        (
            "重大活动安保方案确定投入警力{N}人，核心区设{K}道安检",
            "应急预案确定的疏散路线为经{PLACE}至{PLACE2}，集结点设在{PLACE2}",
            "{PLACE}水源地防护方案中，武装值守点位共{K}处",
            "首长警卫路线拟经{PLACE}进入会场，沿线设固定岗{K}0个",
            "涉密的防汛调度方案规定，{PLACE}分洪闸在水位超过{D}米时开启",
        ),
    ),
    # Second families for the kinds the first ones generalised worst to (held out whole:
    # staff rules 0.00, two-sentence opinions 0.24, exam questions 0.55, unsettled figures
    # 0.57, 征兵 0.68), in other registers.
    (
        "int_staff_rules_notices",
        "INTERNAL",
        (
            "请各科室于每周五下班前将本周工作小结报办公室汇总，逾期未报的予以通报",
            "各科室负责人外出须向分管领导报备，并告知办公室去向",
            "本单位内部文件传阅后须于{K}日内退回机要室，不得自行复印",
            "机关食堂就餐实行刷卡登记，外来人员就餐须经办公室同意",
            "局机关工作人员因公外出超过半天的，须在外出登记簿上登记",
        ),
    ),
    (
        "int_unsettled_express_reports",
        "INTERNAL",
        (
            "上述数字为快报数，与最终核定数可能存在出入",
            "受损面积系乡镇初步上报数，尚未经实地核查",
            "暂按每户{N}元估列，待政策出台后据实调整",
            "补偿总额初算为{W}万元，具体以评估报告为准，目前仅供研究参考",
        ),
    ),
    (
        "ss_exam_content_notes",
        "STATE_SECRET",
        (
            "本次面试题本共{K}套，第一套第三题考查组织协调能力",
            "{EXAM}笔试申论题材料选自{PLACE}的乡村振兴案例",
            "拟定的实操考核题目为{PROD}生产线的故障排除，考前不得泄露",
            "{EXAM}考试的作文题已确定为围绕基层治理展开论述",
        ),
    ),
    (
        "ss_conscription_reports",
        "STATE_SECRET",
        (
            "我市今年征集任务比去年增加{K}0名，其中技术兵{K}0名",
            "新兵运输专列于{DATE}经停{PLACE}站，停靠{K}0分钟",
            "预定新兵共{N}人，已于{DATE}完成政治考核，名单报军分区",
            "接兵干部与{PLACE}乡镇武装部对接后，新兵分乘{K}辆大巴前往集结点",
        ),
    ),
    (
        "none_public_military_exam",
        "NONE",
        (
            "军事设施保护区的范围由{G}依法划定并公告",
            "考生须在开考前{K}0分钟凭准考证和身份证进入考场",
            "机关工作人员应当遵守考勤制度，具体办法由各单位制定",
            "统计快报数据以国家统计局最终核实数为准",
        ),
    ),
    (
        # The lines around a 专报 or a 通知 that name readers and offices, and a draft
        # published for comment: the registers' own words, no process information.
        "none_distribution_and_organisation",
        "NONE",
        (
            "报：市委、市政府主要领导，分管领导",
            "送：{G}、{G2}，各乡镇人民政府",
            "抄送：{G}，{G2}，本局各科室",
            "领导小组办公室设在{G}，{P}同志兼任办公室主任",
            "领导小组下设办公室，办公室主任由{G}主要负责同志兼任",
            "本文件为征求意见稿，正式文本以最终印发的为准",
            "现将征求意见稿全文公布，欢迎社会各界提出修改意见",
        ),
    ),
    # Near misses: published texts using the same words (NONE).
    (
        "none_public_reserve_policy",
        "NONE",
        (
            "各地要建立健全应急物资储备体系，合理确定储备品种和规模",
            "政府储备粮的轮换应当遵循市场规律，确保储备粮数量真实、质量良好",
            "储备物资实行分级负责、分级管理，所需经费列入同级财政预算",
            "全省已建成省级救灾物资储备库{K}个，基本形成覆盖全域的储备网络",
            "承储企业应当执行储备管理制度，不得虚报储备数量",
        ),
    ),
    (
        "none_public_conscription_exam",
        "NONE",
        (
            "征兵报名时间为{DATE}至{DATE}，适龄青年可通过全国征兵网报名",
            "对应征入伍的大学生给予学费补偿和国家助学贷款代偿",
            "考试结束后，试题和参考答案将在考试网公布",
            "面试采用结构化面试方式，每名考生答题时间为{K}0分钟",
            "笔试成绩和合格分数线将于{DATE}在官方网站公布",
            "人防工程建设应当与城市地下空间开发相结合",
        ),
    ),
    (
        "none_public_procedure",
        "NONE",
        (
            "经{G}党组会议研究决定，现将有关事项通知如下",
            "经民主推荐、民主测评和组织考察，现将拟任人选予以公示",
            "审计结果公告如下：{C}存在{K}个方面问题，均已整改到位",
            "巡察反馈问题的整改情况依规向社会公开，接受群众监督",
            "本机关收到申请后，将在{K}0个工作日内作出答复",
            "请示应当一文一事，并在附注处注明联系人和联系电话",
            "各单位要严格执行请销假制度，加强干部队伍管理",
        ),
    ),
    (
        # Published rules that describe the approval steps an office takes: the steps in
        # general, not one case's opinions (第十六条 protects the latter).
        "none_published_procedures",
        "NONE",
        (
            "承办机构提出处理意见后，报本机关负责人审批",
            "调查终结后，办案人员应当提出处理建议，经法制机构审核后报负责人决定",
            "对情节复杂或者重大违法行为给予较重处罚的，应当由负责人集体讨论决定",
            "审核机构认为事实不清、证据不足的，应当提出书面审核意见并退回承办机构",
            "承办单位应当在收到建议后{K}个月内研究办理，并将办理结果答复代表",
            "本办法公开征求意见期间，公众可通过信函或者电子邮件提出修改建议",
            "考核委员会提出考核等次的初步意见，经党组审定后在本单位公示",
            # the published reply to a deputy's suggestion (建议办理复文)
            "您提出的关于{ISSUE2}的建议收悉，我局高度重视，组织相关科室研究后提出了办理意见",
            "经会同{G}认真研究，现将办理情况答复如下",
        ),
    ),
    (
        "none_company_disclosures",
        "NONE",
        (
            "{C}公开披露的年度报告显示，营业收入{W}亿元，同比增长{PCT}",
            "企业应当于每年六月三十日前通过信用信息公示系统报送年度报告",
            "实行政府定价的{PROD}价格为每吨{N}元，自{DATE}起执行",
            "经营者可以依法自主确定商品和服务价格",
            "定价成本监审办法规定，经营者应当如实提供成本资料",
            "全市规模以上工业企业实现利润总额{W}亿元",
        ),
    ),
    (
        "none_two_sentences",
        "NONE",
        (
            "会议听取了{G}的工作汇报||会议强调，要压实责任，确保各项任务按期完成",
            "{Y}年全市征兵工作圆满完成||全市共有{N}名青年光荣入伍",
            "{C}中标{PROD}采购项目||中标金额{W}万元，已在政府采购网公告",
        ),
    ),
)

FAMILIES = FIRST_FAMILIES + FAMILIES_MORE + FAMILIES_SIXTH + FAMILIES_SEVENTH + FAMILIES_SINCE_NINTH

DIGITS = "零一二三四五六七八九"


def in_words(n: int) -> str:
    """An integer below 10⁸ in Chinese numerals (3680 → 三千六百八十, 12 → 十二)."""
    if n == 0:
        return "零"
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = in_words(low) if low else ""
        gap = "零" if low and low < 1000 else ""
        return in_words(high) + "万" + gap + rest
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


TENS = re.compile(r"([一二三四五六七八九])0")


def _in_words_values(rng: random.Random) -> dict[str, Callable[[], str]]:
    randint = rng.randint

    def pct() -> str:
        whole, tenth = randint(2, 95), randint(0, 9)
        return "百分之" + in_words(whole) + (f"点{DIGITS[tenth]}" if tenth else "")

    return {
        "N": lambda: in_words(randint(2, 9800)),
        "K": lambda: in_words(randint(2, 9)),
        "W": lambda: in_words(randint(10, 9900)),
        "PCT": pct,
    }


def family_sentences(
    families: Sequence[Family], per_family: int, seed: int
) -> list[tuple[str, str]]:
    """``per_family`` filled templates of every family, as (sentence, label) rows; a
    two-sentence template gives one row per sentence."""
    from pipeline.training.clause_corpus import _filler, _noisy

    fake = Fake(seed)
    rng = fake.rng
    fill = _filler(fake)
    words = _in_words_values(rng)
    out: list[tuple[str, str]] = []
    for _name, label, templates in families:
        for _ in range(per_family):
            template = rng.choice(templates)
            if rng.random() < 0.35:
                template = re.sub(r"\{(N|K|W|PCT)\}", lambda m: words[m.group(1)](), template)
                template = TENS.sub(r"\1十", template)  # "{K}0名" → 三十名
            for part in fill(template).split("||"):
                out.append((_noisy(part, fake), label))
    return out


def folds(count: int) -> list[list[Family]]:
    """Whole families in ``count`` folds, each label's families spread over the folds."""
    out: list[list[Family]] = [[] for _ in range(count)]
    seen: dict[str, int] = {}
    for family in FAMILIES:
        label = family[1]
        out[seen.get(label, 0) % count].append(family)
        seen[label] = seen.get(label, 0) + 1
    return out

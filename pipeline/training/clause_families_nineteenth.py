"""The nineteenth pass's families: 第十四条 arrangements said as working papers say them, and
the published notes that share their words.

Issue 19, nineteenth clause pass. Measured on a ninth wording of whole drafts written
before this pass (``benchmarks/clause_fourteenth.py --wording ninth``), the model alone
read a 统计公报's own note on its data as an unsettled internal figure, and had seen little
of how a 阅卷 plan states its marking rules, how a 民兵/应急 force is organised and where it
gathers, or how a planning paper notes a military line beside a plot. These families teach
those registers (kinds, not the evaluation's sentences), with near misses as offices
publish them: a 公报's notes on its data, a published 评卷 procedure, a 民兵 training report
after the fact. (A family of 审查/审核 opinions on drafts, labelled INTERNAL, was tried and
dropped: the second wording's 信访 requests were then read as INTERNAL, span P 0.994 →
0.945.) Written from the 条例 第十四条, the 教育 and 国防动员 保密事项范围 and how such papers
are kept, not from any devset document or evaluation draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.training.clause_families_fourteenth import FAMILIES_SINCE_NINTH as UP_TO_FOURTEENTH

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

STATE_NINETEENTH: tuple[Family, ...] = (
    (
        # a 阅卷 plan's marking rules before the papers are marked (评分细则 before use)
        "state_marking_rules_before_use",
        "STATE_SECRET",
        (
            "作文按四类卷评分，一类卷起评{K}0分，字数不足六百字的每少五十字扣一分",
            "名词解释题关键词答对即可，不要求和课本原文一字不差",
            "选做题两道都答的，按第一道计分",
            "实验探究题结论正确但没有写过程的，只给一半分",
            "计算题只看最后结果，结果对给{K}分，单位漏写扣一分",
            "本次评卷细则规定，错别字每三个扣一分，重复的不计",
            "诗歌鉴赏题答出“借景抒情”或意思相近的都给分",
            "第{K}题采分点为三个，每点{K}分，表述不同但意思对的可以给分",
        ),
    ),
    (
        # how a 民兵/应急 force is organised, armed and where it gathers (国防动员)
        "state_militia_organisation",
        "STATE_SECRET",
        (
            "基干民兵{N}人编为抢险救灾连，冲锋舟和发电机平时放在{PLACE}仓库",
            "接到命令后，一排到{PLACE}集合，二排直接赶往大堤{K}号险段",
            "民兵哨所昼夜各派{K}人，夜间口令每天由营部下发",
            "应急连的枪支弹药分库存放，两把钥匙分别在部长和指导员手里",
            "每个乡镇组建一个{K}0人的民兵应急排，集结点统一设在中心校操场",
            "战时动员需要的{K}0辆卡车，登记在{C}和{C2}名下，由交通局负责征用",
        ),
    ),
    (
        # a military facility beside a plot or a line, as planning and land papers note it
        "state_military_nearby",
        "STATE_SECRET",
        (
            "规划红线东侧约{N}米埋有部队的通信光缆，施工时要避让",
            "这块地紧挨着雷达站，离站址围墙只有{N}米左右",
            "线路走向原本要穿过驻军营区北面的山坳，后来改到了河对岸",
            "地块西南角地下有一段战备油料管线，走向和埋深以部队提供的图纸为准",
            "拟建厂房距{PLACE}的部队弹药库不到{K}公里，需征求军分区意见",
        ),
    ),
)

NONE_NINETEENTH: tuple[Family, ...] = (
    (
        # a published 统计公报's notes on its own data
        "none_bulletin_notes",
        "NONE",
        (
            "{Y}年的增速已根据第五次全国经济普查结果作了修订",
            "部分数据因四舍五入的原因，存在总计与分项合计不等的情况",
            "地区生产总值和各产业增加值绝对数按现价计算，增长速度按不变价格计算",
            "公报中城镇新增就业数据来源于人力资源和社会保障局",
            "表中“—”表示该项无数据，人均指标按常住人口计算",
            "文中居民人均可支配收入为住户抽样调查数据",
        ),
    ),
    (
        # published exam and 评卷 procedure, and results already out
        "none_published_marking",
        "NONE",
        (
            "阅卷实行网上评卷，主观题实行双评，确保评分公平公正",
            "考生对成绩有异议的，可在成绩公布后五个工作日内申请复核",
            "笔试成绩和合格分数线已在人事考试网公布，请考生自行查询",
            "评卷结束后，试卷按规定保存一年后销毁",
            "今年{EXAM}考试的试题和参考答案已于考后在网站公开",
        ),
    ),
    (
        # 民兵 and 国防 work as published: training done, duties in general
        "none_militia_published",
        "NONE",
        (
            "今年全县共组织基干民兵集中训练{K}期，参训{N}人次",
            "民兵应急分队在防汛抢险中发挥了突击队作用，受到群众好评",
            "军事设施保护范围内禁止从事危害军事设施安全的活动",
            "各单位要支持民兵参加训练，保障其工资福利待遇不变",
            "国防教育日当天，{G}组织了防空疏散演练",
        ),
    ),
)

FAMILIES_NINETEENTH: tuple[Family, ...] = STATE_NINETEENTH + NONE_NINETEENTH
# Everything added after the seventh pass, in the order clause_families joins it.
FAMILIES_SINCE_NINTH: tuple[Family, ...] = UP_TO_FOURTEENTH + FAMILIES_NINETEENTH

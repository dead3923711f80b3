"""State secrets a working paper states plainly, without the lexicon's words (第十四条).

A county office does not write "征兵任务数" or "储备数量及存放地点"; it writes what the
matter is: a batch of recruits boarding a numbered train at an hour, the days the grain in
store lasts, where a shelter's 口部 opens, who holds the key to the printed papers, the
frequency the 机要 link switches to. And it writes it where a reviewer looks first: in the
title line of an unmarked draft (关于下达2025年征兵任务数的通知, …号库…万吨轮换出库的请示)
and in the rows of a table whose paper is about such a matter. This module reads those:

- :func:`plain_secret` — a sentence with the thing (a troop movement, a military or 人防
  site, papers before use, a 密码/涉密 item, stock) and the specific that makes it secret
  (a train and an hour, a place, a keeper, a count, a frequency);
- :func:`secret_topic` and :func:`secret_in_paper` — the paper's own matter, read from its
  title, supplies the thing a table row or a short line lacks (河口镇⇥15名⇥10名 in a
  征兵 task paper; 印制⇥5月20日⇥某印刷厂 in a 考务 paper);
- :func:`secret_title` — a title that names the secret matter itself: a title is the one
  line every 目录, 收文登记 and 公开 listing repeats, so an unmarked draft so titled is
  escalated on the title alone (the clause path otherwise skips titles as names of papers).

Published papers of the same matters (征兵/考试 公告, 通告, 公示, a 管理办法, 宣传 or a
result 成绩 notice) tell how to apply or what happened; their titles give no topic here.
"""

from __future__ import annotations

import re

from pipeline.detect.secret_working import DMS_FINE, kept_unaware, working_secret
from pipeline.detect.state_secret import (
    AFTER_USE,
    CONSTRUCTION,
    INSTRUCTION,
    PUBLIC_COMPOUND,
    QUANTITY,
    STATISTIC,
    public_notice,
)

# A published paper: a notice to the public, a rules text, publicity, results.
PUBLISHED_TITLE = re.compile(r"公告|通告|公示|公开|公布|办法|条例|规定|宣传|成绩|须知|简章|动态")

# -- recruits and their movement -------------------------------------------------------
# (征集 alone also gathers opinions and projects: 征集意见, 征集民生实事)
RECRUITS = r"(?:征兵|新兵|兵员|义务兵|兵役|征集(?:新兵|兵员|义务兵|士兵))"
TROOPS = r"(?:新兵|入伍|兵员|带兵|接兵|役前|征集(?:新兵|兵员|义务兵|士兵))"
TRAIN = re.compile(r"[KTZDGCY][0-9]{1,4}次|次列车|专列|包机|航班|大客车|包车|军列")
# (not 一时难以, 同时, 时间: an hour is a numeral before 时 and nothing after it that makes a word)
HOUR = re.compile(r"[0-9０-９一二三四五六七八九十]{1,3}时(?![间期候代难刻])|凌晨|拂晓|当晚|深夜")
DEPARTURE = re.compile(
    r"出发|起运|离[县市区镇]|离开|送至|送往|集中|报到|开拔|登车|乘坐|乘(?![势胜法])"
)
DESTINATION = re.compile(r"去向|补入|赴[\u4e00-\u9fff]{2,6}(?:战区|基地|总队|部队)")

# -- military and 人防 sites -----------------------------------------------------------
SITE = re.compile(
    r"指挥所|(?:人防|地下|战时)[\u4e00-\u9fff]{0,4}指挥中心|掩蔽部|掩蔽所|口部|主出入口|人防工程|"
    r"人防工事|坑道|驻军|某部|部队|营区|"
    r"油料(?:仓)?库|弹药库|通信站|雷达站|训练场|哨所|阵地|指挥车|战时通信|备用线路|"
    # (a 人防 work by its wartime use; a military line or field a plan must keep clear of)
    r"战时[\u4e00-\u9fff]{0,6}工程|军用(?:光缆|管线|机场|码头|仓库|油库)"
)
# Where it is, as a working paper says it (建在…地下, 在…以西约5公里的山沟里).
SITE_PLACE = re.compile(
    r"建在|设在|设于|位于|藏在|停放在|在[\u4e00-\u9fff]{2,12}(?:以[东南西北]{1,2}|地下|下方|"
    r"背后|后院|车库|山沟|山坳|假山|院内|里间|隔壁)|以[东南西北]{1,2}约?[0-9０-９一二三四五六七八九十]+"
    r"(?:公里|千米|米)|[东南西北]侧[0-9０-９]+(?:米|公里|千米)|分别位于|距地面|(?:地下|负)[一二三四五六七八九0-9０-９]+层|接入指挥所|经[\u4e00-\u9fff]{2,6}接入"
)
# What the site is built as and opened for (平时用作停车场, 已建成开放): publicity.
SITE_PUBLIC = re.compile(
    r"平时(?:可)?用作|用作[^，。；]{0,6}(?:停车|避难)|建成开放|疏散基地|避难场所"
)

# -- papers before use -----------------------------------------------------------------
PAPER = re.compile(
    r"卷子|卷袋|试卷|试题|题本|答题卡|[语数英物化史地政生]{1,2}[文学语理治物]?卷|作文|主观题|给分要点|"
    r"命题组|命题人员|命题教师|(?:卷|题)共(?:出|命制)|参考答案|标准答案"
)
PAPER_STEP = re.compile(
    r"暂放|存放|锁在|钥匙|保管|领取|随车|护送|押运|印制|封闭|抽定|启用|进驻|入闱|共出|收存|"
    r"考查|得[0-9０-９一二三四五六七八九十]+分|即可得|"
    # what a question is and what it is drawn from (第3大题为材料分析题, 材料取自…)
    r"第[0-9０-９一二三四五六七八九十]+大?题(?:为|选|是|考)|取自|选自|取材于"
)
PAPER_SPECIFIC = re.compile(
    # (a count, an hour, a mark, a question's number: not a year, which every notice has)
    r"[0-9０-９一二三四五六七八九十两]+\s*(?:套|份|袋|把|人|名|时|页|分|题|道|个)|由[\u4e00-\u9fff]{2,4}(?:和|、)|"
    r"局长|主任|当天|前一天|“|主题|各管"
)

# -- 密码, 机要 and 涉密 items -----------------------------------------------------------
CLASSIFIED = re.compile(
    r"密码设备|密码机|密钥|密码电报|核心密码|普通密码|涉密项目|涉密计划|涉密载体|涉密设备|"
    # (not 机要通信: every 部门决算 lists its 机要通信用车 by count, published)
    r"备用频率|频点|呼号"
)
CLASSIFIED_SPECIFIC = re.compile(
    r"[0-9０-９]|[一二三四五六七八九十两]+(?:台|套|件|项|部)|放在|锁在|存放|改在|送[\u4e00-\u9fff]{1,8}"
    r"(?:中心|点)|合同额|承担单位|途经|兆赫|尚未下达"
)
# What a 保密 work summary publishes: checks, training, publicity done.
CLASSIFIED_PUBLIC = re.compile(r"检查|排查|培训|宣传|教育|签订|承诺书|自查|考试")

# -- stock -----------------------------------------------------------------------------
GOODS = re.compile(
    r"粮|油|玉米|稻谷|小麦|大米|物资|帐篷|折叠床|棉被|冲锋舟|救生衣|编织袋|药品|发电机|储备|"
    # (flood stores: stone, sand, geotextile, pumps, sandbags)
    r"块石|砂石|土工布|水泵|沙袋|麻袋|钢管|木桩"
)
STAGED = re.compile(r"前置到|预置到|放在|存在|堆放在|存于|调出|调往|运往|代储|[0-9０-９]号[库仓]")
# How stores reach the scene (经G318运往险段, 车程约40分钟) and where a store stands (仓库…
# 在…工业园4号厂房): the route and the place are the secret without a count.
DISPATCH = re.compile(r"经[^，。；]{1,10}(?:运往|调往|送往|运抵)|车程")
STORE_AT = re.compile(
    r"(?:仓库|库房|储备点)[^。；]{0,16}?(?:在|位于|设在|借用)[\u4e00-\u9fff0-9０-９]{2,16}"
    r"(?:号|院|厂房|校舍|旧址|仓库|空地)"
)
SUPPLY_DAYS = re.compile(
    r"(?:粮|油|物资)[^。；]{0,12}?(?:可供|够|能供)[^。；]{0,10}?(?:吃|食用|消费|保障|使用)?"
    r"[0-9０-９一二三四五六七八九十]+天"
)


# A security deployment before the event: the force, where it stands or waits, and its
# count (布设便衣警力12人; 设3个临时盘查点), or people under watch and their 专班; a
# report after it (累计出动警力500人次, 圆满完成) is published news.
GUARD_FORCE = re.compile(
    r"便衣|特警|民警|警力|武警|哨兵|机动力量|处置梯队|盘查点|卡点|民兵|巡逻[组队]|应急分队|突击队|"
    r"处突(?:分队|力量|队)"
)
GUARD_POST = re.compile(
    # (看守 the verb, not the 看守所 an office names nor its 看守管理 work)
    r"布设|部署|集结|备勤|值守|驻守|双岗|盘查|巡逻|巡查|到达|接回|增派|待命|换岗|轮值|守护|看守(?![所管])"
)
# Who holds the keys of an arms store (钥匙由部长和参谋分持): its guard, as a post is.
ARMS_KEYS = re.compile(
    r"(?:武器|弹药|枪支|枪弹|军械)[^。；]{0,6}钥匙[^。；]{0,4}由[^。；]{1,12}(?:分持|保管|掌握|持有)"
)
WATCHED = re.compile(r"(?:列管|重点)人员[^。；]{0,20}(?:专班|稳控|盯防|接回|报告动态)")
GUARD_COUNT = re.compile(r"[0-9０-９一二三四五六七八九十两]+\s*(?:人|名|个|分钟)(?!次)")
GUARD_AFTER = re.compile(r"出动|累计|共计|先后|圆满|顺利完成|未发生|人次")


def guard_posts(sentence: str) -> bool:
    """A security deployment's posts, strengths or watch before the event (第十四条)."""
    if GUARD_AFTER.search(sentence) or not GUARD_COUNT.search(sentence):
        return False
    return bool(
        (GUARD_FORCE.search(sentence) and GUARD_POST.search(sentence)) or WATCHED.search(sentence)
    )


# The ratio a 征兵 office fixes its draft by (定兵比例按2∶1.3掌握; 体检上站比例3:1): a detail
# of the year's 征兵 task, which 兵役工作 keeps secret with the task's numbers.
QUOTA_RATIO = re.compile(
    r"(?:定兵|预定兵|体检|上站|政审)[^，。；]{0,4}比例[^，。；]{0,6}?[0-9０-９][0-9０-９.]*\s*[∶:：比]\s*[0-9０-９]"
)


def plain_secret(sentence: str) -> str | None:
    """The secret a sentence states without a lexicon term, named, or None."""
    if kept_unaware(sentence):
        return kept_unaware(sentence)
    if INSTRUCTION.search(sentence) or public_notice(sentence):
        return None
    if re.search(TROOPS, sentence) and (
        (TRAIN.search(sentence) and (HOUR.search(sentence) or DEPARTURE.search(sentence)))
        or (DEPARTURE.search(sentence) and HOUR.search(sentence))
        or DESTINATION.search(sentence)
    ):
        return "兵员输送安排"
    # (文明实践阵地设在…文化站: a public compound names work, not a position)
    site = SITE.search(PUBLIC_COMPOUND.sub("", sentence))
    public = SITE_PUBLIC.search(sentence) or CONSTRUCTION.search(sentence)
    if site and SITE_PLACE.search(sentence) and not public:
        return "军事人防设施位置"
    if (
        PAPER.search(sentence)
        and PAPER_STEP.search(sentence)
        and PAPER_SPECIFIC.search(sentence)
        and not AFTER_USE.search(sentence)
        and not re.search(r"考后|考试结束|已结束|公布|难度|适中|总体|整体|命题思路|评价", sentence)
    ):
        return "启用前试卷的保管与内容"
    if QUOTA_RATIO.search(sentence):
        return "征兵任务数"
    if guard_posts(sentence):
        return "安保警力部署及稳控安排"
    if ARMS_KEYS.search(sentence):
        return "武器弹药库的管控安排"
    if (
        CLASSIFIED.search(sentence)
        and CLASSIFIED_SPECIFIC.search(sentence)
        and not CLASSIFIED_PUBLIC.search(sentence)
    ):
        return "涉密事项的具体情况"
    if SUPPLY_DAYS.search(sentence) or (
        GOODS.search(sentence) and QUANTITY.search(sentence) and STAGED.search(sentence)
    ):
        return "储备数量及存放地点"
    if GOODS.search(sentence) and (
        (STAGED.search(sentence) and DISPATCH.search(sentence)) or STORE_AT.search(sentence)
    ):
        return "储备数量及存放地点"
    return working_secret(sentence)


# -- the paper's matter, from its title --------------------------------------------------
TOPICS = (
    ("recruit", re.compile(RECRUITS + "|入伍")),
    ("exam", re.compile(r"试卷|命题|审题|考务|入闱|试题")),
    ("reserve", re.compile(r"储备|库存|出库|轮换|代储")),
    # (重要经济目标 is the 人民防空法's own term for the works 人防 protects)
    ("site", re.compile(r"人防|指挥所|掩蔽|军事设施|驻军|重要(?:经济)?目标")),
    # (商用密码 and 密码应用 are a published trade and its checks, not 机要 work)
    ("classified", re.compile(r"涉密|机要|(?<!商用)密码(?!应用)")),
    # (a city's 维稳/安保 deployment, a convoy's 交通保障, figures before release)
    ("stability", re.compile(r"维护稳定|维稳|安保(?:工作)?部署")),
    ("convoy", re.compile(r"部队[^\n]{0,6}(?:过境|机动|开进|转场)|军事运输|交通战备")),
    # (a 统计月报 titled 主要经济指标 is published: only a report of the figures to the leaders)
    # (… 初步核算情况: a first estimate's 情况 is a report too; a 运行情况 alone may be published)
    (
        "statistics",
        re.compile(
            r"(?:初步核算|统计快报|主要经济指标)[^\n]{0,12}?(?:报告|汇报|专报)|初步核算[^\n]{0,6}?情况"
        ),
    ),
    # (a 人武部 paper on 民兵 forces or readiness; a 测绘 paper on its 成果 or points)
    ("militia", re.compile(r"民兵|战备|兵员动员|国防动员")),
    ("survey", re.compile(r"测绘成果|基础测绘|控制点|重力测量|地形图")),
)


def secret_topic(title: str) -> str | None:
    """The secret matter an unpublished paper's title names (its head lines), or None."""
    if PUBLISHED_TITLE.search(title):
        return None
    return next((name for name, pattern in TOPICS if pattern.search(title)), None)


ROW_SPECIFIC = {
    "recruit": re.compile(
        r"[0-9０-９一二三四五六七八九十]+\s*(?:名|人)|[KTZDG][0-9]{1,4}次|凌晨|[0-9０-９]{1,2}时"
    ),
    # (a clock time in a 交接 table: 6:14 at the 考点's side gate)
    "exam": re.compile(
        r"印制|印刷|押运|运送|接回|分发|保密室|入闱|保管|卷|[0-9]{1,2}[:：][0-9]{2}|侧门|交接"
    ),
    "reserve": re.compile(r"[0-9０-９]号[库仓]|(?:万?吨|万斤|公斤)"),
    "site": re.compile(
        r"下方|地下|后院|山沟|以[东南西北]|东经|北纬|入口|口部|战时状态|[0-9０-９]{1,2}时"
    ),
    "classified": re.compile(
        r"[0-9０-９一二三四五六七八九十]+\s*(?:台|套|件|项|部|份)|兆赫|频点|呼号|保险柜"
    ),
    "militia": re.compile(r"库房|枪弹|武器|弹药|集结|[0-9０-９]+\s*小时"),
    "survey": DMS_FINE,
    "stability": re.compile(r"[0-9]{1,2}[:：][0-9]{2}|[0-9]+\s*(?:名|人)"),
    "convoy": re.compile(r"[0-9０-９]{1,2}时|凌晨"),
    "statistics": re.compile(r"[0-9０-９]+\.[0-9０-９]+"),
}
# A figure of an indicator with its unit (517.6亿元, 增长7.8%): the report's own datum.
INDICATOR = re.compile(r"[0-9０-９][0-9０-９.]*\s*(?:亿元|万元|%|个百分点)")
DAY = re.compile(
    r"[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日|[0-9０-９]时"
)
# A row of a paper about a place's own work (a 任务分配 line) names a place and its count.
TASK_LINE = re.compile(
    r"[\u4e00-\u9fff]{2,6}(?:镇|乡|街道|村|社区)[^。；]{0,6}?(?:须完成|需完成|完成|分配|承担|任务为?)"
    r"[^。；]{0,4}?[0-9０-９一二三四五六七八九十]+\s*(?:名|人)"
)


def secret_in_paper(sentence: str, topic: str | None) -> str | None:
    """A table row or a task line whose thing the paper's matter supplies: a row with a
    figure, a place or an hour under a 征兵, 考务, 储备, 人防 or 涉密 title."""
    if topic is None or INSTRUCTION.search(sentence) or public_notice(sentence):
        return None
    if topic == "recruit" and TASK_LINE.search(sentence):
        return "征兵任务数"
    if topic == "statistics" and STATISTIC.search(sentence) and INDICATOR.search(sentence):
        return "尚未发布的统计数据"  # an 初步核算 report to the leaders, before release
    cells = [c for c in sentence.strip().split("\t") if c.strip()]
    if len(cells) < 2:
        return None
    rest = "\t".join(cells[1:])
    if topic == "site" and (SITE_PUBLIC.search(rest) or CONSTRUCTION.search(rest)):
        return None  # a shelter listed with its 停车/避难 use is published with it
    if ROW_SPECIFIC[topic].search(rest) and (
        topic in ("recruit", "reserve", "classified", "militia", "survey", "stability")
        or topic == "statistics"
        or DAY.search(rest)
        or topic == "site"
    ):
        return "表中所列具体事项"
    return None


# A title naming the matter with what makes it secret.
TITLE_SECRET = re.compile(
    RECRUITS + r"[^，。；\n]{0,8}?(?:任务数|任务分配|名额|指标|定兵)|"
    r"(?:命题|审题)[^，。；\n]{0,8}?入闱|试卷[^，。；\n]{0,6}?(?:印制|押运|运送|交接)[^，。；\n]{0,4}?安排|"
    r"[0-9０-９]号[库仓][^，。；\n]{0,10}?[0-9０-９.]+万?吨|"
    r"(?:指挥所|掩蔽部|人防工程)[^，。；\n]{0,8}?(?:位置|选址|坐标)|涉密(?:项目|计划)[^，。；\n]{0,4}?(?:下达|分配)"
)


# A numbered heading that holds the figure itself (（二）3号库存玉米4.2万吨; 三、起运时间：
# 9月12日凌晨): content set as a heading, not the name of a section.
FIGURE = re.compile(
    r"[0-9０-９][0-9０-９.]*\s*(?:万?吨|万斤|名|人|台|套|艘|顶|件)|[0-9０-９]{1,2}时|凌晨|[KTZDG][0-9]{1,4}次"
)


def figure_heading(sentence: str) -> bool:
    """Whether a heading line carries a secret's figure (a count, an hour, a train)."""
    return bool(FIGURE.search(sentence))


def secret_title(line: str) -> bool:
    """Whether a title line of an unmarked paper names a secret matter itself."""
    return bool(TITLE_SECRET.search(line)) and not PUBLISHED_TITLE.search(line)

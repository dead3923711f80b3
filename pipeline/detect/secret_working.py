"""State secrets a working paper of security, survey, signals and exam work states plainly
(第十四条), without the words 秘密/涉密/保密 and without the lexicon's terms.

A township's 维稳 plan names who is watched and by whom; a 国安 liaison letter names a person
and asks that he not be alarmed; a 考试院 circular says which floor the papers sleep on and
who holds the two keys; a 测绘 report gives a control point to the thousandth of a second;
a 气象 unit tells when it supports an exercise; a network note gives the address of the
专网's core switch. Each is secret by what it tells of a watch, a force, a site, a paper
before use or a line, so every rule pairs the thing with the specific that makes it one.
The published wording of the same offices (a law's text, a 宣传 article, a 培训 notice, a
公告's auction lot, an 审图号) tells what the rules are or what was done and stays quiet.

Called from :func:`pipeline.detect.secret_plain.plain_secret` after its own exclusions
(instructions, public notices), so a sentence reaching here is no order to the public.
"""

from __future__ import annotations

import re

# -- 维稳 and 安保: who is watched, where the command and the force stand ---------------
WATCHED = re.compile(r"(?:重点|稳控|列管|管控)(?:人员|对象)")
# (the duty, not the 稳控 in the watched people's own name: a tally of them is no plan)
WATCH_DUTY = re.compile(r"包保|盯守|盯控|盯防|动向|24小时|专人")
# (包保, 专人 and 24小时 are also how help and rescue are assigned: a 工作报告's 专人帮扶, a
# 防汛 转移's 包保责任人; with such a word and no watching word the people are helped)
WATCH_STRICT = re.compile(r"盯守|盯控|盯防|动向")
CARE = re.compile(r"帮扶|救助|关爱|慰问|就业|转移|安置|隔离|医学观察|健康监测|核酸|疫苗")
# (国安 not inside 全国安全/我国安全/中国安能: the 安全生产月 is no security desk)
SECURITY_AGENCY = re.compile(r"国家安全(?:局|厅|机关)|(?<![全中我])国安(?!全)")
# (掌握 alone is also what people learn at a 宣传 stall: only with a person kept unaware)
TARGET_KEPT = re.compile(
    r"不得惊动|不要惊动|日常掌握|配合掌握|秘密(?:监控|调查|侦查)|布控|境外[^。；]{0,8}(?:联系|往来)"
)
COVERT = re.compile(
    r"(?:已|正|拟|将)对[^。；]{0,24}(?:采取|落实|实施|开展)?(?:技术侦查|技侦|秘密侦查|监听|布控)|"
    r"(?:内线|线人|特情|耳目)[^。；]{0,12}(?:化名|代号|布建|汇报|报告)|布建的"
)
COMMAND_POST = re.compile(r"(?:指挥位|备用指挥(?:所|位|点|中心|部)|狙击(?:点|位|手))")
# (制高点 is a 工作报告's word too, "抢占科技制高点": a post only among a guard's words)
HIGH_GROUND = re.compile(r"制高点")
GUARD = re.compile(r"安保|警戒|观察哨|瞭望|特警|武警|处突|狙击")
POST_PLACE = re.compile(r"设在|设于|位于|放在|布在")
LEADER_GUARD = re.compile(
    r"(?:领导|首长|要员|警卫对象)[^。；]{0,6}(?:住地|驻地|行程|车队|路线)[^。；]{0,16}(?:卡口|卡点|警戒|道)"
)
PETITION_PLAN = re.compile(r"(?:劝返|接返|截访)[^。；]{0,24}(?:停靠|路线|车辆|带队|住宿)")
GROUP_PLAN = re.compile(
    r"串联[^。；]{0,16}(?:计划|拟于|拟在|准备|定于)[^。；]{0,16}(?:集体|聚集|集访|上访|反映)"
)


def kept_unaware(sentence: str) -> str | None:
    """A 国安 notice of a person and the request to watch him unawares (不得惊动本人): the
    request is the secret's own wording, so an instruction's 不得 does not make it a rule."""
    s = sentence.replace("\n", "")
    if SECURITY_AGENCY.search(s) and TARGET_KEPT.search(s):
        return "国家安全和侦查工作掌握的情况"
    return None


# -- exam papers before use: where they are kept, how a question is marked ---------------
PAPER_ROOM = re.compile(r"(?:试卷|试题|答卷)?(?:保管室|保密室|保密柜|存放点)")
ROOM_DETAIL = re.compile(
    r"钥匙|双人双锁|分持|(?:设在|位于)[^。；]{2,20}[0-9０-９一二三四五六七八九十]+(?:楼|层|号)"
)
MARKING_RULE = re.compile(
    r"第[0-9０-９一二三四五六七八九十]+(?:小|大)?题[^。；]{0,6}(?:评分细则|评分标准|给分|扣分|得分要点)"
)
MARKS = re.compile(r"[0-9０-９一二三四五六七八九十]+分")
AFTER_EXAM = re.compile(r"考后|考试结束|已公布|公布|复核|申诉|已评")

# -- 测绘 and 气象: precise points, large scales of military ground, support of exercises --
DMS_FINE = re.compile(r"[0-9]{1,3}°[0-9]{1,2}′[0-9]{1,2}\.[0-9]{2,}″")
SURVEY_POINT = re.compile(r"控制点|三角点|水准点|基准站|重力点|测量标志|坐标|高程")
LARGE_SCALE = re.compile(r"1\s*[:：∶]\s*(?:500|1000|2000|5000|10000|25000|50000)(?![0-9])")
MAP_PRODUCT = re.compile(r"地形图|影像图|航摄|测图|正射影像")
MILITARY_GROUND = re.compile(r"营区|部队|军事(?:设施|管理区|禁区)|雷达|阵地|哨所|军用")
GRAVITY = re.compile(r"重力(?:测量|成果|数据|点|基准)")
GRAVITY_DETAIL = re.compile(r"[0-9０-９]+\s*点|原始数据|存于|加密|坐标")
MILITARY_ACTIVITY = re.compile(
    r"(?:部队|军事)演习|导弹|实弹|战备训练|军事训练|试验任务|部队(?:训练|行动|机动)"
)
ACTIVITY_WHEN = re.compile(
    r"[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日|时段|[0-9０-９]{1,2}时"
)
ACTIVITY_WHERE = re.compile(r"地点|区域|地域|在[\u4e00-\u9fff]{2,8}(?:山|岭|崖|坡|沟|场|区)")
# (the activity ahead, to be supported: a news item telling of a 民兵 drill held is no plan)
AHEAD = re.compile(r"保障|拟|将于|将在|定于|计划|预计|届时")
TO_PUBLIC = re.compile(r"禁止|请(?:过往|广大|群众|市民)|注意|过往|绕行|航行警告")

# -- 专网 and 武器库 ------------------------------------------------------------------------
PRIVATE_NET = re.compile(r"专网|内网|指挥网|涉密网|机要网|电子政务内网")
# (the 口令 or 网关 itself stated, not named: a 采购公告 buys a 内网 网关, a 检查 finds 弱口令,
# a rule asks that 口令 be changed, and each is published)
NET_DETAIL = re.compile(
    r"(?:10|172|192)\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|口令(?:为|是|[：:])|管理地址|"
    r"网关(?:地址)?(?:为|是|[：:])|核心交换机[^。；]{0,6}(?:部署|放在|设在)"
)
ARMS_STORE = re.compile(r"枪弹库|武器库|弹药库|军械库|枪库|武器[^，。；]{0,4}(?:存放|储存)")
ARMS_DETAIL = re.compile(r"[0-9０-９一二三四五六七八九十两]+\s*(?:人|名|支|发|小时)")
# (教育 the work, not the 教育局 that keeps the papers)
CHECKED = re.compile(r"检查|排查|验收|培训|宣传|教育(?![局厅部])|演练|考核")


def working_secret(sentence: str) -> str | None:
    """The secret of security, exam, survey or signals work ``sentence`` tells, named, or
    None (a wrapped sentence is read as one line)."""
    s = strip_item_mark(sentence.replace("\n", ""))
    if (
        WATCHED.search(s)
        and WATCH_DUTY.search(s)
        and (WATCH_STRICT.search(s) or not CARE.search(s))
        and re.search(r"[0-9０-９一二三四五六七八九十两]", s)
    ):
        return "重点人员稳控安排"
    if (SECURITY_AGENCY.search(s) and TARGET_KEPT.search(s)) or COVERT.search(s):
        return "国家安全和侦查工作掌握的情况"
    post = COMMAND_POST.search(s) or (HIGH_GROUND.search(s) and GUARD.search(s))
    if (post and POST_PLACE.search(s)) or LEADER_GUARD.search(s):
        return "安保指挥和警卫部署"
    if PETITION_PLAN.search(s) or GROUP_PLAN.search(s):
        return "维稳工作部署和预警情况"
    if PAPER_ROOM.search(s) and ROOM_DETAIL.search(s) and not CHECKED.search(s):
        return "启用前试卷的保管"
    if MARKING_RULE.search(s) and MARKS.search(s) and not AFTER_EXAM.search(s):
        return "启用前的评分标准"
    if DMS_FINE.search(s) and SURVEY_POINT.search(s):
        return "未公开的精确坐标和高程"
    if LARGE_SCALE.search(s) and MAP_PRODUCT.search(s) and MILITARY_GROUND.search(s):
        return "涉及军事设施的大比例尺测绘成果"
    if GRAVITY.search(s) and GRAVITY_DETAIL.search(s):
        return "重力测量成果"
    if (
        MILITARY_ACTIVITY.search(s)
        and ACTIVITY_WHEN.search(s)
        and ACTIVITY_WHERE.search(s)
        and AHEAD.search(s)
        and not TO_PUBLIC.search(s)
    ):
        return "军事活动的时间和地点"
    if PRIVATE_NET.search(s) and NET_DETAIL.search(s):
        return "专用网络的部署和口令"
    if ARMS_STORE.search(s) and ARMS_DETAIL.search(s) and not CHECKED.search(s):
        return "武器弹药存放地点"
    return None


# A list item's own number (1．, （二）, 3、) is the list's, not a figure of the sentence.
ITEM_MARK = re.compile(
    r"^[\s\u3000]*(?:[0-9０-９]{1,2}[．.、](?![0-9０-９])|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|"
    r"[一二三四五六七八九十]{1,3}、)"
)


def strip_item_mark(sentence: str) -> str:
    """``sentence`` without the number of the list item it opens (so that "1．" is no
    count): a specific must be in the words, not in the list's numbering."""
    return ITEM_MARK.sub("", sentence, count=1)


# What a 公告 of a reserve rotation sale tells its buyers: the lot, its depot, the viewing,
# the opening price. The sale is published with them (国家粮食交易中心 lists each lot).
SALE_LOT = re.compile(r"标的|看样|起拍|竞买|加价幅度|保证金|成交|买方|交易前")


def sale_lot(sentence: str) -> bool:
    """Whether ``sentence`` describes a lot of a published sale to its buyers."""
    return bool(SALE_LOT.search(sentence))


# What each cue above names, as :data:`pipeline.detect.state_secret.CUES` words the detail.
WORKING_CUES = {
    "重点人员稳控安排": "稳控对象与包保安排",
    "国家安全和侦查工作掌握的情况": "掌握的人员与措施",
    "安保指挥和警卫部署": "指挥位置与卡口",
    "维稳工作部署和预警情况": "专班部署或预警情况",
    "启用前试卷的保管": "保管地点与钥匙",
    "启用前的评分标准": "评分标准",
    "未公开的精确坐标和高程": "坐标",
    "涉及军事设施的大比例尺测绘成果": "比例尺与军事设施",
    "重力测量成果": "重力成果",
    "军事活动的时间和地点": "时间与地点",
    "专用网络的部署和口令": "地址与口令",
    "武器弹药存放地点": "存放地点",
}

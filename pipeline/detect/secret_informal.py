"""第十四条 details as a 街道/乡镇 or 区 office writes them in its working notes: a 工作群
message pasted into a 情况汇总, a 交接班记录, a 备忘录, a 周报 line.

Such notes have no 通知 register and often no subject ("合格12人", "明早6点集合"): the
secret is a specific attached to a subject only a working note tells — the pass and fail
counts of a 征兵 batch before the 定兵 公示 and the hour and spot its recruits leave, the
code of the unit they join, where and how fast a 民兵 分队 musters and the road it takes to
the target it guards, a guarded post's sentries and shift hours or its blind spot, the
rings and 卡点 of an event's security and the motorcade's road, the copies, numbers and
cabinet of 涉密 documents, who watches a 稳控 person and when they change over, and when
papers leave the 保密室 with how many escorts. What is published on the same subjects (a
征兵 咨询 stall, 光荣入伍 news, a 整组 大会, a 交通管制 通告, 保密 training, a 信访 总结, an
evacuation point) names the subject without such a specific, or tells it after the fact,
and stays quiet.
"""

from __future__ import annotations

import re

from pipeline.detect.secret_deploy import NUMBER

PEOPLE = re.compile(NUMBER + r"\s*(?:人|名|个)")
CLOCK = re.compile(
    r"[0-9０-９]{1,2}[:：][0-9]{2}|[0-9０-９一二三四五六七八九十]{1,3}\s*[点时](?!名)|凌晨|早上|夜里|晚上"
)
MINUTES = re.compile(NUMBER + r"\s*(?:分钟|小时)")
# (what a publication tells of a batch: after the event, a 公示 to come, or a year's or a
# whole county's total — a note tells today's station or this batch)
AFTER = re.compile(
    r"光荣入伍|欢送|圆满|顺利完成|公示|累计|人次|宣传|咨询|报名|本年度|全年|全[县区市镇乡]共|共有"
)
# -- a 征兵 batch: 体检/政审 counts, 起运 hour and spot, the unit's code --------------------
BATCH = re.compile(r"上站|到站|体检|政审|复查|复检|定兵|预定兵|役前")
OUTCOME = re.compile(r"合格|通过|淘汰|暂缓|复查|复检|(?<![走通])过(?!程)|不合格")
LEAVE = re.compile(r"起运|送兵|新兵[^。；]{0,16}(?:上车|出发|集合|集中)")
UNIT_CODE = re.compile(r"(?:部队)?代号[^。；]{0,4}[0-9０-９]{4,6}|番号")
# -- a muster: where and how fast a 分队 gathers, the road to its target -----------------
MUSTER = re.compile(r"集结|集合|待命")
SHELTER = re.compile(r"避难|避险|疏散|游客|考生|观众")
MUSTER_SPEC = re.compile(r"(?:集结|集合)点|分钟内|号令|命令后|" + NUMBER + r"\s*(?:个班|个排)")
# (a class, a race or volunteers gather too: only a force or its standby point musters)
FORCE = re.compile(r"民兵|分队|应急连|应急排|基干|备用|号令|命令|出动")
ASSIGNED = re.compile(r"担负[^。；]{1,20}?(?:处置|警戒|守护|防卫|守卫|任务)")
ROAD = re.compile(r"路线|[走经][\u4e00-\u9fff]{1,8}?(?:路|大道|街|高速|国道|环线|环|快速)")
# -- a guarded post: sentries, shift change, round, blind spot, password, key -------------
POST = re.compile(r"哨位|岗哨|哨兵|换岗|夜巡|巡逻|值守|守护|口令")
POST_SPEC = re.compile(
    r"每班\s*"
    + NUMBER
    + r"\s*人|换岗|(?:分钟|每小时)一趟|死角|盲区|口令[^。；]{0,4}(?:不换|不变|更换|改为|是)|"
    r"钥匙[^。；]{0,12}(?:在|由)[\u4e00-\u9fff]{2,4}(?:手|一人|保管|拿)"
)
# -- an event's security rings, 卡点/检查站 and the motorcade's road ---------------------
RING = re.compile(
    r"核心圈|控制圈|管控圈|警戒圈|外围圈|圈层|[0-9０-９一二三四五六七八九十]+号(?:检查站|卡点)"
)
RING_SPEC = re.compile(NUMBER + r"\s*(?:米|公里|个检查站|个卡点|人)|" + CLOCK.pattern)
CHECKPOINT = re.compile(r"检查站|卡点|查证点")
MOTORCADE = re.compile(r"首长|警卫(?:对象|车队)|车队")
CLOSURE = re.compile(r"封路|封闭道路|封控|管控路口|到场前|抵达前|到达前|进场")
# -- 涉密 carriers: copies, numbers, cabinet, keeper, destruction --------------------------
CARRIER = re.compile(r"涉密|密级|机密|秘密级|绝密|机要室|密码电报|密电|密件")
HANDLED = re.compile(r"领回|取回|收回|保管|销毁|阅后|退回|号柜|柜|编号|清退|当面送")
CARRIER_SPEC = re.compile(NUMBER + r"\s*(?:份|个|件|号柜|小时)|编号|专人|由[\u4e00-\u9fff]{2,4}")
TRAINING = re.compile(r"培训|讲解|规定|不用|不得|严禁|宣传|知识")
# -- 稳控: who watches whom, when they change over ---------------------------------------
WATCH = re.compile(r"包保|重点人|稳控|专班|会期|敏感期|进京|去省里|赴省")
WATCH_ACT = re.compile(r"盯|跟到|跟着|尾随|定位|换人|轮班|轮流|家门口|门口(?:安排|放)|看着")
WATCH_SPEC = re.compile(NUMBER + r"\s*(?:人|个人|个(?!月)|小时)|两人|" + CLOCK.pattern)
# (a duty for all: 实行…制度, 要对…落实 责任人 is the plan's rule, not a watch under way)
WATCH_PUBLIC = re.compile(r"包案|化解|接访|下访|走访|宣传|积案|制度|实行|落实|责任人|要对")
# -- exam papers leaving the 保密室 -------------------------------------------------------
PAPER_ROOM = re.compile(r"保密室|押运车|押运")
PAPER_SPEC = re.compile(r"开考前|分发|领取|随车|" + NUMBER + r"\s*(?:台|辆|人)")


def informal_secret(sentence: str) -> str | None:
    """The 第十四条 detail a working note tells, named, or None."""
    s = sentence.replace("\n", "")
    if BATCH.search(s) and OUTCOME.search(s) and PEOPLE.search(s) and not AFTER.search(s):
        return "征兵体检政审结果"
    if LEAVE.search(s) and CLOCK.search(s) and not AFTER.search(s):
        return "兵员起运时间地点"
    if UNIT_CODE.search(s) and re.search(r"部队|兵|入伍|分到|去向", s):
        return "部队代号"
    if MUSTER.search(s) and MUSTER_SPEC.search(s) and FORCE.search(s) and not SHELTER.search(s):
        return "应急分队集结安排"
    if ASSIGNED.search(s) and ROAD.search(s):
        return "应急分队集结安排"
    if POST.search(s) and POST_SPEC.search(s):
        return "重要目标守护部署"
    if RING.search(s) and RING_SPEC.search(s):
        return "重大活动安保部署"
    if CHECKPOINT.search(s) and CLOCK.search(s) and PEOPLE.search(s):
        return "重大活动安保部署"
    if MOTORCADE.search(s) and ROAD.search(s) and CLOSURE.search(s):
        return "重大活动安保部署"
    if (
        CARRIER.search(s)
        and HANDLED.search(s)
        and CARRIER_SPEC.search(s)
        and not TRAINING.search(s)
    ):
        return "涉密载体管理情况"
    if (
        WATCH.search(s)
        and WATCH_ACT.search(s)
        and WATCH_SPEC.search(s)
        and not WATCH_PUBLIC.search(s)
    ):
        return "重点人员稳控安排"
    if WATCH_ACT.search(s) and re.search(r"家门口|轮班看|轮流盯|换人", s) and WATCH_SPEC.search(s):
        return "重点人员稳控安排"
    if PAPER_ROOM.search(s) and PAPER_SPEC.search(s) and not re.search(r"考生|建设|验收", s):
        return "启用前试卷的运送保管"
    return None


INFORMAL_CUES = {
    "征兵体检政审结果": "合格与淘汰人数",
    "兵员起运时间地点": "起运时间与地点",
    "部队代号": "部队代号",
    "应急分队集结安排": "集结地点、时限与路线",
    "重要目标守护部署": "哨位、班次与死角",
    "重大活动安保部署": "圈层、检查站与路线",
    "涉密载体管理情况": "份数、存放与保管人",
    "重点人员稳控安排": "包保人员与时段",
    "启用前试卷的运送保管": "分发与押运安排",
}

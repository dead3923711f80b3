"""Where forces, patrols, convoys, keys and rooms are: state secrets a city office's order
states (第十四条), read from the subject and the specific that makes it one.

A 地级市 office writes its secrets as orders — "市公安局要在人民广场设便衣警力18名…必须全时段
在岗", "某部车辆…经G56高速进入我市", "密钥每15天更换一次，由甲、乙两人分持保管，严禁一人同时
掌握两份" — so the 要/必须/严禁 of the sentence is the register, not a rule to the public: the
force, the convoy, the patrol gap, the key or the room is named with its count, hour, road or
floor. Every rule pairs such a subject with such a specific; what is published on the same
topics (a 交通管制 通告 for a race, the 边境管理 rules, 密码法 outreach, an office move, "出动
警力2000人次" after the event) names the subject without the specific, or tells it after the
fact, and stays quiet.
"""

from __future__ import annotations

import re

# A count as orders write it (18名, 十二个中队); an ordinal (第二) is none.
NUMBER = r"(?<!第)(?:[0-9０-９][0-9０-９.,]*|[一二三四五六七八九十两百千]{1,4})"
COUNT = re.compile(NUMBER + r"\s*(?:名|人|台|辆|个中队|个小组|处|道)")
HOUR = re.compile(r"[0-9０-９]{1,2}\s*时|[0-9]{1,2}[:：][0-9]{2}|凌晨|夜间")
# -- police and armed forces placed for a 敏感节点 --------------------------------------
FORCE = re.compile(r"便衣|警力|民警|特警|武警|巡特警|处突|备勤|防暴|机动力量")
POSTED = re.compile(
    r"在[^，。；]{2,30}?(?:设|布设|部署|驻守|待命|蹲守|值守)|集中待命|到达[^，。；]{2,20}现场|带班|驻守"
)
# (news tells a deployment after the event: 出动警力2000人次, 圆满完成)
AFTER_EVENT = re.compile(r"人次|累计|出动|共投入|圆满|顺利完成|确保了")
WATCHED = re.compile(r"重点管控|稳控|列管|涉稳人员|上访老户|重点人员|重点对象")
WATCH_MEANS = re.compile(r"一人一专班|专班|盯控|驻守|包保|进京|赴省|到省")
WATCH_WHO = re.compile(NUMBER + r"\s*名|某某")
NET_WATCH = re.compile(r"技术监控|实时监控|技术侦控|监控")
NET_OBJECT = re.compile(NUMBER + r"\s*个[^，。；]{0,6}(?:群组|账号|微信群|QQ群|群)")
# -- a military convoy's road and hour ---------------------------------------------------
UNIT = re.compile(r"某部(?!门|分)|部队|军车|军列|军事运输")
MOVE = re.compile(
    r"经[\u4e00-\u9fffA-Z0-9]{1,12}(?:高速|国道|省道|大道|快速路|县道)|进入我市|过境|开进|休整|机动"
)
CONTROL = re.compile(r"交通管制|限载|封闭")
CONVOY_WORD = re.compile(r"车队编成|部队|军车|军事运输|过境车队")
STAKE = re.compile(r"K[0-9]{1,4}至K[0-9]{1,4}|[0-9]+处桥梁")
# (a 防汛 plan also 预置 抢修车: only a convoy's fuel and repair are its route's secret)
SUPPLY = re.compile(r"(?:预置|前置|预设)[^。；]{0,30}(?:加油车|抢修车|油料|保障车)")
CONVOY = re.compile(r"车队|部队|军车|军事运输")
# -- patrols of a border or a coast and their gaps ---------------------------------------
PATROL = re.compile(r"巡逻|巡查|巡护|值守|执勤")
# (the border or coast line itself, not any 路段: a patrol of a street is a published plan)
LINE = re.compile(r"界碑|界河|界桩|边境|国境|渡口|哨所|河口|码头|一线|海岸|岸段|湾|滩")
PATROL_DETAIL = re.compile(
    r"每班\s*[0-9０-９一二三四五六七八九十]+\s*人|[0-9０-９一二三四五六七八九十]+\s*次[，,][^。；]{0,6}于|"
    r"于[0-9０-９]{1,2}时"
)
GAP = re.compile(
    r"(?:暂无|没有|无)(?:固定)?(?:值守|巡逻|管控)(?:力量)?|管控真空|"
    r"(?:监控|热成像|雷达|探头|摄像)[^。；]{0,20}?(?:盲区|失效|尚未修复|故障|死角)"
)
# (a law's own words: 依法, 应当, 禁止 name duties, not a place's gap)
RULE_WORDS = re.compile(r"依法|应当|依照|予以处罚")
# -- 机要, 保密 and 密码: rooms, devices and keys ---------------------------------------
KEY_ROOM = re.compile(
    r"机要室|机要局|保密室|涉密(?:计算机)?机房|密码室|要害部位|核心涉密|总值班室|涉密载体库"
)
ROOM_PLACE = re.compile(
    r"(?:设在|位于|在)[^，。；]{0,20}?[0-9０-９一二三四五六七八九十]+\s*(?:楼|层|室)|负一层|地下"
)
PARTS = re.compile(NUMBER + r"\s*(?:名|人|台|辆|处|道|个)")
WEAK = re.compile(r"尚未|未完成|死角|漏洞|缺陷|仅有|未联网")
# (a model number alone is any device's: 无人机X-200型 is no 密码 device)
DEVICE = re.compile(r"密码机|密码设备|加密电话|密码传真机|密钥|密码卡|加密(?:机|设备|卡)")
DEVICE_DETAIL = re.compile(r"配发|安装于|序列号|编号|分持|更换一次|保管")
# (a serial number or a count, or the two who hold the key between them)
KEY_DETAIL = re.compile(r"[0-9０-９]|由[\u4e00-\u9fff、]{4,12}(?:两人|分持)")
TRADE_CIPHER = re.compile(r"商用密码|密码法|检测认证|宣传")
# -- the setters of an exam paper before use ------------------------------------------------
SETTERS = re.compile(r"(?:命题|审题)(?:组|人员|专家|教师)")
SETTER_NAMES = re.compile(r"由[^。；]{2,80}?组成|任(?:副)?组长")
SETTERS_IN = re.compile(r"(?:命题|审题)(?:组|人员|专家|教师)?[^。；]{0,12}(?:入闱|封闭)")
DAY = re.compile(r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[0-9０-９一二三四五六七八九十]+\s*天")
PUBLIC_WORDS = re.compile(r"公告|通告|欢迎|敬请|请广大")


def deployed_secret(sentence: str) -> str | None:
    """The secret a city office's order states of a force, a watch, a convoy, a patrol, a
    key room, a 密码 device or an exam's setters, named, or None."""
    s = sentence.replace("\n", "")
    if PUBLIC_WORDS.search(s):
        return None
    if FORCE.search(s) and COUNT.search(s) and POSTED.search(s) and not AFTER_EVENT.search(s):
        return "敏感节点警力部署"
    if WATCHED.search(s) and WATCH_MEANS.search(s) and WATCH_WHO.search(s):
        return "重点人员稳控安排"
    if NET_WATCH.search(s) and NET_OBJECT.search(s):
        return "网络技术监控对象"
    if UNIT.search(s) and MOVE.search(s) and (COUNT.search(s) or HOUR.search(s)):
        return "部队机动路线与时间"
    if CONTROL.search(s) and CONVOY_WORD.search(s) and STAKE.search(s):
        return "部队机动路线与时间"
    if SUPPLY.search(s) and CONVOY.search(s) and COUNT.search(s):
        return "部队机动保障安排"
    patrol = PATROL.search(s) and PATROL_DETAIL.search(s)
    gap = GAP.search(s) and (HOUR.search(s) or COUNT.search(s))
    if (patrol or gap) and LINE.search(s) and not RULE_WORDS.search(s):
        return "边海防巡逻安排及薄弱环节"
    if KEY_ROOM.search(s) and (ROOM_PLACE.search(s) or (PARTS.search(s) and WEAK.search(s))):
        return "要害部门部位位置及防护"
    if (
        DEVICE.search(s)
        and DEVICE_DETAIL.search(s)
        and KEY_DETAIL.search(s)
        and not TRADE_CIPHER.search(s)
    ):
        return "密码设备配发与密钥管理"
    if SETTERS.search(s) and SETTER_NAMES.search(s):
        return "命题人员名单"
    if SETTERS_IN.search(s) and DAY.search(s):
        return "命题人员入闱安排"
    return None


DEPLOY_CUES = {
    "敏感节点警力部署": "警力点位、人数与时段",
    "网络技术监控对象": "监控对象",
    "部队机动路线与时间": "路线与时间",
    "部队机动保障安排": "保障地点与数量",
    "边海防巡逻安排及薄弱环节": "巡逻时间、人数或盲区",
    "要害部门部位位置及防护": "位置或薄弱环节",
    "密码设备配发与密钥管理": "型号、数量或密钥保管",
    "命题人员名单": "命题人员",
    "命题人员入闱安排": "入闱时间与地点",
}

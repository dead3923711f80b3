"""What a provincial 厅/局 or a 县 office's quick papers state that is a state secret by its
specifics (第十四条, unmarked): 专报, 工作动态, 会商纪要, 电话记录, 便函, 汇报提纲, 值班信息.

These papers do not give orders to a city; they pass on what is known: the hour a 警卫
对象 arrives, where it sleeps and which road the 车队 takes; the price we will go down to
in talks with a foreign party; the village a project will take before the plan is approved;
the address and port of a system left open; the hours a guarded place is thin; the squads
standing by and the persons watched; a crowd's size and intent and the head-count that sets
off the response; case figures held until the 统一发布 or forecast inside; this year's
question before the exam. Every rule pairs such a subject with its specific and leaves
what is published on the same subjects — news after a visit, a race's 交通管制, a signing,
an approved 征地 公告, a vendor's patch notice, a drill notice, a released 通报, last
year's paper, a 储备 投放 — quiet.
"""

from __future__ import annotations

import re

NUMBER = r"(?<!第)(?:[0-9０-９][0-9０-９.,]*|[一二三四五六七八九十两百千]{1,4})"
HOUR = re.compile(r"[0-9０-９]{1,2}\s*时|[0-9]{1,2}[:：][0-9]{2}|凌晨|当晚|次日")
# -- a 警卫 visit: who, where it goes and stays, and when ----------------------------------
GUARDED = re.compile(r"警卫|警戒|车队|首长|贵宾|元首|中央领导|主要领导|[^，。；]{1,8}一行")
ITINERARY = re.compile(
    r"抵达|到达|下榻|入住|驶往|前往|出发|停留|专列|专机|备用路线|沿线|(?:乘|搭乘)[^，。；]{0,6}(?:车|机)"
)
VISIT_SPECIFIC = re.compile(
    HOUR.pattern + r"|[0-9０-９]+\s*号楼|[0-9０-９]+\s*分钟|" + NUMBER + r"\s*个(?:岗|哨|点位)"
)
# (news tells a visit after it: 考察期间, 走访了, 看望了)
AFTER_VISIT = re.compile(r"期间|[察访望问]了|圆满|顺利|结束")
# -- our limit in talks with a foreign party ---------------------------------------------
COUNTERPART = re.compile(r"对方|外方|外商|外资方")
LIMIT = re.compile(
    r"底线|对案|底牌|(?:最低|最高)(?:可|能)?(?:让|降|接受|退|出价)|可退至|让步(?:至|到|幅度)|"
    r"授权的?(?:最高|上限|底价)|(?:授权|报价)上限"
)
# -- a project's site before approval -------------------------------------------------------
SITE = re.compile(r"选址|[厂站场坝]址|线位|红线范围|拟征收|拟征用|拟占用|需占用|具体位置")
NOT_APPROVED = re.compile(
    r"(?:尚未|未|暂未|还未)(?:上报|报|经|获)[^，。；]{0,10}?(?:审批|批准|核准|批复)|"
    r"(?:核准|批准|审批|批复|立项)前|不得[^，。；]{0,8}?(?:公开|透露|泄露)|暂不(?:对外)?公开"
)
# -- a system left open ------------------------------------------------------------------
SYSTEM = re.compile(r"系统|平台|数据库|服务器|主站|网站|外网|互联网出口|中间件|组件")
HOLE = re.compile(
    r"(?<![0-9])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![0-9])|[0-9]{2,5}\s*端口|弱口令|默认口令|"
    r"(?:至今|仍|尚|目前|截至目前)[^，。；]{0,4}未(?:修补|修复|整改)|"
    r"(?:可|能)(?:直接)?(?:取得|获取|获得)[^，。；]{0,12}(?:权限|访问路径)|访问路径|利用方法"
)
PUBLISHED_HOLE = re.compile(
    r"CNVD|CVE|厂商已|已发布[^，。；]{0,6}(?:补丁|版本)|请[^，。；]{0,8}升级"
)
# -- a guarded place's thin hours and blind spots ---------------------------------------
THIN = re.compile(r"盲区|薄弱(?:时段)?|无人巡查|无人值守|无补光")
GUARDED_PLACE = re.compile(r"目标|部位|库区|监控|巡逻|围墙|值守")
# -- a response plan's teams and where they take post ---------------------------------------
TEAM = re.compile(r"(?:狙击|突击|排爆|抓捕|特战|反劫持|处突)(?:手|组|队|小组|分队)")
TAKES_POST = re.compile(
    r"部署(?:于|在)|占据|埋伏|设伏|定点|(?:在|于)[^，。；]{2,16}(?:待命|集结|隐蔽)|由[^，。；]{2,12}(?:进入|突入)"
)
# -- persons watched, by what means ------------------------------------------------------
WATCHED = re.compile(r"列管|涉恐|涉稳|重点人员|布控对象")
MEANS = re.compile(r"技侦|技术侦查|(?:轨迹|通讯|通信|行踪)管控")
HEADS = re.compile(NUMBER + r"\s*(?:名|人)")
# -- a crowd's size and intent; the head-count that sets off the response ---------------
CROWD = re.compile(r"聚集|串联|煽动")
INTENT = re.compile(r"上访|骨干|酝酿|迹象|赴[^，。；]{1,4}(?:城|京|省)|信众|联系人")
COUNT = re.compile(NUMBER + r"\s*(?:名|人|条)")
THRESHOLD = re.compile(r"(?:超过|达到|多于)" + NUMBER + r"\s*人")
RESPONSE = re.compile(r"启动[^，。；]{0,6}(?:响应|预案)|请求[^，。；]{0,10}(?:支援|增援)")
# -- case figures held until the 统一发布, or forecast inside --------------------------------
CASES = re.compile(r"病例|确诊|阳性|感染者|重症|死亡|密接|密切接触者")
CASE_COUNT = re.compile(NUMBER + r"\s*(?:例|人|名|份)")
HELD = re.compile(
    r"发布口径|(?:尚未|暂未|暂不)[^，。；]{0,4}(?:公布|发布|通报)|统一发布前|"
    r"不得(?:自行|擅自|对外)[^，。；]{0,4}(?:通报|发布|公布|提供)"
)
FORECAST = re.compile(r"内部(?:研判|预测|测算)|(?:可能|或将|预计)(?:升至|增至|达到)")
OUT = re.compile(r"已[^，。；]{0,12}(?:发布|公布|公开)")
# -- this exam's question before it is sat --------------------------------------------------
QUESTION = re.compile(
    r"(?:作文|试题|题目|考题|第[0-9０-９]+题)[^，。；]{0,4}(?:为“|是“|题目为|考查|答案为|选自)"
)
THIS_TIME = re.compile(r"今年|本届|本次|本年度|即将")
PAST = re.compile(r"去年|往年|历年|真题|样题|已[^，。；]{0,10}(?:公布|公开|发布)")


def affairs_secret(sentence: str) -> str | None:
    """The secret a provincial or county paper states by its specifics, named, or None (a
    sentence wrapped across lines read as one)."""
    s = sentence.replace("\n", "")
    if (
        GUARDED.search(s)
        and ITINERARY.search(s)
        and VISIT_SPECIFIC.search(s)
        and not AFTER_VISIT.search(s)
    ):
        return "警卫对象行程安排"
    if COUNTERPART.search(s) and LIMIT.search(s):
        return "对外谈判底线与对案"
    if SITE.search(s) and NOT_APPROVED.search(s):
        return "批准前的项目选址"
    if SYSTEM.search(s) and HOLE.search(s) and not PUBLISHED_HOLE.search(s):
        return "关键信息基础设施漏洞"
    if THIN.search(s) and GUARDED_PLACE.search(s) and (HOUR.search(s) or COUNT.search(s)):
        return "重点目标防范薄弱环节"
    if TEAM.search(s) and TAKES_POST.search(s):
        return "处置力量部署"
    if WATCHED.search(s) and MEANS.search(s) and HEADS.search(s):
        return "重点人员管控安排"
    if CROWD.search(s) and INTENT.search(s) and COUNT.search(s):
        return "涉稳情报"
    if THRESHOLD.search(s) and RESPONSE.search(s):
        return "处置预案启动条件"
    held = HELD.search(s) or FORECAST.search(s)
    if held and CASES.search(s) and CASE_COUNT.search(s) and not OUT.search(s):
        return "发布前的疫情数字与研判"
    if QUESTION.search(s) and THIS_TIME.search(s) and not PAST.search(s):
        return "本次考试的试题内容"
    return None


AFFAIRS_CUES = {
    "警卫对象行程安排": "行程、路线与时间",
    "批准前的项目选址": "选址及用地范围",
    "关键信息基础设施漏洞": "地址、端口或未修复漏洞",
    "重点目标防范薄弱环节": "盲区与薄弱时段",
    "处置力量部署": "处置小组及其位置",
    "重点人员管控安排": "管控对象与手段",
    "涉稳情报": "聚集人数与动向",
    "处置预案启动条件": "启动条件与力量",
    "对外谈判底线与对案": "我方底线或对案",
    "发布前的疫情数字与研判": "发布前的病例数或内部研判",
    "本次考试的试题内容": "试题内容",
}


def label_order(state: str | None) -> tuple[str, ...]:
    """The order the clause labels are judged in for a sentence whose 第十四条 cue is
    ``state``: a detail this module names outranks a note in the same sentence that it is
    not yet released or was 研判 inside (第十四条 is the stronger ground), so its label is
    judged first."""
    if state is not None and state in AFFAIRS_CUES:
        return ("STATE_SECRET", "TRADE_SECRET", "INTERNAL")
    return ("TRADE_SECRET", "INTERNAL", "STATE_SECRET")

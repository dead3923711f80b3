"""What makes a state-secret term a secret in the sentence at hand (第十四条, unmarked).

A lexicon term (``lexicons/state_secret_terms.txt``: 储备库, 征兵任务, 人防工程, 军事设施,
试题 …) alone is a topic, and public documents have topics: a 征兵通告, a 人防 fee
notice, a reserve policy. The secret is the specific: how much is stored where, how many
recruits leave when and by which route, where a shelter or a radar station is, which
questions an exam not yet held will ask. So a sentence is flagged only with such a
detail, and for examination material only before use and never in an instruction to
keep it secret ("严禁泄露试题" is a public 考务 rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.detect.secret_affairs import AFFAIRS_CUES, affairs_secret
from pipeline.detect.secret_deploy import DEPLOY_CUES, deployed_secret
from pipeline.detect.secret_informal import INFORMAL_CUES, informal_secret
from pipeline.detect.secret_release import RELEASE_CUES, released_later
from pipeline.detect.secret_working import WORKING_CUES, strip_item_mark

# A number as drafts write it: digits or Chinese numerals (三百, 一千二百, 六艘); a lone 一
# is left out, since "一台", "一套" are words as often as counts, and so is an ordinal (第二支箭).
NUMBER = r"(?<!第)(?:[0-9０-９][0-9０-９.,，]*|[一二三四五六七八九十两百千万]{2,}|[二三四五六七八九十两])"
QUANTITY = re.compile(
    NUMBER
    + r"\s*(?:万吨|吨|万斤|斤|万公斤|公斤|千克|万立方米|立方米|万件|件|万发|发|万顶|顶|台|万套|套|"
    r"万升|升|桶|万箱|箱|万床|床|张|万只|只|辆|艘|架|副|万双|双|万袋|袋|万支|支|瓶|盒|组|具|部|块|卷|捆)"
)
PLACE = re.compile(
    r"东经|北纬|坐标|经纬度|位于|存放于|存放在|储存于|存储于|设于|设在|集中存放|现存放|存放有|储存有|"
    r"选定在|隐蔽在|布设在|"
    r"距[\u4e00-\u9fff0-9０-９]{1,12}(?:公里|千米|米)|地下[一二三四五六七八九0-9０-９]+层|"
    r"[0-9０-９一二三四五六七八九十]+号(?:库|仓|洞|楼)"
)
ROUTE = re.compile(
    # (…起运工作, 输送相关活动, 调运方案, 起运交接, 调运由…指挥: the task named as a topic
    # or a duty assigned, no movement told)
    r"路线|途经|经由|车次|专列|列车|航班|"
    r"(?:起运|集结|输送|押运|转运|调运)(?!工作|相关|活动|任务|的|方案|计划|预案|安排|交接|由|[与和及])|"
    r"经[\u4e00-\u9fffA-Z0-9０-９]{1,10}(?:高速|国道|省道|县道|互通|大桥|隧道)|向[\u4e00-\u9fff、]{2,16}方向|"
    # (经北环路送达各考点, 经X105运往大堤: the road a consignment takes to where it goes —
    # a road's name or number, not a step: 经审核后送达, 经窗口受理后送至 are procedure)
    r"经(?:[\u4e00-\u9fffA-Z0-9０-９]{0,10}?(?:路|街|道|线|桥|隧道)|[GSXYＧＳＸＹ][0-9０-９]{2,4})"
    r"(?:送达|送往|运往|运抵|运至|送至)"
)
HEADCOUNT = re.compile(NUMBER + r"\s*(?:名|人)")
# A depot's capacity (仓容, 库容) is published with its construction; its stock is not.
CAPACITY = re.compile(r"仓容|库容|设计容量")
# A depot or shelter as built (建筑面积, 投入使用, 平时用于停车) is published with its
# construction: its place is no secret then, only what it stores.
CONSTRUCTION = re.compile(
    r"建筑面积|占地面积|投入使用|平时(?:用于|作为|用作)|停车场|避难场所|易地建设|(?:面向|向)社会开放"
)
# A term inside a public compound: 土地储备中心 stores land, 文明实践阵地 and 意识形态阵地
# are work, not positions.
PUBLIC_COMPOUND = re.compile(
    r"土地储备|(?:实践|宣传|文化|思想|舆论|意识形态|教育|服务|红色|主|前沿|网络|党建|学习)阵地|"
    r"人才储备|项目储备|储备项目|储备人才|储备干部|储备林|[民经国]营房"
)


def public_compound(text: str, start: int, end: int) -> bool:
    """Whether the lexicon term at ``start:end`` is part of a public compound word."""
    window = text[max(0, start - 6) : end + 4]
    offset = start - max(0, start - 6)
    return any(
        m.start() <= offset + (end - start) and m.end() >= offset
        for m in PUBLIC_COMPOUND.finditer(window)
    )


# Terms whose secret is a headcount (征兵 task numbers), not a tonnage; their transport
# plans are caught by ROUTE.
RECRUITMENT = re.compile(r"征兵|征集|兵员|新兵|兵役|入伍|役前|警力|兵力")
# Protected targets are secret as a list of named facilities.
TARGET = re.compile(r"目标")
FACILITY = re.compile(
    r"[\u4e00-\u9fff0-9０-９]{2,16}(?:变电站|水厂|门站|水库|大坝|大桥|机场|油库|气库|电厂|枢纽|泵站)"
)

EXAM_NOUN = re.compile(
    r"试题|试卷|题本|考题|题库|参考答案|标准答案|评分标准|评分细则|答题要点|作文题|面试题|笔试题"
)
BEFORE_USE = re.compile(
    r"启用前|考试前|开考前|考前|审题|命题|入闱|未启用|尚未使用|尚未启用|考试结束前|送印|印制|封存|"
    r"保密室|保密柜|交接|押运|选用|A\s*卷|B\s*卷|备用卷|"
    # a question chosen and awaiting approval (作文题拟以…为题，已报…审定)
    r"拟(?:以|定|采用)|已报[^，。；]{0,8}审定|待[^，。；]{0,8}审定"
)
AFTER_USE = re.compile(
    r"真题|历年|样题|样卷|模拟题|往年|考试已结束|考后公布|结束后公布|已使用|解析|"
    # what every exam notice publishes about the paper: duration, marks, question types
    # (…即可得满分, 给满分: a marking rule before use, not the notice's 满分100分)
    r"考试时间为|考试时长|(?<![得给])满分|题型|分值"
)
# What a news item or notice publishes: a send-off, a drill, a visit, a finished task.
PUBLIC_EVENT = re.compile(r"欢送|仪式|演练|慰问|圆满完成|顺利完成|全面完成|共完成|光荣入伍|公示")
INSTRUCTION = re.compile(
    # (实行双人双锁, 实行24小时守护: how a thing is kept or guarded, told, not required)
    r"严禁|不得|禁止|必须|要严格|应当|务必|遵守|保密纪律|违者|追究|确保|"
    r"实行(?!双人|专人|[0-9０-９]+小时|全天候)|不少于|一律"
)
# "参演部队番号、兵力部署及行动路线另行下发": the sentence says where the secret is, not what.
ELSEWHERE = re.compile(r"另行(?:下发|通知|印发|明确|部署)[^，。；]{0,4}$")
# "数据已于4月20日发布": a figure already released is no secret ("将于…发布" still is).
RELEASED = re.compile(r"已于[^，。；]{1,12}(?:发布|公布|公开)|已(?:正式|对外|向社会)?(?:发布|公布)")


# What a 公告 publishes with quantities and places: a reserve rotation sold at auction (its
# lots, tonnage and 库点 are the notice), an exam's dates and 考点 (not its papers).
# (…分批投放储备猪肉3000吨: a release to the market is announced with its tonnage)
PUBLIC_SALE = re.compile(
    r"竞价(?:销售|交易)|公开竞价|竞买|拍卖|交易会|挂牌(?:销售|交易)|(?:分批|集中)?投放(?:储备|市场)"
)
EXAM_NOTICE = re.compile(
    r"考点(?:设在|设于|为)|(?:笔试|面试|报名|考试)时间为|准考证|考生(?:须|应|可)"
)


# A sentence that speaks to the public (群众遇到困难可拨打110求助, 市民出行请注意): a notice
# tells people what is laid on for them; a deployment plan does not address them.
PUBLIC_ADDRESS = re.compile(
    r"(?:群众|市民|游客|旅客|居民|广大|民众)[^。；]{0,12}(?:拨打|求助|报警|出行|咨询|放心)|"
    r"(?:请|可|欢迎)拨打|(?:保障|方便)(?:群众|市民|游客|旅客)"
)


def public_notice(sentence: str) -> bool:
    """A sentence that tells of an event, says the details are sent elsewhere or were
    already released, speaks to the public, or is a 公告's auction lot or exam
    arrangement."""
    return bool(
        ELSEWHERE.search(sentence)
        or PUBLIC_ADDRESS.search(sentence)
        or RELEASED.search(sentence)
        or PUBLIC_EVENT.search(sentence)
        or PUBLIC_SALE.search(sentence)
        or (EXAM_NOTICE.search(sentence) and not EXAM_NOUN.search(sentence))
    )


# An armed force's strength (民兵应急分队编3个排共225人, 基干民兵连120人): with where its
# arms are kept or where it assembles, the force's deployment (武装力量, 第十四条).
FORCE_STRENGTH = re.compile(
    r"(?:民兵|应急分队|预备役|武警|基干)[^，。；]{0,8}?(?:编|共|计|有)?"
    r"[0-9０-９一二三四五六七八九十两]+\s*(?:个(?:排|连|班|中队|分队)|人|名)"
)
MUSTER = re.compile(r"(?:枪弹|武器|弹药|枪支|装备)[^，。；]{0,4}(?:存放|储存|存储)|集结(?:点|地)")


def stock_and_place(sentence: str) -> bool:
    """A quantity and where it is kept or how it moves: the pair a reserve, a depot or a
    troop movement is secret by (the model alone needs less confidence with it); so is an
    armed force's strength with where its arms are or where it musters — a published
    应急预案 names who responds, not that."""
    return bool(
        (QUANTITY.search(sentence) and (PLACE.search(sentence) or ROUTE.search(sentence)))
        or (FORCE_STRENGTH.search(sentence) and MUSTER.search(sentence))
    )


EXAM_DETAIL = re.compile(
    r"[0-9０-９]|[一二三四五六七八九十两]+(?:套|份|箱|袋|卷|道)|保密室|保密柜|存放|封存|入闱|专家名单|"
    r"由[\u4e00-\u9fff]{2,8}负责|为题|选自|取自|取材于|考查|以[^，。；]{2,20}为背景"
)


def exam_secret(sentence: str) -> bool:
    """A sentence telling specifics of exam questions, papers or answers before use."""
    return bool(
        EXAM_NOUN.search(sentence)
        and BEFORE_USE.search(sentence)
        and EXAM_DETAIL.search(sentence)
        and not INSTRUCTION.search(sentence)
        and not AFTER_USE.search(sentence)
    )


# A published emergency plan (应急预案 are 主动公开, labels.md) names its depots, shelters and
# routes so that people can use them; what it must not tell is what is stored where.
PLAN_TITLE = re.compile(r"应急预案|应急处置方案|应急工作方案")
MARKED = re.compile(r"★|绝密|机密|秘密|内部资料|不予公开|此件不公开")


def published_plan(text: str) -> bool:
    """Whether ``text`` is an unmarked 应急预案 (its title or covering 通知 in the head)."""
    head = text[:300]
    return bool(PLAN_TITLE.search(head) and not MARKED.search(head))


def secret_detail(sentence: str, terms: list[str], plan: bool = False) -> str | None:
    """The specific that makes a sentence holding ``terms`` a secret, named, or None. In a
    published plan (``plan``) a place or a route alone is what the plan is for."""
    # (…实行2⏎4小时守护: one line; "1．" numbers the item, it is no count)
    sentence = strip_item_mark(sentence.replace("\n", ""))
    if public_notice(sentence):
        return None
    if plan and not any(EXAM_NOUN.search(t) or RECRUITMENT.search(t) for t in terms):
        return "数量及位置" if stock_and_place(sentence) else None
    if "尚未发布的统计数据" in terms:
        return "发布前的数字"
    cue = next((t for t in terms if t in CUES), None)
    if cue is not None:
        return CUES[cue]
    if any(EXAM_NOUN.search(term) or term in ("命题", "审题") for term in terms):
        return "考试启用前的具体情况" if exam_secret(sentence) else None
    recruitment = any(RECRUITMENT.search(term) for term in terms)
    if any(TARGET.search(term) for term in terms) and len(FACILITY.findall(sentence)) >= 2:
        return "具体目标"
    for name, pattern in (
        ("数量", None if CAPACITY.search(sentence) else QUANTITY),
        ("位置", None if CONSTRUCTION.search(sentence) else PLACE),
        ("路线", ROUTE),
        ("人数", HEADCOUNT if recruitment else None),
    ):
        if pattern is not None and pattern.search(sentence):
            return name
    return None


# Statistics before their release are secret (统计工作中的国家秘密): a figure said to be
# not yet published.
UNRELEASED = re.compile(
    r"(?:尚未|未|暂未|暂不)(?:正式)?(?:对外)?(?:发布|公布)|发布前|公布前|发布日前|"
    # a figure held until the statistics office confirms it (国家统计局反馈前仅供…参阅)
    r"(?:反馈|核定|审定)前|"
    r"待[^，。；]{0,12}(?:统一)?(?:对外)?(?:发布|公布)(?:后|前)|(?:新闻)?发布会后(?:方可|才能|再)?(?:使用|引用)"
)
STATISTIC = re.compile(
    r"地区生产总值|GDP|增速|增长率|居民消费价格|CPI|统计数据|初步核算|快报数|失业率|可支配收入|"
    r"增加值|财政收入|零售总额|固定资产投资|涨幅"
)
# Disaster and epidemic figures before the 指挥部 or 卫健委 releases them (灾情、疫情 in
# the 保密事项范围): casualties counted, with a word that they are not out yet.
CASUALTY = re.compile(r"遇难|死亡|失联|失踪|感染者|确诊|病例|中毒|密切接触者|受伤")
# … and that they are still to be released: an accident report that says a death was "未及
# 时通报" tells of a failure, published with the report.
NOT_OUT_YET = re.compile(
    r"待[^，。；]{0,12}(?:统一)?(?:对外)?(?:发布|公布)|(?:统一|核定后)对外发布|不得自行(?:对外)?(?:公布|发布)|"
    r"暂不对外|(?:统一)?发布前|请勿(?:先行|提前)(?:报道|发布|公布)|(?:尚未|暂未|暂不)向社会(?:通报|公布|发布)|"
    r"仅在[^，。；]{0,10}内部通报"
)
# An exam's cut-off before its release (录取/合格分数线 in 教育工作中的国家秘密).
SCORE_LINE = re.compile(r"分数线|录取线|合格线|控制线|资格线|入围线")
HEADS = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千两]+(?:人|例|名)")
# 侦查 plans before they are carried out (公安工作中的国家秘密): an operation's means, and
# that it is still to come. Police news tells of an operation after the fact (抓获, 破获).
OPERATION = re.compile(r"收网|抓捕组|突击组|布控|蹲守|技术侦查|技侦|特情|线人|查控|专案组")
AHEAD = re.compile(r"拟于|定于|计划于|暂不惊动|行动前|下一次|下次|仅限[^，。；]{0,8}知悉|拟在")
AFTER_THE_FACT = re.compile(r"抓获|破获|捣毁|成功|归案|判处|移送起诉")
# A negotiating position towards a foreign party (外事工作中的国家秘密): what we accept.
FOREIGN = re.compile(r"外方|外商|对外(?:商谈|谈判)|会谈|谈判")
OUR_POSITION = re.compile(
    r"我方(?:可接受|能接受|底线|最后立场|可在|拟提出|的对案)|(?:最低|最高)可接受|对案|让步至"
)


# What :func:`state_cue` names, and the detail it stands for in the explanation.
CUES = {
    "尚未发布的灾情疫情数字": "发布前的数字",
    "尚未公布的考试分数线": "公布前的分数线",
    "尚未实施的侦查行动": "行动部署",
    "对外谈判立场": "我方底线",
    "关键设施薄弱环节": "薄弱环节",
    "军事人防设施坐标": "坐标",
    "启用前试卷的命题印制运送保管": "命题、印制、运送或保管的具体安排",
    # the document's kind supplies the frame (pipeline.detect.clause_context)
    "启用前的评分标准": "评分标准",
    "储备数量及存放地点": "数量及位置",
    # what a sentence tells (pipeline.detect.clause_function)
    "启用前试卷的内容": "试题内容",
    "征兵任务数": "任务数",
    # what a working paper states without a term (pipeline.detect.secret_plain)
    "兵员输送安排": "输送车次与时间",
    "军事人防设施位置": "位置",
    "启用前试卷的保管与内容": "保管或内容",
    "涉密事项的具体情况": "具体情况",
    "安保警力部署及稳控安排": "警力点位与人数",
    "武器弹药库的管控安排": "钥匙保管人",
    "表中所列具体事项": "表中具体事项",
    "标题所列涉密事项": "标题所列事项",
    **WORKING_CUES,  # security, exam, survey and signals work (pipeline.detect.secret_working)
    **DEPLOY_CUES,  # a city's forces, convoys, patrols, rooms, keys (pipeline.detect.secret_deploy)
    **RELEASE_CUES,  # links, dangers, bank plans before release (pipeline.detect.secret_release)
    **AFFAIRS_CUES,  # visits, talks, sites, holes, watches (pipeline.detect.secret_affairs)
    **INFORMAL_CUES,  # a 街道's working notes (pipeline.detect.secret_informal)
}

# A weak point of a water, power, gas or communications works (关键信息基础设施 and 重要
# 目标 in the 保密事项范围): one facility, the single thing it hangs on, and what fails
# with it; or open holes counted in a network.
WORKS = re.compile(
    r"水厂|泵房|泵站|取水口|干管|管网|变电站|配电房|电源|门站|机房|枢纽|大坝|水库|信号灯|调度中心"
)
SINGLE_POINT = re.compile(
    r"单回路|一回(?:电源|线路)|(?:只有|仅有|仅靠|只靠)一(?:条|座|路|台|个)|(?:没有|无|缺少)(?:异地)?备(?:用|份)|"
    r"(?:没有|缺少|无)物理隔离|未(?:作|进行)?隔离|盲区"
)
FAILURE = re.compile(r"一旦[^。；]{0,16}(?:停水|断水|停电|断电|瘫痪|中断|失控|停运|停气|断气)")
OPEN_HOLES = re.compile(
    r"[0-9０-９一二三四五六七八九十]+个(?:高危|中危|严重)?漏洞[^。；]{0,10}(?:尚未|未|至今|仍未)(?:修补|修复|整改|处置)"
)

# Coordinates of a military or 人防 site (a table row: 掩蔽所 | 东经…，北纬…). An
# earthquake report's 震中 coordinates name no site.
COORDINATES = re.compile(r"东经|北纬|经纬度|坐标|[0-9０-９]{1,3}°[0-9０-９]{1,2}′")
SITE = re.compile(
    r"人防|掩蔽|防空|营区|阵地|部队|军[事用供械]|雷达|观通|哨所|弹药|油料库|指挥所|导弹|发射场|警报"
)


def state_cue(sentence: str) -> str | None:
    """An unmarked state secret no lexicon term names: statistics, casualties before
    their release, a 侦查 operation still to come, our position in a foreign talk, the
    weak point of a critical works (a sentence wrapped across lines read as one)."""
    sentence = sentence.replace("\n", "")
    m = UNRELEASED.search(sentence)
    if m and STATISTIC.search(sentence) and re.search(r"[0-9０-９]", sentence):
        return "尚未发布的统计数据"
    if m and SCORE_LINE.search(sentence) and re.search(r"[0-9０-９]", sentence):
        return "尚未公布的考试分数线"
    if NOT_OUT_YET.search(sentence) and CASUALTY.search(sentence) and HEADS.search(sentence):
        return "尚未发布的灾情疫情数字"
    if (
        OPERATION.search(sentence)
        and AHEAD.search(sentence)
        and not AFTER_THE_FACT.search(sentence)
    ):
        return "尚未实施的侦查行动"
    if FOREIGN.search(sentence) and OUR_POSITION.search(sentence):
        return "对外谈判立场"
    if (
        WORKS.search(sentence) and SINGLE_POINT.search(sentence) and FAILURE.search(sentence)
    ) or OPEN_HOLES.search(sentence):
        return "关键设施薄弱环节"
    if COORDINATES.search(sentence) and SITE.search(sentence):
        return "军事人防设施坐标"
    if exam_handling(sentence):
        return "启用前试卷的命题印制运送保管"
    return (
        deployed_secret(sentence)
        or released_later(sentence)
        or affairs_secret(sentence)
        or informal_secret(sentence)
    )


# How papers are set, checked, printed, carried and kept before the exam (教育工作中的国家
# 秘密: 启用前的试卷 and their 命题、审题、印制、运送、保管): the paper or its setters, and
# a step of its handling; with a specific (a count, an hour, a keeper) it is a plan.
EXAM_HANDLING = re.compile(
    r"(?:试卷|试题|副题|正题|审定稿|答题卡|命题(?:教师|人员|专家))[^。；]{0,30}?"
    r"(?:押送|押运|运送|随车|入闱|保险柜|分开存放|分装|清点签收|送交印刷|印刷点)|"
    r"(?:押送|押运|运送|随车)[^。；]{0,8}试卷|审题会|逐题审核|命制[^，。；]{0,6}[套份]"
)
HANDLING_DETAIL = re.compile(
    r"[0-9０-９]|凌晨|[一二三四五六七八九十两]+(?:套|份|袋|人|名|时)|由[\u4e00-\u9fff]{2,4}(?:保管|掌握|带队)|当晚|当日"
)


def exam_handling(sentence: str) -> bool:
    """A sentence telling how exam papers are handled before use, with a specific."""
    return bool(
        EXAM_HANDLING.search(sentence)
        and HANDLING_DETAIL.search(sentence)
        and not INSTRUCTION.search(sentence)
        and not AFTER_USE.search(sentence)
        and not PUBLIC_EVENT.search(sentence)
    )


SET_USED = re.compile(r"启用|备用|[A-ZＡ-Ｚ]\s*[套卷]")
# A time lead the gold keeps with the stock it dates (截至2024年5月31日，…实际库存…).
TIME_LEAD = re.compile(
    r"^(?:截至|截止|到|目前|当前|现|今年|本年度|[0-9０-９]{4}年|(?:考试)?当[日天]|"
    r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日)[^，,]{0,16}$"
)


def secret_clauses(sentence: str, has_term: Callable[[str], bool]) -> tuple[int, int]:
    """The part of ``sentence`` (offsets within it) that tells the secret: from the first
    comma clause holding a term to the last clause after it holding a term or a detail.
    A reviewer withholds "轮换期间动态库存不得低于…，即不得低于8.34万吨", not the
    "轮出后的空仓期不超过4个月" before it, which is reserve policy."""
    pieces, at = [], 0
    for piece in re.split(r"，|,(?![0-9])", sentence):
        pieces.append((at, at + len(piece)))
        at += len(piece) + 1
    if len(pieces) < 2:
        return 0, len(sentence)

    def detail(part: str) -> bool:
        return any(p.search(part) for p in (QUANTITY, PLACE, ROUTE, HEADCOUNT))

    first = next((i for i, (a, b) in enumerate(pieces) if has_term(sentence[a:b])), None)
    if first is None:
        return 0, len(sentence)
    last = first
    while last + 1 < len(pieces):
        part = sentence[slice(*pieces[last + 1])]
        # (…共命制试题两套，正式启用A套，B套备用: which set is used goes with the sets)
        if not (
            has_term(part) or detail(part) or EXAM_DETAIL.search(part) or SET_USED.search(part)
        ):
            break
        last += 1
    while first > 0 and detail(sentence[slice(*pieces[first - 1])]):
        first -= 1
    if first > 0 and TIME_LEAD.match(sentence[slice(*pieces[first - 1])].strip()):
        first -= 1
    return pieces[first][0], pieces[last][1]

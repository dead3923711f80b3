"""What makes a sentence 第十六条 internal affairs when no term of ``internal_terms`` is in it.

Internal information is how a matter was handled inside the office, not the matter:
the steps of an approval (经办人意见：…；科室负责人意见：…), who argued what in a
discussion (讨论中，市财政局提出…，市发展改革委则主张…), a group's split view
(多数同志认为…；某某同志认为…), a discussion that did not settle (意见未能统一), an
internal figure still to be confirmed, and the remarks of a personnel evaluation
(考察中个别干部反映该同志…; 缺点和不足：…). Each pattern pairs a frame (who is
speaking, at which step) with what makes it a position rather than a report of a
decision, since published 公文 also say "经研究" and "会议认为".
"""

from __future__ import annotations

import re

from pipeline.detect.pending_matter import pending_matter
from pipeline.detect.provisional_scores import provisional_score

# 待 that means "awaiting" (待核定, 待进一步确认), not a word's part: 待遇 (benefits: 养老保险
# 待遇核定 is a decision on them), 待业, 待岗, 待命, 接待, 对待, 招待, 优待, 款待, 期待.
AWAITING = r"(?<![接对招款优善虐期])待(?![遇业岗命])"
# "Not yet checked" (尚未核实, 未经现场核查): a figure or a finding nobody has verified.
NOT_CHECKED = (
    r"(?:尚未|未经|没有|还未|暂未)(?:逐[户项一]|实地|现场)?(?:核实|核准|核对|核查|复核|确认)"
)
# The first office's wording (devset): unsettled figures, evaluation words, departments'
# opinions and a draft's 修改说明.
UNSETTLED = re.compile(
    AWAITING
    + r"[^，。；,]{0,16}(?:确认|核实|审定|核定|会商|研究确定|再行测算|取证|查证|认定)|尚未(?:最终)?确定|暂定数|"
    r"未经[^，。；,]{0,10}(?:审核|审定|核定)|"
    # a sum only estimated (只是按去年单价匡算的数), the final one awaited (要等评审结果才能确定)
    r"匡算|只是(?:估算|初步测算)|要等[^，。；]{0,16}(?:才能|再)(?:确定|定)|" + NOT_CHECKED
    # a figure reported before anyone checked it (…倒塌房屋146间，上述数据尚未核实)
)
EVALUATION = re.compile(r"该同志|该员|考核等次|测评|考察中|考察组|群众反映")
EVALUATION_WEAK = re.compile(
    r"低于|偏低|略低|旷工|延误|投诉|(?<!个别)谈话(?!推荐)|处分|不称职|基本称职|能力(?:较强|一般|不足)|表现|不足|缺点|欠缺|"
    r"急躁|有待|优秀率|得票"
)
# Departments' own opinions on a matter still being decided (第十六条 过程性信息): 预算处意见：
# 建议下调…; 区科技创新局认为…，不同意认定; a draft's 修改说明 that says what is unsettled.
OPINION = re.compile(
    r"(?<!本)(?<!我)(?:[处科局委办室股队]|工作组|小组)(?:审核|审查|复核|研究)?"
    r"(?:意见(?:[：:]|\t|(?:为|是)[：:，,]?)|认为|倾向于)"
)
DRAFT_NOTE = re.compile(
    r"修改说明|起草说明|本稿|此稿|上一稿|第[一二三四五六七八九十]稿|起草组注|编者注|起草组意见|"
    r"【[^】]{0,6}注[：:]"
)
STANCE = re.compile(
    r"不同意|同意认定|建议(?:下调|上调|暂缓|调整|删除|修改|减轻|从轻|从重|退回|补充|分[两三]年)|"
    r"倾向|暂缓|维持|分歧|尚未|坚持|仍待|"
    + AWAITING
    + r"[^，。；]{0,10}(?:研究|核定|确认|审定|审核)"
)

# The steps of an internal approval: each reviewer's opinion before the decision.
REVIEW_STEP = re.compile(
    r"(?:经办人|承办人|经办科室|承办科室|经办机构|科室负责人|科室|处室|科长|处长|初审|复审|"
    r"复核|审核|法制审核|法制审查|分管领导|分管负责人|主要领导|主要负责人|局领导|部门负责人|"
    r"拟办|批办|阅办|会签|呈批)"
    r"(?:审核|审查|审批)?意见(?:[：:]|[ \u3000]*\t+[ \u3000]*(?=[\u4e00-\u9fff][^\t\n]{5,}))|"
    # the same step in prose: 承办人认为…建议驳回; 法制审核提出…; 经办人分析…拟不再受理
    r"(?:经办人|承办人|初审人员|审核人员|科室负责人|法制审核|法制审查|公平竞争审查|合法性审(?:查|核))"
    r"(?:认为|建议|提出|分析|研判)"
)
# A discussion record's speaker line: 张明（区财政局）：建议分两年安排…
SPEAKER = re.compile(
    r"^[\u4e00-\u9fff·]{2,5}[（(][^（）()]{2,14}(?:局|委|办|处|科|院|中心|公司|街道|镇)[）)][：:]"
    r"[^。；]{0,30}?(?:建议|同意|不同意|认为|提出|主张|倾向|反对|担心)"
)
# A superior's note on an approval form, quoted: 科长签注“材料不全，建议退回”.
ENDORSEMENT = re.compile(
    r"(?:科长|处长|局长|主任|分管[^，。；“]{0,5}|主要领导|经办人)(?:签注|批示|签批|批注)[：:]?[“\"]"
)
# Who said what while a matter was being discussed.
GROUP_VIEW = re.compile(
    r"(?:多数|少数|部分|个别|有的|其他|另有|[一二两三四五六七八九0-9０-９]+名)"
    r"(?:同志|委员|成员|专家|领导|班子成员|党组成员|与会人员|参会人员|参会单位|成员单位|干部|意见)"
    r"(?:认为|觉得|提出|建议|主张|表示|倾向|坚持|不同意|反对|质疑|担心|反映)"
)
# Two leaders of the office on opposite sides (刘副县长提出…，陈副县长不同意…): a 纪要 or a
# 请示 recording who argued what, not what was decided ("王副市长指出，要…" is a decision).
LEADER = (
    r"(?:[\u4e00-\u9fff]{1,3}|分管|主要)(?:副)?(?:县长|区长|市长|局长|主任|书记|处长|科长|部长|总工程师|"
    r"镇长|乡长|主席|领导)"
)
LEADERS_DIFFER = re.compile(
    LEADER
    + r"(?:提出|认为|主张|表示|坚持|倾向)[^。]{2,60}?[，,；;]"
    + LEADER
    + r"(?:则|却|并)?(?:不同意|反对|担心|顾虑|有顾虑|持保留|认为|主张|提出)"
)
# One leader's position against a course (张主任认为…，不宜再作让步): what he argued, not
# what the office decided (a decision is "指出", "强调", "要求").
# A leader or a member doubting a course in a meeting (许副局长对资金来源提出疑问; 罗委员
# 发言说…; 财政部门的同志提醒…): the discussion, not the decision.
DOUBT = re.compile(
    LEADER + r"(?:对[^，。；]{1,16})?(?:提出(?:疑问|质疑|异议)|发言时表示|表示担心|有顾虑)|"
    r"[\u4e00-\u9fff]{1,3}委员(?:在)?发言(?:中|时)?(?:说|表示|认为|提出)|"
    r"(?:部门|单位|科室|处室)的同志(?:提醒|担心|认为)"
)
# The office's own reading of a person or a risk (我们内部研判…; 该户情绪比较偏激，有赴省
# 上访的苗头): a 信访 handler's assessment, not the reply.
ASSESSMENT = re.compile(
    r"(?:内部|我们|经)研判|研判认为|"
    r"(?:该户|该人|信访人|当事人|其)[^。；]{0,8}(?:情绪[^，。；]{0,6}(?:偏激|激动|不稳)|"
    r"有[^，。；]{0,8}苗头|扬言)"
)
LEADER_STANCE = re.compile(
    LEADER + r"(?:认为|主张|倾向|坚持)[^。；]{0,40}?(?:不宜|不同意|反对|担心|顾虑|暂缓|保留|为宜)"
)
# An office's first reading of a matter still open (经办人员初步判断…，尚需报分管领导同意;
# 审计组初步认为…，尚待进一步取证认定): the first half is the view, the second that it is
# not yet the office's.
PRELIMINARY = re.compile(r"初步(?:判断|认为|研判|意见|考虑|了解)|暂(?:按|估)")
PENDING = re.compile(
    r"尚未报(?:批|审)|尚需|尚待|有待|仍需|还需|"
    + AWAITING
    + r"[^，。；]{1,14}(?:后|再)|拟(?:建议|提请|报)|报[^，。；]{0,8}(?:同意|审定|决定)后"
)
DISCUSSION = re.compile(
    r"(?:讨论|研究|酝酿|审议|会商|会审|协调|座谈|论证|联审|磋商)(?:中|时|过程中|阶段)[，,]|"
    r"(?:集体)?讨论记录[：:]|"
    r"在(?:讨论|研究|酝酿|审议|会商)(?:时|过程中)|"
    r"(?:会上|会中)[，,][^，。；]{0,16}(?:提出|主张|认为|表示|建议|坚持)"
)
POSITION = re.compile(r"提出|主张|坚持|认为|表示|反对|不同意|倾向|质疑|担心|顾虑|异议|则|分歧|保留")
# A discussion that ended without agreement.
UNSETTLED_VIEW = re.compile(
    r"(?:意见|看法|认识|口径|观点)(?:尚|仍|还|始终)?(?:未能|没有|未|不)(?:统一|一致)|"
    r"未(?:能)?(?:达成|取得)(?:一致|共识)|(?:看法|意见|认识)不一|各执一词|存在(?:较大)?分歧|"
    r"有不同看法|持不同(?:看法|意见)|看法不尽(?:相同|一致)|持保留意见|另有意见|存在(?:较大|明显)?争议|未能形成(?:结论|共识|一致)|"
    r"[0-9０-９一二三四五六七八九十]+票(?:赞成|反对|弃权)|意见分为[两二三]种|"
    r"(?:仍|尚|还)有(?:争议|分歧|不同意见)|存在不同(?:看法|认识)|一种意见认为|另一种意见|"
    r"待[^，。；]{0,16}(?:沟通|协调|研究|复查)后(?:再|视)|初步(?:处理)?(?:意见|考虑)(?:为|是|[：:])|"
    r"我们初步考虑|尚未(?:报|经|提交)[^，。；]{0,12}(?:审核|审定|研究|讨论)"
)
# "存在分歧的事项，由…决定" is a rule for disagreements in general, not one that happened.
GENERAL = re.compile(r"(?:统一|一致|分歧|看法|意见|争议)的(?:事项|案件|问题|情形|，)")
# A personnel evaluation: the frame (about this person, from the 考察/测评) …
EVALUATION_FRAME = re.compile(
    r"该同志|该员|其本人|考察中|考察组|考察发现|考察了解|谈话中|谈话推荐|个别谈话|民主测评|"
    r"[\u4e00-\u9fff]{2,3}同志(?!为|任|的任职)|据反映|考察时|考察情况|年度考核|经测评|"
    r"(?:存在的)?主要问题是|"
    r"民主推荐|测评中|考核中|群众反映|(?:个别|部分|少数|有的)(?:干部|同志|群众|职工)(?:反映|认为|提出)|"
    r"(?:缺点|不足|问题)(?:和|与|及)?(?:不足|缺点|问题)?[：:]"
)
# An instruction about evaluations in general (请各单位报送年度考核结果，对不称职的按规定
# 处理) judges nobody.
RULE_FOR_ALL = re.compile(
    r"请各|各(?:单位|部门|地|县|区)|应当|不得|按(?:有关)?规定|要(?:认真|严格)|"
    # (全县干部考核工作总体平稳，但仍有薄弱环节: the whole area's work, no one's remark)
    r"(?:全市|全县|全省|全区)[^，。；]{0,8}工作"
)
# … and a remark that is a judgement on the person, not their post or dates.
EVALUATION_REMARK = re.compile(
    # (个别谈话 and 谈话推荐 are the 考察's steps, not a talk the person was given)
    r"办法(?:还)?不多|考虑得少|偏宽|老好人|欠妥|有所减弱|满足于|相对不足|稍显|重业务|轻党建|"
    r"旷工|延误|投诉|(?<!个别)谈话(?!推荐)|处分|不称职|基本称职|能力(?:一般|不足)|不足|缺点|欠缺|急躁|有待|"
    r"优秀率|得票|不够|偏松|偏软|畏难|较为简单|需要加强|需进一步|排名靠后|靠后|不强|较弱|"
    r"不高|不严|不实|不力|霸道|推诿|拖沓|消极|松懈|短板|薄弱|还需(?:提升|提高|加强)|"
    r"仍需(?:提升|提高|加强)|偏内向|偏弱|不够|末位|倒数|缺勤|漏报|瞒报|漂浮|脱离群众|"
    r"满意(?:度|率)较低|不周全|不深(?!入)|生硬|超期|还不足|被动|催办|欠佳|较差|不理想|不主动|"
    # a grade or a vote share said to be low (群众评价一般, 测评“好”的比例仅41%)
    r"评价(?:一般|较低|偏低)|(?:好|优秀|称职)[”\"]?的?(?:比例|票数|得票率)仅"
)


# A draft's note restricting who may read it (仅供党组会议研究使用，会后收回，严禁外传): the
# 征求意见稿/讨论稿 status the spec names, worded as a note. A website's "仅供参考"
# restricts nobody, and a rule for staff (工作人员不得对外透露) is no note on this draft.
RESTRICTED = re.compile(
    r"仅供[^，。；]{0,12}(?:内部|领导|会议|党组|研究|讨论|审阅|参阅)|会后(?:请)?(?:收回|交回|退回)|"
    r"(?:本|此)(?:件|稿|材料|报告|方案|文件|意见)[^。；]{0,20}(?:严禁|不得|请勿|不要)[^，。；]{0,4}"
    r"(?:对外|外传|向外|引用|转发|公开|复制|带离)|内部(?:工作稿|讨论稿|研究稿|征求意见)|尚在内部|"
    # a 纪要's points kept inside (内部掌握, 暂不印发), a 请示 not yet signed (代拟稿)
    r"内部掌握|暂不(?:印发|写入[^，。；]{0,6}纪要)|只在[^，。；]{1,12}内部传达|代拟稿"
)


def restricted(sentence: str) -> bool:
    """Whether ``sentence`` is a note restricting who may read the draft."""
    return bool(RESTRICTED.search(sentence))


# A leader's note on a paper before the matter is decided (局长在呈批件上写道：请再议…;
# 县长批了"先缓一下"): not the decision, which a 通知 publishes.
LEADER_NOTE = re.compile(
    r"(?:长|主任|书记|领导)(?:在[^，。；]{1,12}上|圈阅后)?(?:批示|批注|批了|写道|签批)[：:“\"]"
    r"[^。]{0,40}?(?:再议|再研究|暂缓|缓一|缓办|缓议|压缩|重报|先放|斟酌|尚未明确|两个方案|"
    # (先不上会, 先不报, 暂不上会: the leader holds the matter back)
    r"(?:先|暂)不(?:上会|报|办|提交)|再核)"
)
# Candidates for a post before their 公示 (拟提名…尚未进入公示程序, 按一比二差额考察) and
# how many votes each got; a published 公示 names the one chosen, "现予公示".
CANDIDATE = re.compile(
    r"(?:拟提名|拟推荐|初步人选|意向人选|拟任人选|考察对象|调整方案)[^。]{0,40}?"
    r"(?:尚未|暂未|未进入|差额考察|尚需|酝酿|交流至|调任)|"
    r"(?:推荐|人选|考察)[^。]{0,12}得[0-9０-９一二三四五六七八九十]+票"
)
# A 评审/评议 vote still in rounds (第一轮投票…均未过三分之二): nobody chosen yet.
VOTE_ROUND = re.compile(
    r"(?:第[一二三四五六七八九十]轮|首轮|再次)投票|未(?:能)?(?:过|超过|达到)(?:半数|三分之二|规定票数)"
)
# … but an election law or a 选举办法 states the same words as the rule for every vote
# (获得赞成票未超过半数的候选人不得当选; 选票未过半数的，不能当选; 再次投票时…): published.
VOTE_RULE = re.compile(r"(?:半数|三分之二|规定票数)的|投票时|(?:不能|不得|始得|方可)当选")
PUBLICITY = re.compile(r"公示期|予以公示|现将|现予|公示如下")
# One side's leaning against the other's worry (镇里倾向于维持原结果，但村里担心激化矛盾).
CONTRARY = re.compile(
    r"倾向(?:于)?[^。；]{2,40}?[，,；;][ \u3000]*(?:但|而|则)?[^，。；]{1,12}?"
    r"(?:担心|则认为|不同意|反对|顾虑|持保留)"
)
# Findings still being sorted (巡察…线索尚在梳理中，暂不反馈) and reported figures nobody
# has checked, with or without the figures in the sentence (…部分数据未经现场核查).
OPEN_FINDINGS = re.compile(
    r"尚在(?:梳理|核实|核查|研究|沟通|论证|调查)|尚未与[^，。；]{2,12}交换意见"
)
UNVERIFIED = re.compile(r"(?:数据|数字|数量|人数|户数|统计|汇总|损失)[^。]{0,30}" + NOT_CHECKED)
# A member unit's written opinion in a 征求意见 summary (市人社局：建议将补贴标准…调整为…).
UNIT_OPINION = re.compile(
    r"^[\u4e00-\u9fff]{2,14}(?:局|委|办|处|科|室|中心|街道|镇|乡)[：:]"
    r"(?:建议|不同意|认为|提出|原则同意|同意[^，。；]{0,12}但)"
)


# The grades a rule names (分为优秀、称职、基本称职和不称职四个等次) judge nobody; nor does
# a table's header row (测评项目\t优秀\t称职\t基本称职), which has no figure.
GRADES = re.compile(r"分为[^。；]{0,24}等次|优秀、称职")
HEADER_ROW = re.compile(r"^[^\t0-9０-９]{1,10}(?:\t[^\t0-9０-９]{1,10})+$")


def no_judgement(sentence: str) -> bool:
    """A list of grades or a header row: evaluation words that judge nobody."""
    return bool(GRADES.search(sentence) or HEADER_ROW.match(sentence.strip()))


def internal_cue(sentence: str) -> str | None:
    """The words that make ``sentence`` internal affairs, or None (a sentence wrapped
    across lines is read as one line: 赵主任批示：⏎此事缓办)."""
    sentence = sentence.replace("\n", "")
    if no_judgement(sentence):
        return None
    m = RESTRICTED.search(sentence)
    if m is not None:
        return m.group(0)
    m = UNSETTLED.search(sentence) if re.search(r"[0-9０-９]", sentence) else None
    if m is None and EVALUATION.search(sentence):
        m = EVALUATION_WEAK.search(sentence)
    if m is None and (OPINION.search(sentence) or DRAFT_NOTE.search(sentence)):
        m = STANCE.search(sentence)
    if m is not None:
        return m.group(0)
    m = PRELIMINARY.search(sentence)
    if m and PENDING.search(sentence, m.end()) and not RULE_FOR_ALL.search(sentence):
        return m.group(0)
    for pattern in (
        REVIEW_STEP,
        GROUP_VIEW,
        LEADERS_DIFFER,
        LEADER_STANCE,
        CONTRARY,
        OPEN_FINDINGS,
        UNVERIFIED,
        UNIT_OPINION,
        UNSETTLED_VIEW,
        SPEAKER,
        ENDORSEMENT,
        LEADER_NOTE,
        DOUBT,
        ASSESSMENT,
    ):
        m = pattern.search(sentence)
        if m and not (pattern is UNSETTLED_VIEW and GENERAL.match(sentence, m.end() - 2)):
            return m.group(0)
    m = CANDIDATE.search(sentence)
    if m and not PUBLICITY.search(sentence):
        return m.group(0)
    m = VOTE_ROUND.search(sentence)
    rule = RULE_FOR_ALL.search(sentence) or VOTE_RULE.search(sentence)
    if m and not (PUBLICITY.search(sentence) or rule):
        return m.group(0)
    m = DISCUSSION.search(sentence)
    if m:
        stance = POSITION.search(sentence, m.start())
        if stance:
            return m.group(0).rstrip("，,") + "…" + stance.group(0)
    if EVALUATION_FRAME.search(sentence) and not RULE_FOR_ALL.search(sentence):
        m = EVALUATION_REMARK.search(sentence)
        if m:
            return m.group(0)
    # 此数尚待市局核准, 该数字未经审查; 暂打84分, 名额先空着等书记定
    return pending_matter(sentence) or provisional_score(sentence)


# The next speaker in the same discussion, after a semicolon (…同意认定；区科技创新局认为…).
NEXT_SPEAKER = re.compile(
    r"^[^，。；]{0,20}?(?:认为|提出|主张|坚持|表示|意见[：:]|不同意|同意|倾向|持保留)"
)


def continues_opinion(sentence: str) -> bool:
    """Whether ``sentence``, following an internal opinion after a semicolon, is the
    next opinion of the same discussion (one span, as a reviewer withholds it)."""
    return bool(NEXT_SPEAKER.search(sentence))


NOT_CONTENT = re.compile(r"不得(?:通过|在|向|擅自|对外)|严禁|禁止|注意保密|保密纪律")
# "…正确答案由A调至C，本卷开考前严禁外传": a closing clause that only says keep it in the
# room; the sentence before it is content, not an instruction (tenth pass).
KEEP_IN_TAIL = re.compile(
    r"[，,；;][^，,；;。]{0,10}?(?:严禁|不得|请勿|禁止)(?:外传|泄露|扩散|复制|对外[^，,；;。]{0,6})"
    r"[^，,；;。]{0,6}$"
)
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def instruction(sentence: str) -> bool:
    """Whether ``sentence`` is an instruction (严禁…, 不得向…) rather than content; a
    closing keep-it-in clause after at least twelve Chinese characters of content does
    not make it one."""
    body = KEEP_IN_TAIL.sub("", sentence)
    if body != sentence and len(CJK_CHAR.findall(body)) >= 12:
        return bool(NOT_CONTENT.search(body))
    return bool(NOT_CONTENT.search(sentence))

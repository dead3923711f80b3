"""Working papers read by their form: a 督办单, a 约谈记录, a 请示 before the decision, a
洽谈纪要 with an investor, a score sheet or a comparison table (第十五条, 第十六条).

An office files its steps on forms whose kind the head names, and what a form's line does
follows from the form: in a 督查督办单 a 催办 note or a 核查 finding is the supervision's
process and the 督查室's 拟/建议 is a proposal nobody has decided; in a 约谈记录 what the
firm said and what the interviewer warned is the talk itself; in an internal 请示 the
options weighed (甲案/乙案, 倾向于, 经测算) precede the decision; in an approval form a
department's line (财政局：…) or a leader's note (请…阅处, …前报我) is an opinion on the
way to a decision. All of these are 过程性信息 under 第十六条. A 洽谈纪要 records what the
investor told the county at the table — its financing, the price it has in mind, its
accounts — which is the investor's business (第十五条).

Tables are read by their header: a row under 得分/扣分说明 in a 考核 sheet is the grading
of a named unit, a row under 讨论稿/修改理由 is the drafting's own comparison, a row of
figures under 营业收入/成本/毛利 in a paper about one company is that company's accounts.
A header row itself (科室⇥负责人⇥得分) says nothing and is never a finding. A published
paper (公告, 公示, 通报 of results) has no such form and none of this applies.
"""

from __future__ import annotations

import re

from pipeline.detect.clause_spans import named_company
from pipeline.detect.context import line_bounds
from pipeline.detect.table_header import cell_start, row_by_header, row_finding
from pipeline.finding import Finding

# The working paper a head names (None: none of these forms).
PAPER_KINDS = (
    ("supervision", re.compile(r"督办单|督查督办|督查专报|督办通知单|督查记录|暗访记录")),
    ("interview", re.compile(r"约谈记录|约谈笔录|谈话记录|约谈情况")),
    ("talks", re.compile(r"(?:洽谈|商谈|会谈|磋商)(?:纪要|记录|情况)")),
    ("request", re.compile(r"请示(?:[（(][^（）()]{1,8}[）)])?$|签报")),
    ("grading", re.compile(r"(?:考核|考评|绩效)[^\n]{0,12}(?:打分|评分|得分)")),
)
# A published paper (通报 of results, 公告, 公示): no working form.
PUBLISHED = re.compile(r"公告|公示|通告|公布|通报")


def paper_kind(title: str) -> str | None:
    """The working paper ``title`` (the head's lines) names, read line by line."""
    for line in title.splitlines():
        line = line.strip(" \u3000")
        if PUBLISHED.search(line):
            return None
        for kind, pattern in PAPER_KINDS:
            if pattern.search(line):
                return kind
    return None


# A 督办单's process: the 催办 and 核查 steps, what the handling unit said, a lapse noted.
SUPERVISION_STEP = re.compile(
    r"催办|(?:实地|现场|再次|第[一二三四五]次)?核查(?:发现|中发现)|敷衍|应付|尚待核实|待核实|"
    r"申请延期|理由牵强|不宜再批|私下(?:表示|讲|说)|答复正在|说不清"
)
# A proposal of the office that awaits the leader (拟在…点名, 建议将…移交, 倾向于…).
PROPOSAL = re.compile(
    r"^(?:[^，。；]{0,8}[，,])?拟(?:请|将|在|对|于|由|建议|给予|暂缓)|"
    r"建议(?:将|对|由|请|先|暂缓|移交|列入|约谈)|倾向于|宽限期|"
    r"是否[^。；]{1,16}请[^。；]{0,10}(?:把关|定夺|审定|决定|裁定)|尚未报[^。；]{0,10}(?:审定|决定|同意)"
)
# In a 约谈记录: what either side said, asked, warned or left unanswered.
TALK_TURN = re.compile(r"表示|称|透露|提醒|请求|希望|要求|答复|回应|情绪|警告|承诺|辩解|解释")
# An internal 请示's weighing of options before the decision (a sum 经测算 alone is what
# the 请示 asks for, not a weighing).
WEIGHING = re.compile(
    r"倾向于|[甲乙丙]案|[两三]个(?:选项|方案)|方案[一二三][^，。；]{0,4}[是为和与]|内部测算|"
    r"按[^，。；]{0,6}(?:方案|[甲乙丙]案)[^，。；]{0,4}测算|"
    r"拟将[^。；]{0,24}(?:推后|推迟|延后|提前|调整|删去|保留)|避开|反对(?:意见)?较多|"
    r"不宜在[^。；]{0,10}(?:体现|写入|表述)|尚未形成|有同志(?:认为|提出|担心)|意见不一"
)
# A line of an approval form: a department's own line (财政局：…), a leader's note.
FORM_LINE = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:局|委|办|中心|政府|部)[：:]")
LEADER_NOTE = re.compile(
    r"前报我|报我[。]?$|阅处|圈阅|碰头|定调|口径|先不要|暂不(?:回应|扩散|答复|表态)|我看|"
    r"拟请|会同[^。；]{1,20}(?:提出|研究)[^。；]{0,12}再报"
)
# In an evaluation: what one interviewee or several said of the person.
INTERVIEWEES = re.compile(
    r"有人(?:提到|谈到|认为)|[一两三四五几多]名[^，。；]{0,8}(?:谈到|反映|认为|提到)|"
    r"(?:少数|多数|个别)(?:谈话对象|人|同志)[^，。；]{0,4}(?:认为|反映|提到)|谈话中"
)


def paper_cue(sentence: str, kind: str | None, evaluation: bool, approval: bool) -> str | None:
    """The 第十六条 cue of ``sentence`` given the working paper it stands in, or None."""
    s = sentence.strip(" \u3000\n")
    if no_content(s):
        return None
    if kind == "supervision" and (SUPERVISION_STEP.search(s) or PROPOSAL.search(s)):
        return "督办过程及拟处理意见"
    if kind == "interview" and TALK_TURN.search(s):
        return "约谈中双方的陈述"
    m = WEIGHING.search(s) if kind == "request" else None
    if m:
        return f"请示中的比选与倾向（{m.group(0)}）"
    if approval and (FORM_LINE.match(s) or LEADER_NOTE.search(s) or PROPOSAL.search(s)):
        return "办文单上的拟办、会签或批示意见"
    m = INTERVIEWEES.search(s) if evaluation else None
    return f"考察谈话中的评价（{m.group(0)}）" if m else None


# A form's own field line (约谈对象：…, 承办科室：…　经办人：…): who and when, no content.
FIELD_LINE = re.compile(
    r"^(?:约谈对象|约谈人|被约谈人|承办科室|承办单位|经办人|督办事项|办结时限|来文单位|"
    r"收文日期|文件标题|督查人员|合议时间|主持人|记录人|拟稿|核稿|出席|列席)[：:]"
)
# A 主送 line: an organ's name and its colon alone on the line (…防汛抗旱指挥部：).
ADDRESSEE = re.compile(
    r"^[\u4e00-\u9fff、]{2,30}(?:指挥部|委员会|政府|局|委|办公室|中心|部|院|厅|所)[：:]$"
)
# A caption naming an attachment or a table (附：…差异对照; 附件：…): no content.
# So is a table's own caption line (储备粮库存分布表（截至6月30日）): the values are its rows.
CAPTION = re.compile(
    r"^(?:附件?|附表)[0-9０-９]*[：:][^，。；,;]{2,40}$|"
    r"^[^，。；,;：:0-9０-９]{2,24}(?:一览|明细|统计|汇总|分布|分配|情况|登记|部署|配置)表"
    r"(?:[（(](?:截至|截止)[^）)]{0,16}[）)])?$"
)


def no_content(sentence: str) -> bool:
    """A form's field line, a caption or a 主送 line: says who, when or what follows."""
    s = sentence.strip(" \u3000\n")
    return bool(
        (FIELD_LINE.match(s) and not INNER_MARK.search(s)) or CAPTION.match(s) or ADDRESSEE.match(s)
    )


INNER_MARK = re.compile(r"[，,；;。](?!$)")
CELL_WORD = re.compile(r"^[^\d０-９，。；,;：:]{1,10}$")


def _words_row(line: str) -> bool:
    cells = [c.strip(" \u3000") for c in line.strip("\n").split("\t")]
    return len(cells) >= 3 and all(CELL_WORD.match(c) for c in cells if c)


def header_row(text: str, start: int) -> bool:
    """Whether the line at ``start`` is a table's header (科室⇥负责人⇥得分⇥扣分说明): the
    table's first row (the line before has no tab, the line after has), short cells of
    words, no figures — or the second line of a header with merged cells."""
    a, b = line_bounds(text, start)
    if a == 0 or b >= len(text):
        return False
    prev_start = text.rfind("\n", 0, a - 1) + 1
    prev = text[prev_start : a - 1]
    after = text[b + 1 : line_bounds(text, b + 1)[1]]
    # (a lone row of words is a row: a header has the table's rows below it)
    if "\t" not in after or not _words_row(text[a:b]):
        return False
    if "\t" not in prev:
        return True
    # a merged header's second line (⇥民警（名）⇥便衣（名）⇥): blank under the cells merged
    # downwards, below the table's first line
    return text[a] == "\t" and prev_start > 0 and header_row(text, prev_start)


def _header_above(text: str, start: int) -> str | None:
    """The header row of the table ``start``'s line stands in (rows run up to it)."""
    a, _b = line_bounds(text, start)
    row_start = a
    while a > 0:
        prev_start = text.rfind("\n", 0, a - 1) + 1
        if "\t" not in text[prev_start : a - 1]:
            line = text[a : line_bounds(text, a)[1]]
            return line if a != row_start and _words_row(line) else None
        a = prev_start
    return None


GRADING_HEAD = re.compile(r"得分|扣分|评分|打分|评语|扣分说明")
REVISION_HEAD = re.compile(r"讨论稿|征求意见稿|修改理由|修改说明|修改情况|采纳情况|不采纳")
ACCOUNTS_HEAD = re.compile(
    r"营业收入|销售收入|净利润|利润总额|成本|毛利|报价|单价|研发投入|应收账款|负债"
)
FIGURE_CELL = re.compile(r"^[0-9０-９][0-9０-９,.，．%％]*(?:万元|元|吨|件)?$")


def table_row(
    text: str, start: int, end: int, kind: str | None, company: bool, secret_paper: bool
) -> Finding | None:
    """A row whose header makes it a grading, a drafting comparison or a company's
    accounts; ``company``: the paper is about one named company; ``secret_paper``: the
    paper is no published one (a result notice prints its scores)."""
    row = text[start:end]
    if "\t" not in row or header_row(text, start) or not secret_paper:
        return None
    header = _header_above(text, start)
    if header is None:
        return None
    cells = row.strip("\n").split("\t")
    if kind == "grading" and GRADING_HEAD.search(header):
        # from the score on: the grade and why (the unit and its head stay)
        first = next((i for i, c in enumerate(cells) if FIGURE_CELL.match(c.strip())), 1)
        a = cell_start(text, start, end, first)
        why = "考核打分及扣分说明，属内部考核过程信息（第十六条）"
        return row_finding("INTERNAL", text, a, end, why, "rule:grading_row")
    if REVISION_HEAD.search(header):
        a = cell_start(text, start, end, 1)
        why = "文稿修改对照及理由，属内部讨论过程（第十六条）"
        return row_finding("INTERNAL", text, a, end, why, "rule:revision_row")
    figures = [c for c in cells[1:] if FIGURE_CELL.match(c.strip())]
    # a row per firm (序号⇥企业名称⇥成本…): the row names its firm; the span is its figures
    own = len(cells) > 2 and named_company(cells[1].strip()) == cells[1].strip()
    if (company or own) and ACCOUNTS_HEAD.search(header) and len(figures) >= 2:
        a = cell_start(text, start, end, 2 if own else 1)
        why = "企业经营财务数据表，属商业秘密（第十五条）"
        return row_finding("TRADE_SECRET", text, a, end, why, "rule:accounts_row")
    return row_by_header(text, start, end)  # a caption, an assessment, prices, stock


# In a 洽谈纪要: the investor's own word (投资方介绍, 对方…讲, 企业希望) with a figure.
INVESTOR_SAYS = re.compile(
    r"(?:投资方|对方|外商|投资商|企业方|该企业|企业|其母公司|[\u4e00-\u9fff]{0,4}总监|[\u4e00-\u9fff]{0,4}总经理)"
    r"[^，。；]{0,6}?(?:介绍|称|讲|提出|透露|表示|希望|坦言|说明)"
)
INVESTOR_MATTER = re.compile(
    r"融资|授信|贷款|借款|质押|自有资金|意向价|价格|单价|采购价|折扣|营业收入|利润|毛利|成本|"
    r"出资|股权|估值|回报率|订单"
)
DIGIT = re.compile(r"[0-9０-９]")


# A company's books cited in a paper about that company (经核查企业账簿，营业成本…).
BOOKS = re.compile(r"(?:企业|公司|其)?(?:账簿|账面|财务报表|财务资料|明细账|纳税申报表)")


def investor_word(
    text: str, start: int, end: int, kind: str | None, company: bool = False
) -> Finding | None:
    """In a 洽谈纪要 or 记录 with an investor: what the investor told of its money, prices
    or accounts, with the figure; in an unpublished paper about one company: a figure
    read from its books (第十五条)."""
    sentence = text[start:end]
    if company and BOOKS.search(sentence) and DIGIT.search(sentence):
        why = "核查所见企业账簿数据，属商业秘密（第十五条）"
        return row_finding("TRADE_SECRET", text, start, end, why, "rule:company_books")
    if kind != "talks":
        return None
    if not (
        INVESTOR_SAYS.search(sentence)
        and INVESTOR_MATTER.search(sentence)
        and DIGIT.search(sentence)
    ):
        return None
    why = "洽谈中投资方提供的融资、价格或财务信息，属商业秘密（第十五条）"
    return row_finding("TRADE_SECRET", text, start, end, why, "rule:investor_word")

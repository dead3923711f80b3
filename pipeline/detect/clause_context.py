"""What the kind of document says about its sentences (document-level context).

A sentence read alone can be a report or a remark: "同时，性子偏急，批评干部时方式方法欠
妥" names nobody, "小麦\t7801吨\t城关镇中心库" names no reserve, "评分时，观点明确的给30
分以上" names no paper. The document they stand in does: its head (发文机关标志, 标题) says
it is a 考察材料, a 纪要 or 讨论记录, a 命题/考务 paper, a report on reserves, a result
公告, a file about one company. So the detector reads the head once and lets it supply
the frame a sentence lacks — as a reviewer does, who knows what paper is in front of them:

- 第十六条: in a personnel evaluation (考察材料, 测评) a remark on a person's shortcomings is
  the evaluation; in a deliberation (纪要, 讨论记录, 案审) a member or department taking a
  position (认为, 担心, 提醒, 持不同看法) is the deliberation — "会议认为/指出/强调" is the
  meeting's conclusion and stays published;
- 第十四条: in a 命题/考务 paper the marking scheme (评分时…给N分) is before use; in a report
  on reserves a quantity beside a depot (…吨 …中心库) is the stock and its place;
- 第十五条: in a file about one company (its name in the title) the body speaks of it; in a
  result 公告 or 候选人公示 the bidders' scores are what the notice publishes (a named
  bidder's 投标报价 stays the bidder's, labels.md).

Company references the rules share live here too (``addressed_company``, ``about_company``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.detect.check_results import check_results, published_outcome
from pipeline.detect.clause_function import party_position, remark_on_person, secret_content
from pipeline.detect.clause_paper import (
    header_row,
    investor_word,
    no_content,
    paper_cue,
    paper_kind,
    table_row,
)
from pipeline.detect.clause_spans import named_company
from pipeline.detect.internal_rules import EVALUATION_REMARK, RULE_FOR_ALL, no_judgement
from pipeline.detect.pay_disclosure import disclosed_pay, pay_disclosure
from pipeline.detect.record_frame import frame_line, speaker_turn
from pipeline.detect.review_opinion import review_opinion
from pipeline.detect.secret_plain import (
    figure_heading,
    plain_secret,
    secret_in_paper,
    secret_title,
    secret_topic,
)
from pipeline.detect.secret_rows import (
    model_alone_internal,
    published_grade,
    release_over_internal,
    topic_row,
)
from pipeline.detect.secret_working import sale_lot
from pipeline.detect.state_secret import QUANTITY
from pipeline.detect.trade_prose import recipe_finding
from pipeline.finding import Finding
from pipeline.lexicons import matcher

HEAD_CHARS = 300
# The head's words for each kind of paper (the 标题 names the 文种 and what it is about).
EVALUATION_DOC = re.compile(
    r"考察材料|考察报告|考察情况|任职考察|干部考察|考察谈话|谈话情况摘要|现实表现材料|民主测评情况|"
    # a report on the 考核 of 领导班子 and 领导干部 remarks on each (its 结果 is published)
    r"(?:领导班子|领导干部)[^\n]{0,10}考核(?:情况|工作情况)|"
    # a 民主生活会's criticism of each member is an evaluation of each
    r"批评意见|民主生活会|组织生活会"
)
DELIBERATION_DOC = re.compile(
    r"纪要|讨论记录|会议记录|审理记录|案审|案件审理|集体讨论|合议记录|会商记录|研究记录"
)
EXAM_DOC = re.compile(r"命题|审题|考务|阅卷|试卷|试题")
RESERVE_DOC = re.compile(r"储备|代储|收储")
# Approval forms and handling notes: each line is someone's step or opinion.
APPROVAL_DOC = re.compile(
    r"签报|呈批|审批表|办文单|阅办单|处理笺|收文处理|文件处理|处理意见|办理意见|处理情况登记|处置单|处理单|呈报单"
)
# A published notice of results: the scores it lists are the notice.
RESULT_NOTICE = re.compile(
    r"(?:中标|成交|评标|采购)[^。\n]{0,6}(?:结果|候选人)?(?:公告|公示)|结果公告|候选人公示"
)
# (a 公报 — 统计公报, 新闻公报 — is issued to be read by all)
PUBLISHED_DOC = re.compile(r"公告|公示|通告|公开表|公布|公报")
# "关于宏泰新材料有限公司年产8万吨…项目的审查意见": a paper about one company.
TITLE_COMPANY = re.compile(
    r"关于(?:对)?([^，。；\n]{2,40}?(?:有限公司|有限责任公司|集团|厂|合作社))"
)


@dataclass(frozen=True)
class DocumentContext:
    evaluation: bool = False
    deliberation: bool = False
    exam: bool = False
    reserve: bool = False
    result_notice: bool = False
    title_company: str | None = None
    approval: bool = False
    provisions: bool = False  # a rules text: its articles state rules, nobody's position
    head_end: int = 0  # where the head (标志, 字号, 标题) ends and the body starts
    topic: str | None = None  # the secret matter an unpublished paper's title names
    secret_title: str | None = None  # a head line naming that matter itself (第十四条)
    paper: str | None = None  # a working form the head names (督办单, 约谈记录, 请示…)
    published: bool = False  # the head names a 公告/公示/通告
    pay_disclosure: bool = False  # the head publishes a 国企 负责人's pay (pay_disclosure)
    check_results: bool = False  # the head publishes a 抽查's results (check_results)

    def paper_finding(
        self, finding: Finding | None, text: str, start: int, end: int
    ) -> Finding | None:
        """``finding`` as the working form reads the line (:mod:`pipeline.detect.clause_paper`):
        none on a table's header row, a form's field line or a caption, and no INTERNAL on
        the title line (it names the paper); when the sentence rules found nothing, a row
        read by its header, an investor's word in a 洽谈纪要 or a figure from a firm's books;
        an INTERNAL finding on a figure before its release is read as the state secret it is
        (:mod:`pipeline.detect.secret_rows`)."""
        if header_row(text, start) or no_content(text[start:end]):
            return None
        if (
            finding is not None
            and finding.label == "INTERNAL"
            and self.in_head(start, text[start:end])
            and not LINE_END_MARK.search(_line_of(text, start))
        ):
            return None  # the title line names the paper (张三同志考察谈话情况摘要)
        if (
            finding is not None
            and self.published
            and finding.label == "STATE_SECRET"
            and sale_lot(text[start:end])
        ):
            return None  # 标的存储库点为城北粮库，可到库看样: a 公告's lot, published
        if finding is not None and self.published and model_alone_internal(finding):
            return None  # a 公报's note on its preliminary figures: the model's word alone
        if finding is not None and self.published and published_grade(finding, text[start:end]):
            return None  # 城关镇考核等次为“一般”: the result the 公示 publishes
        if finding is not None and self.pay_disclosure and disclosed_pay(finding, text[start:end]):
            return None  # 董事长　应付年薪45.3万元 in a 国企 薪酬 公告: published by rule
        if (
            finding is not None
            and self.check_results
            and published_outcome(finding, text[start:end])
        ):
            return None  # 2｜…有限公司｜未发现问题 in a 抽查结果公示: the result it publishes
        company = bool(self.title_company) or addressed_company(text) is not None
        secret_paper = not (self.published or self.result_notice)
        if finding is not None:
            return release_over_internal(
                self._row_cells(finding, text, start, end, company, secret_paper),
                text[start:end],
            )
        return (
            table_row(text, start, end, self.paper, company, secret_paper)
            or investor_word(text, start, end, self.paper, company and secret_paper)
            or (topic_row(text, start, end, self.topic, self.exam) if secret_paper else None)
            or recipe_finding(
                text, start, end, secret_paper and about_company(text, start, text[start:end])
            )
        )

    def _row_cells(
        self, finding: Finding, text: str, start: int, end: int, company: bool, secret: bool
    ) -> Finding:
        """A sentence finding on a whole table row, narrowed to the cells its header makes
        the matter (the 考察意见 column, a firm's figures): the 序号, the name and the post
        before them are who the row is about, as a reviewer leaves them."""
        if "\t" not in text[start:end]:
            return finding
        row = table_row(text, start, end, self.paper, company, secret)
        if row is None or row.label != finding.label or row.start <= finding.start:
            return finding
        return replace(finding, start=row.start, end=row.end, text=row.text)

    def secret_heading(self, label: str, sentence: str) -> bool:
        """A title line that names a state secret matter (关于下达…征兵任务数的通知), or a
        numbered heading holding its figure: headings the clause path reads, since every
        listing of the paper repeats its title and a figure set as a heading is content."""
        return label == "STATE_SECRET" and (
            sentence.strip() == self.secret_title or figure_heading(sentence)
        )

    def in_head(self, start: int, sentence: str) -> bool:
        """A line of the head without sentence punctuation (the 标题, the issuer): it names
        the paper, and a paper's name is no opinion or secret of its own — its 文稿状态
        mark is read apart."""
        return start < self.head_end and not HEAD_BREAK.search(sentence)

    @property
    def internal_paper(self) -> bool:
        """A deliberation, an evaluation or an approval form: the paper itself is internal
        affairs, so the clause model's INTERNAL reading needs less confidence."""
        return self.evaluation or self.deliberation or self.approval


# A line ending a sentence is body, wherever the head's reading stopped.
LINE_END_MARK = re.compile(r"[。！？]")


def _line_of(text: str, start: int) -> str:
    """The rest of the line from ``start``."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


# The head ends where the body starts: the 主送 line or the first indented paragraph.
# An article of a rules text at the start of a line (第五十条 发卡银行应…).
ARTICLE = re.compile(r"^[ \u3000]*第[一二三四五六七八九十百零]+条[ \u3000]", re.M)
SENTENCE_MARK = re.compile(r"[。，；！？,;]")
# A colon or a tab is a field (处室意见：…, 情况⇥…), not a line of the head's title.
HEAD_BREAK = re.compile(r"[。，；！？,;：:\t]")
BODY_START = re.compile(r"^(?:[ \u3000]{2}|[^\n：:]{2,40}[：:][ \u3000]*$)", re.M)


def document_context(text: str) -> DocumentContext:
    """The kind of paper ``text`` is, read from its head — the lines before the 主送 line
    or the first paragraph (a report that says it will publish results is still a
    report; a 通报 whose body mentions a 冷库 is no report on reserves)."""
    head = text[:HEAD_CHARS]
    body = BODY_START.search(head)
    head_end = body.start() if body else 120
    # head lines are names, numbers and the title: a line with sentence punctuation is
    # already the body (text without a head has no kind)
    title = "\n".join(
        line for line in head[:head_end].splitlines() if not SENTENCE_MARK.search(line)
    )
    published = bool(PUBLISHED_DOC.search(title))
    m = TITLE_COMPANY.search(title)
    company = named_company(m.group(1)) if m else None
    return DocumentContext(
        evaluation=bool(EVALUATION_DOC.search(title)) and not published,
        deliberation=bool(DELIBERATION_DOC.search(title)) and not published,
        exam=bool(EXAM_DOC.search(title)) and not published,
        reserve=bool(RESERVE_DOC.search(title)) and not published,
        result_notice=bool(RESULT_NOTICE.search(title)),
        title_company=company,
        approval=bool(APPROVAL_DOC.search(title)) and not published,
        provisions=len(ARTICLE.findall(text)) >= 3,
        head_end=min(head_end, len(text)) if title.strip() else 0,
        topic=None if published else secret_topic(title),
        paper=None if published else paper_kind(title),
        published=published,
        pay_disclosure=pay_disclosure(title),
        check_results=check_results(title),
        secret_title=next(
            (line.strip() for line in title.splitlines() if secret_title(line.strip())), None
        ),
    )


# A member, a leader or a department speaking in a deliberation, and the position taken.
# (会议认为/指出/强调 is the meeting's conclusion; 指出/强调/要求 a leader's instruction.)
MEMBER_POSITION = re.compile(
    r"(?:委员|成员|同志|代表|[县区市镇乡局处科]长|主任|书记|部门|单位|科室|[局委办])"
    r"[^，。；]{0,12}?(?:认为|主张|担心|顾虑|提醒|质疑|提出疑问|持不同|持保留|不同意|倾向|"
    r"发言(?:说|时表示|中提出)|建议[^，。；]{0,8}(?:暂缓|调整|下调|上调|再议|从轻|从重|降至))|"
    # a member's word in the record (刘委员表示…) is a position; a leader's 表示 may be news
    r"(?:委员|成员)[^，。；]{0,4}表示"
)
CONCLUSION = re.compile(r"会议(?:认为|指出|强调|要求|决定|同意|明确)|(?:强调|指出|要求)[，,：:]")


# A row of counts under a 测评 table's header (总体评价\t23\t4\t1\t0): the tally.
TALLY_ROW = re.compile(r"^[^\t0-9０-９]{1,10}(?:\t[0-9０-９]{1,4}){2,}$")


def internal_in_context(sentence: str, context: DocumentContext) -> str | None:
    """The cue that makes ``sentence`` internal given the paper it stands in, or None
    (a wrapped sentence read as one line)."""
    sentence = sentence.replace("\n", "")
    if no_judgement(sentence):
        return None
    cue = paper_cue(sentence, context.paper, context.evaluation, context.approval)
    cue = cue or review_opinion(sentence)  # (我处意见是删除第9条: an office's review of a draft)
    if cue is not None:
        return cue
    if context.evaluation and not RULE_FOR_ALL.search(sentence):
        m = EVALUATION_REMARK.search(sentence)
        if m:
            return m.group(0)
        if TALLY_ROW.match(sentence.strip()):
            return "测评票数"
    if context.deliberation and not CONCLUSION.search(sentence):
        m = MEMBER_POSITION.search(sentence)
        if m:
            return m.group(0)
        position = party_position(sentence) or speaker_turn(sentence)
        if position:
            return position
    if (
        (context.evaluation or context.approval)
        and not RULE_FOR_ALL.search(sentence)
        # 群众反映…要求依法处理: the petition a form handles, not a remark
        and not CITIZEN_ASKS.search(sentence)
    ):
        return remark_on_person(sentence)
    return None


# What a citizen asked (反映…要求依法处理): the petition's content, not the office's step.
CITIZEN_ASKS = re.compile(r"(?:反映|来信|来访|投诉|举报|申请)[^。；]{0,30}(?:要求|请求|希望)")


def internal_prior(sentence: str, context: DocumentContext) -> bool:
    """Whether the paper lowers the clause model's cut for an INTERNAL reading of
    ``sentence``: a deliberation, an evaluation or an approval form, and not the request
    of the citizen the form handles."""
    return context.internal_paper and not CITIZEN_ASKS.search(sentence)


# A marking scheme: what an answer earns (给30分以上, 扣2分, 不超过15分, 得分要点).
MARKING = re.compile(
    r"评分(?:时|要点|细则|办法)|(?:给|扣|得|记)[0-9０-９一二三四五六七八九十]+分|"
    r"不超过[0-9０-９]+分|[0-9０-９]+分以上|"
    # (两评分差超过3分的交由仲裁: the marking rule's threshold)
    r"(?:分差|相差|差距)(?:超过|大于|在)?[0-9０-９一二三四五六七八九十]+分"
)
# Where stock is kept: a depot, a warehouse, a tank farm, a collection point.
DEPOT = re.compile(r"[库仓]|代储点|收储点|储备点|罐区|库房|粮站|冷库")


def state_in_context(sentence: str, context: DocumentContext) -> str | None:
    """The 第十四条 cue ``sentence`` carries given the paper it stands in, or None (a
    wrapped sentence read as one line)."""
    sentence = sentence.replace("\n", "")
    if context.exam and MARKING.search(sentence):
        return "启用前的评分标准"
    if context.reserve and QUANTITY.search(sentence) and DEPOT.search(sentence):
        return "储备数量及存放地点"
    if context.secret_title is not None and sentence.strip() == context.secret_title:
        return "标题所列涉密事项"
    return (
        secret_content(sentence)
        or plain_secret(sentence)
        or secret_in_paper(sentence, context.topic)
    )


# A bidder's score, as a result 公告 lists it. A named bidder's 投标报价 stays the bidder's
# (../shared/spec/labels.md: TRADE_SECRET covers named bidders' 投标报价; the winner's 中标价
# is no trade-secret term), and so does a cost split, a process or a recipe in the notice.
BID_SCORES = re.compile(r"得分|评分")


def published_bid(sentence: str, context: DocumentContext) -> bool:
    """A bidder's score in a result 公告/候选人公示, with nothing of the bidder's business
    beside it: published by the notice."""
    if not (context.result_notice and BID_SCORES.search(sentence)):
        return False
    return not any(True for _hit in matcher("trade_secret_terms").find(sentence))


# A company the letter speaks to or of without naming it in the sentence; a company's
# own filing quoted (企业申报材料显示, 企业自述).
COMPANY_REFERENCE = re.compile(
    r"[贵你该本][公司单位企业]{2}|申请人公司|你厂|该厂|企业(?:申报|提供|提交|自述|报送)|"
    # 据企业财务负责人介绍，其…: the company's own word passed to the office
    r"据(?:该|本)?企业[^，。；]{0,8}?(?:介绍|说明|反映|自述)"
)
# Books or files the sentence itself says are the firm's and not public (纳税人未公开的
# 利润表, 企业提交的技术资料): a firm's, whether or not the paper names it.
OWN_BOOKS = re.compile(
    r"(?:未(?:经)?(?:公开|披露|对外公布)的|(?:纳税人|企业|申请人|申报单位)(?:申报|提供|提交|报送)的)"
    r"[^，。；]{0,12}(?:报表|利润表|资产负债表|现金流量表|财务数据|账簿|技术资料|工艺文件|配方)|"
    # (…的资产负债表（未经公开）载明; 据申报材料，其核心配方…: the applicant's own file)
    r"[（(]未(?:经)?(?:公开|披露)[）)]|据(?:其|企业|该单位)?(?:申报|提交|报送)(?:的)?(?:材料|资料)[，,]其"
)
ADDRESSED_IN_PERSON = re.compile(r"[贵你](?:公司|企业|厂)")
# The 主送 line of a letter or 批复 to a company ("湖南金穗新材料有限公司："): every sentence
# of its body speaks of that company, "项目共沉淀反应在…" as much as "你公司…".
ADDRESSEE = re.compile(r"^[ \u3000]*([^\n：:，,。]{4,40})[：:][ \u3000]*$", re.M)


def addressed_company(text: str) -> str | None:
    """The named company a document is addressed to (its 主送 line in the first lines)."""
    for m in ADDRESSEE.finditer(text, 0, 400):
        name = named_company(m.group(1))
        if name and name == m.group(1).strip(" \u3000"):
            return name
    return None


def about_company(text: str, start: int, sentence: str) -> bool:
    """Whether the sentence at ``start`` speaks of a named company: in it, just before
    it, or as 贵公司/该企业 in a letter that names the company elsewhere (a name wrapped
    across lines, 蓝海新材⏎料有限公司, read as one)."""
    before = text[max(0, start - 40) : start].replace("\n", "")
    sentence = sentence.replace("\n", "")
    return bool(
        named_company(sentence)
        or named_company(before)
        or (COMPANY_REFERENCE.search(before + sentence) and named_company(text))
        or OWN_BOOKS.search(sentence) is not None
        # 贵公司/你公司: the letter speaks to a company, named or not
        or ADDRESSED_IN_PERSON.search(before + sentence) is not None
    )


# The closing formula of a 请示 or 签报 (妥否，请批示; 以上意见当否，请领导审定): asks for
# a decision, says nothing of the matter.
CLOSING = re.compile(
    r"^(?:以上[^，,。]{0,8}?[，,]?)?(?:妥否|当否|是否妥当|可否)[，,]?请[^，,。]{0,8}"
    r"(?:批示|审定|审示|阅示|指示|审批|定夺)[。]?$"
)
# A title line without 关于 (某建材厂案件集体讨论记录, 张三同志考察材料): no punctuation,
# ending in the paper's kind.
TITLE_KIND = re.compile(
    r"^[^，,。；;：:\t]{4,40}(?:记录|纪要|材料|报告|签报|请示|审批表|呈批件|意见|登记|情况说明)"
    r"(?:[（(][^（）()]{1,8}[）)])?$"
)


# The issuer's name as a line (发文机关 or 落款: 桐城区委组织部考察组); a record's head
# fields (主持人：…　记录人：…; 出席：…) are record_frame.FIELD_LINE, read by frame_line.
ISSUER_LINE = re.compile(
    r"^[\u4e00-\u9fff（）()]{4,30}(?:组|局|委|办|部|厅|院|中心|政府|委员会|办公室|街道|镇|乡)$"
)


def formula_or_title(sentence: str) -> bool:
    """A closing formula, a title line, the issuer's name, a record's head fields or a
    bare report that a step took place: none tells the matter."""
    s = sentence.strip(" \u3000\n")
    return bool(
        CLOSING.match(s)
        or TITLE_KIND.match(s)
        or ISSUER_LINE.match(s)
        or frame_line(s)  # 考察组对该同志进行了考察, 议题一：…: the step, not the remark
    )

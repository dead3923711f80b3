"""Where a clause finding starts and ends: sentences, brackets, companies, semicolons.

Gold clause spans are whole sentences or clauses as a reviewer withholds them, and the
redaction of a trade secret is exactly its span, so the boundaries are rules of their
own: sentences end at 。！？ and line ends, and at a semicolon only outside brackets; a
bracketed internal remark inside a provision is the remark alone; a trade-secret sentence
starts after its label and the company's name and splits when it lists several
companies' figures; consecutive opinions parted by a semicolon are one span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from pipeline.detect.internal_rules import (
    OPINION,
    STANCE,
    UNSETTLED,
    continues_opinion,
    internal_cue,
)
from pipeline.detect.wrap_kinds import label_wrap, short_wrap
from pipeline.finding import Finding
from pipeline.gongwen import doc_type_of
from pipeline.lexicons import matcher

CJK = re.compile(r"[\u4e00-\u9fff]")
COMPANY = re.compile(
    r"[\u4e00-\u9fff（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团|公司|厂|合作社)"
)
# Categories, not named companies: "证券公司实现营业收入4967亿元" is an industry statistic.
# A scope or a kind before the category is a category still: 个别风险信托公司, 部分中小保险公司.
GENERIC_COMPANY = re.compile(
    r"^(?:证券|期货|保险|基金|信托|银行|支付|财务|上市|国有|民营|外资|各|全部|相关|有关|该|本|其他|"
    r"个别|部分|多数|少数|多家|一些|若干|中小|大型|中型|小型|头部|高?风险|问题|辖内|区域性|地方|"
    r"境内|境外|人身|财产|寿险|产险)+公司$"
)
# 厂 after a verb or a scope word is no factory's name: 工业生产者出厂价格, 返厂维修, 全厂.
NOT_A_FACTORY = re.compile(r"(?:出|进|返|建|入|离|到|回|驻|停|开|全|本|该|各)厂$")

# A section heading names a topic ("三、应急调运路线"); a numbered item with figures
# ("1．储备帐篷2,350顶") is content.
HEADING = re.compile(
    r"[一二三四五六七八九十]+、[^，,。；]{0,30}$|"
    r"(?:（[一二三四五六七八九十]+）|[0-9０-９]{1,2}[．.、])[^，,。；0-9０-９]{0,30}$"
)
OPENING, CLOSING = "（(【[", "）)】]"
# A title ends in what the paper is: "…的回复", "…的处理意见（第二批）".
TITLE_END = re.compile(r"的[\u4e00-\u9fff]{1,6}(?:[（(][^（）()]{1,12}[）)])?$")


def heading(sentence: str) -> bool:
    """Whether ``sentence`` names a section or the document itself rather than saying
    something. A title ("关于对王建国同志投诉事项的回复") names what the paper is about; what
    the office says about it, and so what may be withheld, is in the body."""
    if HEADING.match(sentence):
        return True
    title = sentence.strip(" \u3000\t")
    # (the issuer's name may come first: 某某局关于对某某同志投诉事项的回复)
    lead = re.match(
        r"((?:[^，,。；;：:]{1,30}?(?:局|委|办|院|府|厅|部|处|中心|街道|镇|乡|会))?)关于", title
    )
    if not lead or re.search("[。；;：:]", title) or (lead.group(1) and re.search("[，,]", title)):
        return False
    if re.search("[，,]", title):
        # 关于是否减免差价，财政局表态…再答复: a lead naming the matter, then a sentence about
        # it; a title with a comma still ends in what the paper is (…，…的通知)
        return TITLE_END.search(title) is not None
    return doc_type_of(title) is not None or TITLE_END.search(title) is not None


# The first characters of a line that starts something new: indentation, a tab, a list
# or article number.
NEW_LINE_START = re.compile(
    r"[ \u3000\t]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9０-９]+[．.、]|第[一二三四五六七八九十百]+条"
)


def wrapped(text: str, i: int, depth: int = 0) -> bool:
    """Whether the line break at ``i`` wraps a sentence (a PDF's text layer, a narrow
    draft: "…经诊断为左手\n中指、无名指…") rather than ending a line of its own. A body
    paragraph opens indented and holds a comma; it stops mid-sentence and the next line
    goes on without indentation. A draft's header note ("仅供…研究，请勿转发") is not
    indented, and the title after it is a line of its own."""
    line_start = text.rfind("\n", 0, i) + 1
    line = text[line_start:i]
    end = text.find("\n", i + 1)
    following = text[i + 1 : end if end >= 0 else len(text)]
    in_paragraph = line[:1] in (" ", "\u3000") or (
        depth < 3 and line_start > 0 and wrapped(text, line_start - 1, depth + 1)
    )
    # A line never opens with a comma or a closing mark: one that does goes on the line
    # above ("…6时40分\n，试卷由…"); and a long paragraph line broken before its first
    # comma is a wrap when the next line closes the sentence.
    # (…如下。蓝海新材⏎料有限公司…。: a sentence opened after the line's own full stop,
    # left unfinished at its end, is finished on the next line)
    # (an empty ``following`` is no wrap: ``""[:1] in "，…"`` would be True)
    goes_on = bool(following) and (
        following[:1] in "，、。；：）”"
        or (
            (len(line.strip()) >= 20 or re.search(r"[。；！？][^。；！？，,]+$", line.strip()))
            and re.search(r"[。；]$", following.strip()) is not None
        )
    )
    if label_wrap(line, following) or short_wrap(line, following, in_paragraph):
        return True  # 领导批示：⏎同意。; 　　初稿曾考虑将…纳入⏎范围，…暂未写入。
    return bool(
        in_paragraph
        and (len(line.strip()) >= 16 or following[:1] in "，、。；：）”")
        and line[-1] not in "。！？!?；;：:）)】」”"
        and ("，" in line or line[-1] in "，、" or goes_on)
        and "\t" not in line
        and following
        and "\t" not in following
        and not NEW_LINE_START.match(following)
    )


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentences split at 。；！？ and line ends, but not at a semicolon inside brackets:
    a draft's 【预算处意见：…；资产处意见：…】 is one remark; nor at a line break that
    wraps a sentence."""
    start, depth = 0, 0
    for i, ch in enumerate(text):
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth = max(0, depth - 1)
        elif ch == "\n" and wrapped(text, i):
            continue
        elif ch in "\n。！？!?" or (ch in "；;" and depth == 0):
            yield start, i
            start, depth = i + 1, 0
    yield start, len(text)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    for start, end in _spans(text):
        while start < end and text[start] in " \u3000\t":
            start += 1
        if end - start >= 6:
            yield start, end


BRACKETED = re.compile(r"【[^【】\n]{6,}】|（[^（）\n]{8,}）")


def annotation(text: str, finding: Finding) -> Finding:
    """An internal remark bracketed into a provision (…30%【预算处意见：…】，且不得…) is
    the remark, not the provision: when the only internal wording is inside a bracket
    that the provision goes on after (or a 【】 editor's note), the span is the bracket."""
    if finding.label != "INTERNAL":
        return finding
    for m in BRACKETED.finditer(text, finding.start, finding.end):
        inner = m.group(0)
        outside = text[finding.start : m.start()] + text[m.end() : finding.end]
        goes_on = bool(CJK.search(text, m.end(), finding.end))
        if (
            (inner.startswith("【") or goes_on)
            and _is_internal(inner)
            and not _is_internal(outside)
        ):
            return replace(finding, start=m.start(), end=m.end(), text=inner)
    return finding


def _is_internal(part: str) -> bool:
    return bool(
        any(True for _ in matcher("internal_terms").find(part))
        or UNSETTLED.search(part)
        or internal_cue(part)
        or (OPINION.search(part) and STANCE.search(part))
        or re.search(r"尚未|达成一致|待[^，。；]{0,10}(?:确认|研究|确定)", part)
    )


SAYS = re.compile(r"[^。；0-9０-９]{0,36}?(?:载明|记载|写明|注明|显示|表明)[：:，,]?")


def join_across_semicolons(text: str, findings: list[Finding]) -> list[Finding]:
    """INTERNAL (or STATE_SECRET) findings of consecutive sentences parted only by a
    semicolon are one opinion (…同意认定；…不同意认定) or one depot's particulars: one
    span, as a reviewer withholds it."""
    out: list[Finding] = []
    for f in findings:
        last = out[-1] if out else None
        if (
            last is not None
            and last.label == f.label
            and f.label in ("INTERNAL", "STATE_SECRET")
            and (
                text[last.end : f.start].strip(" \u3000") in ("；", ";")
                # …倾向于：…。上述倾向性意见尚未经党组会议研究: the note is the opinion's.
                or (text[last.end : f.start] == "。" and text.startswith("上述", f.start))
                or _wrapped(text, last, f)
            )
        ):
            out[-1] = replace(last, end=f.end, text=text[last.start : f.end])
            continue
        out.append(f)
    return out


def _wrapped(text: str, last: Finding, f: Finding) -> bool:
    """Two halves of one sentence a PDF's text layer broke at a bare line end (存放于县教育⏎
    局四楼保密室): no sentence mark before the break, no indent or cell after it."""
    return (
        text[last.end : f.start] == "\n"
        and not re.search(r"[。；;！？：:]$", last.text)
        and "\t" not in last.text + f.text
    )


DIGIT = re.compile(r"[0-9０-９]")


def opinion_before(text: str, finding: Finding) -> Finding:
    """An INTERNAL opinion whose discussion opens, across a semicolon, with a short stance
    no rule reads alone (区卫生健康局同意认定；局人才服务科认为…建议暂缓认定) starts there:
    one span, as a reviewer withholds it."""
    if finding.label != "INTERNAL" or text[finding.start - 1 : finding.start] not in ("；", ";"):
        return finding
    start = max(text.rfind(mark, 0, finding.start - 1) for mark in "\n。；;！？") + 1
    while start < finding.start and text[start] in " \u3000\t":
        start += 1
    stance = text[start : finding.start - 1]
    if 4 <= len(stance) <= 40 and continues_opinion(stance):
        return replace(finding, start=start, text=text[start : finding.end])
    return finding


# Arabic digits, Chinese numerals and the financial capitals of a bid (叁佰壹拾捌万元整).
FIGURE = re.compile(r"[0-9０-９一二三四五六七八九十百千万零壹贰叁肆伍陆柒捌玖拾佰仟]")


def figure_after(sentence: str, terms: tuple[str, ...]) -> bool:
    """Whether a figure follows one of ``terms`` within 20 characters."""
    for term in terms:
        at = sentence.find(term)
        while at >= 0:
            if FIGURE.search(sentence, at + len(term), at + len(term) + 20):
                return True
            at = sentence.find(term, at + 1)
    return False


# Who is spoken of before the secret: a bidder's rank or role, then its name.
ROLE = re.compile(
    r"(?:第[一二三四五六七八九十0-9]+名|第[一二三四五六七八九十]中标候选人|中标候选人|成交候选人|"
    r"未中标(?:供应商|人|单位)?|投标人|投标单位|供应商|申请人|申请企业|申报企业|申报单位|承储企业|"
    r"第三方|企业)[：:，,]?"
)
# A short lead that says where the figures come from or how they were found (经评审，
# 根据申报材料，经核查，): no figure and no trade term, so it is not the secret.
LEAD = re.compile(r"[^，,：:。；0-9０-９]{2,14}[，,]")
# What follows a company's name before its figures: 的, 提交的…显示, 回复称, 称.
AFTER_COMPANY = re.compile(
    r"(?:的|[，,]|在[^，,。；]{0,12}中(?:称|说明|表示|提出|介绍|陈述|提到)?[：:，,]?|(?:提交|提供|报送)的[^，,。；]{0,16}(?:显示|载明|表明)[：:，,]?|"
    # 提交的工艺说明，…: the paper the figures are read from, not the figures
    r"(?:提交|提供|报送)的[^，,。；0-9０-９]{0,14}(?:说明|材料|资料|报告|报表|文件|方案|清单)[，,：:]|"
    r"(?:回复|答复|书面回复|函复)?称[：:，,]?)"
)


# A company named after a selling or buying word (产品主要卖给A公司, 原料从B公司采购) is the
# customer or supplier — the secret itself, not whose figures follow.
TRADE_PARTNER = re.compile(r"卖给|售给|销往|销售给|供货给|供应给|供给|交付给|购自|从|客户|买家")


def _partner(piece: str) -> bool:
    """A clause naming a customer or supplier (卖给A公司和B公司两家): the secret's content."""
    m = TRADE_PARTNER.search(piece)
    return m is not None and named_company(piece[m.end() :]) is not None


def _lead_without_secret(piece: str) -> bool:
    return not re.search(r"[0-9０-９]", piece) and not any(
        True for _ in matcher("trade_secret_terms").find(piece)
    )


def trim_subject(text: str, start: int, end: int) -> int:
    """Start after "标签：", a short lead (经评审，), a bidder's role and name and what
    joins them to the figures (…有限公司的, 提交的报表显示，): the gold span of a trade
    secret is the company's figures, not who they belong to or where they were read."""
    sentence = text[start:end]
    pos = 0
    colon = re.match(r"[^：:，,]{1,12}[：:]", sentence)
    if colon:
        pos = colon.end()
    base = pos
    for _ in range(2):
        lead = LEAD.match(sentence, pos)
        if lead and _lead_without_secret(lead.group(0)) and not COMPANY.search(lead.group(0)):
            pos = lead.end()
    led = pos
    said = SAYS.match(sentence, pos)
    if said and end - (start + said.end()) >= 12:
        # …载明早籼米由两家合作社定向供应: after the document, a supplier is the secret;
        # …载明，湖南星沙…有限公司的绕组…: the company whose figures follow is not.
        pos = said.end()
        company = COMPANY.match(sentence, pos)
        joined = AFTER_COMPANY.match(sentence, company.end()) if company else None
        if company and joined and named_company(company.group(0)):
            pos = joined.end()
        return start + pos if end - (start + pos) >= 6 else start
    role = ROLE.match(sentence, pos)
    if role:
        pos = role.end()
    company = COMPANY.match(sentence, pos)
    if (
        company
        and named_company(company.group(0))
        and _lead_without_secret(company.group(0))
        and not TRADE_PARTNER.search(company.group(0))
    ):
        pos = company.end()
        # 清远市建安集团有限公司: the name goes on after 集团.
        rest = re.match(r"(?:股份有限公司|有限责任公司|有限公司|分公司|公司)*", sentence[pos:])
        pos += rest.end() if rest else 0
        joined = AFTER_COMPANY.match(sentence, pos)
        if joined:
            pos = joined.end()
    # 《工艺流程说明》载明…: what the document says is the secret, not its title.
    said = SAYS.match(sentence, pos)
    if said and end - (start + said.end()) >= 12:
        pos = said.end()
    if pos == led:
        # A lead (此外，经核查，) with no company or document after it opens the secret.
        pos = base
    return start + pos if end - (start + pos) >= 6 else start


def named_company(text: str) -> str | None:
    """A company named by its own name (宜昌长江精密机械有限公司), not a category."""
    for m in COMPANY.finditer(text):
        name = re.sub(r"^.*?[，,、：:（(]", "", m.group(0))
        if len(name) >= 6 and not GENERIC_COMPANY.match(name) and not NOT_A_FACTORY.search(name):
            return name
    return None


PIECE_EDGE = " \u3000，,、；;：:的和及与另其中"


def per_company(text: str, finding: Finding) -> list[Finding]:
    """A trade-secret sentence that lists several companies' figures (…A公司报价…元，
    B公司报价…元) is one secret per company: split it after each company's name, so
    each redaction is that company's clause and the names between stay readable."""
    if finding.label != "TRADE_SECRET":
        return [finding]
    cuts = []
    for m in COMPANY.finditer(text, finding.start, finding.end):
        name = named_company(m.group(0))
        at = m.end() - len(name) if name else 0
        # A company after 供应/客户/与 is a customer or supplier inside the clause.
        if name and (at == finding.start or text[at - 1] in "，,；;：:"):
            cuts.append((at, m.end()))
    if not cuts:
        return [finding]
    edges = [(finding.start, finding.start), *cuts, (finding.end, finding.end)]
    pieces = []
    for (_s, after), (before, _e) in pairwise(edges):
        start, end = after, before
        while start < end and text[start] in PIECE_EDGE:
            start += 1
        while end > start and text[end - 1] in PIECE_EDGE:
            end -= 1
        piece = text[start:end]
        terms = tuple(t for _a, _b, t in matcher("trade_secret_terms").find(piece))
        if end - start >= 6 and terms and figure_after(piece, terms):
            pieces.append((start, end))
    if len(pieces) < 2:
        return [finding]
    return [replace(finding, start=a, end=b, text=text[a:b]) for a, b in pieces]


# A figure in digits or words (百分之二, 九十天, 叁佰万): a tail holding one is content.
NUMERAL = re.compile(
    r"[0-9０-９]|百分之|[零一二三四五六七八九十两百千万]{2,}|[壹贰叁肆伍陆柒捌玖拾佰仟]"
)
ABOUT_SECRET = re.compile(r"商业秘密|不宜公开|不同意公开|不予公开|请予保密")
# What a 采购 result publishes about every bidder: its score and rank.
PUBLISHED_TAIL = re.compile(r"得分|排名|名次|评分|第[一二三四五六七八九十]名|资格|符合|响应")


def trade_cells(text: str, finding: Finding) -> Finding:
    """A trade secret in a table row (序号⇥公司⇥投标报价：…元⇥得分) is the cells that hold
    its figures, and a sentence's trailing clauses giving the published score or rank
    stay readable: the span is cut to the parts with a trade term."""
    if finding.label != "TRADE_SECRET":
        return finding
    separator = "\t" if "\t" in finding.text else "，"
    parts, at = [], finding.start
    for piece in finding.text.split(separator):
        parts.append((at, at + len(piece)))
        at += len(piece) + 1

    def has_term(part: tuple[int, int]) -> bool:
        return any(True for _ in matcher("trade_secret_terms").find(text[part[0] : part[1]]))

    if separator == "\t":
        keep = [part for part in parts if has_term(part)]
    else:
        keep = list(parts)
        # A head that says the figures are secret (…分项报价属于商业秘密，其中…) is about them.
        while (
            len(keep) > 1
            and not NUMERAL.search(text, *keep[0])
            and ABOUT_SECRET.search(text, *keep[0])
        ):
            keep.pop(0)
        # A tail without a figure or a term (…，不同意公开, …，请予保密) is no secret.
        while (
            len(keep) > 1
            and not has_term(keep[-1])
            and not _partner(text[slice(*keep[-1])])
            and (PUBLISHED_TAIL.search(text, *keep[-1]) or not NUMERAL.search(text, *keep[-1]))
        ):
            keep.pop()
    if not keep:
        return finding
    start, end = keep[0][0], keep[-1][1]
    while start < end and text[start] in " \u3000\t":
        start += 1
    if (start, end) == (finding.start, finding.end) or end - start < 6:
        return finding
    return replace(finding, start=start, end=end, text=text[start:end])

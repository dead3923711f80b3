"""GB/T 9704-2012 elements of a 公文, read from the layout of its text.

A 公文 has three zones: the 版头 (份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号,
签发人), the 主体 (标题, 主送机关, 正文, 附件说明, 发文机关署名, 成文日期, 附注) and the 版记
(抄送机关, 印发机关和印发日期). We classify lines by what they look like rather than by
position alone, so real drafting habits (a title wrapped over two lines, a type line such
as "通　　告" or "行政处罚决定书" above the 发文字号, a signature with two joint issuers, a
date in Chinese numerals, the date printed under the title of a 公报) are read correctly.

A field that the document does not show is ``None``: we never guess. References to other
documents inside the text (（国发〔2018〕41号）) are not this document's 发文字号, so the
发文字号 is only taken from a line that holds little else.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from pipeline.document import Document

# --- character classes and small parsers -------------------------------------------------

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
    "0": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_DIGIT_CLASS = "〇○零Ｏ一二三四五六七八九"
_SPACES = " \t\u3000\u00a0"

_DATE_ARABIC = re.compile(
    r"(?P<y>[12][0-9]{3}|[１２][０-９]{3})\s*年\s*(?P<m>[0-9０-９]{1,2})\s*月\s*(?P<d>[0-9０-９]{1,2})\s*日"
)
_DATE_CHINESE = re.compile(
    rf"(?P<y>[{_CN_DIGIT_CLASS}]{{4}})\s*年\s*(?P<m>[一二三四五六七八九十]{{1,3}})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)


def _cn_number(text: str) -> int | None:
    """一..三十一 → int (for months and days)."""
    if not text:
        return None
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = _CN_DIGITS.get(tens, 0) if tens else 1
    o = _CN_DIGITS.get(ones, 0) if ones else 0
    return t * 10 + o


def parse_date(text: str) -> tuple[date, int, int] | None:
    """Find a full 年月日 date in ``text``: ``(date, start, end)`` or None.

    Accepts 2024年3月5日, 2024年03月05日, full-width digits and 二〇二四年三月五日.
    """
    best: tuple[date, int, int] | None = None
    for pattern, chinese in ((_DATE_ARABIC, False), (_DATE_CHINESE, True)):
        for m in pattern.finditer(text):
            if chinese:
                year = int("".join(str(_CN_DIGITS.get(ch, 0)) for ch in m["y"]))
                month, day = _cn_number(m["m"]), _cn_number(m["d"])
            else:
                year = int(m["y"].translate(_FULLWIDTH_DIGITS))
                month = int(m["m"].translate(_FULLWIDTH_DIGITS))
                day = int(m["d"].translate(_FULLWIDTH_DIGITS))
            if month is None or day is None:
                continue
            try:
                value = date(year, month, day)
            except ValueError:
                continue
            if best is None or m.start() < best[1]:
                best = (value, m.start(), m.end())
    return best


# --- 发文字号 ---------------------------------------------------------------------------

_DOC_NUMBER = re.compile(
    r"(?P<code>(?:[（(][\u4e00-\u9fff]{1,8}[）)])?[\u4e00-\u9fffA-Za-z]{1,20}?)\s*"
    r"(?P<lb>[〔\[［(（【])\s*(?P<year>[12][0-9]{3}|[１２][０-９]{3})\s*(?P<rb>[〕\]］)）】])\s*"
    r"(?P<num>第?\s*[0-9０-９]{1,6}\s*号)"
)
_SIGNER = re.compile(r"签\s*发\s*人\s*[：:]\s*(?P<names>.+)$")


@dataclass(frozen=True)
class DocNumber:
    text: str
    agency_code: str
    year: int
    number: int
    brackets: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def parse_doc_number(line: str) -> DocNumber | None:
    """The 发文字号 on a line that is essentially only that (plus 签发人)."""
    content = _SIGNER.sub("", line).strip(_SPACES)
    m = _DOC_NUMBER.search(content)
    if m is None:
        return None
    leftover = (content[: m.start()] + content[m.end() :]).strip(_SPACES)
    if len(leftover) > 2:
        return None  # a reference inside a sentence, not the document's own number
    text = m.group(0).strip(_SPACES)
    digits = re.sub(r"\D", "", m["num"].translate(_FULLWIDTH_DIGITS))
    return DocNumber(
        text=text,
        agency_code=m["code"],
        year=int(m["year"].translate(_FULLWIDTH_DIGITS)),
        number=int(digits),
        brackets=m["lb"] + m["rb"],
    )


# --- markings ---------------------------------------------------------------------------

_SECRET = re.compile(
    r"(?P<level>绝\s*密|机\s*密|秘\s*密)\s*(?:[★☆＊*✩✭]\s*(?P<period>长期|启用前|"
    r"[0-9０-９一二三四五六七八九十]+\s*(?:年|个月|月)))?"
)
_URGENCY = re.compile(r"^(特\s*急|加\s*急|特\s*提|平\s*急)$")
_COPY_NUMBER = re.compile(r"^[0-9０-９]{1,6}$")
_INTERNAL_MARK = re.compile(r"内部资料|内部文件|内部刊物|工作秘密|内部使用|注意保存|注意保管")
_MARKING = re.compile(
    r"[（(]\s*此\s*件\s*(?P<what>公\s*开\s*发\s*布|主\s*动\s*公\s*开|依\s*申\s*请\s*公\s*开|"
    r"不\s*予?\s*公\s*开|删\s*减\s*后\s*公\s*开|部\s*分\s*公\s*开)\s*[）)]"
)
# The 版记 habit of many agencies: "公开方式：主动公开", "信息公开选项：依申请公开".
_OPENNESS_LINE = re.compile(
    r"^[（(]?\s*(?:公\s*开\s*(?:方\s*式|属\s*性|类\s*型|选\s*项)|信\s*息\s*公\s*开\s*(?:选\s*项|属\s*性|方\s*式))"
    r"\s*[：:]\s*(?P<what>主\s*动\s*公\s*开|依\s*申\s*请\s*公\s*开|不\s*予?\s*公\s*开|删\s*减\s*后\s*公\s*开|部\s*分\s*公\s*开)"
    r"\s*[）)]?$"
)
_MARKING_NORMAL = {
    "公开发布": "此件公开发布",
    "主动公开": "此件公开发布",
    "依申请公开": "此件依申请公开",
    "不公开": "此件不公开",
    "不予公开": "此件不公开",
    "删减后公开": "此件删减后公开",
    "部分公开": "此件删减后公开",
}

# --- document types ---------------------------------------------------------------------

# Longest first: 决定书 before 决定, 会议纪要 → 纪要. The 15 GB/T 9704 types and the
# common other kinds of government writing.
_DOC_TYPES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "决议": "决议",
            "决定": "决定",
            "命令": "命令",
            "令": "命令",
            "公报": "公报",
            "公告": "公告",
            "预公告": "公告",
            "通告": "通告",
            "意见": "意见",
            "实施意见": "意见",
            "指导意见": "意见",
            "通知": "通知",
            "补充通知": "通知",
            "紧急通知": "通知",
            "通报": "通报",
            "报告": "报告",
            "请示": "请示",
            "批复": "批复",
            "议案": "议案",
            "函": "函",
            "复函": "函",
            "便函": "函",
            "纪要": "纪要",
            "会议纪要": "纪要",
            "决定书": "决定书",
            "答复书": "答复书",
            "意见书": "意见书",
            "告知书": "告知书",
            "通知书": "通知书",
            "建议书": "建议书",
            "公示": "公示",
            "笔录": "笔录",
            "说明": "说明",
            "专报": "专报",
            "简报": "简报",
            "快报": "快报",
            "信息": "信息",
            "方案": "方案",
            "规划": "规划",
            "预案": "预案",
            "办法": "办法",
            "规定": "规定",
            "细则": "细则",
            "规则": "规则",
            "章程": "章程",
            "答复": "答复",
            "复文": "函",
            "情况报告": "报告",
            "工作报告": "报告",
            "总结": "总结",
            "要点": "要点",
            "声明": "声明",
            "倡议书": "倡议书",
            "证明": "证明",
            "裁定书": "裁定书",
            "责令改正通知书": "通知书",
            "催告书": "催告书",
            "纪要通报": "通报",
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)
_TRAILING_PAREN = re.compile(r"[（(][^（）()]{1,20}[）)]\s*$")


def doc_type_of(title: str | None) -> str | None:
    """The document type from the end of its title (ignoring a trailing （第一批）)."""
    if not title:
        return None
    t = re.sub(f"[{_SPACES}]", "", title)
    for _ in range(2):
        stripped = _TRAILING_PAREN.sub("", t)
        if stripped == t:
            break
        t = stripped
    t = t.rstrip('》」”"')
    for suffix, kind in _DOC_TYPES:
        if t.endswith(suffix):
            if suffix == "令" and len(t) > 12:
                continue  # "…的命令" ends in 令 too, but long titles ending 令 are rarely orders
            return kind
    return None


# --- agency-looking lines ---------------------------------------------------------------

_AGENCY_SUFFIX = re.compile(
    r"(人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|局|厅|部|委|院|署|会|处|科|所|站|中心|"
    r"队|办事处|街道|公司|集团|学校|中学|小学|大学|学院|医院|法院|检察院|分局|支队|大队|中队|"
    r"党委|党组|工委|组织部|宣传部|统战部|政法委|纪委|监委|镇|乡|社区|村委会|居委会|联合会|协会|"
    r"银行|分行|支行|馆|台|社|团|校|园|总站|基地|研究所|研究院|事务所|指挥部)"
    r"(?:[（(](?:盖章|印章|章|签章|公章)[）)])?$"
)
_SEAL = re.compile(r"[（(](?:盖章|印章|章|签章|公章)[）)]$")


def _clean(line: str) -> str:
    return line.strip(_SPACES)


def _compact(line: str) -> str:
    return re.sub(f"[{_SPACES}]", "", line)


def looks_like_agency(line: str) -> bool:
    """A short line that names an organ (…局, …人民政府, …有限公司), not a sentence."""
    s = _clean(line)
    if re.search(r"[，。；！？：:]", s):
        return False
    return (
        2 <= len(_compact(s)) <= 40 and bool(_AGENCY_SUFFIX.search(_compact(s))) and "关于" not in s
    )


def _indent_em(line: str) -> float:
    """Leading white space in ems: a full-width space is 1, an ASCII space 0.5, a tab 2."""
    width = 0.0
    for ch in line:
        if ch == "\u3000":
            width += 1
        elif ch in " \u00a0":
            width += 0.5
        elif ch == "\t":
            width += 2
        else:
            break
    return width


def _is_indented(line: str) -> bool:
    """A paragraph's first-line indent (about two characters), as body text has.

    Wider leading space is layout: a title centred or a signature right-aligned with
    spaces, as drafts typed in plain text do."""
    return line.strip() != "" and 1 <= _indent_em(line) < 3


def _is_laid_out(line: str) -> bool:
    return line.strip() != "" and _indent_em(line) >= 3


_SENTENCE_END = tuple("。；;，,！!？?：:")
_CLOSING_PHRASE = re.compile(
    r"^(特此|此复|妥否|以上|当否|请予|请批示|专此|附\s*件"  # closing formulas, 附件说明
    r"|[0-9０-９]+\s*[.．、]|[（(][一二三四五六七八九十0-9]+[）)])"  # numbered items
)


def _is_signature_line(line: str) -> bool:
    """A 发文机关署名 line: short, no sentence punctuation, no label; flush left or
    right-aligned with spaces, or indented like a paragraph if it names an organ."""
    s = _clean(line)
    if not s or len(_compact(s)) > 40 or _CLOSING_PHRASE.match(s):
        return False
    if _is_indented(line) and not looks_like_agency(s):
        return False
    if s.endswith(_SENTENCE_END) or "：" in s or ":" in s:
        return False
    if parse_date(s) is not None or _MARKING.search(s):
        return False
    return not re.search(r"[。，；！？]", s)


_POSITION = re.compile(
    r"(主席|副主席|总理|副总理|部长|副部长|局长|副局长|行长|副行长|主任|副主任|省长|副省长|市长|副市长|"
    r"县长|副县长|区长|副区长|镇长|乡长|厅长|署长|书记|副书记|委员长|院长|检察长|队长|所长|处长|科长)$"
)


def _is_person_signature(parts: list[str]) -> bool:
    """ "总理　李强", "行 长 易纲": a signatory's office and name, not an organ."""
    joined = _compact("".join(parts))
    return any(_POSITION.search(_compact(p)) for p in parts) or bool(
        re.fullmatch(r"(.{1,4}长|主席|总理|主任|书记)[\u4e00-\u9fff]{2,4}", joined)
        and not _AGENCY_SUFFIX.search(joined)
    )


def _split_agencies(line: str) -> list[str]:
    parts = [p for p in re.split(r"[ \t\u3000\u00a0]{2,}|[、]", _clean(line)) if p.strip(_SPACES)]
    return [_SEAL.sub("", _clean(p)) for p in parts]


# --- the result ------------------------------------------------------------------------


@dataclass
class Metadata:
    """GB/T 9704 elements; ``None`` where the document does not show the element."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    doc_type: str | None = None
    secret_level: str | None = None
    secret_period: str | None = None
    urgency: str | None = None
    disclosure_marking: str | None = None
    addressees: list[str] = field(default_factory=list)
    copy_number: str | None = None
    issuer_mark: str | None = None
    doc_number_parts: dict[str, object] | None = None
    signers: list[str] = field(default_factory=list)
    internal_marking: str | None = None
    cc: list[str] = field(default_factory=list)
    printed_by: str | None = None
    printed_date: str | None = None
    attachments: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


# --- line classification -----------------------------------------------------------------

_LABEL_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,12}[：:]\s*\S")
_PERIOD_LINE = re.compile(r"^[0-9０-９]{4}\s*年\s*第\s*[0-9０-９一二三四五六七八九十]+\s*期")
_PAREN_DATE_LINE = re.compile(r"^[（(]\s*(.+?)\s*[）)]$")
_CC = re.compile(r"^(抄\s*送|分\s*送|抄\s*报|报|送)\s*[：:]\s*(?P<list>.+)$")
_PRINTED = re.compile(r"^(?P<who>.*?)[ \t\u3000\u00a0]*(?P<date>\S*年\S*月\S*日)\s*印\s*发$")
_PRINTED_MAX = 200  # characters; a real 印发机关和印发日期 line is far shorter
_ATTACHMENT = re.compile(r"^附\s*件\s*[：:]\s*(?P<what>.+)$")


def _head_marks(s: str) -> dict[str, str] | None:
    """If the whole line is 版头 markings (份号, 密级★期限, 紧急程度, 内部资料), return them."""
    found: dict[str, str] = {}
    rest = s
    m = _SECRET.search(rest)
    if m:
        found["secret_level"] = re.sub(r"\s", "", m["level"])
        if m["period"]:
            found["secret_period"] = re.sub(r"\s", "", m["period"].translate(_FULLWIDTH_DIGITS))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    m2 = _INTERNAL_MARK.search(rest)
    if m2:
        found["internal_marking"] = _clean(s) if not m else m2.group(0)
        rest = _INTERNAL_MARK.sub(" ", rest)
    tokens = [t for t in re.split(f"[{_SPACES}]+", rest) if t]
    for t in tokens:
        if _COPY_NUMBER.match(t) and "copy_number" not in found:
            found["copy_number"] = t
        elif _URGENCY.match(t):
            found["urgency"] = re.sub(r"\s", "", t)
        elif t in ("注意保存", "注意保管", "★", "☆"):
            continue
        else:
            return None
    return found or None


def extract_metadata(document: Document | str) -> Metadata:
    """Read the GB/T 9704 elements from a Document (its body) or a text."""
    text = document.body if isinstance(document, Document) else document
    lines = text.split("\n")
    meta = Metadata()
    idx = [i for i, ln in enumerate(lines) if ln.strip(_SPACES)]
    if not idx:
        return meta

    # 版头: markings, 发文机关标志, 发文字号 — within the first lines.
    head_limit = idx[min(len(idx) - 1, 14)]
    doc_number_line: int | None = None
    title_start: int | None = None
    consumed: set[int] = set()
    for i in idx:
        if i > head_limit:
            break
        s = _clean(lines[i])
        marks = _head_marks(s)
        if marks is not None and title_start is None:
            for key, value in marks.items():
                if getattr(meta, key) is None:
                    setattr(meta, key, value)
            consumed.add(i)
            continue
        number = parse_doc_number(s)
        if number is not None and doc_number_line is None:
            meta.doc_number = number.text
            meta.doc_number_parts = number.to_dict()
            signer = _SIGNER.search(s)
            if signer:
                meta.signers = [
                    n for n in re.split(r"[ \t\u3000\u00a0、，,]+", signer["names"]) if n
                ]
            doc_number_line = i
            consumed.add(i)
            continue
        signer = _SIGNER.search(s)
        if signer and not meta.signers:
            meta.signers = [n for n in re.split(r"[ \t\u3000\u00a0、，,]+", signer["names"]) if n]
            consumed.add(i)

    _read_title_and_addressees(meta, lines, idx, doc_number_line, consumed)
    if meta.doc_number is None and meta.title:
        # Reprints print the 发文字号 after the title: "…的通知（银发〔2021〕259号）".
        tail = re.search(
            r"[（(]([^（）()]*[〔\[［][12][0-9]{3}[〕\]］][^（）()]*号)[）)]$", meta.title
        )
        number = parse_doc_number(tail.group(1)) if tail else None
        if number is not None:
            meta.doc_number = number.text
            meta.doc_number_parts = number.to_dict()
    meta.doc_type = doc_type_of(meta.title)
    _read_signature_and_date(meta, lines, idx)
    _read_endmatter(meta, lines, idx)
    return meta


def _is_body_line(line: str) -> bool:
    s = _clean(line)
    if _is_indented(line) and len(s) > 2:
        return True
    return len(s) > 60 or bool(re.search(r"[。；！？]", s[:-1]))


def _title_like(s: str) -> bool:
    return "关于" in s or doc_type_of(s) is not None


def _title_candidate(line: str) -> bool:
    s = _clean(line)
    if not s or _is_body_line(line):
        return False
    if s.endswith(("：", ":")) or _LABEL_LINE.match(s) or _PERIOD_LINE.match(s):
        return False
    if parse_date(s) is not None and len(_compact(s)) < 16:
        return False
    return not (_SIGNER.search(s) or _head_marks(s) is not None or parse_doc_number(s) is not None)


def _read_title_and_addressees(
    meta: Metadata,
    lines: list[str],
    idx: list[int],
    doc_number_line: int | None,
    consumed: set[int],
) -> None:
    # The head ends at the first body paragraph; the addressee line ends the title.
    head: list[int] = []
    for i in idx[:16]:
        if i in consumed:
            head.append(i)
            continue
        s = _clean(lines[i])
        if _is_body_line(lines[i]) and not _title_like(s):
            break
        head.append(i)
        if s.endswith(("：", ":")) and not _LABEL_LINE.match(s):
            break

    def run_from(start_pos: int) -> tuple[str, int] | None:
        """Join a title wrapped over up to 3 lines starting at head[start_pos]."""
        first = head[start_pos]
        parts = [_clean(lines[first])]
        last = first
        for pos in range(start_pos + 1, min(start_pos + 3, len(head))):
            joined = "".join(parts)
            if doc_type_of(joined) is not None and not joined.endswith(("关于", "的")):
                break
            nxt = head[pos]
            if not _title_candidate(lines[nxt]) or nxt in consumed:
                break
            nxt_s = _clean(lines[nxt])
            if looks_like_agency(nxt_s) and doc_type_of(nxt_s) is None and "关于" not in joined:
                break
            parts.append(nxt_s)
            last = nxt
        title = "".join(parts)
        return (title, last) if _title_like(title) or len(parts) == 1 else None

    candidates = [p for p, i in enumerate(head) if i not in consumed and _title_candidate(lines[i])]
    chosen: tuple[str, int] | None = None
    after = [p for p in candidates if doc_number_line is not None and head[p] > doc_number_line]
    before = [p for p in candidates if p not in after]
    # Prefer a title after the 发文字号 (the GB/T 9704 place); else a title-like line
    # (关于…的通知, 行政处罚决定书, …公示) that is not just the agency's name.
    for group in (after, before):
        for p in group:
            s = _clean(lines[head[p]])
            if looks_like_agency(s) and doc_type_of(s) is None and "关于" not in s:
                continue
            if (
                re.fullmatch(r"[\u4e00-\u9fff]{1,3}(?:[ \u3000]+[\u4e00-\u9fff]{1,3})+", s)
                and len(_compact(s)) <= 4
            ):
                continue  # a spaced type banner such as "通　　告" above the real title
            result = run_from(p)
            if result and _title_like(result[0]):
                chosen = result
                break
        if chosen:
            break
    if chosen is None:
        for p in candidates:
            s = _clean(lines[head[p]])
            if not looks_like_agency(s):
                chosen = run_from(p)
                break
    if chosen is not None:
        meta.title = chosen[0]
        end = chosen[1]
        for i in idx:
            if i <= end:
                continue
            s = _clean(lines[i])
            if s.endswith(("：", ":")) and not _is_indented(lines[i]) and len(s) < 200:
                meta.addressees = [
                    a for a in (_clean(x) for x in re.split(r"[，,；;]", s[:-1])) if a
                ]
            break
    for i in head:
        s = _clean(lines[i])
        if i in consumed or (chosen and i >= head[0] and s in (meta.title or "")):
            continue
        if (
            meta.issuer_mark is None
            and (s.endswith("文件") or looks_like_agency(s))
            and doc_type_of(s) is None
        ):
            meta.issuer_mark = s
            break


def _read_signature_and_date(meta: Metadata, lines: list[str], idx: list[int]) -> None:
    """成文日期 and the 发文机关署名 above it; for 公报-style documents, the head."""
    candidates: list[tuple[int, date]] = []
    for i in idx:
        s = _clean(lines[i])
        if not s or "印发" in s or len(_compact(s)) > 20:
            continue
        found = parse_date(s)
        if found is None:
            continue
        value, start, end = found
        rest = (s[:start] + s[end:]).strip(_SPACES + "（）()")
        if rest:
            continue
        candidates.append((i, value))

    position = {line_no: pos for pos, line_no in enumerate(idx)}

    def signature_above(i: int) -> list[str]:
        names: list[str] = []
        pos = position[i]
        for j in reversed(idx[max(0, pos - 4) : pos]):
            if not _is_signature_line(lines[j]):
                break
            parts = _split_agencies(lines[j])
            if _is_person_signature(parts):
                continue  # the signatory of a 令 is a person, not the issuing organ
            names[:0] = parts
        return names

    chosen: tuple[int, date, list[str]] | None = None
    for i, value in candidates:
        names = signature_above(i)
        if names:
            chosen = (i, value, names)
            break
    if chosen is None and candidates:
        i, value = candidates[-1]
        chosen = (i, value, [])
    if chosen is not None:
        meta.date = chosen[1].isoformat()
        if chosen[2] and not (chosen[0] < idx[min(3, len(idx) - 1)] and meta.title in chosen[2]):
            names = [n for n in chosen[2] if n != meta.title]
            if names:
                meta.issuer = "、".join(names)
    if meta.date is None:
        # A signature line with the date beside it ("某某办公室　　2024年6月14日").
        for i in idx:
            s = _clean(lines[i])
            if "印发" in s:
                continue
            found = parse_date(s)
            if found is None or found[2] != len(s):
                continue
            who = _clean(s[: found[1]])
            if who and looks_like_agency(who):
                meta.date = found[0].isoformat()
                meta.issuer = meta.issuer or "、".join(_split_agencies(who))
                break
    if meta.issuer is None:
        meta.issuer = _issuer_fallback(meta)


def _issuer_fallback(meta: Metadata) -> str | None:
    if meta.issuer_mark:
        mark = re.sub(r"文\s*件$", "", _compact(meta.issuer_mark))
        if mark and _AGENCY_SUFFIX.search(mark):
            return mark
    if meta.title and "关于" in meta.title:
        prefix = meta.title.split("关于", 1)[0]
        if prefix and _AGENCY_SUFFIX.search(prefix):
            return prefix
    return None


def _read_endmatter(meta: Metadata, lines: list[str], idx: list[int]) -> None:
    """附注 marking, 抄送, 印发机关和印发日期, 附件 list."""
    for pos, i in enumerate(idx):
        s = _clean(lines[i])
        m = _MARKING.search(s)
        if (
            m
            and len(_compact(s)) - len(_compact(m.group(0))) <= 2
            and meta.disclosure_marking is None
        ):
            meta.disclosure_marking = _MARKING_NORMAL.get(_compact(m["what"]), _compact(m.group(0)))
            continue
        openness = _OPENNESS_LINE.match(s)
        if openness and meta.disclosure_marking is None:
            meta.disclosure_marking = _MARKING_NORMAL[_compact(openness["what"])]
            continue
        cc = _CC.match(_compact(s))
        if cc and not meta.cc and i > idx[len(idx) // 2]:
            meta.cc = [c for c in re.split(r"[，,、；;。]", cc["list"]) if c]
            continue
        # Only a short line ending in 发 can be the 印发 line: the pattern backtracks
        # quadratically over a long line without spaces (a 30,000-character line: 2.3 s).
        printed = _PRINTED.match(s) if s.endswith("发") and len(s) <= _PRINTED_MAX else None
        if printed:
            when = parse_date(printed["date"])
            meta.printed_date = when[0].isoformat() if when else None
            meta.printed_by = _clean(printed["who"]) or None
            continue
        att = _ATTACHMENT.match(s)
        if att and not meta.attachments:
            meta.attachments = [_clean(att["what"])]
            for j in idx[pos + 1 :]:
                nxt = _clean(lines[j])
                if re.match(r"^[0-9０-９]+\s*[.．、]", nxt) and len(nxt) < 80:
                    meta.attachments.append(nxt)
                else:
                    break


def is_date_line(line: str) -> bool:
    """A line holding only a full date (成文日期 as printed under the signature)."""
    s = _clean(line)
    found = parse_date(s)
    return found is not None and not (s[: found[1]] + s[found[2] :]).strip(_SPACES + "（）()")

"""GB/T 9704-2012 vocabulary: the words, marks and line shapes of a 公文, in one place.

Dates in Arabic or Chinese numerals, 发文字号 (机关代字〔年份〕序号号), 密级和保密期限, 紧急程度,
the 附注 disclosure markings, the kinds of document (通知, 批复, 决定书 …), what an organ's
name ends with (局, 委员会, 办公室 …), and how a line is laid out (a paragraph's two-character
indent, a right-aligned signature). The metadata reader (:mod:`pipeline.metadata`), the PDF
reader, the detectors and the catalog's summaries all read 公文 with these, so a drafting
habit learnt once is learnt everywhere.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from pipeline.gongwen_kinds import doc_type_of as doc_type_of  # the kinds: a module apart

# --- character classes and small parsers -------------------------------------------------

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
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
SPACES = " \t\u3000\u00a0"

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
                year = int(m["y"].translate(FULLWIDTH_DIGITS))
                month = int(m["m"].translate(FULLWIDTH_DIGITS))
                day = int(m["d"].translate(FULLWIDTH_DIGITS))
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
    r"(?P<lb>[〔\[［(（【﹝〈])\s*(?P<year>[12][0-9]{3}|[１２][０-９]{3})\s*年?\s*(?P<rb>[〕\]］)）】﹞〉])\s*"
    r"(?P<num>第?\s*[0-9０-９]{1,8}\s*号)"
)
SIGNER = re.compile(r"签\s*发\s*人\s*[：:]\s*(?P<names>.+)$")
# A head line that labels the number ("文号：某某〔2024〕12号"); 案号, 编号 and 受理编号 are
# case or file numbers, never the 发文字号, and stay unread.
_NUMBER_LABEL = re.compile(r"^(?:发文字号|发文文号|文\s*号)\s*[：:]\s*")


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
    content = _NUMBER_LABEL.sub("", SIGNER.sub("", line).strip(SPACES))
    m = _DOC_NUMBER.search(content)
    if m is None:
        return None
    leftover = (content[: m.start()] + content[m.end() :]).strip(SPACES)
    if len(leftover) > 2:
        return None  # a reference inside a sentence, not the document's own number
    # as printed, but without blanks around the year and the serial: a PDF's text layer or a
    # typist's spacing ("〔 2016〕第3号", "〔2021〕 59 号"); GB/T 9704 7.2.4 sets none there
    text = m["code"].strip(SPACES) + re.sub(r"\s", "", m.group(0)[len(m["code"]) :])
    digits = re.sub(r"\D", "", m["num"].translate(FULLWIDTH_DIGITS))
    return DocNumber(
        text=text,
        agency_code=m["code"],
        year=int(m["year"].translate(FULLWIDTH_DIGITS)),
        number=int(digits),
        brackets=m["lb"] + m["rb"],
    )


# A draft's 发文字号 with its serial left blank until issued ("某政发〔2024〕　号", 签发人
# beside it or not): it holds the number's place in the 版头 but gives no number.
_BLANK_NUMBER = re.compile(
    r"(?:[（(][\u4e00-\u9fff]{1,8}[）)])?[\u4e00-\u9fffA-Za-z]{1,20}?[ \u3000]*"
    r"[〔\[［﹝][ \u3000]*[12１２][0-9０-９]{3}[ \u3000]*[〕\]］﹞][ \u3000_＿×XＸ]*"
    r"(?:第[ \u3000_＿×XＸ]*)?号"
)


def blank_doc_number(line: str) -> bool:
    """Whether ``line`` is a draft's 发文字号 whose serial is not filled in yet."""
    content = _NUMBER_LABEL.sub("", SIGNER.sub("", line).strip(SPACES)).strip(SPACES)
    return _BLANK_NUMBER.fullmatch(content) is not None


# --- markings ---------------------------------------------------------------------------

SECRET_LINE = re.compile(
    r"(?P<level>绝\s*密|机\s*密|秘\s*密)\s*(?:[★☆＊*✩✭]\s*(?P<period>长期|启用前|考试结束前|"
    r"[0-9０-９一二三四五六七八九十]+\s*(?:年|个月|月)))?"
)
URGENCY = re.compile(r"^(特\s*急|加\s*急|特\s*提|平\s*急)$")
COPY_NUMBER = re.compile(r"^[0-9０-９]{1,6}$")
INTERNAL_MARK = re.compile(r"内部资料|内部文件|内部刊物|工作秘密|内部使用|注意保存|注意保管")
MARKING = re.compile(
    r"[（(]\s*此\s*件\s*(?P<what>公\s*开\s*发\s*布|主\s*动\s*公\s*开|依\s*申\s*请\s*公\s*开|"
    r"不\s*予?\s*公\s*开|删\s*减\s*后\s*公\s*开|部\s*分\s*公\s*开)\s*[）)]"
)
# The 版记 habit of many agencies: "公开方式：主动公开", "信息公开选项：依申请公开".
OPENNESS_LINE = re.compile(
    r"^[（(]?\s*(?:公\s*开\s*(?:方\s*式|属\s*性|类\s*型|选\s*项)|信\s*息\s*公\s*开\s*(?:选\s*项|属\s*性|方\s*式))"
    r"\s*[：:]\s*(?P<what>主\s*动\s*公\s*开|依\s*申\s*请\s*公\s*开|不\s*予?\s*公\s*开|删\s*减\s*后\s*公\s*开|部\s*分\s*公\s*开)"
    r"\s*[）)]?$"
)
# "附件", "附件2", "附 件 1：" alone on a line: an 附件 page starts (GB/T 9704 7.4: after
# the 成文日期 and 附注, on a new page, at its top left).
ATTACHMENT_LABEL = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?$")
# "（此页无正文）": printed above a 落款 that a page break left alone on its page (GB/T
# 9704 7.3.5.1's habit); it names nobody and is no part of the signature.
BLANK_PAGE_NOTE = re.compile(r"^[（(]\s*此\s*页\s*无\s*正\s*文\s*[）)]$")
# The receiving office's marks typed above a 版头 when it files the paper: a 收文登记
# box's rows (收文单位, 收文编号, 来文字号, 拟办意见 …) or a 收文 stamp ("收文　第356号").
# Its organ and its date are the receiver's and the day the paper came in.
RECEIPT_LINE = re.compile(
    r"^(?:收\s*文(?:\s*(?:单\s*位|编\s*号|日\s*期|时\s*间|登\s*记|号|第))?|来\s*文\s*(?:单\s*位|字\s*号|机\s*关)|"
    r"登\s*记\s*号|拟\s*办\s*意\s*见|批\s*办\s*意\s*见|领\s*导\s*批\s*示|办\s*理\s*时\s*限|承\s*办\s*单\s*位)"
)
MARKING_NORMAL = {
    "公开发布": "此件公开发布",
    "主动公开": "此件公开发布",
    "依申请公开": "此件依申请公开",
    "不公开": "此件不公开",
    "不予公开": "此件不公开",
    "删减后公开": "此件删减后公开",
    "部分公开": "此件删减后公开",
}

# --- document types ---------------------------------------------------------------------

# The kinds of document: pipeline.gongwen_kinds (re-exported here).

# What a roster of persons is titled (名单, 花名册, 发放明细, 台账 …): its heading ends in
# one of these words (a trailing （第一批） aside). 关于建立工作台账的通知 ends in 通知: a
# policy text, not a roster. Offices list private persons under such titles with no role
# word before any name (issue 19); 公示 is read apart (公示 of officials is published).
ROSTER_TITLE = re.compile(
    r"(?:名单|名册|花名册|清册|台账|明细|明细表|发放表|登记表|汇总表|一览表|"
    r"花名表|人员表|信息表|签到表|签字表|领取表)(?:[（(][^（）()\n]{1,20}[）)])?[ \u3000]*$"
)


# --- organ names ---------------------------------------------------------------------
# What the name of an organ or organisation ends with, for four questions the readers ask:
# is this line an issuer (ORGAN_SUFFIX, anchored at the end); is a contact person's unit a
# government one (GOV_UNIT: its hotline and 联系人 are official, 第二十条); is the
# organisation named in a sentence anything but a person (ORGANISATION); is an address an
# office's rather than a home (OFFICE_ADDRESS). Each list is exactly what its question needs.


def _any_of(words: str) -> str:
    return "(" + "|".join(words.split()) + ")"


GOV_UNIT = re.compile(
    _any_of(
        "人民政府 政府 办公室 办公厅 委员会 管委会 街道办事处 办事处 指挥部 局 厅 署 科 股 处 "
        "中心 大队 支队 中队 派出所 分局 检察院 法院 纪委 监委 组织部 宣传部"
    )
)
ORGANISATION = re.compile(
    _any_of(
        "人民政府 政府 办公室 委员会 局 厅 署 科 股 中心 大队 支队 派出所 分局 学校 中学 小学 "
        "大学 医院 有限公司 股份公司 公司 集团 银行 协会 事务所 研究院 研究所 馆 街道办事处"
    )
)
OFFICE_ADDRESS = re.compile(
    _any_of("人民政府 局 办公室 委员会 管委会 服务中心 服务大厅 有限公司 信访")
)
# A whole name that is an office, not a place (大塘镇民政办, 城关派出所, 区信访局): it ends in
# what an organ is and holds no door number (…民政所宿舍3栋201室 is a home).
OFFICE_NAME = re.compile(
    r"^[^0-9０-９号栋室]*(?:办|局|委|所|站|中心|办公室|办事处|政府|公司|医院|法院|检察院|厅|科|股|队)$"
)

# --- agency-looking lines ---------------------------------------------------------------

ORGAN_SUFFIX = re.compile(
    r"(人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|局|厅|部|委|院|署|会|处|司|科|所|站|中心|"
    r"队|办事处|街道|公司|集团|学校|中学|小学|大学|学院|医院|法院|检察院|分局|支队|大队|中队|"
    r"党委|党组|工委|组织部|宣传部|统战部|政法委|纪委|监委|镇|乡|社区|村委会|居委会|联合会|协会|"
    r"银行|分行|支行|馆|台|社|团|校|园|总站|基地|研究所|研究院|事务所|指挥部|考察组|工作组|调查组|督查组|检查组)"
    r"(?:[（(][^（）()]{0,12}章[）)])?$"
)
_SEAL = re.compile(r"[（(][^（）()]{0,12}章[）)]$")  # （盖章）, （政府信息公开专用章）


def clean_line(line: str) -> str:
    return line.strip(SPACES)


def compact(line: str) -> str:
    return re.sub(f"[{SPACES}]", "", line)


def looks_like_agency(line: str) -> bool:
    """A short line that names an organ (…局, …人民政府, …有限公司), not a sentence."""
    s = clean_line(line)
    if re.search(r"[，。；！？：:]", s) or s.startswith("—") or parse_date(s) is not None:
        return False
    if re.search(r"[12１２][0-9０-９]{3}\s*年|第[0-9０-９一二三四五六七八九十]{1,3}[次届期]", s):
        return False  # "…2024年8月行政处", "…第10次常务会" is a title cut, no organ's name
    return 2 <= len(compact(s)) <= 40 and bool(ORGAN_SUFFIX.search(compact(s))) and "关于" not in s


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


def is_indented(line: str) -> bool:
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


def is_signature_line(line: str) -> bool:
    """A 发文机关署名 line: short, no sentence punctuation, no label; flush left or
    right-aligned with spaces, or indented like a paragraph if it names an organ."""
    s = clean_line(line)
    if not s or _CLOSING_PHRASE.match(s):
        return False
    if len(compact(s)) > 40:
        # joint issuers side by side (a two- or three-column 落款), each a short name
        parts = split_agencies(s)
        return len(parts) > 1 and all(len(p) <= 40 and looks_like_agency(p) for p in parts)
    if is_indented(line) and not looks_like_agency(s):
        return False
    if s.endswith(_SENTENCE_END) or "：" in s or ":" in s:
        return False
    if parse_date(s) is not None or MARKING.search(s):
        return False
    return not re.search(r"[。，；！？]", s)


_POSITION = re.compile(
    r"(主席|副主席|总理|副总理|部长|副部长|局长|副局长|行长|副行长|主任|副主任|省长|副省长|市长|副市长|"
    r"县长|副县长|区长|副区长|镇长|乡长|厅长|署长|书记|副书记|委员长|院长|检察长|队长|所长|处长|科长)$"
)


def is_person_signature(parts: list[str]) -> bool:
    """ "总理　李强", "行 长 易纲": a signatory's office and name, not an organ."""
    joined = compact("".join(parts))
    return any(_POSITION.search(compact(p)) for p in parts) or bool(
        re.fullmatch(r"(.{1,4}长|主席|总理|主任|书记)[\u4e00-\u9fff]{2,4}", joined)
        and not ORGAN_SUFFIX.search(joined)
    )


def split_agencies(line: str) -> list[str]:
    parts = [
        p for p in re.split(r"[ \t\u3000\u00a0]{2,}|[、]", clean_line(line)) if p.strip(SPACES)
    ]
    names = (clean_line(_SEAL.sub("", clean_line(p))) for p in parts)
    return [n for n in names if n]  # a seal caption alone ("（印章）") names nobody


def is_date_line(line: str) -> bool:
    """A line holding only a full date (成文日期 as printed under the signature)."""
    s = clean_line(line)
    found = parse_date(s)
    return found is not None and not (s[: found[1]] + s[found[2] :]).strip(SPACES + "（）()")

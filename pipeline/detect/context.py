"""Who a contact detail belongs to: a private person, or the agency / an organisation.

条例 第二十条 requires agencies to publish their contact numbers and the names of their
负责人; a 12345 hotline or the 联系人 of an issuing office must stay in a published
notice, while a 申请人's mobile must go. The role is read from the sentence around the
value: cue words, an agency unit before 联系人, and whether the line lists a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.detect.line_cells import cell_at, cell_bounds, line_bounds, lines_above
from pipeline.detect.post_cells import officer_line, post_in_row
from pipeline.gongwen import GOV_UNIT, ORGANISATION
from pipeline.lexicons import load_terms

# Numbers published for the public: always official.
OFFICIAL_PHONE_CUES = (
    "监督电话",
    "咨询电话",
    "举报电话",
    "投诉电话",
    "值班电话",
    "服务电话",
    "办公电话",
    "服务热线",
    "咨询热线",
    "举报热线",
    "热线",
    "传真",
    "总机",
    "受理电话",
    "报名电话",
    "监督举报",
    "纪检监察电话",
    "政务服务",
    "市民服务",
    # a lawyer a 法律援助中心 assigns or puts on duty: the firm's or the station's number
    "承办律师",
    "值班律师",
)
# The value belongs to a private person.
PRIVATE_CUES = (
    "家住",
    "住址",
    "家庭住址",
    "现住",
    "户籍地",
    "送达地址",
    "申请人",
    "当事人",
    "被处罚人",
    "车主",
    "户主",
    "本人",
    "手机",
    "个人",
    "投诉人",
    "举报人",
    "信访人",
    "受助",
    "患者",
    "家属",
    "监护人",
    "被征收人",
    "法定代表人",
    "家庭电话",
    "住宅电话",
    "来访人",
    "来电人",
    "居住地",
    "送达地点",
)
# What a clerk writes about a private person before a number (sex, ethnicity, birth, home,
# a door-level address): with no unit named, a landline after it is the person's own.
PERSONAL_DETAIL = re.compile(
    r"[，,、\s（(][男女][，,、\s）)]|[\u4e00-\u9fff]族[，,、]|\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:出)?生"
    r"|住(?:址|所)?[：:]?[\u4e00-\u9fff]{2}|(?:路|街|巷|弄|村|组|小区)\d+号|\d+(?:室|栋|幢|单元)"
    r"|房东|业主|租户|住户|收件人|本人"
)
# GB/T 9704 附注 under the date: "（联系人：王东，联系电话：0751-8888123）" names the issuing
# office's contact, whose number 第二十条 wants published.
ATTACHED_NOTE_CONTACT = re.compile(r"\s*[（(]\s*联系人[：:]")
# A line of its own opening with 联系人 (not 项目联系人, 建设单位联系人): the issuing office's
# contact, whose number it publishes even when it is a mobile.
OFFICE_CONTACT_LINE = re.compile(r"[ \u3000]*联系人[：:]")
# The office's own staff closing a reply with a landline: 承办人：王东，联系电话：0731-…
# The staff who file a grassroots paper sign its foot the same way (报送人：, 登记人：,
# 调查人：, 记录人：, 制表人：), beside the office's landline.
OFFICE_STAFF_LINE = re.compile(
    r"[ \u3000]*(?:承办人|经办人|联系人|报送人|登记人|调查人|记录人|制表人)[：:][^\n，,（(]{2,8}[，,\s]"
)
# Where a sentence starts when a PDF's wrap broke it: a full stop, a semicolon, or a line
# that opens a paragraph (indented or after a blank line); a bare wrap does not end it.
SENTENCE_START = re.compile(r"[。；;]|\n(?=[ \u3000]{2}|\n)")
# "街道社会事务办：0891-6863205", "区残联：…": a unit named right before the number.
UNIT_BEFORE = re.compile(
    r"([\u4e00-\u9fff]{1,12}(?:办|局|委|所|站|中心|残联|妇联|工会|科|处|室|队|院|馆|社区|村委会|居委会))"
    r"[（(]?[\u4e00-\u9fff]{0,4}[）)]?[：:]\s*$"
)
_ID_IN_LINE = re.compile(
    r"(?<![0-9])[0-9]{6}(?:19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx](?![0-9])"
    r"|(?<![0-9])[0-9]{6}[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}(?![0-9])"
)


def sentence_before(text: str, start: int, limit: int = 80) -> str:
    """The text from the start of the sentence (or line) up to ``start``."""
    window = text[max(0, start - limit) : start]
    cut = max(window.rfind("\n"), window.rfind("。"), window.rfind("；"))
    sentence = window[cut + 1 :]
    above = window[:cut].rstrip("\n")
    if cut >= 0 and window[cut] == "\n" and len(sentence.strip(" \u3000*")) <= 12:
        if above.endswith(("。", "；", ";")):
            return sentence  # a list's last item closed its sentence: the notice's foot
        # "联系电话：…" on a line of its own: the unit is named on the line above.
        sentence = above[above.rfind("\n") + 1 :] + "\n" + sentence
    return sentence


LINE_REACH = 1000  # characters either side of a value that count as "its line"


def line_of(text: str, start: int, end: int, reach: int = LINE_REACH) -> str:
    """The line holding ``start``–``end``, clipped to ``reach`` characters either side:
    a value is looked up once per match, and a 100,000-character line taken whole for
    each of its matches made the scan quadratic in its length."""
    low, high = max(0, start - reach), min(len(text), end + reach)
    a = text.rfind("\n", low, start)
    b = text.find("\n", end, high)
    return text[a + 1 if a >= 0 else low : b if b >= 0 else high]


def first_cue(window: str, cues: tuple[str, ...]) -> str | None:
    best: tuple[int, str] | None = None
    for cue in cues:
        pos = window.rfind(cue)
        if pos >= 0 and (best is None or pos > best[0]):
            best = (pos, cue)
    return best[1] if best else None


# 联系人：王东；电话：0571-8765432 — the landline named after the contact's name, in the
# office's closing line of a 公示 whose rows hold IDs (the row above does not own it).
CONTACT_THEN_PHONE = re.compile(
    r"联系人\n?[：:][ \u3000\n]*[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}"  # 苏　磊 padded too
    r"[；;，,、 \u3000\n]*(?:联系)?电话[：:]?[ \u3000]*$"
)


def contact_role(text: str, start: int, end: int, *, landline: bool) -> tuple[str, str]:
    """(role, reason) for a phone number or similar contact detail."""
    before = sentence_before(text, start)
    after = text[end : end + 30].split("\n")[0]
    cue = first_cue(before, OFFICIAL_PHONE_CUES) or first_cue(after[:4], OFFICIAL_PHONE_CUES)
    if cue:
        return "official", f"前文有“{cue}”，属对外公布的机关电话"
    line = line_of(text, start, end)
    if (
        landline
        and OFFICE_STAFF_LINE.match(text, text.rfind("\n", 0, start) + 1)
        and not PERSONAL_DETAIL.search(after[:6])  # 联系人：张三 电话：0571-…（本人）
    ):
        return "official", "文末承办人、经办人或联系人的办公电话，按条例第二十条应公开"
    if (
        landline
        and CONTACT_THEN_PHONE.search(text[max(0, start - 30) : start])
        and not PERSONAL_DETAIL.search(after[:6])  # 联系人：张三 电话：0571-…（本人）
    ):
        return "official", "紧随联系人姓名的办公电话，是发文机关对外公布的联系方式（条例第二十条）"
    if _ID_IN_LINE.search(line):
        return "private", "与身份证号同在一行，属个人信息"
    private = first_cue(before, PRIVATE_CUES) or first_cue(
        before, load_terms("private_person_roles")
    )
    if private and _unit_after(before, private):
        private = None  # "当事人…可向本局法制科提出…联系电话：": the office named last
    if private:
        return "private", f"前文有“{private}”，属个人信息"
    previous = line_of(
        text, max(0, text.rfind("\n", 0, start) - 1), max(0, text.rfind("\n", 0, start) - 1)
    )
    if _ID_IN_LINE.search(previous):
        return "private", "上一行有身份证号，属同一人的个人信息"
    unit = UNIT_BEFORE.search(before)
    if unit:
        return "official", f"号码前为单位“{unit.group(1)}”，属机关或单位电话"
    if ATTACHED_NOTE_CONTACT.match(text, text.rfind("\n", 0, start) + 1):
        return "official", "附注中的联系人及电话，是发文机关对外公布的联系方式"
    if "联系人" in before:
        head = before[: before.rfind("联系人") + 3]
        if GOV_UNIT.search(head[-20:]) or GOV_UNIT.search(before[before.rfind("联系人") :]):
            return "official", "机关联系人的工作电话，按条例第二十条应公开"
    paren = re.match(r"\s*[（(]([^（）()]{2,30})[）)]", after)
    if paren and GOV_UNIT.search(paren.group(1)):
        return "official", f"号码后注明“{paren.group(1)}”，属机关电话"
    if landline and ORGANISATION.search(before):
        return "official", "单位的办公电话"
    seat = (
        first_cue(before, PUBLISHED_ADDRESS_CUES)
        or _unit_seat(before)
        or _unit_seat(wrapped_sentence(text, start).replace("\n", ""))
    )
    if seat:
        return "official", f"前文有“{seat}”，是单位或场所的联系方式"
    listed = _listed_organisation(text, start, line)
    if listed:
        return "official", f"“{listed}”名录中的机构或场所电话"
    header = column_header(text, start) if landline else None  # 业务  经办人  咨询电话
    if header and first_cue(header, OFFICIAL_PHONE_CUES):
        return "official", f"表格“{header}”栏，属对外公布的机关电话"
    detail = PERSONAL_DETAIL.search(before) or PERSONAL_DETAIL.search(after[:6])
    if detail:
        return "private", f"近旁有个人情况“{detail.group(0)}”，属个人信息"
    post = (post_in_row(line) or officer_line(line)) if landline else None
    if post:
        return "official", f"同行注明职务“{post}”，是在职人员的办公电话"
    if landline and len(cell_bounds(line)) >= 3 and not ORGANISATION.search(line):
        return "private", "名单行中的号码，行内无机关或单位，按个人号码处理"
    if landline:
        private = _private_in_wrapped_sentence(text, start)
        if private:
            return "private", f"同一句（跨行）前文有“{private}”，属个人信息"
        return "official", "带区号的固定电话，近旁未见个人信息，按机关或单位电话处理"
    if OFFICE_CONTACT_LINE.match(line):
        return "official", "文末“联系人”行，是发文机关对外公布的联系方式（条例第二十条）"
    return "private", "未见机关或单位标识，按个人号码处理"


# An address an organisation or a place publishes: a number after it is that place's.
PUBLISHED_ADDRESS_CUES = (
    "办公地址",
    "办公地点",
    "单位地址",
    "注册地址",
    "经营场所",
    "营业场所",
    "经营地址",
    "咨询地址",
    "咨询地点",
    "受理地点",
    "办理地点",
    "来信地址",
    "报名地点",
)
# Headers of a column naming an organisation or a place (not a person: 姓名).
LISTED_ORGANISATION = re.compile(r"名称|机构|网点|单位|药店|医院|门店|站点")


# An office's seat given in the sentence: 社区居委会，地址：…小区10栋1楼，电话：… — the
# number follows the office's address, not a resident's.
UNIT_SEAT = re.compile(r"(?:办事处|居委会|村委会|委员会|服务中心|服务站|所|局)[，,]?地址[：:]")


def _unit_seat(before: str) -> str | None:
    m = UNIT_SEAT.search(before)
    return m.group(0) if m else None


def _listed_organisation(text: str, start: int, line: str) -> str | None:
    """The header (机构名称, 网点名称 …) of a column of the number's table row that names
    organisations or places: a 定点药店 or 网点 list publishes their numbers."""
    if len(cell_bounds(line)) < 3:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    for a, _b in cell_bounds(text[line_start : line_start + len(line)]):
        header = column_header(text, line_start + a)
        if header and LISTED_ORGANISATION.search(header) and "姓名" not in header:
            return header
    return None


def wrapped_sentence(text: str, start: int, limit: int = 160) -> str:
    """The sentence before ``start`` read across bare line wraps, as the clause passes
    read it: a PDF's wrap (御景社区居\n委会，地址：…) ends no sentence, where
    :func:`sentence_before` stops at every line end."""
    window = text[max(0, start - limit) : start]
    starts = [m.end() for m in SENTENCE_START.finditer(window)]
    return window[starts[-1] if starts else 0 :]


def _private_in_wrapped_sentence(text: str, start: int) -> str | None:
    """A private cue in the sentence before ``start`` read across bare line wraps (户主…，
    打入户主本人账户（开户行：…），联系电话：0838-…), no office named after it."""
    sentence = wrapped_sentence(text, start)
    cue = first_cue(sentence, PRIVATE_CUES) or first_cue(
        sentence, load_terms("private_person_roles")
    )
    return None if cue is None or _unit_after(sentence, cue) else cue


# The bank branch of a person's account (打入户主本人账户（开户行：某县农商银行某镇支行）):
# an office it names is no office to turn to.
BANK_BRANCH = re.compile(r"开户(?:银)?行[：:]?[^，,。；;）)\n]*")


def _unit_after(before: str, cue: str) -> bool:
    """An office (本局法制科, 区民政局) named after the private cue's last occurrence, not
    inside a 开户行 note."""
    last = before.rfind(cue)
    before = BANK_BRANCH.sub(lambda m: "\u3000" * len(m.group(0)), before)
    return any(m.start() > last for m in GOV_UNIT.finditer(before))


@lru_cache(maxsize=4)
def _line_cells(text: str, line_start: int, line_end: int) -> list[tuple[int, int]]:
    """The cells of one line of ``text``, split once for every value looked up on it:
    recognizers ask for each of their matches, and splitting the whole line each time
    made a long line cost its length times its matches (100,000 characters: minutes)."""
    return cell_bounds(text[line_start:line_end])


def table_cells(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of every cell of the table-like lines of ``text`` (rows typed as
    cells separated by tabs or full-width spaces), split as ``column_header`` splits them."""
    pos = 0
    for line in text.split("\n"):
        if "\u3000" in line or "\t" in line:
            for a, b in cell_bounds(line):
                yield pos + a, line[a:b]
        pos += len(line) + 1


def column_header(text: str, start: int, max_rows: int = 40) -> str | None:
    """The header of the table column holding ``start``, for rows of a 公示名单 typed as
    lines of cells: "1　石堡村　张国华　4402…" under "序号　村别　户主姓名　身份证号码"."""
    line_start, line_end = line_bounds(text, start)
    cells = _line_cells(text, line_start, line_end)
    if len(cells) < 3:
        return None
    col = cell_at(cells, start - line_start)
    if col is None:
        return None
    for prev in lines_above(text, line_start, max_rows):
        prev_cells = cell_bounds(prev)
        if len(prev_cells) < 3:
            return None  # left the table without meeting its header
        values = [prev[a:b] for a, b in prev_cells]
        if any(ch.isdigit() for ch in "".join(values)):
            continue  # another data row
        # The header. A row may have more cells than its header when a free-text cell
        # holds a wide space ("寒亭区人民医院　临床医学岗B"); columns before it still align.
        return values[col] if col < len(values) else None
    return None

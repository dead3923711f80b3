"""Papers whose title is not where GB/T 9704 puts it, and titles read back from a scan.

- The 发文稿纸 (发文处理笺, 发文单, 办文单): the office's form a draft is signed on, filed with
  it and often scanned or saved in front of the 正文. Its fields (签发, 会签, 核稿, 拟稿单位,
  校对, 印制, 份数 …) are the office's process, not the paper; its 标题 (文件标题, 事由, 题目)
  and 文号 fields are the paper's title and number as they are to be printed. Two columns
  of a form interleave in a text layer: a wrapped 标题 value goes on on a later line with
  another field's line between. The form's lines are taken out; its title and number win.
- A title read back by OCR: look-alike glyphs no title holds (关干 for 关于, a hyphen between
  two Han characters for 一, a letter O inside a year) are put back.
- A 便函 or a 函 set informally: the addressee (主送) printed above the title, which GB/T
  9704 puts under it; the 便函 mark itself is the letter's form, not its title.
- A 表 (统计表, 花名册, 清单) titled above its table: the title's lines, under an optional
  附表N marker, then a 填报单位/单位 line or the table's rows.
- Page furniture a text layer keeps above the head: 第1页 共3页, 第 1 页（共 2 页）.
- A 决议 (or a rule) adopted at a meeting prints no 落款: its 成文日期 is the date of the
  bracketed line under its title (（2024年3月5日…会议通过）).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.gongwen import clean_line, compact, doc_type_of, parse_date, parse_doc_number

# fields only an office's drafting or handling form carries
_PROCESS = (
    "签发|会签|核稿|审核|拟稿单位|拟稿人|拟稿|校对|印制|打字|份数|缓急|承办单位|办理意见|领导批示"
)
_TITLE_LABEL = "标题|文件标题|事由|题目|文件名称"
_NUMBER_LABEL = "文号|发文字号|发文编号"
_OTHER = "主送|抄送|抄报|密级|公开属性|公开方式|电话|日期|附件"
_SPACE = "[ \u3000]{0,3}"  # a label letter-spaced in its cell (标　　题, 文　号)
_LABEL = re.compile(
    r"(?:^|(?<=[\s\u3000]))(?P<label>"
    + "|".join(
        _SPACE.join(word)
        for group in (_PROCESS, _TITLE_LABEL, _NUMBER_LABEL, _OTHER)
        for word in group.split("|")
    )
    + ")[：:]"
)
_FORM_NAME = re.compile(r"(?:发文稿纸|发文处理笺|发文处理单|发文单|办文单|公文处理单|稿纸)$")
_PROCESS_MIN = 2  # distinct process fields before a run of lines is a drafting form
_HEAD = 25  # non-blank lines from the top the form is looked for in


@dataclass
class Sheet:
    """What a drafting form says of the paper: its title and its number (or None)."""

    title: str | None = None
    number: str | None = None


def _fields(line: str) -> list[tuple[str, str]]:
    """The (label, value) fields of a form's line, labels letter-spaced or not."""
    s = clean_line(line).strip(" \u3000")
    found = list(_LABEL.finditer(s))
    if not found or found[0].start() != 0:
        return []
    ends = [m.start() for m in found[1:]] + [len(s)]
    return [
        (compact(m["label"]), s[m.end() : e].strip(" \u3000\t"))
        for m, e in zip(found, ends, strict=True)
    ]


def drafting_sheet(lines: list[str]) -> tuple[list[str], Sheet]:
    """``lines`` without a drafting form at the top, and what its fields say (an empty
    :class:`Sheet` when the top is no such form)."""
    idx = [i for i, ln in enumerate(lines) if ln.strip(" \u3000\t")][:_HEAD]
    rows = {i: _fields(lines[i]) for i in idx}
    process = {lab for f in rows.values() for lab, _ in f if re.fullmatch(_PROCESS, lab)}
    if len(process) < _PROCESS_MIN:
        return lines, Sheet()
    sheet = Sheet()
    used = {i for i in idx if rows[i]}
    used |= {i for i in idx[:2] if _FORM_NAME.search(compact(clean_line(lines[i])))}
    title_at = next(
        (i for i in idx if any(re.fullmatch(_TITLE_LABEL, a) for a, _ in rows[i])), None
    )
    for i in idx:
        for label, value in rows[i]:
            if re.fullmatch(_NUMBER_LABEL, label) and (n := parse_doc_number(value)) is not None:
                sheet.number = sheet.number or n.text
    if title_at is not None:
        title = next(v for a, v in rows[title_at] if re.fullmatch(_TITLE_LABEL, a))
        for i in (j for j in idx if j > title_at):
            s = compact(clean_line(lines[i]))
            if rows[i]:
                if complete_title(title):
                    break
                continue  # the other column's field between the title's lines
            if complete_title(title) or len(s) > 30 or not s:
                break
            title += s  # the 标题 value wrapped in its cell
            used.add(i)
        sheet.title = compact(title) or None
    return [ln for i, ln in enumerate(lines) if i not in used], sheet  # taken out


def complete_title(title: str) -> bool:
    """Whether a title names its type and closes what it opened (关于印发《…办法》 goes on)."""
    opened = title.count("《") + title.count("（") - title.count("》") - title.count("）")
    return doc_type_of(title) is not None and opened <= 0 and not title.endswith("》")


# look-alikes OCR reads into a title: 关干 is no word; a hyphen never stands between two
# Han characters in a title (-公开 for 一公开); a letter O inside a year's digits
_OCR = (
    (re.compile(r"关干"), "关于"),
    (re.compile(r"(?<=[\u4e00-\u9fff“《、，])[-－‐](?=[\u4e00-\u9fff])"), "一"),
    (re.compile(r"(?<=[12][0-9O])O|O(?=[0-9]{1,2}年)|(?<=[12])O(?=[0-9])"), "0"),
)


def ocr_title(title: str | None) -> str | None:
    """``title`` with the look-alikes OCR reads into a title put back."""
    if title is None:
        return None
    for pattern, right in _OCR:
        title = pattern.sub(right, title)
    return title


_ADOPTED = re.compile(
    r"^[（(](?P<when>[^（）()]{6,24}?日)[^（）()]*(?:会议|大会)[^（）()]*(?:通过|批准)[）)]$"
)


def adopted_date(lines: list[str], idx: list[int]) -> date | None:
    """The date of the bracketed 通过 line in the first lines (a 决议 or a rule adopted at
    a meeting: it prints no 落款), or None."""
    for i in idx[:12]:
        m = _ADOPTED.match(compact(clean_line(lines[i])))
        if m and (found := parse_date(m["when"])) is not None:
            return found[0]
    return None


_FOLIO = re.compile(r"^第\d{1,3}页[，,]?[（(]?共\d{1,3}页[）)]?$")


def drop_folios(lines: list[str]) -> list[str]:
    """``lines`` without the 第N页 共M页 lines a PDF's text layer keeps (a page's foot or
    head, the first page's often read first)."""
    return [ln for ln in lines if not _FOLIO.match(compact(clean_line(ln)))]


_LETTER_MARK = re.compile(r"^[（(【\[]?便函[）)】\]]?$")
_ADDRESSEE = re.compile(r"^(?:主送[：:].+|[^，。；]{2,40}[：:])$")
_TITLE_OPEN = re.compile(r"^(?:[\u4e00-\u9fff]{2,30}?)?关于")


def letter_mark(title: str | None) -> bool:
    """Whether ``title`` is only a letter's form mark (便函, （便函）)."""
    return title is not None and bool(_LETTER_MARK.match(compact(title)))


def title_after_addressee(lines: list[str], idx: list[int]) -> str | None:
    """The title of a letter whose addressee (主送) is printed above it: in the first lines,
    an addressee line, then up to three short lines that open with (…)关于 and join into a
    title naming its type."""
    head = idx[:10]
    for pos, i in enumerate(head):
        if not _ADDRESSEE.match(compact(clean_line(lines[i]))):
            continue
        title = ""
        for j in head[pos + 1 : pos + 4]:
            s = compact(clean_line(lines[j]))
            if not s or len(s) > 30 or s.endswith(("。", "：")):
                break
            title += s
            if complete_title(title):
                return title if _TITLE_OPEN.match(title) else None
        return None
    return None


_TABLE_END = re.compile(r"(?:表|花名册|名册|清单|台账|一览表)$")
_TABLE_MARK = re.compile(r"^(?:附表|表|附件)\s*[0-9０-９一二三四五六七八九十]{0,3}[：:]?$")
_TABLE_LEAD = re.compile(r"^(?:填报|编制|制表|报送|统计)?(?:单位|时间|日期)(?:（盖章）)?[：:]")


def table_title(lines: list[str], idx: list[int]) -> str | None:
    """The title set above a table: one to three lines (after an optional 附表N marker)
    ending as a table is named, then a 填报单位/单位： line or a row of tab-set cells."""
    head = [i for i in idx[:6] if not _TABLE_MARK.match(compact(clean_line(lines[i])))]
    for count in (1, 2, 3):
        if len(head) <= count:
            return None
        title = "".join(compact(clean_line(lines[i])) for i in head[:count])
        after = lines[head[count]]
        under = _TABLE_LEAD.match(compact(clean_line(after))) or "\t" in after.strip()
        if _TABLE_END.search(title) and under and len(title) <= 60:
            return title
    return None

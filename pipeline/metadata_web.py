"""What a government website prints around an item or a paper, as a clerk's file keeps it
when the page is saved or copied: none of it is the document's own element.

- page chrome: the breadcrumb (当前位置：首页 > 新闻中心 > 工作动态), the column's name above
  the item (工作动态, 政策解读, 通知公告: the first line left, unless an issue number
  under it makes it a 简报's name), and the tool lines (【字体：大 中 小】, 打印本页, 关闭窗口, 分享到);
- the 公开目录 table of a 政府信息公开 page (索引号, 主题分类, 发布机构, 成文日期, 发文字号,
  名称, 有效性, 发布日期 …): label and value a colon, a tab or a line apart, two cells a row.
  The table is the catalogue's record of the paper, not the paper: its 名称 may add the
  organ or the number to the printed title, its 发布日期 is the site's. Its 发文字号,
  成文日期, 发布机构 and 名称 are the paper's only when the paper itself prints none.

The furniture's lines are taken out, not emptied: the head readers count the head's lines
from the top (a number's wrap, a run-on title: the first twelve), and a page's table of
a dozen lines would push the paper's head out of their reach.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.gongwen import (
    clean_line,
    compact,
    doc_type_of,
    looks_like_agency,
    parse_date,
    parse_doc_number,
)
from pipeline.metadata_forms import complete_title
from pipeline.metadata_model import Metadata

# 当前位置：首页 > …, 首页 >> …, 您现在的位置: 首页 › …
_CRUMB = re.compile(r"^(?:(?:您的|您现在的|您当前的|当前)?位置\s*[：:]|首\s*页\s*(?:>|＞|›|»|→|/))")
# a tool line: only tool words (字体 大中小, 打印, 关闭, 分享, 收藏, 返回顶部 …), brackets, gaps
_TOOL_WORD = re.compile(
    r"字体\s*[：:]?\s*[【\[]?大\s*[】\]]?\s*[【\[]?中\s*[】\]]?\s*[【\[]?小[】\]]?|字号\s*[：:]?\s*[大中小\s]*"
    r"|打印本页|打印此页|打印|关闭本页|关闭窗口|关闭|我要分享|分享到\s*[：:]?(?:\s*(?:微信|微博|QQ空间|QQ))*"
    r"|收藏|返回顶部|返回|扫一扫在手机打开当前页|保存本页|视力保护色|[【】\[\]|｜\s\u3000]"
)
# a site's column, alone on a line above the item (工作信息, 领导活动, 媒体关注 name the
# column as often as 动态 does: a wrapped headline under them was read with them)
_COLUMN = re.compile(
    r"^(?:[^的之和与及][\u4e00-\u9fff]{0,3})?(?:(?:动态|要闻|新闻|解读|回应|图解政策|政策解读|通知公告|公示公告|"
    r"征求意见|意见征集|信息公开|政务公开|公开目录|信息|活动|关注|快讯|资讯|聚焦|播报))$"
)
# (a 简报's issue counted in its year as often as alone: 2024年第5期, （2024年第5期）)
_ISSUE = re.compile(
    r"^[（(]?(?:(?:19|20)[0-9]{2}年|[〇○零一二三四五六七八九]{4}年)?第[0-9０-９一二三四五六七八九十〇]+期"
    r"|^[（(]?总第"
)

# the 公开目录 table's labels
_LABELS = (
    "索引号|主题分类|体裁分类|组配分类|服务对象分类|分类|发布机构|发文机关|制发机关|成文日期|"
    "发文日期|发文字号|文号|名称|标题|有效性|发布日期|生成日期|公开方式|公开范围|主题词|关键词"
)
_LABEL_ALONE = re.compile(rf"^(?:{_LABELS})\s*[：:]?$")
# a label may be letter-spaced in its cell (索 引 号, 标　　题): its characters a blank apart
_SPACED_LABELS = "|".join("[ \u3000]{0,3}".join(label) for label in _LABELS.split("|"))
_CELL = re.compile(
    rf"(?:^|(?<=[\s\u3000|｜]))(?P<label>{_SPACED_LABELS})\s*(?:[：:]|\t|\s{{1,}})\s*"
)
_GLUED_LABEL = re.compile(rf"(?<=.)(?P<label>{_LABELS})$")
_TABLE_MIN = 3  # distinct labels before a run of lines is the catalogue's table
_HEAD = 30  # non-blank lines from the top the page's furniture is looked for in


def tool_line(line: str) -> bool:
    """Whether ``line`` holds only a page's tools (【字体：大 中 小】, 打印本页, 分享到…)."""
    s = clean_line(line)
    return bool(s) and not _TOOL_WORD.sub("", s) and bool(re.search(r"[\u4e00-\u9fff]", s))


def crumb_line(line: str) -> bool:
    """Whether ``line`` is a breadcrumb (当前位置：首页 > …)."""
    return bool(_CRUMB.match(compact(clean_line(line))))


def _cells(line: str) -> list[tuple[str, str]]:
    """The (label, value) cells of a table row: labels at the line's start or after a gap."""
    s = clean_line(line).strip()
    found = list(_CELL.finditer(s))
    if not found or found[0].start() != 0:
        return []
    ends = [m.start() for m in found[1:]] + [len(s)]
    return [
        (compact(m["label"]), s[m.end() : end].strip(" \t\u3000|｜"))
        for m, end in zip(found, ends, strict=True)
    ]


def catalogue_table(lines: list[str]) -> tuple[dict[str, str], set[int]]:
    """The 公开目录 table near the top: its values by label and the lines it fills (a
    label alone on its line takes the next line as its value). Empty when fewer than
    :data:`_TABLE_MIN` labels are found: a lone 标题： or 文号： line is no table.
    A PDF wraps a row at its width: a row's last value left empty or a number cut
    before its 〔year〕 goes on on the next line, and a label glued to the end of the
    value above it (…的通知有效性 / 有效) takes the next line."""
    idx = [i for i, ln in enumerate(lines) if ln.strip()][:_HEAD]
    values: dict[str, str] = {}
    used: set[int] = set()
    last: str | None = None  # the label of the last cell read, while it may go on
    pos = 0
    while pos < len(idx):
        i = idx[pos]
        s = compact(clean_line(lines[i]))
        label = s.rstrip("：:") if _LABEL_ALONE.match(s) else None
        glued = _GLUED_LABEL.search(s) if used and label is None and not _cells(lines[i]) else None
        if glued and last is not None and pos + 1 < len(idx):
            values[last] += s[: glued.start()]  # "…的通知有效性": the value, then a label
            used.add(i)
            label, s = glued["label"], glued["label"]
        if label is not None and pos + 1 < len(idx):
            value = clean_line(lines[idx[pos + 1]]).strip()
            if _GLUED_LABEL.search(compact(value)) and pos + 2 < len(idx):
                values.setdefault(label, "")  # its value glued to the next label: read next
                used.add(i)
                last, pos = label, pos + 1
                continue
            if _paper_title(value, label):
                values.setdefault(label, "")  # an empty last cell: the title is the paper's
                used.add(i)
                last, pos = label, pos + 1
                continue
            if not _LABEL_ALONE.match(compact(value)):
                values.setdefault(label, value)
                used |= {i, idx[pos + 1]}
                last, pos = label, pos + 2
                continue
        cells = _cells(lines[i])
        if cells:
            for name, value in cells:
                values.setdefault(name, value)
            used.add(i)
            last = cells[-1][0]
        elif used and last is not None and _goes_on(values[last], s, last):
            values[last] += s
            used.add(i)
            last = None
        elif used and (named := _title_goes_on(values, s)) is not None:
            values[named] += s  # the 名称 wrapped, the other column's row between
            used.add(i)
        elif used:
            break  # the table's run has ended
        pos += 1
    if len(values) < _TABLE_MIN:
        return {}, set()
    return values, used


def _goes_on(value: str, line: str, label: str) -> bool:
    """Whether ``line`` is the rest of a cell's value a PDF wrapped: the value empty (成文
    日期： / 2024年1月24日), or a number cut before its year (邗住建规 / 〔2024〕79号)."""
    if not value:
        return 0 < len(line) <= 40 and not _cells(line) and not _paper_title(line, label)
    return label in ("发文字号", "文号") and bool(re.match(r"^[〔\[（(]\s*(?:19|20)\d\d", line))


def _title_goes_on(values: dict[str, str], line: str) -> str | None:
    """The label of a 名称/标题 cell whose value ``line`` ends: the value names no type yet
    (…安全生产工作 / 的通知) and the short line completes it. Two columns of the table
    interleave in a text layer: the wrapped value's end may come a row later."""
    for label in ("名称", "标题"):
        value = values.get(label)
        if (
            value
            and not complete_title(value)
            and 0 < len(line) <= 30
            and not _cells(line)
            and complete_title(value + line)
        ):
            return label
    return None


def _paper_title(line: str, label: str) -> bool:
    """Whether ``line`` under an empty cell is the paper's own title (关于…的通知), not the
    cell's value: a table's last cell is often left empty (主题词：, 有效性：), and only the
    名称/标题 cell holds a title. (A 体裁分类 cell's value is a kind's bare name, 通知.)"""
    if label in ("名称", "标题") or "分类" in label or len(compact(line)) <= 8:
        return False
    return doc_type_of(line) is not None


def page_furniture(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """``lines`` without the page's chrome and its 公开目录 table, and the table's values
    by label (empty when there is none)."""
    out = list(lines)
    values, used = catalogue_table(lines)
    for i in used:
        out[i] = ""
    idx = [i for i, ln in enumerate(out) if ln.strip()][:_HEAD]
    page = [i for i in idx if crumb_line(out[i]) or tool_line(out[i])]
    for i in page:
        out[i] = ""
    rest = [i for i in idx if out[i].strip()]
    if rest and _COLUMN.match(compact(clean_line(out[rest[0]]))):
        following = compact(clean_line(out[rest[1]])) if len(rest) > 1 else ""
        if not _ISSUE.match(following):  # 工作动态 / 第3期: a 简报's name, not a column
            out[rest[0]] = ""
    gone = set(used) | set(page) | {i for i in idx if lines[i].strip() and not out[i]}
    return [line for i, line in enumerate(out) if i not in gone], values


def fill_from_table(meta: Metadata, values: dict[str, str]) -> None:
    """The fields the paper itself does not print, from its 公开目录 table: the 发文字号
    (发文字号/文号), the 成文日期, the organ (发布机构/发文机关) and the title (名称/标题).
    A field the paper prints is never replaced: the table is the catalogue's copy."""
    number = next((values[k] for k in ("发文字号", "文号") if values.get(k)), None)
    if meta.doc_number is None and number and (parsed := parse_doc_number(number)) is not None:
        meta.doc_number, meta.doc_number_parts = parsed.text, parsed.to_dict()
    written = values.get("成文日期") or values.get("发文日期")
    if meta.date is None and written:
        day = _iso_day(written)
        if day is not None:
            meta.date, meta.date_source = day, "公开目录"
    organ = values.get("发布机构") or values.get("发文机关") or values.get("制发机关")
    if meta.issuer is None and organ and looks_like_agency(organ):
        meta.issuer = organ
    name = values.get("名称") or values.get("标题")
    if meta.title is None and name:
        meta.title = name
        meta.doc_type = doc_type_of(name)


def _iso_day(text: str) -> str | None:
    """A table's date (2025-01-17, 2025年1月17日) as ISO, or None."""
    m = re.fullmatch(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})", compact(text))
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    found = parse_date(text)
    return found[0].isoformat() if found else None

"""Undo what PDF layout does to a 公文's signature zone before its metadata are read.

A PDF's 落款 is printed right-aligned in a narrow column beside the seal, and text
extraction hands it back in pieces: the issuer's name wrapped over two or three lines
("深圳市光明区" / "住房和建设" / "局"), indented or not; the date cut after 年 and after 月
("2024年" / "11月" / "8日"); the seal's caption on its own line or beside the date
("（盖章）", "2024年11月8日（章）"); a letter-spaced name ("深 圳 市 … 局"); page numbers
("— 3 —", "第2页 共3页") between the name and the date; a date printed as 2024.11.8.
:func:`tidy_signature_zone` puts these back into one line each, so the GB/T 9704 reading
(:mod:`pipeline.metadata`) sees the 发文机关署名 above the 成文日期 as a typed draft has it.

Only the last 40 % of the lines, or the last ten (the signature zone), are touched, except page numbers,
which are dropped anywhere; the line count may shrink, never the text of a body line.
"""

from __future__ import annotations

import re

from pipeline.gongwen import (
    BLANK_PAGE_NOTE,
    MARKING,
    ORGAN_SUFFIX,
    SPACES,
    clean_line,
    compact,
    doc_type_of,
    is_indented,
    looks_like_agency,
    parse_date,
    split_agencies,
)
from pipeline.metadata_head import marks_beside_number

PAGE_NUMBER = re.compile(
    r"^(?:[—－\-–]\s*[0-9０-９]{1,3}\s*[—－\-–]|第\s*[0-9０-９]{1,3}\s*页(?:\s*[，,/]?\s*共\s*"
    r"[0-9０-９]{1,3}\s*页)?|[0-9０-９]{1,3}\s*/\s*[0-9０-９]{1,3})$"
)
# A page number a PDF reader ran on to the line above it ("某某局—　2　—").
RUN_ON_PAGE_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff）)])[ \u3000]*(?:[—－–][ \u3000]*[0-9０-９]{1,3}[ \u3000]*[—－–]|"
    r"-[ \u3000]+[0-9]{1,3}[ \u3000]+-|第[ \u3000]*[0-9０-９]{1,3}[ \u3000]*页"
    r"(?:[ \u3000]*[，,/]?[ \u3000]*共[ \u3000]*[0-9０-９]{1,3}[ \u3000]*页)?)$"
)
SEAL = re.compile(r"[（(]\s*(?:盖\s*章|公\s*章|印\s*章|章|印)\s*[）)]")
SEAL_TEXT = re.compile(r"[★☆●◆※]+|[\u4e00-\u9fff]{0,20}(?:专用章|公章|印章)")
SPACED = re.compile(r"^(?:[\u4e00-\u9fff（）()][ \u3000]{1,3}){3,}[\u4e00-\u9fff（）()]$")
NUMERIC_DATE = re.compile(
    r"^(?P<y>[12][0-9]{3})\s*[.．\-/]\s*(?P<m>[0-9]{1,2})\s*[.．\-/]\s*(?P<d>[0-9]{1,2})$"
)
# A date cut anywhere, even inside a number ("二〇二四年十一月二十" / "日").
DATE_FRAGMENT = re.compile(r"^[0-9０-９〇○零一二三四五六七八九十年月日]{1,11}$")
NAME_PIECE = re.compile(r"^(?![^（(]*[）)])[\u4e00-\u9fff（）()]{1,40}$")  # no bracket closed first
TAIL_SHARE = 0.6
TAIL_LINES = 10  # a short document's signature zone is its last lines


def tidy_signature_zone(lines: list[str]) -> list[str]:
    """The lines with the signature zone's PDF artefacts undone (see the module doc)."""
    lines = [
        RUN_ON_PAGE_NUMBER.sub("", line)
        for line in lines
        if not PAGE_NUMBER.match(clean_line(line))
    ]
    start = max(0, min(int(len(lines) * TAIL_SHARE), len(lines) - TAIL_LINES))
    # never above the first paragraph of the body: a short draft's head is no 落款
    body = next((i for i, line in enumerate(lines) if is_indented(line)), 0)
    start = max(start, body)
    tidied = [_tidy_line(part) for line in lines[start:] for part in _marking_apart(line)]
    tail = [line for line in tidied if line is not None]
    return lines[:start] + _join_dates(_join_names(_join_columns(_join_beside(tail))))


def _marking_apart(line: str) -> list[str]:
    """A 附注 a PDF reader ran on to the line above it ("2024年2月9日（此件公开发布）"):
    the line and the marking, apart."""
    s = clean_line(line)
    m = MARKING.search(s)
    if m is None or m.end() != len(s) or m.start() == 0:
        return [line]
    return [_indent(line) + clean_line(s[: m.start()]), m.group(0)]


def not_signed(line: str) -> bool:
    """A line in a 落款 that signs nothing: a seal's star or text read as a line (★,
    政府信息公开专用章), or （此页无正文）."""
    s = clean_line(line)
    return bool(SEAL_TEXT.fullmatch(compact(s)) or BLANK_PAGE_NOTE.match(s))


def _tidy_line(line: str) -> str | None:
    """One line of the zone: seal captions off a name or a date (None when nothing else
    is left), letter-spacing out of a name, a numeric date written with 年月日."""
    s = clean_line(line)
    indent = _indent(line)
    if not_signed(s):
        return None
    if SEAL.search(s):
        rest = clean_line(SEAL.sub("", s))
        if not rest:
            return None
        if _is_date(rest) or looks_like_agency(rest):
            return indent + rest
    if SPACED.match(s):
        joined = compact(s)
        if ORGAN_SUFFIX.search(joined[-4:]) and looks_like_agency(joined):
            return indent + joined
    m = NUMERIC_DATE.match(s)
    if m:
        return f"{indent}{m['y']}年{int(m['m'])}月{int(m['d'])}日"
    return line


def _is_date(s: str) -> bool:
    found = parse_date(s)
    return found is not None and found[1] == 0 and found[2] == len(s)


_PLACE_FIRST = re.compile(r"^(?:中共|国家|[\u4e00-\u9fff]{2,4}[省市县区])")
_BESIDE = re.compile(r"^(?P<name>[\u4e00-\u9fff（）()]{1,12})[ \u3000]+(?P<date>\S+)$")


def _join_beside(lines: list[str]) -> list[str]:
    """The organ and the date on one line set right ("…某某局　　二〇二四年十一月十五日"),
    wrapped by a PDF inside the name ("…应急管" / "理局　　2024年3月5日") or inside the
    date ("…应急管理局　　二〇二四年十一月十" / "五日"): the two lines joined when the
    wrap's pieces are bare and together they make the name and a whole date."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        s = clean_line(lines[i])
        n = clean_line(lines[i + 1]) if i + 1 < len(lines) else ""
        joined = s + n
        found = parse_date(joined) if s and n and parse_date(s) is None else None
        whole = found is not None and found[2] == len(joined) and found[1] < len(s)
        beside = _BESIDE.match(n)
        if whole and DATE_FRAGMENT.match(n) and looks_like_agency(joined[: found[1]]):  # type: ignore[index]
            out.append(lines[i].rstrip() + n)  # the date cut: "…十" / "五日"
            i += 2
            continue
        if (
            NAME_PIECE.match(s)
            and beside
            and _is_date(beside["date"])
            and looks_like_agency(s + beside["name"])
            and not (looks_like_agency(s) and _PLACE_FIRST.match(beside["name"]))  # two organs
        ):
            out.append(lines[i].rstrip() + n)  # the name cut: "…应急管" / "理局　　2024年…"
            i += 2
            continue
        if beside and _is_date(beside["date"]) and _second_name_cut(s, beside["name"]):
            out.append(lines[i].rstrip() + n)  # "甲局　　　　乙区人" / "民政府　　2024年…"
            i += 2
            continue
        out.append(lines[i])
        i += 1
    return out


def _second_name_cut(s: str, rest: str) -> bool:
    """Joint issuers side by side, wider than the line, reflowed by a PDF inside the
    last name ("甲局　　　　乙区人" / "民政府办公室…"): the organs before the gap are whole,
    the last piece is none alone, and with ``rest`` it names an organ."""
    parts = [p for p in re.split(f"[{SPACES}]{{2,}}", s) if p]
    if len(parts) < 2 or not NAME_PIECE.match(parts[-1]):
        return False
    whole = all(looks_like_agency(p) and len(p) >= 4 for p in parts[:-1])
    return whole and not looks_like_agency(parts[-1]) and looks_like_agency(parts[-1] + rest)


def _join_columns(lines: list[str]) -> list[str]:
    """Joint issuers set side by side (a two- or three-column 落款) wrapped by a PDF
    inside a name ("…人民政府办公室　　扬州市邗江区" / "应急管理局　　…农业农村局"): the two
    lines joined name only organs, which one of them alone does not; the date under them,
    or under rows of whole names (four organs, two a row)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        s = clean_line(lines[i])
        n = clean_line(lines[i + 1]) if i + 1 < len(lines) else ""
        gap = re.compile(r"\S[ \u3000]{2,}\S")
        if (
            s
            and n
            and (gap.search(s) or gap.search(n))
            and not re.search(r"[，。；：:！？、0-9０-９]", s + n)
            and _rows_to_date(lines, i + 2)
        ):
            whole = split_agencies(s + n)
            apart = split_agencies(s) + split_agencies(n)
            if (
                len(whole) >= 2
                and all(looks_like_agency(p) and len(p) >= 4 for p in whole)
                and not all(looks_like_agency(p) and len(p) >= 4 for p in apart)
            ):
                out.append(_indent(lines[i]) + s + n)
                i += 2
                continue
        out.append(lines[i])
        i += 1
    return out


def _rows_to_date(lines: list[str], k: int, rows: int = 2) -> bool:
    """Whether ``lines[k]`` is the 成文日期 (or a piece of it), or up to ``rows`` more rows
    of organs' names stand between: four joint organs sign two a row, and the first row
    may be the one a PDF wrapped."""
    s = clean_line(lines[k]) if k < len(lines) else ""
    if s and (parse_date(s) is not None or DATE_FRAGMENT.match(s)):
        return True
    names = split_agencies(s) if s and not re.search(r"[，。；：:！？0-9０-９]", s) else []
    organs = bool(names) and all(looks_like_agency(p) and len(p) >= 4 for p in names)
    return rows > 0 and organs and _rows_to_date(lines, k + 1, rows - 1)


def _join_names(lines: list[str]) -> list[str]:
    """A name wrapped over several lines just above a date is joined back: the pieces
    are bare (no punctuation), at least one of them is no organ's name on its own (two
    issuers signing one above the other stay apart), and together they name an organ."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and NAME_PIECE.match(clean_line(lines[j])):
            j += 1
        pieces = [clean_line(line) for line in lines[i:j]]
        after = clean_line(lines[j]) if j < len(lines) else ""
        if (
            len(pieces) >= 2
            and (parse_date(after) is not None or (DATE_FRAGMENT.match(after) and after))
            and not all(looks_like_agency(p) and len(p) >= 4 for p in pieces)
            and not any(p.endswith("文件") for p in pieces)  # a letterhead, no name's piece
            and not any(doc_type_of(p) for p in pieces)  # a title's last line (…统计公报)
            and looks_like_agency("".join(pieces))
        ):
            out.append(_indent(lines[i]) + "".join(pieces))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


def _join_dates(lines: list[str]) -> list[str]:
    """A date cut into pieces ("2024年" / "11月" / "8日") becomes one line again."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        s = clean_line(lines[i])
        end = None
        if s and DATE_FRAGMENT.match(s) and "年" in s and parse_date(s) is None:
            joined = s
            for j in range(i + 1, min(len(lines), i + 3)):
                nxt = clean_line(lines[j])
                if not nxt or not DATE_FRAGMENT.match(nxt):
                    break
                joined += nxt
                if _is_date(joined):
                    end = j
                    break
        if end is None:
            out.append(lines[i])
            i += 1
            continue
        out.append(_indent(lines[i]) + joined)
        i = end + 1
    return out


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(SPACES))]


# A body heading under the title ("一、积累与运用", "1．", "第一部分"): never part of it.
OUTLINE_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、．.]|[0-9０-９]{1,2}\s*[．.、]|[（(][一二三四五六七八九十]+[）)]|"
    r"第[一二三四五六七八九十]+(?:部分|章|节|条))"
)
# A wrapped body line's tail above the 落款 ("3单元2403", "ov.cn"): no organ's name.
NOT_A_NAME = re.compile(r"[0-9A-Za-z０-９@.]")


# What a PDF reader runs on after a full-width centred title: the addressee line or the
# 发文字号 printed under it ("…的批复青石镇人民政府：", "…的公告赛教体告字(2025)第0100号").
RUN_ON_ADDRESSEE = re.compile(
    r"^(?P<rest>(?:各|全)?[\u4e00-\u9fff（）()、，,]{1,40}?(?:人民政府|办事处|单位|部门|局|委员会|"
    r"委|办公室|中心|院|公司|学校|街道|乡|镇|考点|股室)[\u4e00-\u9fff（）()、，,]{0,20}?[：:])$"
)
DOC_WORDS = r"通知|批复|公告|通告|决定|意见|函|报告|请示|纪要|公示|方案"
WEAK_DOC_WORDS = ("函", "方案", "意见")
RUN_ON_NUMBER = re.compile(
    r"(?P<rest>[\u4e00-\u9fff]{1,10}[〔\[［(（﹝][12][0-9]{3}年?[〕\]］)）﹞]第?[0-9０-９]{1,8}号)$"
)


RUN_ON_SECRET = re.compile(r"(?:绝\s*密|机\s*密|秘\s*密)(?:[★☆][^ \u3000]{0,4})?$")


# An organ's name centred alone over a letter-spaced 执法文书 title, the two run into one
# line by a PDF reader ("某某县市场监督管理局询 问 笔 录").
ORGAN_THEN_SPACED = re.compile(
    r"^(?P<organ>[\u4e00-\u9fff（）()]{4,30}?)(?P<title>[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){2,})$"
)
RUN_ON_MAX = 200  # characters; each cut below is tried at every position of the line


def _run_on_marks_line(s: str) -> int | None:
    """Where a 发文机关标志 ends when the line of 份号, 紧急程度 and 发文字号 under it is run
    on to it ("甲局　　乙局000242　　　　某发〔2025〕43号")."""
    for c in range(6, len(s) - 6):
        if s[c] not in "0123456789０１２３４５６７８９绝机秘特加平" or s[c - 1] in "0123456789":
            continue
        before = s[:c].rstrip(" \u3000")
        flat = compact(before)
        if (
            flat.endswith("文件") or all(map(looks_like_agency, re.split(r"[ \u3000]{2,}", before)))
        ) and (marks_beside_number(s[c:]) is not None):
            return c
    return None


def _run_on_mark(s: str, start: int) -> int | None:
    """Where a 发文机关标志 ("甲局　　乙局文件") ends when the 发文字号 is run on to it:
    after 文件, else after the first organ's name before the number's 机关代字."""
    from pipeline.gongwen import parse_doc_number

    whole = parse_doc_number(s)
    if whole is not None and len(whole.agency_code) <= 8:
        return None  # the whole line is the number ("岳人社办发〔2023〕44号")
    ends = [c for c in range(start, len(s) - 6) if parse_doc_number(s[c:]) is not None]
    with_file = [c for c in ends if s[:c].endswith("文件")]
    if with_file:
        return with_file[-1]
    organs = [
        c for c in ends if c >= 6 and all(map(looks_like_agency, re.split(r"[ \u3000]{2,}", s[:c])))
    ]
    # The 机关代字 most often starts with a character of the place's name ("洛阳市西工区
    # …局" / "西人社办发"); among those cuts, the longest name that ends in a full organ
    # word (办公室, 委员会), since a one-character end (局, 社) may be inside the name.
    pool = [c for c in organs if s[c] in s[:8]] or organs
    full = [c for c in pool if len((ORGAN_SUFFIX.search(compact(s[:c])) or [""])[0]) >= 2]
    if full:
        return full[-1]
    return pool[0] if pool else None


def split_run_on_title(lines: list[str], head: int = 12) -> list[str]:
    """A title line with the addressee or the 发文字号 run on to it is cut in two; only
    in the first ``head`` lines, only where what comes before names a document type."""
    from pipeline.gongwen import doc_type_of

    out: list[str] = []
    for n, line in enumerate(lines):
        s = clean_line(line)
        too_long = len(s) > RUN_ON_MAX  # no title runs so long; the cuts would be quadratic
        if n >= head or _indent(line) or len(s) < 12 or too_long or marks_beside_number(s):
            out.append(line)
            continue
        spaced = ORGAN_THEN_SPACED.match(s)
        if spaced and looks_like_agency(spaced["organ"]) and doc_type_of(compact(spaced["title"])):
            out += [spaced["organ"], spaced["title"]]  # "…保障局询 问 笔 录": two lines
            continue
        cut = None
        number = RUN_ON_NUMBER.search(s)
        signed = re.search(r"[ \u3000]*签\s*发\s*人\s*[：:].*$", s)  # beside the number
        core = RUN_ON_NUMBER.search(s[: signed.start()]) if signed and not number else None
        mark = _run_on_mark(s[: signed.start()], core.start()) if signed and core else None
        mark = mark if mark is not None else (_run_on_mark(s, number.start()) if number else None)
        marks_at = _run_on_marks_line(s) if mark is None and number else None
        if mark is not None:
            cut = mark  # the 发文机关标志 run on to the 发文字号 under it
        elif marks_at is not None:
            cut = mark = marks_at  # … or to the line of 份号 and 发文字号 (信函格式)
        elif number and number.start() >= 8:
            # where the title ends in a document type: a full one (批复, 通知) before a
            # word that also ends 机关代字 (函, 方案): the last full one, else the first
            cuts = [c for c in range(number.start(), number.end() - 8) if doc_type_of(s[:c])]
            strong = [c for c in cuts if not s[:c].endswith(WEAK_DOC_WORDS)]
            cut = strong[-1] if strong else (cuts[0] if cuts else None)
        else:
            found = list(re.finditer(DOC_WORDS, s))
            for m in reversed(found):
                rest = s[m.end() :]
                if RUN_ON_ADDRESSEE.match(rest) and not rest.startswith("如下"):
                    cut = m.end()
                    break
        marks_at = _run_on_marks_line(s) if cut is None else None
        if marks_at is not None:
            cut = mark = marks_at  # the 标志, then 份号/紧急程度 and the number (信函格式)
        secret = RUN_ON_SECRET.search(s)
        if cut is None and secret and secret.start() >= 4:
            before = s[: secret.start()].rstrip(" \u3000")
            if before.endswith("文件") or looks_like_agency(before):
                cut = mark = secret.start()  # the 标志 with the 密级 line run on to it
        if cut is not None and (cut == mark or doc_type_of(s[:cut]) is not None):
            out += [s[:cut], s[cut:]]
        else:
            out.append(line)
    return out


# A word letter-spaced one character at a time (a banner: 公　　告): no 机关代字 is set so.
_LETTER_SPACED_WORD = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff])+")


def join_wrapped_number(lines: list[str], head: int = 12) -> list[str]:
    """A 发文字号 set at the right of the marks' line and wrapped by a PDF at the margin
    ("机密★5年　　特急　　　平市监发" / "（2024年）61号"): the two lines joined, in the head
    only, when neither alone holds the number and together they do (a draft's number with
    its serial still blank too: "秀水文" / "〔2025〕号")."""
    from pipeline.gongwen import blank_doc_number, parse_doc_number

    out: list[str] = []
    i = 0
    while i < len(lines):
        s = clean_line(lines[i])
        nxt = clean_line(lines[i + 1]) if i + 1 < len(lines) else ""
        whole = s + nxt
        if (
            i < head
            and s
            and 0 < len(nxt) <= 14
            and parse_doc_number(s) is None
            and parse_doc_number(nxt) is None
            and marks_beside_number(s) is None
            and not _LETTER_SPACED_WORD.fullmatch(s)  # "公　　告" over "〔2025〕第3号"
            and whole.endswith("号")
            and not blank_doc_number(s)
            and not blank_doc_number(nxt)
            and (
                parse_doc_number(whole) is not None
                or marks_beside_number(whole) is not None
                or blank_doc_number(whole)
            )
        ):
            out.append(_indent(lines[i]) + whole)
            i += 2
            continue
        out.append(lines[i])
        i += 1
    return out


def tidy_layout(lines: list[str]) -> list[str]:
    """The repairs: a wrapped 发文字号 joined, a run-on title cut back, the signature zone
    put together."""
    return tidy_signature_zone(split_run_on_title(join_wrapped_number(lines)))

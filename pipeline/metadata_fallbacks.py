"""Where a 公文 shows its date and issuer when the GB/T 9704 places are empty.

A 成文日期 line under the signature is the rule, but case files, drafts and speeches
carry their date elsewhere: a 笔录 in its 询问时间 line, a 讨论稿 in its 起草单位 line, a
report read to the 人大常委会 in its "——2024年8月27日在…会议上" line, a 督查通报 only in
its 印发 line, a 笔录's 落款 beside the signatures. These are read only when the 成文日期
is absent, and the metadata says which one was used (``date_source``), so a clerk knows
whether the date is the document's own or the nearest one it shows.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.document import Document
from pipeline.gongwen import (
    ORGAN_SUFFIX,
    SPACES,
    clean_line,
    compact,
    doc_type_of,
    looks_like_agency,
    parse_date,
    parse_doc_number,
)
from pipeline.metadata_head import head_marks, marks_beside_number

# "询问时间：２０２４年３月２６日９时１０分" — the labelled times of case files and records.
TIME_LABEL = re.compile(
    r"^(?P<what>询问时间|讯问时间|调查时间|检查时间|勘验时间|勘察时间|记录时间|会议时间|讨论时间|"
    r"审批时间|填报时间|填表时间|登记时间|申请时间|考察时间)\s*[：:]"
)
# "起草单位：青岛市财政局（2024年9月12日）" — a full line of a PDF, which its reader may run
# on to the next one ("…（2024年9月12日）第一章　总　　则"): what follows the date is not read.
DRAFTER = re.compile(
    r"^(?P<label>起草单位|拟稿单位|制发单位|报送单位|编制单位|考察组|材料形成单位)\s*[：:]\s*"
    r"(?P<who>[^（()）]+?)\s*(?:[（(](?P<when>[^（）()]*)[）)].*)?$"
)
# "——2024年8月27日在武汉市江汉区第十七届人民代表大会常务委员会"
SPEECH = re.compile(r"^[—－\-]{1,2}\s*(?P<when>[^在]+?日)\s*在")
# "武汉市江汉区审计局局长　万立群": the organ of the official who reports.
SPEAKER = re.compile(
    r"^(?P<organ>[\u4e00-\u9fff（）()]{4,30}?)(?:党组书记、)?(?:副)?(?:局长|主任|厅长|部长|"
    r"区长|县长|市长|镇长|乡长|署长|院长|行长|审计长|检察长|主席)[ \t\u3000]*[\u4e00-\u9fff]{2,4}$"
)
SIGNED = re.compile(r"签\s*名|签\s*字|签\s*章|盖\s*章")
# A record's bare "时间：…" line, taken only when a "地点：" line follows (笔录 layout).
BARE_TIME = re.compile(r"^时\s*间\s*[：:]")
PLACE = re.compile(r"^地\s*点\s*[：:]")


def _date_in(text: str) -> date | None:
    found = parse_date(text)
    return found[0] if found else None


def fallback_date(lines: list[str], idx: list[int]) -> tuple[date, str] | None:
    """(date, where it was read) when no 成文日期 line is printed, or None."""
    labelled: tuple[date, str] | None = None  # the first labelled time: 询问时间 …
    found: dict[str, date] = {}
    for pos, i in enumerate(idx):
        s = clean_line(lines[i])
        label = TIME_LABEL.match(s)
        bare = (
            BARE_TIME.match(s) is not None
            and pos + 1 < len(idx)
            and PLACE.match(clean_line(lines[idx[pos + 1]])) is not None
        )
        if label or bare:
            when = _date_in(s)
            if when and labelled is None:
                labelled = (when, label["what"] if label else "询问时间")
            continue
        drafter = DRAFTER.match(s)
        if drafter and drafter["when"] and (when := _date_in(drafter["when"])):
            found.setdefault("起草日期", when)
        elif (speech := SPEECH.match(s)) and (when := _date_in(speech["when"])):
            found.setdefault("讲话日期", when)
        elif re.search(r"印\s*发$", s) and (when := _date_in(s)):
            found.setdefault("印发日期", when)
        elif SIGNED.search(s) and (when := _date_in(s)):
            found.setdefault("落款", when)
    if labelled is not None:
        return labelled
    for key in ("起草日期", "讲话日期", "印发日期", "落款"):
        if key in found:
            return found[key], key
    return None


def header_mark(document: Document | str) -> str | None:
    """A 发文机关标志 typeset in Word's page header instead of the body (a letterhead):
    the first header line that names an organ or ends in 文件 and is no document type.
    Else a 标志 drawn as a picture (a red 红头 image) whose alt text is "…文件": the reader
    puts header parts and alt texts after the body, so the head of the text lacks it."""
    if isinstance(document, str):
        return None
    for block in (b for b in document.blocks if b.kind == "header"):
        line = clean_line(document.text[block.start : block.end])
        agency = line.endswith("文件") or looks_like_agency(line)
        if agency and doc_type_of(line) is None:
            return line
    for block in (b for b in document.blocks if b.kind == "alt_text"):
        line = compact(clean_line(document.text[block.start : block.end]))
        if re.fullmatch(r"[\u4e00-\u9fff、（）]{4,60}文件", line) and doc_type_of(line) is None:
            return line  # only a 文件 mark: a seal's or a logo's alt text is no 标志
    return None


def header_lead(document: Document | str) -> list[str]:
    """The 版头 typeset in Word's page header (templates that put the 份号, 密级, 发文机关
    标志 and 发文字号 above the red line in the first page's header): its lines, to read
    before the body. The reader puts header parts after the body, so without them the head
    lacks its number and markings. Only when the header holds a 发文字号 or a marking that
    the body's head does not: a running head (the organ's name on every page) is left to
    :func:`header_mark`."""
    if isinstance(document, str):
        return []
    lines: list[str] = []
    for block in (b for b in document.blocks if b.kind == "header"):
        line = clean_line(document.text[block.start : block.end])
        if line and line not in lines:  # sections share headers: each line once
            lines.append(line)
    head = [s for s in map(clean_line, document.body.split("\n")[:12]) if s]

    def has(test: object, where: list[str]) -> bool:
        return any(test(s) is not None for s in where)  # type: ignore[operator]

    tests = (parse_doc_number, head_marks, marks_beside_number)
    for test in tests:
        if has(test, lines[:8]) and not has(test, head):
            # up to the 版头's last number or marking: another section's running head
            # (the organ's name alone) is no line above the title
            last = max(k for k, s in enumerate(lines[:8]) if any(t(s) for t in tests))
            return lines[: last + 1]
    return []


def fallback_issuer(lines: list[str], idx: list[int]) -> str | None:
    """The organ named by a 起草单位 line or by the reporting official's line."""
    for i in idx[:12]:
        s = clean_line(lines[i])
        drafter = DRAFTER.match(s)
        if drafter:
            who = compact(drafter["who"]).strip(SPACES)
            if ORGAN_SUFFIX.search(who):
                return who
        speaker = SPEAKER.match(compact(s)) if len(compact(s)) <= 40 else None
        if speaker and ORGAN_SUFFIX.search(speaker["organ"]):
            return speaker["organ"]
    return None


_DATE_HEAD = re.compile(
    r"(?:[12][0-9]{3}|[１２][０-９]{3}|[〇○零一二三四五六七八九]{4})\s*年(?:\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月)?$"
)
_DATE_TAIL = re.compile(
    r"^(?:[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*)?[0-9０-９一二三四五六七八九十]{1,3}\s*日"
)
_WRAPPED_NAME = re.compile(r"^[\u4e00-\u9fff（）()]{1,8}$")


def rejoin_wrapped(lines: list[str]) -> list[str]:
    """A PDF's narrow right-aligned signature block wraps "杭州市临平区房屋征收管" /
    "理办公室" and "2024年10月" / "15日": join such pairs back into one line each.

    Only in the last 40 % of the text (the signature zone), and only a laid-out line
    (indented three characters or more, no sentence punctuation) with a short bare
    continuation, or a date cut after its 年 or 月."""
    out: list[str] = []
    tail_from = int(len(lines) * 0.6)
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and i >= tail_from:
            s, n = clean_line(line), clean_line(nxt)
            if s and n and _DATE_HEAD.search(s) and _DATE_TAIL.match(n):
                out.append(line.rstrip() + n)
                i += 2
                continue
            laid_out = len(line) - len(line.lstrip(SPACES)) >= 3
            if (
                laid_out
                and s
                and not re.search(r"[，。；：:！？、]", s)
                and parse_date(s) is None
                and _WRAPPED_NAME.match(n)
                and nxt == nxt.lstrip(SPACES)
            ):
                out.append(line.rstrip() + n)
                i += 2
                continue
        out.append(line)
        i += 1
    return out

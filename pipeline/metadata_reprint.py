"""A published 公文 as it is filed from a website or a reprint, read back to its elements.

Offices file many papers not from their own drafts but from what was published: a page
printed from a browser, a PDF reprinted by a 公报 or a bank's website, a 令 as the State
Council prints it. These carry what GB/T 9704 never prints, and the reader must see past it:

- a browser's print header and footer: "26/03/2024, 11:46 标题 _ 栏目 _ 网站" above every
  page and the page's address with "1/13" under it — neither is the paper's title;
- a page number glued to the first line of a page by the PDF's text layer ("-1-中华人民共和国
  国务院令", "— 4 —附件"): the mark is no part of the line;
- the 发文字号 printed in brackets after the title, as reprints set it on one line
  ("…的通知（银发〔 2021〕259号）", "…实施办法（人民银行 [2020]5号令）"): the title is the
  words before the bracket, the bracket its number;
- the addressees run on after such a title on the same line, as a PDF's reflow or a web
  page sets it ("…的通知（银发〔2021〕259号） 各分行、营业管理部："): two lines;
- a web page's heading printed twice on one line ("条例名 条例名"): one title;
- a 令 (GB/T 9704 10.2: 发文机关标志 "…令", then the 令号 "第N号" in the next line, no
  year — or "（〔2007〕第1号）" as some organs print it): the order's number and issuer;
  when the 令 公布s a rule (《X》…现予公布) whose own text follows under its heading X, the
  paper filed is that rule and X its title (a 令 alone keeps its 标志 as title).
"""

from __future__ import annotations

import re

from pipeline.gongwen import SPACES, DocNumber, looks_like_agency, parse_doc_number
from pipeline.gongwen_kinds import doc_type_of

# "26/03/2024, 11:46 …" or "2024/3/26 11:46 …": a browser's print header, at a page's top.
_PRINT_HEADER = re.compile(
    r"^\s*(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}/\d{1,2}/\d{1,2}),?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\s"
)
# The page's address with "3/13" after it: the print footer.
_PRINT_URL = re.compile(r"^\s*https?://\S+(?:\s+\d{1,3}/\d{1,3})?\s*$")
# A page number glued before a line's first Chinese character: "-1-", "— 4 —", "－2－".
_GLUED_PAGE = re.compile(r"^[ \t\u3000]*[-—–－]\s*\d{1,3}\s*[-—–－][ \t\u3000]*(?=[\u4e00-\u9fff])")
# A title's trailing bracket that holds its own 发文字号 (spaces a PDF put inside allowed).
_TITLE_NUMBER = re.compile(
    r"\s*[（(]\s*(?P<code>[\u4e00-\u9fff]{1,20}?)\s*[〔\[［﹝]\s*(?P<year>[12]\d{3})\s*"
    r"[〕\]］﹞]\s*(?P<num>第?\s*\d{1,5}\s*号)\s*(?P<order>令)?\s*[）)]\s*$"
)
# Looser: any last bracket ending in 号 with a year in 〔〕 (see split_title_number).
_TITLE_TAIL_NUMBER = re.compile(
    r"[（(]([^（）()]*[〔\[［﹝][12][0-9]{3}[〕\]］﹞][^（）()]*号)[）)]$"
)
# A title, its own number in brackets, then the addressees ending in a colon, on one line.
_RUN_ON = re.compile(
    r"^(?P<title>[^：:（）()]{6,120}[（(][^（）()]{0,20}[〔\[［﹝]\s*[12]\d{3}\s*[〕\]］﹞]\s*"
    r"第?\s*\d{1,5}\s*号[）)])\s*(?P<rest>[^\s（(].{2,300}[：:])\s*$"
)
# A 令's 标志 alone on its line ("中华人民共和国国务院令", "中国人民银行令").
_ORDER_MARK = re.compile(r"^(?P<organ>[\u4e00-\u9fff]{2,24}?)令$")
# A 令's 标志 with its number on one line: "中国人民银行令〔2016〕第3号", "国务院令第768号".
_ORDER_LINE = re.compile(
    r"^(?P<organ>[\u4e00-\u9fff]{2,24}?)令(?:[〔\[［﹝][12]\d{3}[〕\]］﹞])?第\d{1,5}号$"
)
# The 令号 under it: "第768号", "（〔2007〕第 1 号）", "〔2022〕第2号".
_ORDER_NUMBER = re.compile(
    r"^[（(]?(?:[〔\[［﹝](?P<year>[12]\d{3})[〕\]］﹞])?(?P<num>第\d{1,5}号)[）)]?$"
)


def drop_print_marks(lines: list[str]) -> list[str]:
    """``lines`` with a browser's print header and footer emptied and page numbers glued
    before a line's text taken off (the line count kept: readers index lines)."""
    out = []
    for line in lines:
        if _PRINT_HEADER.match(line) or _PRINT_URL.match(line):
            out.append("")
        else:
            out.append(_GLUED_PAGE.sub("", line))
    return out


def split_run_on_title(lines: list[str]) -> list[str]:
    """``lines`` with a head line that runs a numbered title into its addressees split in
    two: the title (with its number) and the addressees. Only among the first three
    non-blank lines, and only when the words before the bracket name a kind of paper."""
    out = list(lines)
    seen = 0
    for at, line in enumerate(lines):
        if not line.strip(SPACES):
            continue
        seen += 1
        m = _RUN_ON.match(line.strip(SPACES))
        title = _TITLE_NUMBER.sub("", m["title"]) if m else ""
        if m and doc_type_of(title):
            return [*out[:at], m["title"], m["rest"], *out[at + 1 :]]
        if seen >= 3:
            break
    return out


def split_title_number(title: str) -> tuple[str, DocNumber | None]:
    """A title with a 发文字号 in a bracket after it, as reprints print it ("…的通知（银发
    〔2021〕259号）") → (the title, that number); otherwise (title, None). A bracket that
    holds the title's own number alone is taken off the title; a looser one (several
    numbers, a code with figures or other words in it) gives its first number but stays:
    what else it holds is not known to be no part of the title."""
    m = _TITLE_NUMBER.search(title)
    if m is not None and m.start():
        code = m["code"] + ("令" if m["order"] and not m["code"].endswith("令") else "")
        num = re.sub(r"\s", "", m["num"])
        number = parse_doc_number(f"{code}〔{m['year']}〕{num}")
        if number is not None:
            return title[: m.start()].rstrip(SPACES), number
    tail = _TITLE_TAIL_NUMBER.search(title)
    return title, parse_doc_number(tail.group(1)) if tail else None


def order_number(lines: list[str], idx: list[int]) -> tuple[str, str] | None:
    """(the 令号 as printed with its 标志, the organ) when the text opens with a 令's 标志 and
    its number on the next line; None otherwise. Only the first five lines are looked at:
    the 令 stands at the head."""
    head = [re.sub(rf"[{SPACES}]", "", lines[i]) for i in idx[:5]]
    for at, line in enumerate(head[:-1]):
        half = len(line) // 2
        line = line[:half] if line[:half] == line[half:] else line  # a web page's doubled line
        mark = _ORDER_MARK.match(line)
        number = _ORDER_NUMBER.match(head[at + 1]) if mark else None
        if mark and number:
            year = f"〔{number['year']}〕" if number["year"] else ""
            return f"{mark['organ']}令{year}{number['num']}", mark["organ"]
    return None


def single_title(title: str) -> str:
    """A heading a web page printed twice on one line ("X X") → X."""
    parts = title.split()
    half = len(parts) // 2
    if len(parts) >= 2 and len(parts) % 2 == 0 and parts[:half] == parts[half:]:
        return " ".join(parts[:half])
    return title


def opens_with_order(lines: list[str], idx: list[int]) -> bool:
    """Whether a 令 heads the text: its 标志 alone ("…令") or with its number on one line
    ("中国人民银行令〔2016〕第3号") among the first three lines."""
    head = [re.sub(rf"[{SPACES}]", "", lines[i]) for i in idx[:3]]
    return any(_ORDER_MARK.match(x) or _ORDER_LINE.match(x) for x in head)


def order_organ(lines: list[str], idx: list[int]) -> str | None:
    """The organ whose 令 heads the text, named by its 标志 (GB/T 9704 10.2: 发文机关全称
    加"令"), alone or with its number on the line ("中国人民银行令〔2016〕第3号"): the
    paper's issuer, for a 令 is signed by the organ's head ("行长　某某"), not the organ."""
    for i in idx[:3]:
        line = re.sub(rf"[{SPACES}]", "", lines[i])
        found = _ORDER_MARK.match(line) or _ORDER_LINE.match(line)
        if found and looks_like_agency(found["organ"]):
            return found["organ"]
    return None


def published_rule(lines: list[str], idx: list[int]) -> str | None:
    """The rule a 令 公布s when its text follows under its own heading: a line X among the
    first fifteen that the lines above it cite as 《X》 (the 公布 sentence, wrapped or not);
    else None."""
    head = [re.sub(rf"[{SPACES}]", "", lines[i]) for i in idx[:15]]
    for at in range(1, len(head)):
        line = head[at]
        if 4 <= len(line) <= 60 and f"《{line}》" in "".join(head[:at]):
            return line
    return None

"""Addresses read by their grammar: divisions, then street, estate and door-level tails.

A Chinese address runs from large to small: 省/市/区县 (the GB/T 2260 names in
``lexicons/admin_divisions.txt``), 街道/镇/乡, 社区/村, then a road with its number
(敦化路138号, 西马路42号附3栋), an estate (星光安置小区, 御窑花园), and the door-level parts
(11幢, 2单元, 701室, 四组, 46号院, 2号楼, 502户). Typists break long addresses over two
lines, so a line break may sit between two parts.

The grammar proposes every stretch that ends at door level (a 号, 栋, 单元, 室, 组 …):
without one it is a place, not where somebody lives. Whether the address is a private
home or an agency's, a company's or a project site is the judge's question
(:mod:`pipeline.detect.judge`), read from the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicons import lexicon_cache, load_table

CJK = r"\u4e00-\u9fff"
# 27甲2号 (a door number with a 甲/乙 sub-number), 12之一.
NUM = r"[0-9０-９一二三四五六七八九十百零〇]+(?:[甲乙丙丁][0-9０-９]*)?"
WRAP = r"\n?"
# Town level and below, by suffix: 北湖街道, 黄埭镇, 桑木社区, 冯梦龙村, 四组.
LOCALITY = (
    rf"[{CJK}]{{1,7}}?(?:街道|镇|乡|社区|村委会|居委会|村|屯|寨|嘎查|苏木|农场|开发区|工业园|新区)"
    rf"|[{CJK}]{{1,4}}?组"
)
# A road may carry its door number before an estate on it (北京大道909号教师村8栋): the
# 号 is part of the body only when more follows; alone it is the door (北大街112号).
ROAD = rf"[{CJK}0-9０-９]{{1,9}}?(?:大道|大街|路|街|巷|弄|胡同|里|道)(?:{NUM}[巷弄条]|{NUM}号(?!院|楼))?"
ESTATE = (
    rf"[{CJK}0-9０-９A-Za-z]{{1,10}}?(?:小区|花园|家园|公寓|新村|苑|庭|府|城|园|大厦|广场|公馆|"
    rf"安置区|宿舍|大院|楼|{NUM}区|"
    # a factory's housing (水泥厂生活区, 矿务局家属区) and estates named 城南人家, 桃源居
    rf"生活区|家属区|人家|(?<!民)居)(?:{NUM}期)?"
)
# An estate with a name of its own (盛世名门, 丽景湾) is known by the building and the room
# that follow it: 盛世名门3幢797室, 丽景湾10-3-131 (building-unit-room). Read only down to
# the room: a building alone (电厂家属院7栋棚改项目) names a block in a works list.
BUILT = (
    rf"[{CJK}]{{2,6}}?(?=[0-9０-９]{{1,3}}(?:幢|栋|号楼)[0-9０-９]{{1,2}}单元|"
    rf"[0-9０-９]{{1,3}}(?:幢|栋|号楼)[0-9０-９]{{3,4}}(?:室|号|房)?(?![0-9０-９])|"
    rf"[0-9０-９]{{1,3}}[-－][0-9０-９]{{1,2}}[-－][0-9０-９]{{3,4}}(?![0-9０-９]))"
)
DOOR = (
    rf"(?:[东南西北]?{NUM}(?:号院|号楼|号|栋|幢|座|单元|室|户|房|楼|层|组|队|排|弄)|附{NUM}(?:号|栋|幢)?|"
    # a building written with the number sign (34#楼1231, 5#1203)
    rf"{NUM}[#＃](?:楼|栋|幢|座)?|"
    rf"[A-Za-zＡ-Ｚ]{NUM}?(?:栋|座|幢)|{NUM}(?:[-－]{NUM}){{1,2}}(?:室|号)?)"
)
# After a building (2栋), a bare room number: 将石安居苑2栋1806.
ROOM = r"[0-9０-９]{3,4}(?![0-9０-９])"
TAIL = rf"(?:{DOOR}{WRAP})+(?:{ROOM})?"
BODY = rf"(?:(?:{LOCALITY}){WRAP}|(?:{ROAD}){WRAP}|(?:{ESTATE}){WRAP}|(?:{BUILT}){WRAP})*"
GRAMMAR = re.compile(rf"(?:{BODY})(?:{TAIL})")
# Where an address may not start: words that lead into it (住, 位于, 的 …).
LEAD = re.compile(
    r".*?(?:家住|现住|居住|住址|住所地|住所|户籍地|地址|位于|坐落于|坐落|房源为|房源|所住的|居住的|住在|"
    r"我市|本市|我区|本区|我县|本县|全市|全区|全县|兹有|现有|"
    r"住|在|于|的|至|到|为|是)",
    re.S,
)


# One character leading into an address a proposer read with it: 的, 在, 于, 住.
LEADING_WORDS = "的在于住"


def lead_in(text: str, start: int) -> bool:
    """The character at ``start`` leads into an address (所居住的城东区…), unless a
    division's name starts there (于都县, 于洪区, 于田县)."""
    if text[start : start + 1] not in LEADING_WORDS:
        return False
    return _division_pattern().match(text, start) is None


@dataclass(frozen=True, slots=True)
class AddressSpan:
    start: int
    end: int
    divisions: tuple[str, ...]  # GB/T 2260 names inside, large to small
    parts: frozenset[str]  # grammar parts met: division, locality, road, estate, door, room


@lexicon_cache
def division_names() -> tuple[str, ...]:
    """The names of ``lexicons/admin_divisions.txt`` (code, name rows)."""
    return tuple(row[1] for row in load_table("admin_divisions") if len(row) > 1)


@lexicon_cache
def _division_pattern() -> re.Pattern[str]:
    names = sorted(set(division_names()), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")")


# A line break a typist's or a PDF's fixed width put inside a word: letters or digits on
# both sides (a break after punctuation, a colon or a space ends a line for good).
# A building's number sign counts as part of a word (城南人家40#⏎楼836, 城南人家2⏎#楼1527),
# and so does the dash of a building-unit-room (水岸花城8⏎-2-601, 8-⏎2-601).
# A line that opens with a row's number and a TAB or spaces (2⇥廉建设) starts a new row.
WORD_WRAP = re.compile(
    r"(?<=[\u4e00-\u9fff0-9０-９A-Za-z#＃])\n(?![0-9０-９]{1,3}[\t ])"
    r"(?=[\u4e00-\u9fff0-9０-９A-Za-z]|[#＃][楼栋幢座])"
    r"|(?<=[0-9０-９])\n(?=[-－][0-9０-９])|(?<=[0-9０-９][-－])\n(?=[0-9０-９])"
)


def dewrapped(text: str) -> tuple[str, list[int]]:
    """``text`` without the line breaks inside words, and the offset in ``text`` of each
    character kept (so a span read on the joined text maps back, breaks included)."""
    if "\n" not in text:
        return text, list(range(len(text)))
    drop = {m.start() for m in WORD_WRAP.finditer(text)}
    index = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in index), index


def parse(text: str) -> list[AddressSpan]:
    """Every stretch of ``text`` the grammar reads as an address ending at door level,
    started at its first GB/T 2260 division when one precedes the rest. Read on the text
    with line breaks inside words removed, so an address a wrap cuts anywhere (湖南省长沙市⏎
    岳麓区…, 望月⏎湖小区) is one span, the break inside it."""
    flat, index = dewrapped(text)
    out: list[AddressSpan] = []
    for span in _parse_flat(flat):
        start, end = index[span.start], index[span.end - 1] + 1
        out.append(AddressSpan(start, end, span.divisions, span.parts))
    return out


def _parse_flat(text: str) -> list[AddressSpan]:
    out: list[AddressSpan] = []
    division = _division_pattern()
    for m in GRAMMAR.finditer(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] == "\n":
            end -= 1
        # The grammar may start inside a division name (开封市 read from 封市): widen.
        for d in division.finditer(text, max(0, start - 8), min(end, start + 8)):
            if d.start() < start < d.end():
                start = d.start()
                break
        # Divisions right before the grammar's start belong to the address.
        head = start
        while True:
            before = text[max(0, head - 12) : head]
            hit = None
            for d in division.finditer(before):
                if d.end() == len(before):
                    hit = d
            if hit is None:
                break
            head -= len(before) - hit.start()
        start = head
        value = text[start:end]
        first = division.search(value)
        if first is not None and first.start() > 0:
            # every leading word before the division: 的|居住|在 of "反映的居住在海伦市…"
            prefix, cut = value[: first.start()], 0
            while (lead := LEAD.match(prefix, cut)) is not None and lead.end() > cut:
                cut = lead.end()
            start += cut
        elif first is None:  # at a division (于都县, 于洪区): no word leads into it
            for _ in range(3):
                lead = LEAD.match(text, start, end)
                if lead is None or lead.end() > end - 4:
                    break
                start = lead.end()
        value = text[start:end]
        if len(value.replace("\n", "")) < 4:
            continue
        parts = parts_of(value)
        if not parts & {"locality", "road", "estate", "division"}:
            continue  # "3号" alone is no address
        names = tuple(d.group(0) for d in division.finditer(value))
        out.append(AddressSpan(start, end, names, parts))
    return out


def parts_of(value: str) -> frozenset[str]:
    flat = value.replace("\n", "")
    parts = set()
    if _division_pattern().search(flat):
        parts.add("division")
    for name, pattern in (
        ("locality", LOCALITY),
        ("road", ROAD),
        ("estate", ESTATE),
        ("estate", BUILT),
    ):
        if re.search(pattern, flat):
            parts.add(name)
    if re.search(DOOR, flat):
        parts.add("door")
    if re.search(r"(?:室|户|单元|栋|幢|号楼)", flat):
        parts.add("room")
    return frozenset(parts)

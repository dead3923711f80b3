"""What the PERSON judge sees of the list or table a proposal sits in (issue 19).

Offices name private persons in rosters with no role word before any name: a 花名册 or
发放明细 whose rows hold an ID or a phone (sometimes on the next line, where a PDF's text
layer wrapped the row), a column of names without a 姓名 header, members run after one
another with 、 or ， and closed by a count of households (张三、李四等2户). The judge's
other features see ten characters and the line; these see the structure:

- ``doc_roster`` — the heading names a roster (:data:`pipeline.gongwen.ROSTER_TITLE`),
  ``in_heading`` — the proposal stands in that heading (…对象花名册 names no one);
- ``number_next_line`` — an ID or phone number on the line before or after, none on its own
  (a row broken in two);
- ``whole_cell`` — the proposal is a whole cell of a row of cells, ``row_other_name`` —
  another cell of that row reads as a name, ``column_names`` — the same cell of the rows
  above or below does, ``doc_name_cells:<n>`` — how many cells of the document do;
- ``beside_name`` — a whole token whose neighbour across 、 ， ； (a bracketed note
  between) reads as a name;
- ``count_after:户`` / ``count_after:人`` — a count closes the sentence's list after it
  (等3户, 共2人);
- ``phrase4``, ``everyday_inside``, ``kin_word`` — words that stand where names stand
  (高龄津贴, 于法有据, 花名册, 孙子).

None of them is a layout source (:data:`pipeline.detect.proposals.LAYOUT_SOURCES`): they
describe where a proposal stands whoever proposed it, and hold for a whole name, not for
a piece of it a model read (the piece is no whole cell or token).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.detect.chinese_name import NAME_DOTS, NAME_DOTS_WIDE, surnames
from pipeline.detect.context import cell_bounds, line_bounds
from pipeline.detect.person_layout import KIN_WORDS, SYLLABARY, everyday_words, name_like
from pipeline.detect.proposals import CELL_SPLIT, ROW_NUMBER, Proposal
from pipeline.gongwen import ROSTER_TITLE

# The lines a heading may stand on: the issuing organ first, then the title.
HEAD_LINES = 4
NOTE = r"(?:[（(][^（）()\n]{0,40}[）)])?"
# Members of a list: separated by 、 ， ； or, after a bracketed note, a space (顿珠（户主）
# 田冬瑶); a minority name with a middle dot may run to nine characters.
BEFORE_TOKEN = re.compile(
    rf"(?:^|[、，,；;：:\s])([\u4e00-\u9fff{NAME_DOTS}]{{2,9}})(?:"
    + NOTE
    + r"[、，,；;]|[（(][^（）()\n]{0,40}[）)][ \u3000]{1,2})$"
)
AFTER_TOKEN = re.compile(
    r"(?:"
    + NOTE
    + rf"[、，,；;]|[（(][^（）()\n]{{0,40}}[）)][ \u3000]{{1,2}})([\u4e00-\u9fff{NAME_DOTS}]{{2,9}})"
    r"(?=[（(、，,；;。等\s]|$)"
)
COUNT_AFTER = re.compile(
    r"[^。；]{0,120}?(?:等|共|计)?[0-9０-９一二三四五六七八九十两]{1,3}(户|人|名)"
)
# A cadre count (8名同志, 3名干部) is no list of private persons.
NOT_PRIVATE_COUNT = re.compile(r"(?:同志|干部|党员|领导|委员|代表|教师)")
# Names counted in households: 张三、李四（户主）等2户. A household is a private person's.
# A line wrap may fall anywhere in it (a PDF's text layer).
WRAPPED_NOTE = r"(?:[（(][^（）()]{0,42}[）)])?"
HOUSEHOLDS = re.compile(
    rf"(?:[\u4e00-\u9fff{NAME_DOTS}\n]{{2,7}}"
    + WRAPPED_NOTE
    + rf"[、，,]){{1,9}}[\u4e00-\u9fff{NAME_DOTS}\n]{{2,7}}"
    + WRAPPED_NOTE
    + r"(?:等|共)?[0-9０-９一二三四五六七八九十两]{1,3}户"
)
NOTES = re.compile(r"[（(][^（）()]{0,42}[）)]")
HOUSEHOLD_COUNT = re.compile(r"(?:等|共)?[0-9０-９一二三四五六七八九十两]{1,3}户$")


def _heading_line(text: str, pos: int) -> bool:
    """``pos`` is on a line of the heading that names the roster."""
    a, b = line_bounds(text, pos)
    line = text[a:b].strip(" \u3000\t")
    return text.count("\n", 0, a) < HEAD_LINES and bool(ROSTER_TITLE.search(line))


def _edge(ch: str) -> bool:
    return not ch or not ("\u4e00" <= ch <= "\u9fff")


@lru_cache(maxsize=8)
def roster_document(text: str) -> bool:
    """The heading (one of the first lines) names a roster: 发放明细, 花名册, 人员名单."""
    lines = [line.strip(" \u3000\t") for line in text[:300].split("\n")]
    return any(ROSTER_TITLE.search(line) for line in [x for x in lines if x][:HEAD_LINES])


# An honour decision's title: 关于表彰…的决定, 关于命名…的通报, 关于授予…称号的决定. It lists
# the persons it honours (published by it) with no 公示 or 名单 at its head.
HONOUR_TITLE = re.compile(r"关于(?:表彰|命名|授予)[^\n]{0,40}(?:决定|通报)[ \u3000]*$")


@lru_cache(maxsize=8)
def honour_decision(text: str) -> bool:
    """The heading (one of the first lines) is an honour decision's title."""
    lines = [line.strip(" \u3000\t") for line in text[:300].split("\n")]
    return any(HONOUR_TITLE.search(line) for line in [x for x in lines if x][:HEAD_LINES])


@lru_cache(maxsize=8)
def counted_households(text: str) -> bool:
    """Two or more names counted as households (张三、李四等2户): the text is about
    private persons, whatever else it holds."""
    for m in HOUSEHOLDS.finditer(text):
        body = HOUSEHOLD_COUNT.sub("", NOTES.sub("", m.group(0).replace("\n", "")))
        names = [item for item in re.split("[、，,]", body) if name_like(item)]
        if len(names) >= 2:
            return True
    return False


@lru_cache(maxsize=8)
def _cells(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Each line's cells (stripped bounds) when it splits in two or more, else ()."""
    out: list[tuple[tuple[int, int], ...]] = []
    pos = 0
    for line in text.split("\n"):
        cells = []
        for a, b in cell_bounds(line, CELL_SPLIT):
            while a < b and line[a] in " \u3000":
                a += 1
            while b > a and line[b - 1] in " \u3000":
                b -= 1
            if a < b:
                cells.append((pos + a, pos + b))
        out.append(tuple(cells) if len(cells) >= 2 else ())
        pos += len(line) + 1
    return tuple(out)


@lru_cache(maxsize=8)
def _name_cells(text: str) -> frozenset[tuple[int, int]]:
    return frozenset(
        cell for row in _cells(text) for cell in row if name_like(text[cell[0] : cell[1]])
    )


def _line_index(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


def _table_features(p: Proposal, text: str) -> list[str]:
    rows = _cells(text)
    index = _line_index(text, p.start)
    if index >= len(rows) or (p.start, p.end) not in rows[index]:
        return []
    names = _name_cells(text)
    features = ["whole_cell"]
    column = rows[index].index((p.start, p.end))
    if any(c in names for c in rows[index] if c != (p.start, p.end)):
        features.append("row_other_name")
    for other in (index - 1, index + 1, index - 2, index + 2):
        if 0 <= other < len(rows) and len(rows[other]) > column and rows[other][column] in names:
            features.append("column_names")
            break
    count = len(names - {(p.start, p.end)})
    features.append(f"doc_name_cells:{next((f'<{e}' for e in (1, 3, 6) if count < e), 'big')}")
    return features


def phrase_features(flat: str) -> list[str]:
    """A cell or list item that reads as words, not a name: four characters without a
    double surname or a minority name's syllables (高龄津贴, 于法有据), or an idiom or
    everyday word of two characters or more inside (花名册, 程序规范). In a roster these
    stand where names stand; the surname a name starts with makes them look like one."""
    features = ["kin_word"] if flat in KIN_WORDS else []  # 孙子, 长女: a relation's cell
    if len(flat) == 4 and flat[:2] not in surnames()[1] and not set(flat) <= SYLLABARY:
        features.append("phrase4")
    if len(flat) >= 2 and everyday_words(flat):
        features.append("everyday_inside")
    return features


def structure_features(p: Proposal, text: str) -> list[str]:
    """The list and table features of a PERSON proposal (see the module's docstring)."""
    features = ["doc_roster"] if roster_document(text) else []
    if roster_document(text) and p.start < 300 and _heading_line(text, p.start):
        features.append("in_heading")  # 低保对象花名册: the title names no one
    features += phrase_features(re.sub(rf"[\s\u3000{NAME_DOTS_WIDE}]", "", p.text))
    a, b = line_bounds(text, p.start, p.end)
    if not ROW_NUMBER.search(text, a, b):
        prev = text[text.rfind("\n", 0, max(0, a - 1)) + 1 : max(0, a - 1)]
        nxt_end = text.find("\n", b + 1)
        nxt = text[b + 1 : nxt_end if nxt_end >= 0 else len(text)] if b < len(text) else ""
        if ROW_NUMBER.search(prev) or ROW_NUMBER.search(nxt):
            features.append("number_next_line")
    features += _table_features(p, text)
    whole = _edge(text[p.start - 1 : p.start] if p.start else "") and (
        _edge(text[p.end : p.end + 1]) or text[p.end : p.end + 1] in "（(等"
    )
    if whole:
        before = BEFORE_TOKEN.search(text, max(0, p.start - 50), p.start)
        after = AFTER_TOKEN.match(text, p.end, min(len(text), p.end + 50))
        if (before and name_like(before.group(1))) or (after and name_like(after.group(1))):
            features.append("beside_name")
        count = COUNT_AFTER.match(text, p.end, min(len(text), p.end + 140))
        if count and not NOT_PRIVATE_COUNT.match(text, count.end()):
            features.append(f"count_after:{'户' if count.group(1) == '户' else '人'}")
    return features

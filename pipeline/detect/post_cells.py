"""A row's cell that holds an official's post: the row lists an officer in office.

Offices publish their 调解委员会 members, a 交警中队's duty roster or a 服务站's staff as
rows without a header — "李　强　专职调解员　0771-5551234" — the name, the post, the office
phone. 第二十条 publishes such officers; the post stands in the next cell, not right
beside the name, so the title rules (局长王东, 王东副区长) do not see it, and the landline
at the row's end is the office's, not the person's.

A cell counts when it ends with a title of ``lexicons/official_person_roles.txt`` or one
of the posts below; a row that also holds a private number (an ID, a mobile) is a party's
row, never an officer's. A post followed by another name (…　周文国　社区党委书记 王兰鸣,
a roster's 审核人 column) is that name's: the name before it is no officer.

Written for this project from how 组成人员名单 and 值班表 are drafted.
"""

from __future__ import annotations

import re

from pipeline.detect.chinese_name import surnames
from pipeline.detect.line_cells import line_bounds
from pipeline.lexicons import lexicon_cache, load_terms

# Posts of a committee or a station that the title lexicon does not hold (they would
# read too much in prose: 委员 stands in 村民委员会).
CELL_POSTS = ("委员", "辅警", "干事", "科员", "队长", "民警", "调解员", "主任")
# Posts that end like one but hold no office: a school's 班主任 is a teacher, not 主任.
NOT_POSTS = ("班主任",)
# Cells: split by a tab or full-width/ASCII spaces; a numbered item's fields by a comma
# （2）李强，专职调解员，办公电话…
GAP = re.compile(r"[\t \u3000]+")
FIELD_GAP = re.compile(r"[\t \u3000]+|[，,]")
CELL = re.compile(r"[\u4e00-\u9fff]{2,8}")
PRIVATE_NUMBER = re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")


@lexicon_cache
def _posts() -> tuple[str, ...]:
    terms = set(load_terms("official_person_roles")) | set(CELL_POSTS)
    return tuple(sorted(terms, key=len, reverse=True))


def is_post(cell: str) -> bool:
    """The cell is a post: 专职调解员, 值班民警, 副主任 (never a private role: 申请人)."""
    return bool(CELL.fullmatch(cell)) and cell.endswith(_posts()) and not cell.endswith(NOT_POSTS)


def post_cell_after(text: str, end: int) -> str | None:
    """The post in the cell right after a name ending at ``end`` ("李　强　主任　…"), or
    None; a row with a private number is a party's."""
    gap = FIELD_GAP.match(text, end)
    if gap is None:
        return None
    cell = re.match(r"[^\t \u3000\n，,；;。]+", text[gap.end() :])
    if cell is None or not is_post(cell.group(0)):
        return None
    after = gap.end() + cell.end()
    if _name_follows(text, after) or not text[after:].split("\n", 1)[0].strip(" \u3000\t"):
        return None  # 社区党委书记 王兰鸣, or a last cell: the post of a name after it
    a, b = line_bounds(text, end)
    return None if PRIVATE_NUMBER.search(text[a:b]) else cell.group(0)


def _name_follows(text: str, pos: int) -> bool:
    """A surname-led word of two to four characters (a padding space inside) stands in the
    next cell or after one space."""
    m = re.compile(
        r"[\t \u3000]+([\u4e00-\u9fff](?:\u3000?[\u4e00-\u9fff]){1,3})(?![\u4e00-\u9fff])"
    ).match(text, pos)
    if m is None:
        return False
    single, double = surnames()
    word = m.group(1)
    return word[0] in single or word[:2] in double


def officer_line(line: str) -> str | None:
    """The line opens with an official title and its colon (稽核人员：王东、李明　联系电话：
    0771-…) and holds no private number: the officers' line; its landline is the office's."""
    m = re.match(r"[ \u3000]*([\u4e00-\u9fff]{2,8})[：:]", line)
    if m is None or PRIVATE_NUMBER.search(line) or not is_post(m.group(1)):
        return None
    return m.group(1)


def post_in_row(line: str) -> str | None:
    """A cell of a header-less row (three cells or more) that is a post, or None."""
    cells = [c for c in GAP.split(line.strip()) if c]
    if len(cells) < 3 or PRIVATE_NUMBER.search(line):
        return None
    return next((c for c in cells if is_post(c)), None)

"""A name in a form's cell or a table's column that an office's staff fill (第二十条).

Forms flattened to text put the field and its value in neighbouring cells — "人口协管员
<TAB>邓豪红<TAB>经办民警<TAB>赖浩红", "初审：李明<TAB>复核：赵强" — and 台账 give the office's
staff a column of their own ("学生姓名  …  包保干部  劝返情况"). The title rules see a
title right beside a name; here a tab or a run of spaces stands between, or the title is
the column's header lines above. Such a field is a post when it is a term of
``lexicons/official_person_roles.txt`` (or a cell post of :mod:`post_cells`) or of
``lexicons/grid_posts.txt``, which holds words that are posts only as a whole cell.

Written for this project from how 登记表, 审批表 and 台账 are laid out.
"""

from __future__ import annotations

import re

from pipeline.detect.context import column_header, line_bounds
from pipeline.detect.post_cells import is_post
from pipeline.lexicons import lexicon_cache, load_terms

# The cell right before the name: a field, maybe a note in brackets, then a colon, a tab
# or a run of two spaces or more.
FIELD_BEFORE = re.compile(
    r"(?:^|[\t \u3000：:，,；;])(?P<field>[\u4e00-\u9fff]{2,8})(?:[（(][^（）()\n]{1,6}[）)])?"
    r"(?:[：:][ \u3000\t]*|\t[ \u3000\t]*|[ \u3000]{2,})$"
)


@lexicon_cache
def _grid_posts() -> tuple[str, ...]:
    return tuple(sorted(load_terms("grid_posts"), key=len, reverse=True))


@lexicon_cache
def _private_roles() -> tuple[str, ...]:
    return tuple(load_terms("private_person_roles"))


def grid_post(cell: str) -> bool:
    """``cell`` (a whole field or header) names a post of the office's staff — never a
    party's field that ends like one (被调查人, 受送达人, 申请人)."""
    cell = cell.strip(" \u3000\t：:")
    if not cell or cell.startswith(("被", "受")) or cell.endswith(_private_roles()):
        return False
    return is_post(cell) or cell.endswith(_grid_posts())


def post_field(text: str, start: int) -> str | None:
    """The post whose field the name at ``start`` fills — the cell before it on its line,
    or its column's header — or None."""
    line_start, _line_end = line_bounds(text, start)
    m = FIELD_BEFORE.search(text[line_start:start])
    if m is not None and grid_post(m.group("field")):
        return m.group("field")
    header = column_header(text, start)
    if header is not None and grid_post(header):
        return header.strip()
    return None


# What a form's field label ends with: 房号, 证号, 地址, 日期, 金额, 编码 — never a given name.
FIELD_ENDS = ("号", "码", "址", "期", "额")


def field_word(text: str, start: int, end: int) -> str | None:
    """Why the words at ``start``–``end`` are a form's label, not a name: a post standing
    as a cell (a header's 包保干部), or a label ending in 号/码/址 before its colon (房号：)
    or as a cell of a header row (序号  房号  业主姓名)."""
    value = text[start:end]
    if grid_post(value) and not text[start - 1 : start].strip(" \u3000\t\n"):
        return "表格中的职务栏目"
    if value.endswith(FIELD_ENDS) and (
        text[end : end + 1] in ("：", ":") or _header_cell(text, end)
    ):
        return "表格中的填写项目"
    return None


def _header_cell(text: str, end: int) -> bool:
    """A cell gap follows ``end`` on a line of three cells or more with no digit: a header."""
    if not re.match(r"\t|[ \u3000]{2,}", text[end : end + 2]):
        return False
    line_start, line_end = line_bounds(text, end)
    line = text[line_start:line_end]
    return len(re.findall(r"\t|[ \u3000]{2,}", line)) >= 2 and not re.search(r"[0-9０-９]", line)

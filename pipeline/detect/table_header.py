"""Table rows the header or the caption above it makes secret, whatever the row says.

A county office sets the secret part of a paper as a table as often as in sentences, and
a row (新桥泵站⇥砂石料⇥849) has none of the words the sentence rules need: its header and
its caption say what it is. Read here, for a paper that is no published notice:

- **a draft's table** (第十六条): a caption naming a draft or an estimate (附：征地补偿
  测算稿（未定稿）, 初步测算表, 讨论稿) — its rows are figures not yet settled;
- **an assessment column** (第十六条): a header column of 考核/考察/评议 意见 or 评价 — the
  remark about a person, before any decision;
- **a company's prices** (第十五条): a row whose first cell names a company, under a
  header of prices, bargains or costs (供应商⇥首轮报价⇥末轮报价⇥让利说明) — each row is
  that company's figures (the name stays, as a trade-secret span leaves it out);
- **stock and where it is** (第十四条): a header with a place column (位置, 地点, 点位,
  库点) and an amount column (数量, 库存) about stores (物资, 储备, 仓库 in the header or
  caption) — the rows are what is stored where.

The span is the value cells: from the second cell (the first names the row: a 村组, a
序号, a company), or from the assessment column.
"""

from __future__ import annotations

import re

from pipeline.detect.clause_spans import named_company
from pipeline.finding import Explanation, Finding

DRAFT_CAPTION = re.compile(r"测算稿|测算表|未定稿|初稿|草稿|讨论稿|送审稿|初步测算|内部测算|暂定")
ASSESS_HEAD = re.compile(r"(?:考核|考察|评议|测评)[^\t]{0,4}(?:意见|评价|评语)")
PRICE_HEAD = re.compile(r"报价|议价|单价|让利|折扣|返利|成本|毛利|结算价|采购价|供货价")
PLACE_HEAD = re.compile(r"位置|地点|点位|库点|存放|地址")
AMOUNT_HEAD = re.compile(r"数量|库存|储量|存量")
# (储存点, 存放点: where goods are kept, dangerous or not)
STORE_WORDS = re.compile(r"物资|储备|仓库|库房|库点|库存|防汛|救灾|应急|储存|存放点")
FIGURE = re.compile(r"[0-9０-９]")


def lines_up(text: str, start: int) -> tuple[str | None, str]:
    """The header row above the row at ``start`` (the top of its run of tab lines) and
    the caption line above that header, over one blank line (empty when none)."""
    a = text.rfind("\n", 0, start) + 1
    header = None
    while a > 0:
        prev = text.rfind("\n", 0, a - 1) + 1
        line = text[prev : a - 1]
        if "\t" not in line:
            if not line.strip() and prev > 0:  # (a blank line between caption and table)
                line = text[text.rfind("\n", 0, prev - 1) + 1 : prev - 1]
            return header, line.strip()
        header, a = line, prev
    return header, ""


def cell_start(text: str, start: int, end: int, index: int) -> int:
    """Where cell ``index`` of the row at ``start`` begins (``start`` when it has fewer)."""
    at = start
    for _ in range(index):
        tab = text.find("\t", at, end)
        if tab < 0:
            return start
        at = tab + 1
    return at


def row_finding(label: str, text: str, a: int, b: int, why: str, source: str) -> Finding:
    """A clause finding a table rule makes (clause_lexicon's, at its rule score 0.7)."""
    detail = Explanation("clause_lexicon", source, 0.7, 0.7, None, (), why)
    return Finding(label, a, b, text[a:b], 0.7, "clause_lexicon", why, None, detail)


def row_by_header(text: str, start: int, end: int) -> Finding | None:
    """The secret a table row holds by its header and caption, or None (the caller has
    made sure the paper is no published one and the row is no header)."""
    header, caption = lines_up(text, start)
    if header is None:
        return None
    cells = text[start:end].rstrip("\n").split("\t")
    if len(cells) < 2:
        return None
    heads = header.split("\t")
    values = "\t".join(cells[1:])
    if DRAFT_CAPTION.search(caption) and FIGURE.search(values):
        why = "测算稿、未定稿中的数字，尚未确定，属过程性信息（第十六条）"
        return row_finding(
            "INTERNAL", text, cell_start(text, start, end, 1), end, why, "rule:draft_table"
        )
    column = next((i for i, h in enumerate(heads) if i and ASSESS_HEAD.search(h)), None)
    if column is not None and column < len(cells) and cells[column].strip():
        why = "考核考察意见，属内部人事管理过程信息（第十六条）"
        a = cell_start(text, start, end, column)
        return row_finding("INTERNAL", text, a, end, why, "rule:assessment_column")
    if PRICE_HEAD.search(header) and named_company(cells[0]) and FIGURE.search(values):
        why = "企业报价、议价及让利条件，属商业秘密（第十五条）"
        a = cell_start(text, start, end, 1)
        return row_finding("TRADE_SECRET", text, a, end, why, "rule:price_table")
    if (
        PLACE_HEAD.search(header)
        and AMOUNT_HEAD.search(header)
        and STORE_WORDS.search(header + caption)
        and FIGURE.search(values)
    ):
        why = "物资储备的存放地点及数量，未标密级，应报保密工作部门确定（第十四条）"
        a = cell_start(text, start, end, 1)
        return row_finding("STATE_SECRET", text, a, end, why, "rule:stock_table")
    return None

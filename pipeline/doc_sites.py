"""Tables that place the reserves or the defence works, beyond :mod:`pipeline.doc_defence`.

The sentence readers of :func:`doc_kinds.state_secret_reason` find a 库 with its tonnes or a
人防工程 with its 东经/北纬 in one sentence. An office as often lays the same facts out as a
**table**, and then the unit and the words sit in the head, the figures in the rows:

- a table whose head names the **store** (库点, 仓储点, 承储单位, 仓库) and its **stock**
  (库存, 储存数量, 在库数量), with figures down the rows, in a paper on reserves or relief
  goods: where the 储备 lies and how much each store holds (粮食和物资储备 保密事项范围);
  a sale notice (竞价, 拍卖) lists its lots so and stays published;
- **coordinates in degrees** (E112.33 N28.10, 112.33°E) beside 人防/military works, two or
  more of them: the position of defence works.

Either is an unmarked state secret: withheld under 第十四条 and sent to the 保密 office.
"""

from __future__ import annotations

import re

from pipeline.detect.state_secret import PUBLIC_SALE
from pipeline.doc_kinds import DEFENCE_SITE

CELL_SPLIT = re.compile(r"[｜|│\t]|[ 　]{2,}")
STORE_CELL = re.compile(r"库点|仓储点|储备点|承储|仓库|库名|粮库|粮站|存放(?:地点|单位)")
STOCK_CELL = re.compile(r"库存|储存数量|存储数量|在库数量|储量|存量")
RESERVE = re.compile(r"储备|救灾|应急物资|战备物资|物资储存|代储")
NUMBER_CELL = re.compile(r"^[0-9０-９〇][0-9０-９〇.,，]*$")
DEFENCE_WORKS = re.compile(rf"{DEFENCE_SITE.pattern}|人民防空|防空地下室")
PUBLIC_SHELTER = re.compile(r"避难场所|疏散场所|停车|对外开放|开放名录")
LONGITUDE = re.compile(
    r"(?<![A-Za-z])[EW][:：]?[0-9]{2,3}(?:[.．][0-9]+|°)|[0-9]{2,3}(?:[.．][0-9]+)?°[EW]|东经[0-9]{2,3}"
)
LATITUDE = re.compile(
    r"(?<![A-Za-z])[NS][:：]?[0-9]{1,2}(?:[.．][0-9]+|°)|[0-9]{1,2}(?:[.．][0-9]+)?°[NS]|北纬[0-9]{1,2}"
)


def _cells(line: str) -> list[str]:
    """The cells of a table line, each with a letter-spacing scan's single spaces taken out."""
    return [re.sub(r"\s", "", c) for c in CELL_SPLIT.split(line.strip()) if c.strip()]


def stock_table_reason(text: str) -> str | None:
    """Why a table sets each store beside its stock in a reserve paper, or None."""
    if not RESERVE.search(text) or PUBLIC_SALE.search(text):
        return None
    lines = text.split("\n")
    for k, line in enumerate(lines):
        # the head line, read whole: closing up a letter-spaced line runs its cells together
        head = re.sub(r"\s", "", line)
        if len(head) > 40 or re.search(r"[。，；]", head):
            continue
        if not (STORE_CELL.search(head) and STOCK_CELL.search(head)):
            continue
        rows = [_cells(row) for row in lines[k + 1 : k + 12]]
        if sum(1 for r in rows if len(r) >= 3 and NUMBER_CELL.match(r[-1])) >= 2:
            return "以表格逐一列出储备物资的承储库点及其库存数量"
    return None


def site_degrees_reason(text: str) -> str | None:
    """Why the paper places defence works by their coordinates in degrees, or None."""
    flat = re.sub(r"\s+", "", text)  # a text layer cuts "E⏎103.72" and letter-spaces cells
    if not DEFENCE_WORKS.search(flat) or PUBLIC_SHELTER.search(flat):
        return None
    if len(LONGITUDE.findall(flat)) >= 2 and len(LATITUDE.findall(flat)) >= 2:
        return "以经纬度逐一标出人防或军事设施的位置"
    return None


def site_table_reason(text: str) -> str | None:
    """A stock table of the reserves or coordinates of defence works; None when neither."""
    return stock_table_reason(text) or site_degrees_reason(text)

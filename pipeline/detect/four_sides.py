"""The neighbours a plot's 四至 names: 东至李四家，西至村道，南至王五户自留地.

A 宅基地 or 建房 审批表, a 土地承包 contract and a 不动产 survey bound the plot by what
lies on each side; where that is a neighbour's house or field, the 四至 names the
neighbour — a private person (第十五条) no role word introduces. The name is read after
[东南西北]至 and must run into what the neighbour owns (家, 户, 宅, 房屋, 宅基地, 承包地 …),
so 南至村道 and 北至山脚 read nothing.
"""

from __future__ import annotations

import re

from pipeline.detect.chinese_name import read_name

SIDE = re.compile(r"(?:^|(?<=[，,；;：:\s。]))[东南西北]至")
HOLDING = re.compile(r"(?:家|户|房屋|住房|住宅|宅基地|宅|承包地|自留地|责任田|菜地|山林|林地|院墙)")


def four_sides_names(text: str) -> list[tuple[int, str]]:
    """(start, name) of every neighbour a 四至 bounds a plot by."""
    out: list[tuple[int, str]] = []
    for m in SIDE.finditer(text):
        pos = m.end()
        for size in (4, 3, 2):
            head = text[pos : pos + size]
            if HOLDING.match(text, pos + size) and _name_before_holding(text, pos, size) == head:
                out.append((pos, head))
                break
    return out


def _name_before_holding(text: str, pos: int, size: int) -> str | None:
    """The name at ``pos``, read as ending where the holding word starts: 东至李四宅 is
    李四's house, though 李四宅 alone reads as a three-character name."""
    name = read_name(text, pos, strong=True)
    if name is None or len(name) <= size:
        return name
    window = max(0, pos - 20)
    return read_name(text[window : pos + size] + "，", pos - window, strong=True)

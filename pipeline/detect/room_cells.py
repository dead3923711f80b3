"""A flat's 栋-单元-室 written as bare numbers in a 房号 column: 9-2-1503 (ADDRESS).

An estate's 维修资金 分摊清单, a 物业 fee list or a 居住登记 row gives each owner's flat
as three numbers joined by hyphens under a 房号 (房间号, 门牌号) header; the estate is in
the title. The cell alone has no 栋/室 for the cue rules to see, and the phone rules read
it as a local number — but a phone number has no one- or two-digit group in its middle.
The building-unit-room of one household is its home (第十五条).

Written for this project from how 住建/物业 lists are laid out.
"""

from __future__ import annotations

import re

from pipeline.detect.context import column_header
from pipeline.detect.header_above import header_above

# 栋-单元-室: a building of up to three digits, a unit of one or two, a room of three or four.
DOOR = re.compile(r"(?<![0-9０-９\-－])[0-9]{1,3}[-－][0-9]{1,2}[-－][0-9]{3,4}(?![0-9０-９\-－])")
ROOM_HEADERS = ("房号", "房间号", "门牌号", "门牌", "户号", "房屋编号")


def door_number(text: str) -> bool:
    """``text`` is written as a building-unit-room (9-2-1503), not as a phone number."""
    return DOOR.fullmatch(text.strip()) is not None


def room_cells(text: str) -> list[tuple[int, int, str]]:
    """(start, end, header) of every 栋-单元-室 cell under a 房号-type column header."""
    out = []
    for m in DOOR.finditer(text):
        header = column_header(text, m.start())
        if header is None or not any(h in header for h in ROOM_HEADERS):
            header = header_above(text, m.start(), ROOM_HEADERS)  # a wrapped header row
        if header is not None and any(h in header for h in ROOM_HEADERS):
            out.append((m.start(), m.end(), header))
    return out

"""A shop's or an estate's trade name read as a person's name (金桂物业公司, 丽景物业,
永辉超市, 锦江酒店).

Shops and estate managers are named by a trade name of two or three characters put
right before what the business is: 物业公司, 物业服务中心, 超市, 酒店. A name proposer
that knows 金 and 丽 as surnames reads 金桂 and 丽景 as people, yet a word directly
followed by such a suffix is the first part of an organisation's name, not a person.
A PDF wrap may fall inside the suffix (金桂物\\n业公司), so the text is read across it.
物业费 (a fee an owner owes) is no business: 业主王东物业费欠缴 still names 王东.

Written for this project from how 社区矫正, 信访 and 网格 papers name where a person works.
"""

from __future__ import annotations

import re

# What a business is, named right after its trade name.
TRADE_SUFFIX = re.compile(
    r"(?:物业(?:服务|管理)?(?:有限)?(?:公司|中心|处)|物业(?![费税])|超市|酒店|大酒店|宾馆|"
    r"饭店|商店|商行|商场|便利店|药店|药房|餐馆|餐厅|有限(?:责任)?公司|集团)"
)
# How far after the proposal the suffix is read (its longest form, plus a wrap).
READ_AHEAD = 10


def trade_name(text: str, start: int, end: int) -> bool:
    """The words at ``start``–``end`` open an organisation's name: a business's suffix
    begins right after them, or inside them after two characters (金桂物 of 金桂物\\n业公司)."""
    value = text[start:end]
    joined = (value + text[end : end + READ_AHEAD]).replace("\n", "")
    for cut in range(2, len(value.replace("\n", "")) + 1):
        if TRADE_SUFFIX.match(joined, cut):
            return True
    return False

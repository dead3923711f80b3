"""Words in a 花名册's or 公开栏's cells that a name proposer reads as a name though no
person is named: a village group's number and a header's note in brackets.

- A 组别 / 所在组 column gives each household's 村民小组 (三组, 十一组) or 生产队 (七队), and
  the 社 or 屯 that stand for them in the south-west and north-east; ordinal plus unit is a
  group of households, never a person — however the row-with-numbers layout reads it.
- A header may say how its column is written: 证件号（脱敏）, 身份证号（后四位）, 金额（元）.
  A word in brackets right after a field's name is that note, not a name.

Written for this project from how 村务公开栏, 补贴 发放名单 and 台账 are laid out.
"""

from __future__ import annotations

import re

# An ordinal (Chinese or Arabic), then the unit a village is divided into.
GROUP_NUMBER = re.compile(
    r"(?:[一二三四五六七八九十百零〇两]{1,4}|[0-9０-９]{1,3})(?:组|队|社|屯|村民小组|生产队)"
)
# A field's name ending right before the bracket: 证件号（, 身份证号码（, 金额（, 姓名（.
FIELD_BEFORE_NOTE = re.compile(r"(?:号|码|证|名|额|址|期|话|卡)[（(]$")


def group_number(value: str) -> bool:
    """``value`` is a 村民小组's or 生产队's number (三组, 七队, 12组)."""
    return GROUP_NUMBER.fullmatch(value.replace("\n", "")) is not None


def header_note(text: str, start: int, end: int) -> bool:
    """The words fill the brackets right after a field's name (证件号（脱敏）)."""
    return FIELD_BEFORE_NOTE.search(text[max(0, start - 2) : start]) is not None and text[
        end : end + 1
    ] in ("）", ")")

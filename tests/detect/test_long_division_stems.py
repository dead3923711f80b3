"""A four-character division's short name (齐齐哈尔 of 齐齐哈尔市, 乌鲁木齐, 呼和浩特)
opening a firm's name is a place: a name proposer read 齐齐哈尔顺 of 齐齐哈尔顺丰砂石有限公司
as a person (attribute_eighteenth, 事故调查报告)."""

from __future__ import annotations

import pytest

from pipeline.detect.name_lookalikes import not_a_name
from pipeline.detect.place_trades import division_trade


@pytest.mark.parametrize(
    ("text", "word", "place"),
    [
        ("2024年，齐齐哈尔顺丰砂石有限公司发生一起事故", "齐齐哈尔顺", True),
        ("张某某，男，47岁，齐齐哈尔安泰建设工程有限公司作业人员", "齐齐哈尔安泰", True),
        ("乌鲁木齐宏达化工有限公司", "乌鲁木齐宏", True),
        ("呼和浩特金石矿业有限公司", "呼和浩特金", True),
        ("晋中鑫达建筑劳务有限公司", "晋中鑫", True),
        # the proposer left the stem's first character with the word before, at a wrap
        ("建议由市场监督管理局对齐\n齐哈尔顺丰砂石有限公司处以罚款", "齐哈尔顺", True),
        # a person stays a person
        ("吴江红与华为公司签订合同", "吴江红", False),
        ("当事人齐晓明，男，35岁", "齐晓明", False),
        ("邵阳明与某公司", "邵阳明", False),
    ],
)
def test_long_division_stems(text: str, word: str, place: bool) -> None:
    start = text.index(word)
    end = start + len(word)
    assert (division_trade(text, start, end) or not_a_name(text, start, end) is not None) is place

"""A 房号 column's header found over wrapped rows and a header row broken in two."""

from __future__ import annotations

import pytest

from pipeline.detect.header_above import header_above
from pipeline.detect.room_cells import ROOM_HEADERS, room_cells

WRAPPED = (
    "序号  房号        业主姓名    建筑\n面积(㎡)  分摊金额(元)  联系电话\n"
    "1     8-4-203     范平强   \n   148.20      2316.00  \n    13911157190\n"
    "2     8-2-901     陆浩    \n    72.88      2425.00  \n"
)


@pytest.mark.parametrize(
    ("text", "value", "header"),
    [
        (WRAPPED, "8-4-203", "房号"),
        (WRAPPED, "8-2-901", "房号"),
        (WRAPPED, "范平强", None),  # the name's column is 业主姓名
        ("序号  房号  姓名\n\n1  8-4-203  张三\n", "8-4-203", None),  # a blank line between
        ("序号  电话  姓名\n1  0733-12-1234  张三\n", "0733-12-1234", None),
    ],
)
def test_header_above(text: str, value: str, header: str | None) -> None:
    assert header_above(text, text.index(value), ROOM_HEADERS) == header


def test_room_cells_read_under_a_wrapped_header() -> None:
    assert [WRAPPED[a:b] for a, b, _h in room_cells(WRAPPED)] == ["8-4-203", "8-2-901"]

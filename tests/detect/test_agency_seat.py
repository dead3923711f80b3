"""An agency's seat at the head of its line (自然资源所 民主路34号) is published, not a home."""

from __future__ import annotations

import pytest

from pipeline.detect.agency_seat import agency_seat


@pytest.mark.parametrize(
    ("text", "address", "agency"),
    [
        ("公示期自公告之日起十五日。自然资源所 民主路34号\n", "民主路34号", "自然资源所"),
        ("起十五日。自然资源\n所 人民东路64号\n", "人民东路64号", "自然资源所"),
        ("联系单位：\n石桥镇人民政府\u3000中山路1号\n", "中山路1号", "石桥镇人民政府"),
        ("住址：民主路34号\n", "民主路34号", None),  # a home cue, no agency
        ("张三 民主路34号 13800138000\n", "民主路34号", None),  # a person's row
        ("张三 自然资源所 民主路34号\n", "民主路34号", None),  # the line opens with a name
        ("红旗村 民主路34号\n", "民主路34号", None),  # a village is no agency
    ],
)
def test_agency_seat(text: str, address: str, agency: str | None) -> None:
    assert agency_seat(text, text.index(address)) == agency
